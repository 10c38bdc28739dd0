import EcotopCore
import EcotopStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The caps that keep a plugin's output from using unbounded memory (docs/plugins.md).
public struct PluginLimits: Sendable, Hashable {
    /// The longest stdout line read; a longer line is dropped whole and counted as rejected.
    public var maxLineBytes = 65_536
    /// The most stdout bytes read per collection; the rest is read, counted and dropped.
    public var maxOutputBytes = 4 << 20
    /// The most records kept per collection; later lines are counted and dropped.
    public var maxRecords = 50_000
    /// How many problems are kept word for word; the rest are counted.
    public var maxProblems = 20
    /// Seconds between SIGTERM and SIGKILL when a plugin is stopped.
    public var grace: Double = 2

    public init() {}
}

/// The record formats of plugin stdout.
public enum PluginOutputFormat: String, Sendable, CaseIterable {
    /// Per line: a line starting with `{` is JSON, anything else Influx line protocol.
    case auto
    /// The store's JSON lines sample and event shapes (docs/store-format.md).
    case jsonl
    /// InfluxDB line protocol, as Telegraf exec plugins print it.
    case influx
}

/// Splits a plugin's stdout into lines as it arrives and decodes each one, within the caps.
///
/// Bytes are fed in whatever chunks the pipe delivers; a line is decoded when its newline
/// arrives (or at the end). Every rejected line is reported as `collector:line: why`.
struct PluginOutputDecoder {
    let collector: String
    let format: PluginOutputFormat
    let limits: PluginLimits
    /// The time of samples whose line carries none (Influx without a timestamp).
    var defaultTimestamp: Double
    private var batch = AppendBatch.detached()
    private var jsonLines = JSONLinesFormat()
    private var influxSamples: [Sample] = []
    private var pending: [UInt8] = []
    private var discardingLongLine = false
    private var line = 0
    private var records = 0
    private var outputBytes = 0
    private var droppedLines = 0
    private var problems: [String] = []
    private var rejected = 0

    init(collector: String, format: PluginOutputFormat, limits: PluginLimits, defaultTimestamp: Double) {
        self.collector = collector
        self.format = format
        self.limits = limits
        self.defaultTimestamp = defaultTimestamp
    }

    /// Whether the caps are reached: further output is only counted.
    var isFull: Bool { outputBytes >= limits.maxOutputBytes || records >= limits.maxRecords }

    /// Feeds a chunk of stdout.
    mutating func consume(_ chunk: UnsafeRawBufferPointer) {
        guard let base = chunk.baseAddress else { return }
        var start = 0
        while start < chunk.count {
            let rest = chunk.count - start
            let newline = memchr(base + start, 0x0A, rest).map { base.distance(to: UnsafeRawPointer($0)) }
            if isFull {
                droppedLines += newline == nil ? 0 : 1
                start = newline.map { $0 + 1 } ?? chunk.count
                continue
            }
            let end = newline ?? chunk.count
            let budget = limits.maxOutputBytes - outputBytes
            guard end - start <= budget else {
                // The cap falls inside this line: the line is dropped with the rest.
                outputBytes = limits.maxOutputBytes
                pending.removeAll()
                discardingLongLine = false
                continue
            }
            append(UnsafeRawBufferPointer(start: base + start, count: end - start))
            outputBytes += end - start
            guard let newline else { break }
            outputBytes += 1
            endLine()
            start = newline + 1
        }
    }

    /// Adds bytes to the line being read, or starts dropping a line that is too long.
    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard !discardingLongLine else { return }
        if pending.count + bytes.count > limits.maxLineBytes {
            discardingLongLine = true
            pending.removeAll(keepingCapacity: true)
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    /// Decodes a last line without a newline and returns everything decoded.
    mutating func finish() -> CollectionResult {
        if !pending.isEmpty || discardingLongLine { endLine() }
        if droppedLines > 0 {
            rejected += droppedLines
            problems.append("\(collector): output cap reached (\(limits.maxOutputBytes) bytes or \(limits.maxRecords) records); \(droppedLines) more line(s) dropped")
        }
        let result = CollectionResult(samples: batch.samples + influxSamples, events: batch.events, problems: problems, rejected: rejected)
        self = PluginOutputDecoder(collector: collector, format: format, limits: limits, defaultTimestamp: defaultTimestamp)
        return result
    }

    private mutating func endLine() {
        line += 1
        defer {
            pending.removeAll(keepingCapacity: true)
            discardingLongLine = false
        }
        if discardingLongLine {
            reject("line longer than \(limits.maxLineBytes) bytes; dropped")
            return
        }
        if pending.last == 0x0D { pending.removeLast() }
        guard let first = pending.first(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
        let isJSON = format == .jsonl || (format == .auto && first == UInt8(ascii: "{"))
        if isJSON { decodeJSON() } else { decodeInflux() }
    }

    private mutating func decodeJSON() {
        let before = batch.sampleCount + batch.events.count
        do {
            try pending.withUnsafeBufferPointer { bytes throws(RecordError) in try jsonLines.decode(line: bytes, into: &batch) }
            records += batch.sampleCount + batch.events.count - before
        } catch {
            reject(error.message, column: error.column)
        }
    }

    private mutating func decodeInflux() {
        do {
            let parsed = try InfluxLineParser().parse(pending, defaultTimestamp: defaultTimestamp)
            let storable = StorableSamples(parsed, input: pending, admission: .anyStore)
            influxSamples += storable.kept
            records += storable.kept.count
            for skipped in storable.skipped {
                reject("skipped \(skipped.sample.key): \(skipped.refusal)", column: skipped.position!.column)
            }
        } catch {
            reject(error.reason, column: error.column)
        }
    }

    /// Counts a rejected line and keeps `NAME:LINE[:COLUMN]: why` while there is room.
    private mutating func reject(_ why: String, column: Int? = nil) {
        rejected += 1
        if problems.count < limits.maxProblems {
            problems.append("\(collector):\(line)\(column.map { ":\($0)" } ?? ""): \(why)")
        } else if problems.count == limits.maxProblems {
            problems.append("\(collector): more rejected lines not shown")
        }
    }
}
