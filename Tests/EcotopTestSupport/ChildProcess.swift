import EcotopCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A program run by a test: started with `posix_spawnp`, its standard streams connected to
/// descriptors the test chose, its end read with `waitpid`.
///
/// Not Foundation's `Process`: on Linux it learns that a child ended when a socket that only
/// the child should hold is closed, and any process spawned meanwhile by a concurrent test (a
/// tmux server, a plugin) inherits that socket and keeps it open; `waitUntilExit` then waits
/// as long as that process lives. Here the child keeps descriptors 0, 1 and 2 only, and every
/// descriptor this type opens is close-on-exec, so no child holds another test's pipes.
///
/// The child leads a process group of its own, so `signal(_:)` reaches whatever it started,
/// and starts with no signal blocked and the default action for SIGPIPE, SIGHUP, SIGINT,
/// SIGTERM and SIGQUIT, as from a shell, whatever this process ignores.
public struct ChildProcess: Sendable {
    /// How a child ended.
    public enum Termination: Equatable, Sendable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        /// What a shell reports as `$?`: the exit code, or 128 plus the signal's number.
        public var shellStatus: Int32 {
            switch self {
            case let .exited(code): code
            case let .signalled(number): 128 + number
            }
        }

        public var description: String {
            switch self {
            case let .exited(code): "exited with status \(code)"
            case let .signalled(number): "killed by signal \(number)"
            }
        }
    }

    public let pid: pid_t
    /// The program and its arguments, for messages.
    public let arguments: [String]

    /// Starts `arguments[0]` (found on PATH unless it holds a `/`) with the given descriptors
    /// as its stdin, stdout and stderr; nil connects that stream to /dev/null.
    ///
    /// - Parameter environment: the child's whole environment; nil passes on this process's.
    public init(
        _ arguments: [String], standardInput: Int32? = nil, standardOutput: Int32? = nil, standardError: Int32? = nil,
        environment: [String: String]? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, source) in [(STDIN_FILENO, standardInput), (STDOUT_FILENO, standardOutput), (STDERR_FILENO, standardError)] {
            if let source {
                posix_spawn_file_actions_adddup2(&actions, source, target)
            } else {
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
            }
        }
        guard let addCloseFrom = Self.addCloseFrom else {
            throw ChildProcessError("\(arguments[0]): cannot start: needs glibc 2.34 or later (posix_spawn_file_actions_addclosefrom_np)")
        }
        _ = addCloseFrom(&actions, 3)

        let spawn = ChildSpawnAttributes()

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { (argv + (envp ?? [])).forEach { free($0) } }
        var pid: pid_t = 0
        let status = if let envp {
            posix_spawnp(&pid, arguments[0], &actions, &spawn.attributes, argv, envp)
        } else {
            posix_spawnp(&pid, arguments[0], &actions, &spawn.attributes, argv, environ)
        }
        guard status == 0 else { throw ChildProcessError("\(arguments[0]): cannot start: \(String(cString: strerror(status)))") }
        self.pid = pid
        self.arguments = arguments
    }

    /// Sends `number` to the child and every process it started in its group.
    public func signal(_ number: Int32) {
        kill(-pid, number)
    }

    /// Waits for the child to end.
    public func waitForExit() -> Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return Self.termination(status)
    }

    /// Whether the child has ended, without waiting and without reaping it (`waitid` with
    /// `WNOWAIT`), so `waitForExit()` still reads how it ended.
    public var hasEnded: Bool {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == -1 {
            if errno != EINTR { return true }
        }
        return info.si_signo == SIGCHLD  // left zero while the child runs
    }

    /// A pipe whose two ends are close-on-exec in this process; a child gets one end through
    /// the descriptors passed to `init`, which this process then closes.
    public static func pipe() throws -> (reading: Int32, writing: Int32) {
        var ends: [Int32] = [-1, -1]
        guard Glibc.pipe(&ends) == 0 else { throw ChildProcessError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    private static func termination(_ status: Int32) -> Termination {
        status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), looked up at run time because
    /// its declaration needs _GNU_SOURCE, which SwiftPM does not let a target define.
    private static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()
}

/// A child process that could not be started.
public struct ChildProcessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
