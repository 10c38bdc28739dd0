#if canImport(Glibc)
import Glibc
#endif

/// The paths inside a store directory (see docs/store-format.md).
public struct StoreLayout: Sendable, Hashable {
    /// The store directory.
    public let root: String

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// `$XDG_DATA_HOME/ecotop`, else `~/.local/share/ecotop`.
    public static func defaultRoot(environment: [String: String]) -> String {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/ecotop" }
        let home = environment["HOME"] ?? "."
        return home + "/.local/share/ecotop"
    }

    var manifest: String { root + "/manifest.json" }
    var lock: String { root + "/LOCK" }
    var catalog: String { root + "/series.jsonl" }
    var rawDirectory: String { root + "/raw" }
    var rollupDirectory: String { root + "/rollup" }
    var eventDirectory: String { root + "/events" }
    var quarantineDirectory: String { root + "/quarantine" }

    func tierDirectory(_ tier: RollupTier) -> String { rollupDirectory + "/" + tier.name }

    /// `DIR/START.jsonl`, START being the segment's first second.
    static func segmentPath(in directory: String, start: Int64) -> String {
        directory + "/\(start).jsonl"
    }

    /// The segments of a directory with their start seconds, oldest first.
    ///
    /// Only names whose start lies in the times the store accepts (1970 up to 2100) are
    /// segments: a stray `9223372036854775807.jsonl` would otherwise overflow every window
    /// computed from its start.
    static func segments(in directory: String) -> [(start: Int64, path: String)] {
        let starts = 0..<(AppendBatch.acceptedTimes.upperBound / 1000)
        return StoreFileSystem.entries(of: directory).compactMap { name in
            guard name.hasSuffix(".jsonl"), let start = Int64(name.dropLast(6)), starts.contains(start) else { return nil }
            return (start, directory + "/" + name)
        }.sorted { $0.start < $1.start }
    }

    /// Refuses the store directory when `StorePathPolicy` does: not a directory, owned by
    /// another user, or writable by others. It may be a symbolic link (to where the user keeps
    /// the store); nothing inside it may.
    func checkRoot() throws {
        try StorePathPolicy.checkDirectory(root, followingLinks: true)
    }

    /// Refuses the store when a directory inside it that exists is not a real directory (a
    /// symbolic link, say), belongs to another user, or others can write to it.
    func checkDirectories(_ ladder: RetentionLadder) throws {
        let directories = [rawDirectory, rollupDirectory] + ladder.tiers.map(tierDirectory) + [eventDirectory, quarantineDirectory]
        for directory in directories {
            try StorePathPolicy.checkDirectory(directory, followingLinks: false)
        }
    }

    /// Every segment directory of the store, with its name (`raw`, a tier name such as `1m`,
    /// or `events`), the kind of line its files hold and the time one segment covers.
    func segmentDirectories(
        _ ladder: RetentionLadder
    ) -> [(name: String, directory: String, kind: SegmentKind, segmentSeconds: Int64)] {
        [("raw", rawDirectory, .raw, ladder.rawSegmentSeconds)]
            + ladder.tiers.map { ($0.name, tierDirectory($0), .rollup, $0.segmentSeconds) }
            + [("events", eventDirectory, .events, ladder.eventSegmentSeconds)]
    }
}

/// What the lines of a segment file are.
enum SegmentKind: Sendable {
    case raw, rollup, events
}
