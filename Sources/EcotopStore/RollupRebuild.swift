/// Rebuilding rollup buckets from raw segments: after a writer crashed between its raw and
/// rollup appends, and in `store repair`. Every tier step divides the raw segment length, so the
/// buckets inside a raw segment's time window depend on that segment alone.
enum RollupRebuild {
    private struct BucketKey: Hashable {
        var series: UInt32
        var start: Int64
    }

    /// Recomputes every tier's buckets inside the windows of the raw segments starting at
    /// `rawStarts` and writes them in place of what the tiers held there. Returns the number of
    /// unreadable raw lines that were left out.
    @discardableResult
    static func rebuild(rawStarts: [Int64], layout: StoreLayout, ladder: RetentionLadder) throws -> Int {
        guard !rawStarts.isEmpty, !ladder.tiers.isEmpty else { return 0 }
        var perTier = [[BucketKey: RollupBucket]](repeating: [:], count: ladder.tiers.count)
        var damaged = 0
        for start in rawStarts {
            let path = StoreLayout.segmentPath(in: layout.rawDirectory, start: start)
            guard let bytes = try StoreFileSystem.contents(of: path) else { continue }
            bytes.withUnsafeBufferPointer { buffer in
                SegmentLines.forEach(in: buffer) { line, _ in
                    guard let point = try? StoreLineScanner.scan(line, requiring: .raw) else {
                        damaged += 1
                        return
                    }
                    for (index, tier) in ladder.tiers.enumerated() {
                        let key = BucketKey(series: UInt32(point.series), start: tier.bucketStart(of: point.time))
                        if perTier[index][key] == nil {
                            perTier[index][key] = RollupBucket(start: key.start, time: point.time, value: point.value)
                        } else {
                            perTier[index][key]!.add(time: point.time, value: point.value)
                        }
                    }
                }
            }
        }
        let windowMilliseconds = ladder.rawSegmentSeconds * 1000
        let windows = Set(rawStarts.map { $0 * 1000 })
        for (index, tier) in ladder.tiers.enumerated() {
            let segmentStarts = Set(rawStarts.map { $0 / tier.segmentSeconds * tier.segmentSeconds })
            for segmentStart in segmentStarts.sorted() {
                let path = StoreLayout.segmentPath(in: layout.tierDirectory(tier), start: segmentStart)
                let segmentEnd = (segmentStart + tier.segmentSeconds) * 1000
                let rebuilt = perTier[index]
                    .filter { $0.key.start >= segmentStart * 1000 && $0.key.start < segmentEnd }
                    .sorted { ($0.key.start, $0.key.series) < ($1.key.start, $1.key.series) }
                var output = JSONBytes()
                if let existing = try StoreFileSystem.contents(of: path) {
                    existing.withUnsafeBufferPointer { buffer in
                        SegmentLines.forEach(in: buffer) { line, _ in
                            if let bucket = try? StoreLineScanner.scan(line, requiring: .rollup),
                                windows.contains(bucket.time - (bucket.time % windowMilliseconds))
                            {
                                return
                            }
                            output.bytes.append(contentsOf: line)
                            output.bytes.append(0x0A)
                        }
                    }
                }
                for (key, bucket) in rebuilt { bucket.encode(series: key.series, into: &output) }
                try StoreFileSystem.createDirectory(layout.tierDirectory(tier))
                try StoreFileSystem.replaceAtomically(path, with: output.bytes)
            }
        }
        return damaged
    }
}
