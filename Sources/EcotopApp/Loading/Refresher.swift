import EcotopCore
import Dispatch
import Synchronization

/// Runs loads off the input thread. Requests wait in a queue where a newer one replaces an
/// older one of the same slot (`LoadRequest.slot`); one worker answers them in order with the
/// `DataLoader`, and the results wait until the loop takes them. Nothing here blocks the
/// caller: `submit` and `takeResults` only take a lock for a moment.
public final class Refresher: Sendable {
    private struct Queue {
        var pending: [LoadRequest] = []
        var results: [LoadResult] = []
        /// Whether a worker is answering requests now.
        var isWorking = false
        var isClosed = false
    }

    private let queue = Mutex(Queue())
    /// The loader, used only with this lock held: by the worker for each load, and by `close`.
    private let loader: Mutex<DataLoader>
    private let worker = DispatchQueue(label: "ecotop.refresher", qos: .userInitiated)
    /// Signalled each time the worker finishes a request.
    private let finished = DispatchSemaphore(value: 0)

    public init(loader: sending DataLoader) {
        self.loader = Mutex(loader)
    }

    /// Queues a read, replacing a waiting one of the same slot (a request without a slot is
    /// never replaced); a save waits before the reads.
    public func submit(_ request: LoadRequest) {
        // Read outside the lock's closure: switching over the request's kind inside it crashed
        // the release compiler (Swift 6.3.1, "Found ownership error") at fddb4be.
        let slot = request.slot, isSave = request.kind.isSave
        let startsWorker = queue.withLock { queue -> Bool in
            guard !queue.isClosed else { return false }
            if slot != nil, let waiting = queue.pending.firstIndex(where: { $0.slot == slot }) {
                queue.pending[waiting] = request
            } else if isSave {
                // A save goes before the reads waiting: a decision is on disk as soon as the
                // read in progress ends, so a killed terminal loses at most that one write.
                queue.pending.insert(request, at: queue.pending.firstIndex { !$0.kind.isSave } ?? queue.pending.endIndex)
            } else {
                queue.pending.append(request)
            }
            guard !queue.isWorking else { return false }
            queue.isWorking = true
            return true
        }
        if startsWorker { worker.async { self.work() } }
    }

    /// The results that arrived since the last call, oldest first.
    public func takeResults() -> [LoadResult] {
        queue.withLock { queue in
            defer { queue.results = [] }
            return queue.results
        }
    }

    /// Whether a read is waiting or in progress: the loop then looks for results sooner.
    public var isBusy: Bool {
        queue.withLock { $0.isWorking || !$0.results.isEmpty }
    }

    /// Waits until every submitted read is answered or `timeout` seconds pass; true when idle.
    /// For commands and tests that need the data now; the dashboard loop never waits.
    @discardableResult
    public func waitUntilIdle(timeout: Double) -> Bool {
        let deadline = DispatchTime.now() + timeout
        while queue.withLock({ $0.isWorking }) {
            if finished.wait(timeout: deadline) == .timedOut { return !queue.withLock { $0.isWorking } }
        }
        return true
    }

    /// Drops waiting reads, lets the one in progress finish, writes the waiting saves (a review
    /// decision taken just before quitting is never lost), then closes the loader (stopping
    /// collectors, closing the store). Call after the terminal is restored: this may take a
    /// collector's grace period. Throws the first save that failed, after closing.
    public func close() throws {
        let saves = queue.withLock { queue in
            queue.isClosed = true
            defer { queue.pending = [] }
            return queue.pending.filter { $0.kind.isSave }
        }
        try loader.withLock { loader in
            let failure = saves.compactMap { save -> LoadFailure? in
                if case .failure(let failure) = loader.load(save).outcome { failure } else { nil }
            }.first
            try loader.close()
            if let failure { throw failure }
        }
    }

    private func work() {
        while let request = next() {
            let start = ContinuousClock.now
            var result = loader.withLock { $0.load(request) }
            result.loadSeconds = (ContinuousClock.now - start).inSeconds
            queue.withLock { $0.results.append(result) }
            finished.signal()
        }
        finished.signal()
    }

    /// The next waiting request, or nil (and the worker stops) when there is none.
    private func next() -> LoadRequest? {
        queue.withLock { queue in
            guard !queue.isClosed, !queue.pending.isEmpty else {
                queue.isWorking = false
                return nil
            }
            return queue.pending.removeFirst()
        }
    }
}
