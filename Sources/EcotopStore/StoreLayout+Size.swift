extension StoreLayout {
    /// The bytes of the store's files on disk: manifest, series catalog and every segment
    /// (raw, rollup tiers, events). One `stat` per file, no file read.
    public func bytesOnDisk(_ ladder: RetentionLadder) -> Int {
        let segments = segmentDirectories(ladder).flatMap { Self.segments(in: $0.directory) }
        return ([manifest, catalog] + segments.map(\.path)).reduce(0) { $0 + (StoreFileSystem.size(of: $1) ?? 0) }
    }
}
