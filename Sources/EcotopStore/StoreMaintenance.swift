import EcotopCore

/// `store repair` and `store compact`: rewrites that hold the writer lock and replace each file
/// through a temporary file, fsync, rename and a directory fsync, so a crash in the middle leaves
/// every file either as it was or as it should become.
public enum StoreMaintenance {
    /// What `repair` did.
    public struct RepairReport: Sendable, Equatable {
        /// Unterminated last lines cut.
        public var tornTails = 0
        /// Damaged lines moved to quarantine/, with where they were.
        public var quarantined: [StoreProblem] = []
        /// Series ids segments use but `series.jsonl` had lost, now series named
        /// `__recovered_id_N`.
        public var restoredSeries: [UInt32] = []
        /// Raw segments whose rollups were rebuilt.
        public var rebuiltRawSegments = 0
    }

    /// Cuts torn tails, moves damaged lines to `quarantine/` (byte for byte, one file per damaged
    /// file), gives the series ids segments use but the catalog lost a placeholder series each,
    /// and rebuilds every rollup bucket that raw points still cover.
    public static func repair(layout: StoreLayout, clock: any WallClock) throws -> RepairReport {
        let manifest = try StoreReader(layout: layout).manifest
        let ladder = manifest.ladder
        let lock = try StoreLock.acquire(layout)
        var report = RepairReport()
        for path in [layout.catalog] + StoreWriter.segmentPaths(layout, ladder) where try TornTail.truncate(path) > 0 {
            report.tornTails += 1
        }
        let stamp = Int64(clock.now())
        // The catalog's damage is what loading it reports: lines that do not parse, and lines
        // that give an id a second series (which the writer refuses as well).
        let catalogDamage = try SeriesCatalog.load(from: layout.catalog).damaged
        let catalogReasons = Dictionary(catalogDamage.map { ($0.line, $0.reason) }) { first, _ in first }
        report.quarantined += try quarantine(layout.catalog, stamp: stamp, layout: layout) { _, number in
            catalogReasons[number]
        }
        let catalog = try SeriesCatalog.load(from: layout.catalog).catalog
        var unknownIDs = Set<UInt32>()
        for (_, directory, kind, length) in layout.segmentDirectories(ladder) {
            for segment in StoreLayout.segments(in: directory) {
                let window = (segment.start * 1000)..<((segment.start + length) * 1000)
                report.quarantined += try quarantine(segment.path, stamp: stamp, layout: layout) { line, _ in
                    switch StoreCheck.lineProblem(line, kind: kind, catalog: catalog, window: window) {
                    case .damaged(let reason)?:
                        return reason
                    case .unknownSeries(let id)?:
                        unknownIDs.insert(id)
                        return nil
                    case nil:
                        return nil
                    }
                }
            }
        }
        report.restoredSeries = try restoreLostSeries(unknownIDs, catalog: catalog, manifest: manifest, layout: layout)
        let raw = StoreLayout.segments(in: layout.rawDirectory).map(\.start)
        try RollupRebuild.rebuild(rawStarts: raw, layout: layout, ladder: ladder)
        report.rebuiltRawSegments = raw.count
        try lock.release()
        return report
    }

    /// Gives each id in `ids` (used by segments, missing from `catalog`) a series named
    /// `__recovered_id_N`, in id order, so that its points stay apart from any new series'. An
    /// id farther than `SeriesCatalog.largestGap` past the ones before it is left unknown: the
    /// writer numbers series densely, so such an id is damage, not a lost series.
    private static func restoreLostSeries(
        _ ids: Set<UInt32>, catalog: SeriesCatalog, manifest: StoreManifest, layout: StoreLayout
    ) throws -> [UInt32] {
        var restored: [UInt32] = []
        for id in ids.sorted() where Int(id) - catalog.count < SeriesCatalog.largestGap {
            catalog.restore(id: id)
            restored.append(id)
        }
        catalog.reserveIDs(below: manifest.nextSeriesID)
        let file = SeriesCatalogFile(layout: layout, manifest: manifest)
        let lines = catalog.takePendingLines()
        if lines.isEmpty {
            try file.reserveIDs(below: catalog.idsHandedOut)
        } else {
            try file.append(lines, idsHandedOut: catalog.idsHandedOut)
        }
        return restored
    }

    /// Moves the lines of `path` for which `problem` (given a line and its 1-based number)
    /// gives a reason into quarantine/. Reads the file twice, a chunk at a time: once to find
    /// the lines, once to copy them out and the rest into the file's replacement.
    private static func quarantine(
        _ path: String, stamp: Int64, layout: StoreLayout, problem: (UnsafeBufferPointer<UInt8>, Int) -> String?
    ) throws -> [StoreProblem] {
        guard let file = try PosixFile.openForReading(path) else { return [] }
        var lines = BoundedLineReader()
        var problems: [StoreProblem] = []
        try lines.forEachLine(in: file) { line, number in
            if let reason = problem(line, number) {
                problems.append(StoreProblem(kind: .damagedLine, path: path, line: number, message: reason))
            }
        }
        guard !problems.isEmpty else { return [] }
        let damaged = Set(problems.compactMap(\.line))
        let relative = String(path.dropFirst(layout.root.count + 1).map { $0 == "/" ? "-" : $0 })
        try StoreFileSystem.createDirectory(layout.quarantineDirectory)
        var moved = LineOutput(try PosixFile.openForAppend(layout.quarantineDirectory + "/\(stamp)-\(relative)"))
        try StoreFileSystem.replaceAtomically(path) { replacement in
            var kept = LineOutput(replacement)
            try lines.forEachLine(in: file) { line, number in
                if damaged.contains(number) { try moved.append(line) } else { try kept.append(line) }
            }
            try kept.flush()
            try moved.flush()
            // The moved lines are durable before the file that no longer holds them replaces the old one.
            try moved.file.sync()
        }
        return problems
    }

    /// Rebuilds the rollups of the raw segments a crashed writer touched since it opened.
    @discardableResult
    static func recoverCrashedWriter(_ lock: StoreLock, layout: StoreLayout, ladder: RetentionLadder) throws -> Int {
        guard case .crashed(_, let openedAt) = lock.previousWriter else { return 0 }
        let touched = StoreLayout.segments(in: layout.rawDirectory).filter {
            (StoreFileSystem.modificationTime(of: $0.path) ?? .infinity) >= openedAt - 1
        }
        try RollupRebuild.rebuild(rawStarts: touched.map(\.start), layout: layout, ladder: ladder)
        return touched.count
    }

    /// What `compact` did.
    public struct CompactReport: Sendable, Equatable {
        public var expiredSegments = 0
        public var rewrittenSegments = 0
        public var bytesBefore = 0
        public var bytesAfter = 0
    }

    /// Drops expired segments and merges the partial buckets of every rollup segment into one
    /// line per series and bucket, in time order.
    public static func compact(layout: StoreLayout, clock: any WallClock) throws -> CompactReport {
        let ladder = try StoreReader(layout: layout).manifest.ladder
        let lock = try StoreLock.acquire(layout)
        var report = CompactReport()
        try recoverCrashedWriter(lock, layout: layout, ladder: ladder)
        report.expiredSegments = try Retention.dropExpired(layout: layout, ladder: ladder, now: clock.now())
        for tier in ladder.tiers {
            for segment in StoreLayout.segments(in: layout.tierDirectory(tier)) {
                let sizes = try RollupSegment.merge(segment.path)
                report.bytesBefore += sizes.before
                report.bytesAfter += sizes.after
                if sizes.before != sizes.after { report.rewrittenSegments += 1 }
            }
        }
        try lock.release()
        return report
    }
}

/// Lines written to a file through a buffer, so that a rewrite streams in bounded memory.
private struct LineOutput {
    let file: PosixFile
    private var bytes: [UInt8] = []

    init(_ file: PosixFile) {
        self.file = file
    }

    /// Adds `line` and its `\n`, writing out the buffer once it holds a chunk.
    mutating func append(_ line: UnsafeBufferPointer<UInt8>) throws {
        bytes += line
        bytes.append(0x0A)
        if bytes.count >= BoundedLineReader.chunkSize { try flush() }
    }

    mutating func flush() throws {
        try file.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
