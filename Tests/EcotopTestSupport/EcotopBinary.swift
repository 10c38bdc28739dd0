import Foundation

/// The `ecotop` executable, built next to the test bundle of a target that depends on it, run
/// as a shell runs it: stdin, stdout and stderr are pipes, and nothing else is inherited.
public enum EcotopBinary {
    public static var path: String {
        get throws { try BuiltExecutable.path(of: "ecotop") }
    }

    /// What a run printed and how it ended.
    public struct Run {
        /// The exit status, or 128 plus the signal that killed it, as a shell's `$?`.
        public var status: Int32
        public var output: String
        public var errors: String
    }

    /// A run still going at its timeout: killed, with what it had printed.
    public struct TimedOut: Error, CustomStringConvertible {
        public var arguments: [String]
        public var timeout: Duration
        public var output: String
        public var errors: String

        public var description: String {
            "ecotop \(arguments.joined(separator: " ")) was still running after \(timeout) and was killed; "
                + "stdout so far:\n\(output)\nstderr so far:\n\(errors)"
        }
    }

    /// Runs `ecotop` with `arguments`, writing `input` to its stdin while reading its stdout and
    /// stderr, and waits for it to end; throws `TimedOut` after killing it (and whatever it
    /// started) when it has not ended within `timeout`.
    ///
    /// - Parameters:
    ///   - environment: ecotop's whole environment; nil passes on this process's.
    ///   - addressSpaceKiB: a cap on ecotop's memory (`ulimit -v`), so that reading a large
    ///     file whole makes it fail instead of filling the machine.
    public static func run(
        _ arguments: [String], input: String = "", environment: [String: String]? = nil, timeout: Duration = .seconds(60),
        addressSpaceKiB: Int? = nil
    ) throws -> Run {
        let deadline = ContinuousClock.now + timeout
        let pipes = try StandardStreamPipes()
        let limit = addressSpaceKiB.map { ["/bin/sh", "-c", "ulimit -v \($0) && exec \"$@\"", "sh"] } ?? []
        let child = try ChildProcess(
            limit + [try path] + arguments, standardInput: pipes.childInput, standardOutput: pipes.childOutput,
            standardError: pipes.childErrors, environment: environment)
        pipes.closeChildEnds()
        pipes.startWriting(Array(input.utf8))
        // stdout and stderr end when ecotop exits (it never closes them itself), so waiting for
        // the exit once they have ended takes no time.
        guard pipes.drain(until: deadline) else {
            child.signal(SIGKILL)
            _ = child.waitForExit()
            _ = pipes.drain(until: .now + .seconds(5))
            throw TimedOut(arguments: arguments, timeout: timeout, output: text(pipes.output), errors: text(pipes.errors))
        }
        let termination = child.waitForExit()
        return Run(status: termination.shellStatus, output: text(pipes.output), errors: text(pipes.errors))
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
