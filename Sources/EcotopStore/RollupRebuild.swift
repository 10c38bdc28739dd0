/// Rebuilding rollup buckets from raw segments: after a writer crashed between its raw and
/// rollup appends, and in `store repair`. Every tier step divides the raw segment length, so the
/// buckets inside a raw segment's time window depend on that segment alone.
enum RollupRebuild {
    /// Recomputes every tier's buckets inside the windows of the raw segments starting at
    /// `rawStarts` and writes them in place of what the tiers held there.
    static func rebuild(rawStarts: [Int64], layout: StoreLayout, ladder: RetentionLadder) throws {
        guard !rawStarts.isEmpty else { return }
        let rawPaths = rawStarts.map { StoreLayout.segmentPath(in: layout.rawDirectory, start: $0) }
        let windowMilliseconds = ladder.rawSegmentSeconds * 1000
        let windows = Set(rawStarts.map { $0 * 1000 })
        let rebuiltTiers = try RollupAggregates.fromRaw(rawPaths, tiers: ladder.tiers)
        var lines = BoundedLineReader()
        for (tier, rebuilt) in zip(ladder.tiers, rebuiltTiers) {
            for segmentStart in Set(rawStarts.map { $0 / tier.segmentSeconds * tier.segmentSeconds }).sorted() {
                let path = StoreLayout.segmentPath(in: layout.tierDirectory(tier), start: segmentStart)
                let range = (segmentStart * 1000)..<((segmentStart + tier.segmentSeconds) * 1000)
                var output = JSONBytes()
                if let existing = try PosixFile.openForReading(path) {
                    try lines.forEachLine(in: existing) { line, _ in
                        if let bucket = try? StoreLineScanner.scan(line, requiring: .rollup),
                            windows.contains(bucket.time - bucket.time % windowMilliseconds)
                        {
                            return
                        }
                        output.bytes.append(contentsOf: line)
                        output.bytes.append(0x0A)
                    }
                }
                let buckets = rebuilt.filter { range.contains($0.key.start) }
                    .sorted { ($0.key.start, $0.key.series) < ($1.key.start, $1.key.series) }
                for (key, bucket) in buckets { bucket.encode(series: key.series, into: &output) }
                try StoreFileSystem.createDirectory(layout.tierDirectory(tier))
                try StoreFileSystem.replaceAtomically(path, with: output.bytes)
            }
        }
    }
}
