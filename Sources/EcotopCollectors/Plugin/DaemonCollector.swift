import EcotopCore
import Synchronization

/// The `daemon` collector: a long-running plugin that prints records whenever it has them
/// (docs/plugins.md, Telegraf execd's contract).
///
/// In `signal` mode each collection writes a newline to the plugin's stdin and gathers what it
/// prints until its output has been quiet for `settle` seconds (or `timeout` passes); in
/// `freeRunning` mode a collection takes whatever arrived since the last one. When the plugin
/// dies, the collection that notices reports why (stderr's first line, exit status) and the
/// plugin is started again once a backoff has passed: `backoff.initial`, doubling after each
/// death up to `backoff.maximum`, back to the start after a collection that finds it alive.
/// Backoff follows the times collections are asked for, so an injected clock drives it.
/// `stop()` closes stdin (EOF means exit), then SIGTERM and SIGKILL after the grace period.
public final class DaemonCollector: LongRunningCollector {
    /// How the plugin is asked for data.
    public enum Mode: String, Sendable, CaseIterable {
        /// A newline on stdin per collection.
        case signal
        /// The plugin prints on its own schedule.
        case freeRunning = "free-running"
    }

    /// Seconds before restarting a plugin that died.
    public struct Backoff: Sendable, Hashable {
        public var initial: Double
        public var maximum: Double
        public init(initial: Double = 1, maximum: Double = 60) {
            self.initial = initial
            self.maximum = maximum
        }

        /// The delay after the `deaths`-th death in a row (1-based).
        public func delay(afterDeaths deaths: Int) -> Double {
            min(maximum, initial * Double(1 << min(max(deaths - 1, 0), 30)))
        }
    }

    public let name: String
    public let argv: [String]
    public let environment: [String: String]
    public let directory: String?
    public let mode: Mode
    public let timeout: Double
    public let settle: Double
    public let backoff: Backoff
    public let format: PluginOutputFormat
    public let limits: PluginLimits
    public let mapping: OutputMapping
    private let state: Mutex<DaemonState>

    public init(
        name: String, argv: [String], environment: [String: String] = [:], directory: String? = nil, mode: Mode = .signal,
        timeout: Double = 5, settle: Double = 0.1, backoff: Backoff = Backoff(), format: PluginOutputFormat = .auto,
        limits: PluginLimits = PluginLimits(), mapping: OutputMapping = OutputMapping()
    ) {
        self.name = name
        self.argv = argv
        self.environment = environment
        self.directory = directory
        self.mode = mode
        self.timeout = timeout
        self.settle = settle
        self.backoff = backoff
        self.format = format
        self.limits = limits
        self.mapping = mapping
        self.state = Mutex(DaemonState(decoder: PluginOutputDecoder(collector: name, format: format, limits: limits, defaultTimestamp: 0)))
    }

    /// How many times the plugin was started.
    public var starts: Int { state.withLock { $0.starts } }

    /// When the plugin will be started again after dying, if it is waiting to be.
    public var restartTime: Double? { state.withLock { $0.restartAt } }

    /// Whether the running plugin has ended (the next collection reports it and backs off).
    public var hasEnded: Bool { state.withLock { $0.exit != nil } }

    /// How the last plugin that ended, ended.
    public var lastExit: PluginExit? { state.withLock { $0.lastExit } }

    public func collect(at time: Double) async throws -> CollectionResult {
        try ensureRunning(at: time)
        state.withLock { $0.decoder.defaultTimestamp = time }
        let signalled = MonotonicTime.now()
        if mode == .signal {
            let delivered = state.withLock { $0.process?.signalCollection() ?? false }
            if !delivered { try await Task.sleep(for: .milliseconds(20)) }
            let deadline = signalled + timeout
            while MonotonicTime.now() < deadline {
                let (quiet, died) = state.withLock { ($0.outputSince(signalled, quietFor: settle), $0.exit != nil) }
                if quiet || died { break }
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        return state.withLock { state in
            var result = state.decoder.finish()
            result.samples = mapping.apply(result.samples)
            if let exit = state.exit {
                result.failure = state.deathMessage(exit)
            } else {
                state.deaths = 0
            }
            return result
        }
    }

    public func stop() async {
        let process = state.withLock { state -> PluginProcess? in
            defer { state.process = nil }
            state.process?.closeStdin()
            return state.process
        }
        guard let process else { return }
        let box = UncheckedBox(process)
        let grace = limits.grace
        let stopping = { @Sendable in box.value.waitForExit(until: MonotonicTime.now() + grace) ?? box.value.terminate(grace: grace) }
        // Without a thread of its own the wait blocks this task instead: the plugin is stopped either way.
        let exit = (try? await BlockingThread.run(stopping)) ?? stopping()
        state.withLock { $0.lastExit = exit }
    }

    /// Starts the plugin if it is not running and its backoff has passed; otherwise throws
    /// why it is not running.
    private func ensureRunning(at time: Double) throws {
        let started = try state.withLock { state throws(PluginError) -> UncheckedBox<PluginProcess>? in
            if let exit = state.exit {
                state.deaths += 1
                let delay = backoff.delay(afterDeaths: state.deaths)
                let message = state.deathMessage(exit)
                state.reset()
                state.restartAt = time + delay
                throw PluginError("\(message); restarting in \(ExecCollector.seconds(delay))")
            }
            if state.process != nil { return nil }
            if let restartAt = state.restartAt, time < restartAt {
                throw PluginError("not running; restarting in \(ExecCollector.seconds(restartAt - time))")
            }
            state.restartAt = nil
            do {
                let process = try PluginProcess(argv: argv, environment: environment, directory: directory, withStdin: true, grace: limits.grace)
                state.process = process
                state.starts += 1
                return UncheckedBox(process)
            } catch {
                state.deaths += 1
                state.restartAt = time + backoff.delay(afterDeaths: state.deaths)
                throw PluginError("\(error)")
            }
        }
        guard let started else { return }
        do {
            try startReading(started.value)
        } catch {
            state.withLock { $0.reset() }
            _ = started.value.terminate(grace: limits.grace)
            throw PluginError("\(error)")
        }
    }

    /// Reads the plugin's output on a thread of its own until both pipes close or the plugin
    /// ends (a child it left behind may hold them open until then), then records how it ended.
    private func startReading(_ process: PluginProcess) throws(ThreadStartError) {
        let box = UncheckedBox(process)
        try BlockingThread.start { [self] in
            var pipes = PluginPipes(stdout: box.value.stdout, stderr: box.value.stderr)
            var ended = false
            while pipes.isOpen, !ended {
                ended = box.value.pollExit() != nil
                pipes.drain(wait: ended ? 0 : 0.5) { isStdout, chunk in
                    let bytes = UncheckedBox(chunk)
                    state.withLock { state in
                        guard state.process === box.value else { return }
                        if isStdout { state.receive(bytes.value) } else { state.stderr.consume(bytes.value) }
                    }
                }
            }
            let exit = box.value.waitForExit(until: MonotonicTime.now() + limits.grace) ?? box.value.terminate(grace: limits.grace)
            state.withLock { state in
                state.lastExit = exit
                if state.process === box.value { state.exit = exit }
            }
        }
    }
}

/// A collector that owns something long-lived (a daemon plugin, an open file) to release
/// when the scheduler stops or a reload replaces it.
public protocol LongRunningCollector: Collector {
    /// Releases what the collector holds; later collections may start it again.
    func stop() async
}

/// The mutable side of a `DaemonCollector`, behind its mutex.
struct DaemonState {
    var decoder: PluginOutputDecoder
    var process: PluginProcess?
    var stderr = StderrFirstLine()
    var exit: PluginExit?
    var lastExit: PluginExit?
    var starts = 0
    var deaths = 0
    var restartAt: Double?
    var lastOutput = 0.0

    mutating func receive(_ chunk: UnsafeRawBufferPointer) {
        decoder.consume(chunk)
        lastOutput = MonotonicTime.now()
    }

    /// Whether output arrived after `start` and then stopped for `quiet` seconds.
    func outputSince(_ start: Double, quietFor quiet: Double) -> Bool {
        lastOutput >= start && MonotonicTime.now() - lastOutput >= quiet
    }

    func deathMessage(_ exit: PluginExit) -> String {
        stderr.text.map { "\($0) (\(exit))" } ?? "plugin \(exit)"
    }

    /// Forgets the process that ended.
    mutating func reset() {
        process = nil
        exit = nil
        stderr = StderrFirstLine()
    }
}

/// Moves a non-Sendable object to the one thread that uses it next.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
