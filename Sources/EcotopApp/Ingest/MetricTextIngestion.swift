import EcotopCollectors
import EcotopCore
import EcotopStore
#if canImport(Glibc)
import Glibc
#endif

/// `ecotop ingest --format influx|prometheus|openmetrics`: the whole input goes through the
/// collectors' parser first, and is appended only when all of it is valid. An invalid input
/// appends nothing (not even a store is created) and is reported as `FILE:LINE:COLUMN: why`.
/// A valid sample the store does not keep (NaN, a time outside 1970–2100 or older than its
/// retention) is skipped with a warning at its `FILE:LINE:COLUMN`; the rest is appended.
public struct MetricTextIngestion {
    public let format: MetricTextFormat
    /// The unit of Influx timestamps; the other formats fix their own.
    public let precision: InfluxLineParser.Precision
    public let source: String
    /// The longest line read (`Ingestion.longestLine` unless a test asks for less); a longer one
    /// refuses the input.
    public let longestLine: Int

    public init(
        format: MetricTextFormat, precision: InfluxLineParser.Precision = .nanoseconds, source: String,
        longestLine: Int = Ingestion.longestLine
    ) {
        self.format = format
        self.precision = precision
        self.source = source
        self.longestLine = longestLine
    }

    /// What reading an input found.
    public struct Parsed {
        /// The samples the store keeps, in input order.
        public var samples: [Sample]
        /// `FILE:LINE:COLUMN: skipped series: why` for each sample the store does not keep.
        public var skipped: [String]
        /// `FILE: why` for what looks wrong with the input as a whole (Influx timestamps that
        /// seem written in another unit than `precision`).
        public var warnings: [String]
        /// How many lines the input had (for `ack`).
        public var lines: Int
    }

    /// Reads, parses and checks the whole input against what the store keeps; throws
    /// `IngestInputError` at the first parse error.
    public func parse(descriptor: Int32, now: Double, admission: StoreAdmission) throws -> Parsed {
        let bytes = try readAll(descriptor)
        let parsed: ParsedMetrics
        do {
            parsed = try parser.parse(bytes, defaultTimestamp: now)
        } catch {
            throw IngestInputError(message: "\(source):\(error.line):\(error.column): \(error.reason)")
        }
        let storable = StorableSamples(parsed, input: bytes, admission: admission)
        var warnings: [String] = []
        if format == .influx {
            let written = zip(parsed.samples, parsed.origins).filter { $0.1.timestampOffset != nil }.map(\.0.timestamp)
            if let warning = precision.unitWarning(forTimestamps: written) { warnings.append("\(source): \(warning)") }
        }
        let lines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + (bytes.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
        return Parsed(
            samples: storable.kept, skipped: storable.skipped.map { "\(source):\($0)" }, warnings: warnings, lines: lines)
    }

    private var parser: any MetricTextParser {
        format == .influx ? InfluxLineParser(precision: precision) : format.parser
    }

    /// The whole input, or an error at the first line longer than `longestLine`, found before
    /// more than that is read past the line's start.
    private func readAll(_ descriptor: Int32) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var lines = 1
        var lineStart = 0
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                throw StoreError(.io(errno: errno), path: source, "cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return bytes }
            let offset = bytes.count
            bytes += chunk[0..<count]
            chunk.withUnsafeBytes { read in
                var position = 0
                while let found = memchr(read.baseAddress! + position, 0x0A, count - position) {
                    position = read.baseAddress!.distance(to: UnsafeRawPointer(found)) + 1
                    lines += 1
                    lineStart = offset + position
                }
            }
            if bytes.count - lineStart > longestLine {
                throw IngestInputError(message: "\(source):\(lines): \(Ingestion.overlongLine(longestLine))")
            }
        }
    }
}

/// An input `ingest` refuses as a whole.
public struct IngestInputError: Error {
    public var message: String
}
