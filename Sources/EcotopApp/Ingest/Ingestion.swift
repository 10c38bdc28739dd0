import EcotopStore
#if canImport(Glibc)
import Glibc
#endif

/// The loop of `ecotop ingest`: reads input in chunks, decodes complete lines into batches,
/// appends each batch, and acknowledges the lines it covered. A line the format refuses is
/// rejected; a valid record the store would not keep (`RecordError.refusal`) is skipped.
public struct Ingestion {
    public struct Summary {
        public var samples: Int
        public var events: Int
        /// Lines refused as invalid.
        public var rejected: Int
        /// Valid records the store would not keep.
        public var skipped: Int

        public init(samples: Int = 0, events: Int = 0, rejected: Int = 0, skipped: Int = 0) {
            self.samples = samples
            self.events = events
            self.rejected = rejected
            self.skipped = skipped
        }
    }

    /// The longest line `ingest` reads, its `\n` not counted: 64 MiB, the longest line a store
    /// file may hold. A longer line is rejected after reading at most this much of it, the rest
    /// read and dropped, so a line of gigabytes through a pipe costs no more memory than that.
    public static let longestLine = 64 << 20

    public let writer: StoreWriter?
    public let source: String
    public let batchSize: Int
    public let onAck: ((Int) -> Void)?
    /// The longest line read (`longestLine` unless a test asks for less).
    public let longestLine: Int
    public private(set) var summary = Summary()
    /// Series names close to a catalog metric, warned about once each.
    private var nearMisses = CatalogNearMisses()
    /// How many series the catalog held when the last line was decoded.
    private var knownSeries: Int
    private var batch: AppendBatch
    private var line = 0
    private var acknowledged = 0

    public init(
        writer: StoreWriter?, source: String, batchSize: Int, longestLine: Int = Self.longestLine, onAck: ((Int) -> Void)?
    ) {
        self.writer = writer
        self.source = source
        self.batchSize = batchSize
        self.longestLine = longestLine
        self.onAck = onAck
        batch = writer?.makeBatch() ?? AppendBatch.detached()
        knownSeries = batch.seriesCount
    }

    /// Reads `descriptor` to its end.
    public mutating func run(descriptor: Int32, format: inout any RecordFormat) throws {
        try runOpened(descriptor: descriptor, format: &format)
    }

    /// The loop: each byte is searched for `\n` once, however the input is cut into reads, so
    /// the time is linear in the input's length even for one line of many reads.
    private mutating func runOpened<Format: RecordFormat>(descriptor: Int32, format: inout Format) throws {
        let chunkSize = Swift.min(1 << 20, longestLine + 1)
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        // buffer[0..<filled] is the start of a line: its bytes up to `searched` hold no `\n`.
        var filled = 0
        var searched = 0
        // Set while the rest of an overlong line is read and dropped.
        var dropping = false
        while true {
            if filled == buffer.count { buffer = Self.grown(buffer, to: Swift.min(2 * buffer.count, longestLine + 1)) }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StoreError(.io(errno: errno), path: source, "cannot read: \(String(cString: strerror(errno)))")
            }
            let atEnd = count == 0
            filled += count
            let consumed = try buffer.withUnsafeBufferPointer { bytes in
                let base = bytes.baseAddress!
                var start = 0
                while let found = memchr(base + searched, 0x0A, filled - searched) {
                    let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if dropping {
                        dropping = false
                    } else {
                        try decode(UnsafeBufferPointer(start: base + start, count: end - start), format: &format)
                    }
                    start = end + 1
                    searched = start
                }
                if atEnd, start < filled, !dropping {
                    try decode(UnsafeBufferPointer(start: base + start, count: filled - start), format: &format)
                }
                return start
            }
            if atEnd {
                try commit()
                return
            }
            if dropping || filled - consumed > longestLine {
                if !dropping { rejectOverlongLine() }
                dropping = true
                filled = 0
            } else if consumed > 0 {
                buffer.withUnsafeMutableBufferPointer { bytes in
                    bytes.baseAddress!.update(from: bytes.baseAddress! + consumed, count: filled - consumed)
                }
                filled -= consumed
            }
            searched = filled
            if !Self.hasPendingInput(descriptor) { try commit() }
        }
    }

    /// `buffer`'s bytes in a buffer of `count` bytes, copied at memory speed.
    private static func grown(_ buffer: [UInt8], to count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { bytes, initialized in
            buffer.withUnsafeBufferPointer { old in
                bytes.baseAddress!.initialize(from: old.baseAddress!, count: old.count)
                bytes.baseAddress!.advanced(by: old.count).initialize(repeating: 0, count: count - old.count)
            }
            initialized = count
        }
    }

    /// Counts the line being read as rejected for its length, once its first `longestLine + 1`
    /// bytes have come: the rest is dropped as it arrives.
    private mutating func rejectOverlongLine() {
        line += 1
        summary.rejected += 1
        printError("\(source):\(line): \(Self.overlongLine(longestLine))")
    }

    /// Why a line is refused for its length, for every format `ingest` reads.
    static func overlongLine(_ longestLine: Int) -> String {
        "line longer than \(longestLine) bytes, the longest ingest reads"
    }

    /// Whether more input can be read at once; when not, the batch so far is appended and
    /// acknowledged instead of waiting for a full batch (a slow producer on a pipe).
    private static func hasPendingInput(_ descriptor: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) == 1
    }

    private mutating func decode<Format: RecordFormat>(_ bytes: UnsafeBufferPointer<UInt8>, format: inout Format) throws {
        line += 1
        let events = batch.events.count
        let samples = batch.sampleCount
        do {
            try format.decode(line: bytes.last == 0x0D ? UnsafeBufferPointer(rebasing: bytes.dropLast()) : bytes, into: &batch)
            summary.samples += batch.sampleCount - samples
            summary.events += batch.events.count - events
            warnAboutNewSeries()
        } catch where error.refusal != nil {
            summary.skipped += 1
            printError("\(source):\(error.position(line: line)): skipped: \(error.message)")
        } catch {
            summary.rejected += 1
            printError("\(source):\(error.position(line: line)): \(error.message)")
        }
        if batch.sampleCount + batch.events.count >= batchSize { try commit() }
    }

    /// Warns about the series the last line added whose names nearly match a catalog metric.
    private mutating func warnAboutNewSeries() {
        let count = batch.seriesCount
        defer { knownSeries = count }
        // A dry run's batches each start a catalog of their own, so the count can go down.
        for id in min(knownSeries, count)..<count {
            guard let name = batch.series(withID: id)?.name, let warning = nearMisses.warning(for: name) else { continue }
            printError("\(source):\(line): warning: \(warning)")
        }
    }

    /// Appends the pending batch and acknowledges every line read so far.
    private mutating func commit() throws {
        if let writer {
            if !batch.isEmpty { try writer.append(batch) }
            batch = writer.makeBatch()
        } else {
            batch = AppendBatch.detached()
            knownSeries = batch.seriesCount
        }
        if line > acknowledged {
            acknowledged = line
            onAck?(line)
        }
    }
}
