import EcotopCore
import EcotopStore

/// Samples read from a whole input (`ingest` of metric text, `import`), checked against what
/// the store accepts before anything is written, then appended in batches.
public struct CheckedSamples {
    public let samples: [Sample]

    /// Checks every sample; the error names the first one the store would refuse (a time
    /// outside 1970–2100, a value that is not finite) and why.
    public init(_ samples: [Sample]) throws(StorableSampleError) {
        var check = AppendBatch.detached()
        for sample in samples {
            do {
                try check.append(sample)
            } catch {
                throw StorableSampleError(message: "\(sample.key): \(error.message)")
            }
        }
        self.samples = samples
    }

    /// Appends the samples in batches of `batchSize`, reporting how many are written so far.
    public func append(to writer: StoreWriter, batchSize: Int, progress: (Int) -> Void = { _ in }) throws {
        for start in stride(from: 0, to: samples.count, by: batchSize) {
            let end = min(start + batchSize, samples.count)
            var batch = writer.makeBatch()
            for sample in samples[start..<end] { try batch.append(sample) }
            try writer.append(batch)
            progress(end)
        }
    }
}

/// A sample the store would refuse, as `series: why`.
public struct StorableSampleError: Error {
    public var message: String
}
