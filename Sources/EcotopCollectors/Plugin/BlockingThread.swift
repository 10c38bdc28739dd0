#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs blocking work (waiting on a plugin's pipes) on a thread of its own, so that a plugin
/// that hangs holds that thread and never one of the few threads Swift concurrency runs on.
enum BlockingThread {
    /// Runs `body` on a new detached thread and returns its result.
    static func run<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async throws(ThreadStartError) -> Result {
        let outcome: Swift.Result<Result, ThreadStartError> = await withCheckedContinuation { continuation in
            do throws(ThreadStartError) {
                try start { continuation.resume(returning: .success(body())) }
            } catch {
                continuation.resume(returning: .failure(error))
            }
        }
        return try outcome.get()
    }

    /// Starts `body` on a new detached thread; throws, without running it, when the system
    /// cannot start one (too many threads, no memory).
    static func start(_ body: @escaping @Sendable () -> Void) throws(ThreadStartError) {
        let context = Unmanaged.passRetained(Work(body))
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { raw in
            let work = Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue()
            work.body()
            return nil
        }, context.toOpaque())
        guard status == 0 else {
            context.release()
            throw ThreadStartError(code: status)
        }
        pthread_detach(thread)
    }

    private final class Work: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}

/// The system refused a new thread (`pthread_create` failed).
struct ThreadStartError: Error, CustomStringConvertible {
    /// The error number `pthread_create` returned (EAGAIN, ENOMEM...).
    var code: Int32

    var description: String { "cannot start a thread: \(String(cString: strerror(code)))" }
}
