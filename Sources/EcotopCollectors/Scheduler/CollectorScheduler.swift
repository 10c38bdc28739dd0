import EcotopCore
import Synchronization

/// Runs each collector on its interval and writes what it collects to a sink, keeping every
/// collector's health.
///
/// Each collector has its own task, so one that hangs or floods delays nobody else: a
/// collection that has not returned by its deadline is abandoned (marked failed, not awaited),
/// and no new collection of that collector starts while the abandoned one is still running.
/// Appends to the sink are serialized. Due times come from the injected clock, checked at
/// least every `tick` seconds, so a test can drive the schedule with a clock it moves, or call
/// `runDue()` itself.
public final class CollectorScheduler: Sendable {
    public let collectors: [ScheduledCollector]
    private let sink: any RecordSink
    private let clock: any WallClock
    private let tick: Double
    private let state: Mutex<[CollectorHealth]>
    private let inFlight: Mutex<Set<String>>
    private let sinkLock = Mutex(())
    private let loops = Mutex<[Task<Void, Never>]>([])

    /// - Parameter tick: the longest a loop sleeps before looking at the clock again.
    public init(collectors: [ScheduledCollector], sink: any RecordSink, clock: any WallClock, tick: Double = 1) {
        self.collectors = collectors
        self.sink = sink
        self.clock = clock
        self.tick = tick
        let now = clock.now()
        state = Mutex(collectors.map { CollectorHealth(name: $0.name, type: $0.type, interval: $0.interval, nextRun: now) })
        inFlight = Mutex([])
    }

    /// Every collector's health, in configuration order; callable from any thread.
    public var health: [CollectorHealth] { state.withLock { $0 } }

    /// Starts one loop per collector; each collects when due until `stop()`. Starting a
    /// scheduler that is running does nothing.
    public func start() {
        loops.withLock { loops in
            guard loops.isEmpty else { return }
            loops = makeLoops()
        }
    }

    private func makeLoops() -> [Task<Void, Never>] {
        collectors.indices.map { index in
            Task { [self] in
                while !Task.isCancelled {
                    let wait = (state.withLock { $0[index].nextRun } ?? 0) - clock.now()
                    if wait > 0 {
                        try? await Task.sleep(for: .seconds(min(wait, tick)))
                        continue
                    }
                    await run(index)
                }
            }
        }
    }

    /// Stops the loops and releases long-running collectors (daemon plugins).
    public func stop() async {
        let tasks = loops.withLock { loops in
            defer { loops = [] }
            return loops
        }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        // Each long-running collector may take its grace period to stop: stop them together.
        await withTaskGroup(of: Void.self) { group in
            for scheduled in collectors {
                if let longRunning = scheduled.collector as? any LongRunningCollector { group.addTask { await longRunning.stop() } }
            }
        }
    }

    /// Runs every collector once, all at the same time, and returns their health.
    @discardableResult
    public func runOnce() async -> [CollectorHealth] {
        await withTaskGroup(of: Void.self) { group in
            for index in collectors.indices { group.addTask { await self.run(index) } }
        }
        return health
    }

    /// Runs, together, the collectors due at the clock's current time.
    public func runDue() async {
        let now = clock.now()
        let due = state.withLock { health in health.indices.filter { (health[$0].nextRun ?? 0) <= now } }
        await withTaskGroup(of: Void.self) { group in
            for index in due { group.addTask { await self.run(index) } }
        }
    }

    /// One collection of one collector: collect within the deadline, append, record health.
    private func run(_ index: Int) async {
        let scheduled = collectors[index]
        let time = clock.now()
        let started = MonotonicTime.now()
        guard inFlight.withLock({ $0.insert(scheduled.name).inserted }) else {
            record(index, at: time, started: started, outcome: .failure(PluginError("the previous collection is still running")))
            return
        }
        state.withLock { $0[index].isRunning = true }
        let outcome = await collect(scheduled, at: time)
        var stored = outcome
        if case .success(let result) = outcome, !(result.samples.isEmpty && result.events.isEmpty) {
            do {
                try sinkLock.withLock { _ in try sink.append(samples: result.samples, events: result.events) }
            } catch {
                stored = .failure(PluginError("store: \(error)"))
            }
        }
        record(index, at: time, started: started, outcome: stored, delivered: outcome)
    }

    /// The collection, or a failure when it does not return by the collector's deadline (it is
    /// then left to finish on its own, holding its in-flight mark until it does). Cancelling
    /// the calling task (`stop()`) cancels the collection and stops waiting for it.
    private func collect(_ scheduled: ScheduledCollector, at time: Double) async -> Result<CollectionResult, any Error> {
        let first = FirstResult<Result<CollectionResult, any Error>>()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                first.set(continuation)
                first.attach(Task { [self] in
                    let result: Result<CollectionResult, any Error>
                    do { result = .success(try await scheduled.collector.collect(at: time)) } catch { result = .failure(error) }
                    inFlight.withLock { _ = $0.remove(scheduled.name) }
                    first.resume(result)
                })
                Task {
                    try? await Task.sleep(for: .seconds(scheduled.deadline))
                    if first.resume(.failure(PluginError("no answer within \(ExecCollector.seconds(scheduled.deadline)); abandoned"))) {
                        first.cancelWork()
                    }
                }
            }
        } onCancel: {
            first.cancelWork()
            first.resume(.failure(PluginError("stopped before it finished")))
        }
    }

    private func record(
        _ index: Int, at time: Double, started: Double, outcome: Result<CollectionResult, any Error>,
        delivered: Result<CollectionResult, any Error>? = nil
    ) {
        let duration = MonotonicTime.now() - started
        let now = clock.now()
        state.withLock { health in
            var entry = health[index]
            entry.isRunning = false
            entry.runs += 1
            entry.lastRun = time
            entry.lastDuration = duration
            entry.nextRun = max(time + entry.interval, now)
            let result = try? (delivered ?? outcome).get()
            entry.recordsOK = result.map { $0.samples.count + $0.events.count } ?? 0
            entry.recordsBad = result?.rejected ?? 0
            entry.problems = result?.problems ?? []
            entry.totalRecordsOK += entry.recordsOK
            entry.totalRecordsBad += entry.recordsBad
            switch outcome {
            case .success(let result): entry.lastError = result.failure
            case .failure(let error): entry.lastError = "\(error)"
            }
            if entry.lastError != nil { entry.failures += 1 } else { entry.lastSuccess = time }
            health[index] = entry
        }
    }
}

/// Resumes a continuation with whichever result arrives first, and holds the task doing the
/// work so that a deadline or a stop can cancel it.
private final class FirstResult<Value: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<Value, Never>?>(nil)
    private let work = Mutex<Task<Void, Never>?>(nil)

    func attach(_ task: Task<Void, Never>) {
        work.withLock { $0 = task }
    }

    func cancelWork() {
        work.withLock { $0?.cancel() }
    }

    func set(_ waiting: CheckedContinuation<Value, Never>) {
        continuation.withLock { $0 = waiting }
    }

    /// Resumes with `value` unless another result came first; says whether it did.
    @discardableResult
    func resume(_ value: Value) -> Bool {
        let waiting = continuation.withLock { stored in
            defer { stored = nil }
            return stored
        }
        waiting?.resume(returning: value)
        return waiting != nil
    }
}
