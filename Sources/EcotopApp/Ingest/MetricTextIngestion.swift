import EcotopCollectors
import EcotopCore
import EcotopStore
#if canImport(Glibc)
import Glibc
#endif

/// `ecotop ingest --format influx|prometheus|openmetrics`: the whole input goes through the
/// collectors' parser first, and is appended only when all of it is valid. An invalid input
/// appends nothing (not even a store is created) and is reported as `FILE:LINE:COLUMN: why`.
public struct MetricTextIngestion {
    public let format: MetricTextFormat
    public let source: String

    /// What parsing found: every sample, checked, and how many lines the input had (for `ack`).
    public init(format: MetricTextFormat, source: String) {
        self.format = format
        self.source = source
    }

    public struct Parsed {
        public var samples: CheckedSamples
        public var lines: Int
    }

    /// Reads, parses and checks the whole input; throws `IngestInputError` at the first parse
    /// error or the first sample the store would refuse (the text formats allow NaN and
    /// infinities, the store does not).
    public func parse(descriptor: Int32, now: Double) throws -> Parsed {
        let bytes = try Self.readAll(descriptor, source: source)
        do {
            let samples = try CheckedSamples(format.parser.parse(bytes, defaultTimestamp: now).samples)
            let lines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + (bytes.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
            return Parsed(samples: samples, lines: lines)
        } catch let error as ParseError {
            throw IngestInputError(message: "\(source):\(error.line):\(error.column): \(error.reason)")
        } catch let error as StorableSampleError {
            throw IngestInputError(message: "\(source): \(error.message)")
        }
    }

    private static func readAll(_ descriptor: Int32, source: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                throw StoreError(.io(errno: errno), path: source, "cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }
}

/// An input `ingest` refuses as a whole.
public struct IngestInputError: Error {
    public var message: String
}
