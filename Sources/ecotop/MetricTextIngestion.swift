import EcotopCollectors
import EcotopCore
import EcotopStore
#if canImport(Glibc)
import Glibc
#endif

/// `ecotop ingest --format influx|prometheus|openmetrics`: the whole input goes through the
/// collectors' parser first, and is appended only when all of it is valid. An invalid input
/// appends nothing (not even a store is created) and is reported as `FILE:LINE:COLUMN: why`.
struct MetricTextIngestion {
    let format: MetricTextFormat
    let source: String
    let batchSize: Int

    /// What parsing found: every sample, and how many lines the input had (for `ack`).
    struct Parsed {
        var samples: [Sample]
        var lines: Int
    }

    /// Reads, parses and checks the whole input; throws `IngestInputError` at the first parse
    /// error or the first sample the store would refuse (a time outside 1970–2100, a value
    /// that is not finite: the text formats allow NaN and infinities, the store does not).
    func parse(descriptor: Int32, now: Double) throws -> Parsed {
        let bytes = try Self.readAll(descriptor, source: source)
        let samples: [Sample]
        do {
            samples = try format.parser.parse(bytes, defaultTimestamp: now).samples
        } catch {
            throw IngestInputError(message: "\(source):\(error.line):\(error.column): \(error.reason)")
        }
        var check = AppendBatch.detached()
        for sample in samples {
            do {
                try check.append(sample)
            } catch {
                throw IngestInputError(message: "\(source): \(sample.key): \(error.message)")
            }
        }
        let lines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + (bytes.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
        return Parsed(samples: samples, lines: lines)
    }

    /// Appends checked samples in batches of `batchSize`.
    func append(_ parsed: Parsed, to writer: StoreWriter) throws {
        for start in stride(from: 0, to: parsed.samples.count, by: batchSize) {
            var batch = writer.makeBatch()
            for sample in parsed.samples[start..<min(start + batchSize, parsed.samples.count)] {
                try batch.append(sample)
            }
            try writer.append(batch)
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
struct IngestInputError: Error {
    var message: String
}
