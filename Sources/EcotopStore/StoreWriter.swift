import EcotopCore

/// The one process that appends to a store.
///
/// Opening takes the writer lock, truncates torn last lines, rebuilds the rollups a crashed
/// writer may have left behind, and drops expired segments. `append` returns once its batch is
/// written and, with `Durability.everyBatch`, on stable storage: that is the acknowledgement.
public final class StoreWriter {
    public let layout: StoreLayout
    public let manifest: StoreManifest
    /// The series known to the store; batches resolve keys through it.
    public let catalog: SeriesCatalog
    /// What opening found and fixed.
    public let recovery: RecoveryReport
    private let lock: StoreLock
    private let clock: any WallClock
    private let files = SegmentFiles()
    private let catalogFile: SeriesCatalogFile
    private var lastSync: Double
    private var lastRetention: Double
    /// Set when an append failed; later appends fail with it.
    private var failure: StoreError?
    /// Per tier and series, the last bucket a partial was appended for.
    private var lastRollupBuckets: [[Int64]] = []
    /// Per rollup segment, the fragment lines appended since it was last merged.
    private var rollupFragments: [String: Int] = [:]
    /// How many fragment lines a rollup segment may gather before the writer merges it.
    static let fragmentsBeforeMerge = 4_096

    /// What a writer repaired when it opened the store.
    public struct RecoveryReport: Sendable, Equatable {
        /// A file whose unterminated last line was cut.
        public struct CutTail: Sendable, Equatable {
            public var path: String
            public var bytes: Int
        }

        /// Files whose unterminated last line was cut, with the bytes cut.
        public var tornTails: [CutTail] = []
        /// Raw segments whose rollups were rebuilt because the previous writer crashed.
        public var rebuiltRawSegments = 0
        /// Segments removed because they are older than their retention.
        public var expiredSegments = 0

        /// A line for stderr saying what was repaired, or nil when nothing was.
        public var summary: String? {
            var parts: [String] = []
            if !tornTails.isEmpty {
                parts.append("cut the unfinished last line of \(tornTails.count) file(s) (\(tornTails.map(\.bytes).reduce(0, +)) bytes never acknowledged)")
            }
            if rebuiltRawSegments > 0 {
                parts.append("rebuilt rollups of \(rebuiltRawSegments) raw segment(s) after a writer stopped without closing")
            }
            return parts.isEmpty ? nil : "recovered the store: " + parts.joined(separator: "; ")
        }
    }

    /// Opens (creating when missing) the store at `layout` for writing.
    ///
    /// - Parameters:
    ///   - manifest: the ladder and durability of a new store; an existing store keeps its own.
    ///   - durability: overrides the manifest's durability for this writer.
    public init(
        layout: StoreLayout, clock: any WallClock, manifest newManifest: StoreManifest = StoreManifest(),
        durability: Durability? = nil
    ) throws {
        self.layout = layout
        self.clock = clock
        // A crash while creating a store can leave the lock or a temporary manifest behind.
        let entries = StoreFileSystem.entries(of: layout.root).filter { $0 != "LOCK" && $0 != "manifest.json.tmp" }
        if !entries.isEmpty, !entries.contains("manifest.json") {
            throw StoreError(.invalidRequest, path: layout.root,
                "not an ecotop store (no manifest.json) and not empty; give --store a new or empty directory")
        }
        try StoreFileSystem.createDirectory(layout.root)
        try layout.checkRoot()
        lock = try StoreLock.acquire(layout)
        let stored: StoreManifest
        if let existing = try StoreManifest.load(from: layout.manifest) {
            stored = existing
        } else {
            try newManifest.ladder.validate()
            try newManifest.save(to: layout.manifest)
            stored = newManifest
        }
        try layout.checkDirectories(stored.ladder)
        var manifest = stored
        if let durability { manifest.durability = durability }
        self.manifest = manifest

        var recovery = RecoveryReport()
        for path in [layout.catalog] + Self.segmentPaths(layout, manifest.ladder) {
            let cut = try TornTail.truncate(path)
            if cut > 0 { recovery.tornTails.append(RecoveryReport.CutTail(path: path, bytes: cut)) }
        }
        let (catalog, damaged) = try SeriesCatalog.load(from: layout.catalog)
        if let first = damaged.first {
            throw StoreError(.corrupt, path: layout.catalog, line: first.line,
                "\(first.reason) (\(damaged.count) damaged line(s)); run `ecotop store repair` before writing")
        }
        try Self.checkLostIDs(catalog: catalog, manifest: stored, layout: layout)
        catalog.reserveIDs(below: stored.nextSeriesID)
        self.catalog = catalog
        let catalogFile = SeriesCatalogFile(layout: layout, manifest: stored)
        try catalogFile.reserveIDs(below: catalog.idsHandedOut)
        self.catalogFile = catalogFile
        recovery.rebuiltRawSegments = try StoreMaintenance.recoverCrashedWriter(lock, layout: layout, ladder: manifest.ladder)
        recovery.expiredSegments = try Retention.dropExpired(layout: layout, ladder: manifest.ladder, now: clock.now())
        self.recovery = recovery
        lastSync = clock.now()
        lastRetention = clock.now()
    }

    /// An empty batch whose samples resolve their series through this writer's catalog.
    public func makeBatch() -> AppendBatch {
        AppendBatch(catalog: catalog)
    }

    /// Writes a batch. When it returns the batch is acknowledged: written, and synced to disk
    /// unless the durability is an interval that has not elapsed yet.
    ///
    /// After a failed append (a full disk, say) the writer refuses further appends: a half-written
    /// batch must not be followed by more lines. Reopening the store cuts the unfinished line and
    /// rebuilds the rollups, as after a crash.
    public func append(_ batch: AppendBatch) throws {
        precondition(batch.catalog === catalog, "a batch must come from this writer's makeBatch()")
        if let failure { throw failure }
        do {
            try write(batch)
        } catch {
            failure = StoreError(.io(errno: 0), path: layout.root, "an earlier append failed (\(error)); reopen the store to recover")
            throw error
        }
    }

    private func write(_ batch: AppendBatch) throws {
        let newSeries = catalog.takePendingLines()
        if !newSeries.isEmpty {
            try catalogFile.append(newSeries, idsHandedOut: catalog.idsHandedOut)
        }
        guard !batch.isEmpty else { return }
        let encoding = BatchEncoding(batch: batch, layout: layout, ladder: manifest.ladder, lastBuckets: &lastRollupBuckets)
        for (path, bytes) in encoding.appends { try files.append(bytes, to: path) }
        switch manifest.durability {
        case .everyBatch:
            try sync()
        case .interval(let seconds):
            if clock.now() - lastSync >= seconds { try sync() }
        }
        try mergeFragmentedRollups(encoding.tiers.flatMap(\.fragmentCounts))
        if clock.now() - lastRetention >= 3_600 { try dropExpired() }
    }

    /// Removes expired segments; done on open, hourly while appending, and on close.
    private func dropExpired() throws {
        try files.closeAll()
        _ = try Retention.dropExpired(layout: layout, ladder: manifest.ladder, now: clock.now())
        lastRetention = clock.now()
    }

    /// Merges the rollup segments that gathered many partial buckets, so that a writer appending
    /// a few points at a time (the dashboard's collectors) keeps rollups about one line per
    /// bucket. The merge is a rewrite, so the segment's append handle is closed first.
    private func mergeFragmentedRollups(_ counts: [(path: String, fragments: Int)]) throws {
        for (path, fragments) in counts where fragments > 0 {
            rollupFragments[path, default: 0] += fragments
            guard rollupFragments[path]! >= Self.fragmentsBeforeMerge else { continue }
            try files.close(path)
            try RollupSegment.merge(path)
            rollupFragments[path] = 0
        }
    }

    /// Appends samples and events as one batch.
    public func append(samples: [Sample], events: [IntegrationEvent] = []) throws {
        var batch = makeBatch()
        do {
            for sample in samples { try batch.append(sample) }
            for event in events { try batch.append(event) }
        } catch {
            throw StoreError(.invalidRequest, error.message)
        }
        try append(batch)
    }

    /// Forces everything written so far to stable storage.
    public func sync() throws {
        try files.sync()
        lastSync = clock.now()
    }

    /// Syncs, records a clean close and releases the lock. After a failed append it throws and
    /// leaves the store marked for recovery.
    public func close() throws {
        if let failure { throw failure }
        try sync()
        catalogFile.close()
        try dropExpired()
        try lock.release()
    }

    /// Refuses to hand out ids far past the catalog's: `manifest.json` saying many more ids were
    /// handed out than `series.jsonl` holds means the catalog lost that many lines (or the
    /// manifest is damaged), and id-indexed arrays would grow by the gap.
    private static func checkLostIDs(catalog: SeriesCatalog, manifest: StoreManifest, layout: StoreLayout) throws {
        let lost = Int(manifest.nextSeriesID) - catalog.count
        guard lost >= SeriesCatalog.largestGap else { return }
        throw StoreError(.corrupt, path: layout.catalog,
            "holds \(catalog.count) series ids, but manifest.json says \(manifest.nextSeriesID) were handed out: series.jsonl lost lines; restore it from a backup (`ecotop store repair` restores the ids segments still use, as __recovered_id_N)")
    }

    static func segmentPaths(_ layout: StoreLayout, _ ladder: RetentionLadder) -> [String] {
        layout.segmentDirectories(ladder).flatMap { StoreLayout.segments(in: $0.directory).map(\.path) }
    }
}
