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
            try await BlockingThread.run {
                Result { () throws(PluginError) in try run(at: time) { cancellation.isSet } }
            }.get()
        } onCancel: {
            cancellation.set()
        }
    }

    /// One run of the plugin, blocking the calling thread until it ends or is stopped.
    func run(at time: Double, isCancelled: () -> Bool = { false }) throws(PluginError) -> CollectionResult {
        let process: PluginProcess
        do {
            process = try PluginProcess(argv: argv, environment: environment, directory: directory, withStdin: false)
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

/// The first line of a plugin's stderr, at most 512 bytes; the rest is read and dropped.
struct StderrFirstLine {
    private var bytes: [UInt8] = []
    private var complete = false

    mutating func consume(_ chunk: UnsafeRawBufferPointer) {
        for byte in chunk where !complete {
            if byte == 0x0A {
                complete = !bytes.isEmpty
            } else if bytes.count < 512 {
                bytes.append(byte)
            }
        }
    }

    /// The line, trimmed; nil when stderr was empty.
    var text: String? {
        let line = String(decoding: bytes, as: UTF8.self).trimmingWhitespace
        return line.isEmpty ? nil : line
    }
}

/// The stdout and stderr pipes of a running plugin, read as they become readable.
struct PluginPipes {
    private var stdout: Int32?
    private var stderr: Int32?
    private var buffer = [UInt8](repeating: 0, count: 65_536)

    init(stdout: Int32, stderr: Int32) {
        self.stdout = stdout
        self.stderr = stderr
    }

    /// Whether either pipe may still deliver output.
    var isOpen: Bool { stdout != nil || stderr != nil }

    /// Waits up to `wait` seconds for output, then reads everything available, handing each
    /// chunk to `deliver` with whether it came from stdout.
    mutating func drain(wait: Double, _ deliver: (_ isStdout: Bool, _ chunk: UnsafeRawBufferPointer) -> Void) {
        var requests = [stdout, stderr].compactMap { $0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        guard !requests.isEmpty, poll(&requests, nfds_t(requests.count), Int32(wait * 1000)) > 0 else { return }
        for request in requests where request.revents != 0 {
            let isStdout = request.fd == stdout
            // A bounded number of reads per call, so a plugin that writes faster than it is
            // read cannot keep the caller from its deadline.
            for _ in 0..<16 {
                let count = buffer.withUnsafeMutableBytes { read(request.fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count > 0 {
                    buffer.withUnsafeBytes { deliver(isStdout, UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                    continue
                }
                if count == 0 || errno != EAGAIN {
                    if isStdout { stdout = nil } else { stderr = nil }
                }
                break
            }
        }
    }

    /// Like `drain(wait:_:)`, feeding stdout to a decoder and stderr to its first line.
    mutating func drain(into decoder: inout PluginOutputDecoder, _ errors: inout StderrFirstLine, wait: Double) {
        drain(wait: wait) { isStdout, chunk in
            if isStdout { decoder.consume(chunk) } else { errors.consume(chunk) }
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
