import EcotopCore
import EcotopStore

extension StoreWriter {
    /// Appends samples the store keeps (see `StorableSamples`) in batches of `batchSize`,
    /// reporting how many are written so far: `ingest` of metric text and `import`.
    public func append(_ samples: [Sample], batchSize: Int, progress: (Int) -> Void = { _ in }) throws {
        for start in stride(from: 0, to: samples.count, by: batchSize) {
            let end = min(start + batchSize, samples.count)
            var batch = makeBatch()
            for sample in samples[start..<end] { try batch.append(sample) }
            try append(batch)
            progress(end)
        }
    }
}
