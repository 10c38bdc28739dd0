/// Dropping whole segments whose time window ended more than the retention ago.
enum Retention {
    /// Removes expired raw, rollup and event segments; returns how many were removed.
    static func dropExpired(layout: StoreLayout, ladder: RetentionLadder, now: Double) throws -> Int {
        var removed = 0
        func drop(in directory: String, segmentSeconds: Int64, retention: Int64) throws {
            var changed = false
            for segment in StoreLayout.segments(in: directory) where isExpired(
                start: segment.start, segmentSeconds: segmentSeconds, retention: retention, now: now)
            {
                try StoreFileSystem.remove(segment.path)
                removed += 1
                changed = true
            }
            if changed { try StoreFileSystem.syncDirectory(directory) }
        }
        try drop(in: layout.rawDirectory, segmentSeconds: ladder.rawSegmentSeconds, retention: ladder.rawRetention)
        for tier in ladder.tiers {
            try drop(in: layout.tierDirectory(tier), segmentSeconds: tier.segmentSeconds, retention: tier.retention)
        }
        try drop(in: layout.eventDirectory, segmentSeconds: ladder.eventSegmentSeconds, retention: ladder.eventRetention)
        return removed
    }

    /// Whether the segment starting at `start` holds only data older than `now - retention`.
    static func isExpired(start: Int64, segmentSeconds: Int64, retention: Int64, now: Double) -> Bool {
        Double(start + segmentSeconds) <= now - Double(retention)
    }
}

extension RetentionLadder {
    /// The earliest time, in Unix seconds, that a level (raw or a tier) still keeps at `now`:
    /// the start of the first segment of that level that is not expired. A point before it is
    /// in an expired segment of every level, so retention would drop it as soon as it ran.
    public func earliestKeptTime(now: Double) -> Double {
        Self.earliestKeptTime(levels: [(rawSegmentSeconds, rawRetention)] + tiers.map { ($0.segmentSeconds, $0.retention) }, now: now)
    }

    /// The earliest time any of `levels` (segment length, retention) keeps at `now`.
    static func earliestKeptTime(levels: [(segmentSeconds: Int64, retention: Int64)], now: Double) -> Double {
        levels.map { segmentSeconds, retention in
            let horizon = now - Double(retention)
            return (horizon / Double(segmentSeconds)).rounded(.down) * Double(segmentSeconds)
        }.min()!
    }
}
