import EcotopCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `exec` collector: runs a one-shot plugin every collection and reads its stdout
/// (docs/plugins.md).
///
/// The plugin gets `timeout` seconds; then SIGTERM, and SIGKILL after `limits.grace`. Lines it
/// printed before stopping or failing are kept. A non-zero exit or a timeout is reported as
/// `CollectionResult.failure`, with the first line of stderr as the message; a plugin that
/// cannot be started throws.
public struct ExecCollector: Collector {
    public let name: String
    public var argv: [String]
    public var environment: [String: String]
    public var directory: String?
    public var timeout: Double
    public var format: PluginOutputFormat
    public var limits: PluginLimits
    public var mapping: OutputMapping

    public init(
        name: String, argv: [String], environment: [String: String] = [:], directory: String? = nil, timeout: Double = 5,
        format: PluginOutputFormat = .auto, limits: PluginLimits = PluginLimits(), mapping: OutputMapping = OutputMapping()
    ) {
        self.name = name
        self.argv = argv
        self.environment = environment
        self.directory = directory
        self.timeout = timeout
        self.format = format
        self.limits = limits
        self.mapping = mapping
    }

    /// Runs the plugin once. Cancelling the task stops the plugin as a timeout would.
    public func collect(at time: Double) async throws -> CollectionResult {
        let cancellation = CancellationFlag()
        return try await withTaskCancellationHandler {
            do {
                return try await BlockingThread.run {
                    Result { () throws(PluginError) in try run(at: time) { cancellation.isSet } }
                }.get()
            } catch let error as ThreadStartError {
                throw PluginError(error.description)
            }
        } onCancel: {
            cancellation.set()
        }
    }

    /// One run of the plugin, blocking the calling thread until it ends or is stopped.
    func run(at time: Double, isCancelled: () -> Bool = { false }) throws(PluginError) -> CollectionResult {
        let process: PluginProcess
        do {
            process = try PluginProcess(argv: argv, environment: environment, directory: directory, withStdin: false, grace: limits.grace)
        } catch {
            throw PluginError(error.description)
        }
        var decoder = PluginOutputDecoder(collector: name, format: format, limits: limits, defaultTimestamp: time)
        var stderr = StderrFirstLine()
        let deadline = MonotonicTime.now() + timeout
        var pipes = PluginPipes(stdout: process.stdout, stderr: process.stderr)
        var timedOut = false
        while pipes.isOpen {
            if process.pollExit() != nil {
                pipes.drain(into: &decoder, &stderr, wait: 0)
                break
            }
            let left = deadline - MonotonicTime.now()
            guard left > 0, !isCancelled() else {
                timedOut = true
                break
            }
            pipes.drain(into: &decoder, &stderr, wait: min(left, 0.1))
        }
        var exit = process.waitForExit(until: timedOut ? 0 : deadline)
        if exit == nil {
            timedOut = true
            exit = process.terminate(grace: limits.grace)
        }
        var result = decoder.finish()
        result.samples = mapping.apply(result.samples)
        if isCancelled() {
            result.failure = "stopped before it finished; \(exit!)"
        } else if timedOut {
            result.failure = "timed out after \(Self.seconds(timeout)); \(exit!)"
        } else if let exit, !exit.isSuccess {
            result.failure = stderr.text.map { "\($0) (\(exit))" } ?? exit.description
        }
        return result
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// Set when the task running a collection is cancelled; read by the thread running the plugin.
final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .relaxed) }
    func set() { flag.store(true, ordering: .relaxed) }
}

/// Why a plugin collection failed as a whole.
public struct PluginError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
