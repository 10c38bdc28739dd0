/// Merging the partial buckets of a rollup segment.
///
/// Each batch appends one partial bucket per series and bucket it touched, so a writer that
/// appends a few points at a time leaves many lines per bucket. Merging rewrites the segment
/// with one line per series and bucket, in time order; readers get the same answers from
/// fewer lines.
enum RollupSegment {
    /// Rewrites `path` with its buckets merged (through a temporary file, fsync and rename) and
    /// returns its size before and after. Lines that do not scan are kept as they are, for
    /// `store check` and `store repair` to deal with. A missing file is left alone.
    ///
    /// The file is read a chunk at a time; the merged buckets, one line per series and bucket,
    /// are built in memory.
    @discardableResult
    static func merge(_ path: String) throws -> (before: Int, after: Int) {
        guard let file = try PosixFile.openForReading(path) else { return (0, 0) }
        var merged: [RollupAggregates.Key: RollupBucket] = [:]
        var output = JSONBytes()
        var lines = BoundedLineReader()
        let end = try lines.forEachLine(in: file) { line, _ in
            guard let scanned = try? StoreLineScanner.scan(line, requiring: .rollup) else {
                output.bytes += line
                output.bytes.append(0x0A)
                return
            }
            let key = RollupAggregates.Key(series: UInt32(scanned.series), start: scanned.time)
            if merged[key] == nil { merged[key] = RollupBucket(scanned) } else { merged[key]!.merge(RollupBucket(scanned)) }
        }
        for (key, bucket) in merged.sorted(by: { ($0.key.start, $0.key.series) < ($1.key.start, $1.key.series) }) {
            bucket.encode(series: key.series, into: &output)
        }
        let before = end.completeLength + end.tail
        if try !file.holds(output.bytes) { try StoreFileSystem.replaceAtomically(path, with: output.bytes) }
        return (before, output.bytes.count)
    }
}
