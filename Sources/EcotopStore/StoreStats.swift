/// `ecotop store stats`: what a store holds, directory by directory.
public struct StoreStats: Sendable, Equatable {
    /// One directory of segments.
    public struct Part: Sendable, Equatable {
        /// `raw`, a tier name such as `1m`, or `events`.
        public var name: String
        public var segments: Int
        public var lines: Int
        public var bytes: Int
        /// The first and last second covered by its segments, when it has any.
        public var covers: ClosedRange<Double>?
    }

    public var formatVersion: Int
    public var series: Int
    public var parts: [Part]

    /// Counts the segments, lines and bytes of every part of the store.
    public static func collect(layout: StoreLayout) throws -> StoreStats {
        let reader = try StoreReader(layout: layout)
        let ladder = reader.manifest.ladder
        var parts: [Part] = []
        var lines = BoundedLineReader()
        for (name, directory, _, length) in layout.segmentDirectories(ladder) {
            let segments = StoreLayout.segments(in: directory)
            var part = Part(name: name, segments: segments.count, lines: 0, bytes: 0, covers: nil)
            for segment in segments {
                guard let file = try PosixFile.openForReading(segment.path) else { continue }
                let end = try lines.forEachLine(in: file) { _, _ in part.lines += 1 }
                part.bytes += end.completeLength + end.tail
            }
            if let first = segments.first, let last = segments.last {
                part.covers = Double(first.start)...Double(last.start + length)
            }
            parts.append(part)
        }
        return StoreStats(formatVersion: reader.manifest.version, series: try reader.seriesKeys().count, parts: parts)
    }
}
