import EcotopCore

/// Why one input record was refused, and where in its line (the caller knows the file and line).
public struct RecordError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The 1-based column, in Unicode scalars, of what is wrong: the bad character or field
    /// value, or the record itself when a field is missing. Nil until the format sets it.
    public var column: Int?
    /// Set when the record is well-formed but the store would not keep it (a time its
    /// retention no longer holds): such a record is skipped and counted, not rejected.
    public var refusal: StoreRefusal?

    public init(_ message: String, column: Int? = nil) {
        self.message = message
        self.column = column
    }

    /// A well-formed record the store would not keep.
    public init(skipping refusal: StoreRefusal, column: Int? = nil) {
        message = refusal.description
        self.column = column
        self.refusal = refusal
    }

    public var description: String { message }

    /// `LINE:COLUMN`, or `LINE` when no column is known: what follows a file's name in a report.
    public func position(line: Int) -> String {
        column.map { "\(line):\($0)" } ?? "\(line)"
    }
}

/// Samples and events to be appended together: one write, one fsync, one acknowledgement.
///
/// Samples are kept as series ids, millisecond times and values, the shape they take on disk.
public struct AppendBatch {
    /// The earliest and latest times the store accepts: 1970 up to 2100, in milliseconds.
    static let acceptedTimes: Range<Int64> = 0..<4_102_444_800_000
    /// The most text one record may hold (a series' name and labels, an event's integration,
    /// code, message and attributes), in UTF-8 bytes: 8 MiB, so that its line, every byte
    /// escaped as `\u00XX` at worst, stays within `BoundedLineReader.longestLine`.
    static let longestText = 8 << 20

    let catalog: SeriesCatalog
    private(set) var series: [UInt32] = []
    private(set) var times: [Int64] = []
    private(set) var values: [Double] = []
    /// The events of the batch, in the order appended.
    public private(set) var events: [IntegrationEvent] = []

    init(catalog: SeriesCatalog) {
        self.catalog = catalog
    }

    /// A batch tied to no store, for checking input without writing it (`ingest --dry-run`).
    /// How many series the writer's catalog knows, this batch's new ones included.
    public var seriesCount: Int { catalog.keys.count }

    /// The series with id `id`, if the catalog has it.
    public func series(withID id: Int) -> SeriesKey? {
        catalog.keys.indices.contains(id) ? catalog.keys[id] : nil
    }

    public static func detached() -> AppendBatch {
        AppendBatch(catalog: SeriesCatalog())
    }

    /// How many samples the batch holds.
    public var sampleCount: Int { series.count }
    /// The samples of the batch with their series keys, for callers that decode input with a
    /// store format but hand samples on (plugin collectors).
    public var samples: [Sample] {
        series.indices.map { index in
            Sample(key: catalog.keys[Int(series[index])]!, timestamp: Double(times[index]) / 1000, value: values[index])
        }
    }

    /// Whether the batch holds neither samples nor events.
    public var isEmpty: Bool { series.isEmpty && events.isEmpty }

    /// Adds a sample; refuses times outside 1970–2100, values that are not finite and a new
    /// series with more than `longestText` of name and labels.
    public mutating func append(_ sample: Sample) throws(RecordError) {
        let time = try Self.milliseconds(sample.timestamp)
        try Self.checkValue(sample.value)
        append(series: try catalog.id(for: sample.key), time: time, value: sample.value)
    }

    /// Adds an event; refuses times outside 1970–2100, an empty integration (an empty message
    /// for an annotation) and more than `longestText` of text.
    public mutating func append(_ event: IntegrationEvent) throws(RecordError) {
        try Self.check(event)
        events.append(event)
    }

    /// Refuses an event with a time outside 1970–2100, an empty integration or a latency that
    /// is not finite; an annotation needs no integration but a message.
    static func check(_ event: IntegrationEvent) throws(RecordError) {
        _ = try milliseconds(event.timestamp)
        if event.kind.isAnnotation {
            guard !event.message.isEmpty else { throw RecordError("\"message\" of a \(event.kind.rawValue) annotation must not be empty") }
        } else {
            guard !event.integration.isEmpty else { throw RecordError("\"integration\" must not be empty") }
        }
        let text = event.attributes.reduce(event.integration.utf8.count + event.code.utf8.count + event.message.utf8.count) {
            $0 + $1.key.utf8.count + $1.value.utf8.count
        }
        guard text <= Self.longestText else {
            throw RecordError("the event's text holds \(text) bytes; an event may hold at most \(Self.longestText >> 20) MiB")
        }
        if let latency = event.latencyMilliseconds, !latency.isFinite {
            throw RecordError("\"latency_ms\" must be a finite number")
        }
    }

    /// Adds a sample already checked and resolved to a series id.
    @inline(__always) mutating func append(series id: UInt32, time: Int64, value: Double) {
        series.append(id)
        times.append(time)
        values.append(value)
    }

    /// Seconds since the epoch as whole milliseconds, checked against the accepted range.
    /// The rule of `storedMilliseconds`, in integers once the range is checked: a division by a
    /// constant costs less than a second floating-point rounding on every sample.
    @inline(__always) static func milliseconds(_ seconds: Double) throws(RecordError) -> Int64 {
        let microseconds = (seconds * 1_000_000).rounded()
        guard microseconds >= 0, microseconds < Double(acceptedTimes.upperBound) * 1000 else {
            throw RecordError("timestamp \(seconds) is outside 1970-01-01 to 2100-01-01")
        }
        return Int64(microseconds) / 1000
    }

    /// The millisecond a time falls in (`Timestamp.millisecond(of:)`).
    @inline(__always) static func storedMilliseconds(_ seconds: Double) -> Double {
        Timestamp.millisecond(of: seconds)
    }

    @inline(__always) static func checkValue(_ value: Double) throws(RecordError) {
        guard value.isFinite else { throw RecordError("\"value\" must be a finite number, not \(value)") }
    }
}

/// A reader of one input format for `ecotop ingest`: it turns one line of input into samples
/// and events in a batch.
///
/// A format must either append everything a line holds or throw and append nothing, so that a
/// rejected line leaves no trace. Formats are line-based; lines that carry no records (comments,
/// `# HELP` lines) simply append nothing.
public protocol RecordFormat {
    /// Decodes one line (without its line break) into `batch`.
    mutating func decode(line: UnsafeBufferPointer<UInt8>, into batch: inout AppendBatch) throws(RecordError)
}
