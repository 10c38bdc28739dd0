#if canImport(Glibc)
import Glibc
#endif

/// A short-lived program run for an event (the `on_alert` hook): started as argv like a
/// plugin (`PluginProcess`: posix_spawnp, its own process group, never a shell), with the
/// inherited environment plus `environment`, its output read and dropped but for the first
/// line of stderr, and stopped at `timeout` (SIGTERM, then SIGKILL after `grace`).
public enum HookProcess {
    /// How a run ended: nil failure when the program exited with status 0 within its timeout.
    public struct Outcome: Sendable, Equatable {
        /// Why the run failed: the spawn error, the timeout, or the exit status with the first
        /// line of stderr.
        public var failure: String?
        public var isSuccess: Bool { failure == nil }
    }

    /// Runs `argv` to its end or its timeout, blocking the calling thread.
    public static func run(argv: [String], environment: [String: String], timeout: Double, grace: Double = 1) -> Outcome {
        let process: PluginProcess
        do {
            process = try PluginProcess(argv: argv, environment: environment, directory: nil, withStdin: false, grace: grace)
        } catch {
            return Outcome(failure: error.description)
        }
        var stderr = StderrFirstLine()
        var pipes = PluginPipes(stdout: process.stdout, stderr: process.stderr)
        let deadline = MonotonicTime.now() + timeout
        while pipes.isOpen, process.pollExit() == nil {
            let left = deadline - MonotonicTime.now()
            guard left > 0 else { break }
            pipes.drain(wait: min(left, 0.1)) { isStdout, chunk in
                if !isStdout { stderr.consume(chunk) }
            }
        }
        pipes.drain(wait: 0) { isStdout, chunk in
            if !isStdout { stderr.consume(chunk) }
        }
        if let exit = process.waitForExit(until: deadline) {
            return Outcome(failure: exit.isSuccess ? nil : stderr.text.map { "\($0) (\(exit))" } ?? exit.description)
        }
        let exit = process.terminate(grace: grace)
        return Outcome(failure: "timed out after \(ExecCollector.seconds(timeout)); \(exit)")
    }

    /// Runs `argv` on a thread of its own and returns its outcome.
    public static func run(argv: [String], environment: [String: String], timeout: Double) async -> Outcome {
        do {
            return try await BlockingThread.run { run(argv: argv, environment: environment, timeout: timeout) }
        } catch {
            return Outcome(failure: error.description)
        }
    }
}
