import EcotopCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a plugin process ended.
public enum PluginExit: Sendable, Equatable, CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)

    public var isSuccess: Bool { self == .exited(0) }

    public var description: String {
        switch self {
        case .exited(let status): "exited with status \(status)"
        case .signalled(let number): "killed by signal \(number)\(number == SIGKILL ? " (SIGKILL)" : number == SIGTERM ? " (SIGTERM)" : "")"
        }
    }
}

/// A plugin program running as a child process, in its own process group, with its stdout
/// and stderr (and, for daemons, stdin) connected to pipes.
///
/// Spawned with posix_spawnp: the program is found on PATH and run directly, never through
/// a shell. Signals go to the whole group, so a script's own children stop with it. When the
/// plugin ends, every process it started, in its group or not, is stopped before its exit is
/// reported (`PluginDescendants`). One thread at a time drives it, except that any thread
/// may ask whether it has ended.
final class PluginProcess {
    /// Why a plugin could not be started.
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    /// Read ends, non-blocking.
    let stdout: Int32
    let stderr: Int32
    /// The write end of the plugin's stdin, when it has one (daemons); nil means /dev/null.
    private(set) var stdin: Int32?
    /// How it ended, once reaped; behind a lock so that a thread reaping it (and stopping
    /// its descendants) makes the others wait for the outcome.
    private let ending = Mutex<PluginExit?>(nil)
    private let descendants: PluginDescendants
    /// Seconds the plugin's descendants get between SIGTERM and SIGKILL when it has ended.
    private let grace: Double

    var exit: PluginExit? { ending.withLock { $0 } }

    /// Starts `argv` with the inherited environment plus `environment`, in `directory`.
    ///
    /// - Parameters:
    ///   - withStdin: a pipe to the plugin's stdin (daemons); otherwise /dev/null.
    ///   - grace: seconds between SIGTERM and SIGKILL for the processes the plugin leaves behind.
    init(argv: [String], environment: [String: String], directory: String?, withStdin: Bool, grace: Double) throws(SpawnError) {
        guard let program = argv.first, !program.isEmpty else { throw SpawnError(description: "no program to run (argv is empty)") }
        Self.ignoreBrokenPipes()
        _ = PluginDescendants.orphansAdopted
        // Pipes are created and marked close-on-exec under a lock that every spawn takes, so
        // that no other plugin inherits them (pipe2 is hidden without _GNU_SOURCE).
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        var output: [Int32] = [-1, -1], errors: [Int32] = [-1, -1], input: [Int32] = [-1, -1]
        guard Self.makePipe(&output), Self.makePipe(&errors), !withStdin || Self.makePipe(&input) else {
            let reason = String(cString: strerror(errno))
            for descriptor in output + errors + input where descriptor >= 0 { close(descriptor) }
            throw SpawnError(description: "cannot create pipes: \(reason)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if withStdin {
            posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        if let directory {
            guard let addChdir = Self.addChdir else {
                throw SpawnError(description: "cwd is not supported by this C library (needs posix_spawn_file_actions_addchdir_np)")
            }
            _ = addChdir(&actions, directory)
        }

        let spawn = ChildSpawnAttributes()

        var merged = Self.inheritedEnvironment()
        merged.merge(environment) { _, configured in configured }
        let marker = PluginDescendants.newMarker()
        merged[PluginDescendants.variable] = marker
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in cArguments + cEnvironment { free(pointer) } }
        var pid: pid_t = 0
        var status = posix_spawnp(&pid, program, &actions, &spawn.attributes, cArguments, cEnvironment)
        // A program just written may still be open for writing in a child forked meanwhile
        // (by another thread, before its exec): that passes within moments.
        for _ in 0..<5 where status == ETXTBSY {
            usleep(20_000)
            status = posix_spawnp(&pid, program, &actions, &spawn.attributes, cArguments, cEnvironment)
        }
        close(output[1])
        close(errors[1])
        if withStdin { close(input[0]) }
        guard status == 0 else {
            close(output[0])
            close(errors[0])
            if withStdin { close(input[1]) }
            let reason = status == ENOENT ? "no such program on PATH or at that path" : String(cString: strerror(status))
            throw SpawnError(description: "cannot run \(program): \(reason)\(directory.map { " (cwd \($0))" } ?? "")")
        }
        self.pid = pid
        self.descendants = PluginDescendants(plugin: pid, marker: marker)
        self.grace = grace
        self.stdout = output[0]
        self.stderr = errors[0]
        self.stdin = withStdin ? input[1] : nil
        for descriptor in [stdout, stderr] + (stdin.map { [$0] } ?? []) { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK) }
    }

    deinit {
        if exit == nil {
            signalGroup(SIGKILL)
            _ = waitForExit(until: .infinity)
        }
        close(stdout)
        close(stderr)
        closeStdin()
    }

    /// Sends `number` to the plugin's process group.
    func signalGroup(_ number: Int32) {
        guard exit == nil else { return }
        kill(-pid, number)
    }

    /// Writes a newline to the plugin's stdin: "collect now". False when the plugin is not
    /// reading (its pipe is full) or has closed its stdin.
    func signalCollection() -> Bool {
        guard let stdin else { return false }
        var newline: UInt8 = 0x0A
        while true {
            let written = write(stdin, &newline, 1)
            if written < 0, errno == EINTR { continue }
            return written == 1
        }
    }

    /// Closes the plugin's stdin: a daemon reads EOF and should exit.
    func closeStdin() {
        if let stdin { close(stdin) }
        stdin = nil
    }

    /// Reaps the plugin if it has ended, once the processes it left behind are stopped.
    ///
    /// Returns at once while the plugin runs. The plugin stays a zombie until its
    /// descendants are stopped, which keeps its pid, and so its process group's id, from
    /// being reused meanwhile.
    @discardableResult
    func pollExit() -> PluginExit? {
        ending.withLock { exit in
            guard exit == nil else { return exit }
            var info = siginfo_t()
            guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0, info.si_signo == SIGCHLD else { return nil }
            descendants.stop(grace: grace)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
            exit = Self.decode(status)
            return exit
        }
    }

    /// Waits until the plugin ends or `deadline` (monotonic seconds) passes.
    func waitForExit(until deadline: Double) -> PluginExit? {
        while pollExit() == nil {
            let left = deadline - MonotonicTime.now()
            guard left > 0 else { return nil }
            usleep(UInt32(min(left, 0.01) * 1_000_000))
        }
        return exit
    }

    /// SIGTERM to the group, then SIGKILL after `grace` seconds if it is still running.
    @discardableResult
    func terminate(grace: Double) -> PluginExit {
        signalGroup(SIGTERM)
        if let exit = waitForExit(until: MonotonicTime.now() + grace) { return exit }
        signalGroup(SIGKILL)
        return waitForExit(until: .infinity)!
    }

    private static func decode(_ status: Int32) -> PluginExit {
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }

    private static func inheritedEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return environment
    }

    private static let spawnLock = SpawnLock()

    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), looked up at run time because
    /// its declaration needs _GNU_SOURCE, which SwiftPM does not let a target define.
    private static let addChdir: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
    }()

    /// Writing to a daemon that died must fail with EPIPE, not kill Ecotop with SIGPIPE.
    private static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }
}

/// A pthread mutex, for the few lines that create pipes and spawn.
private final class SpawnLock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    func lock() { pthread_mutex_lock(&mutex) }
    func unlock() { pthread_mutex_unlock(&mutex) }
}

/// Seconds on the monotonic clock, for timeouts that must not jump with the wall clock.
enum MonotonicTime {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
    }
}
