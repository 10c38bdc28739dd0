import EcotopCore

/// A problem `store check` found, with where it is.
public struct StoreProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// An unterminated last line: a crashed append, cut by the next writer or `store repair`.
        case tornTail = "torn tail"
        /// A line that does not scan; `store repair` moves it to quarantine/.
        case damagedLine = "damaged line"
        /// A line for a series id the catalog does not have; `store repair` gives the id a
        /// series named `__recovered_id_N`.
        case unknownSeries = "unknown series"
        /// A rollup bucket that differs from the raw points it summarizes; `store repair` rebuilds it.
        case rollupMismatch = "rollup mismatch"
        /// A segment the store will not read (a special file, a symbolic link, one others can
        /// write, one with a line longer than a store line may be); the message says what to do.
        case refusedFile = "refused file"
    }

    public var kind: Kind
    public var path: String
    public var line: Int?
    public var message: String

    public var description: String {
        StoreError(.corrupt, path: path, line: line, "\(kind.rawValue): \(message)").description
    }
}

/// `ecotop store check`: reads every file of a store and lists what is wrong, without changing
/// anything and without taking the writer lock.
public enum StoreCheck {
    /// All problems found, file by file. Rollups are compared with raw points only when no
    /// segment was refused, since a refused segment's points are unknown.
    public static func run(layout: StoreLayout) throws -> [StoreProblem] {
        let reader = try StoreReader(layout: layout)
        let ladder = reader.manifest.ladder
        var problems: [StoreProblem] = []
        let (catalog, damagedSeries) = try SeriesCatalog.load(from: layout.catalog)
        problems += damagedSeries.map { StoreProblem(kind: .damagedLine, path: layout.catalog, line: $0.line, message: $0.reason) }
        if let file = try PosixFile.openForReading(layout.catalog) {
            problems += tornTail(try file.size() - BoundedLineReader().endOfLastLine(in: file), path: layout.catalog)
        }
        var lines = BoundedLineReader()
        var refused = false
        for (_, directory, kind, length) in layout.segmentDirectories(ladder) {
            for segment in StoreLayout.segments(in: directory) {
                let window = (segment.start * 1000)..<((segment.start + length) * 1000)
                do {
                    guard let file = try PosixFile.openForReading(segment.path) else { continue }
                    let end = try lines.forEachLine(in: file) { line, number in
                        if let problem = lineProblem(line, kind: kind, catalog: catalog, window: window) {
                            problems.append(problem.reported(path: segment.path, line: number))
                        }
                    }
                    problems += tornTail(end.tail, path: segment.path)
                } catch let error as StoreError where error.kind == .unsafePath || error.kind == .corrupt {
                    problems.append(StoreProblem(kind: .refusedFile, path: segment.path, line: error.line, message: error.message))
                    refused = true
                }
            }
        }
        if !refused { problems += try rollupMismatches(layout: layout, ladder: ladder) }
        return problems
    }

    /// The pid of the writer holding the store's lock now, nil when none does. `check` reads
    /// without the lock, so while a writer appends, the newest data may differ by what is still
    /// in flight (raw points whose rollups are not written yet, a last line half written).
    public static func activeWriter(layout: StoreLayout) -> Int32? {
        StoreLock.holder(of: layout.root)
    }

    private static func tornTail(_ bytes: Int, path: String) -> [StoreProblem] {
        guard bytes > 0 else { return [] }
        return [StoreProblem(kind: .tornTail, path: path, line: nil,
            message: "\(bytes) byte(s) after the last line break (a writer still appending, or a crashed append)")]
    }

    /// What is wrong with one line of a segment.
    enum LineProblem: Equatable {
        /// The line does not scan, or its time lies outside its segment's window.
        case damaged(String)
        /// The line's series id is not in the catalog.
        case unknownSeries(UInt32)

        func reported(path: String, line: Int) -> StoreProblem {
            switch self {
            case .damaged(let reason): StoreProblem(kind: .damagedLine, path: path, line: line, message: reason)
            case .unknownSeries(let id): StoreProblem(kind: .unknownSeries, path: path, line: line, message: "series id \(id) is not in series.jsonl")
            }
        }
    }

    /// What is wrong with a line of a segment of `kind` covering `window` (milliseconds), or nil
    /// when it is fine. A time outside the window is damage: the writer never puts a line there.
    static func lineProblem(
        _ line: UnsafeBufferPointer<UInt8>, kind: SegmentKind, catalog: SeriesCatalog, window: Range<Int64>
    ) -> LineProblem? {
        let misplaced = LineProblem.damaged("time outside the segment's window")
        do {
            switch kind {
            case .events:
                let event = try JSONLinesFormat.event(line: line)
                return window.contains(Int64(AppendBatch.storedMilliseconds(event.timestamp))) ? nil : misplaced
            case .raw, .rollup:
                let scanned = try StoreLineScanner.scan(line, requiring: kind == .raw ? .raw : .rollup)
                guard window.contains(scanned.time) else { return misplaced }
                return catalog.contains(id: Int(scanned.series)) ? nil : .unknownSeries(UInt32(scanned.series))
            }
        } catch let error as JSONSyntaxError {
            return .damaged("column \(error.offset + 1): \(error.message)")
        } catch {
            return .damaged("\(error)")
        }
    }

    /// Compares each tier's buckets with the raw points still present.
    private static func rollupMismatches(layout: StoreLayout, ladder: RetentionLadder) throws -> [StoreProblem] {
        var problems: [StoreProblem] = []
        let rawSegments = StoreLayout.segments(in: layout.rawDirectory)
        guard !rawSegments.isEmpty else { return [] }
        let windows = Set(rawSegments.map(\.start))
        let window = ladder.rawSegmentSeconds
        let rebuilt = try RollupAggregates.fromRaw(rawSegments.map(\.path), tiers: ladder.tiers)
        for (tier, fromRaw) in zip(ladder.tiers, rebuilt) {
            let stored = try RollupAggregates.fromTier(layout.tierDirectory(tier)) { start in
                windows.contains(start / 1000 / window * window)
            }
            for (key, expected) in fromRaw where stored[key].map({ !$0.agrees(with: expected) }) ?? true {
                problems.append(StoreProblem(kind: .rollupMismatch, path: layout.tierDirectory(tier), line: nil,
                    message: "series \(key.series) bucket \(Timestamp(seconds: Double(key.start) / 1000).rfc3339): \(stored[key].map { "\($0.count) points" } ?? "missing"), raw has \(expected.count)"))
            }
            for key in stored.keys where fromRaw[key] == nil {
                problems.append(StoreProblem(kind: .rollupMismatch, path: layout.tierDirectory(tier), line: nil,
                    message: "series \(key.series) bucket \(Timestamp(seconds: Double(key.start) / 1000).rfc3339) has no raw points"))
            }
        }
        return problems
    }
}

/// Rollup buckets keyed by series and start, merged from raw points or from a tier's lines.
enum RollupAggregates {
    struct Key: Hashable {
        var series: UInt32
        var start: Int64
    }

    /// The buckets of every tier (in the order of `tiers`) from the raw segments at `paths`,
    /// reading each segment once.
    static func fromRaw(_ paths: [String], tiers: [RollupTier]) throws -> [[Key: RollupBucket]] {
        var buckets = [[Key: RollupBucket]](repeating: [:], count: tiers.count)
        var scan = SegmentScan()
        scan.refusesDamagedFiles = false
        for path in paths {
            try scan.forEach(in: path, requiring: .raw) { line in
                for (index, tier) in tiers.enumerated() {
                    let key = Key(series: UInt32(line.series), start: tier.bucketStart(of: line.time))
                    if buckets[index][key] == nil {
                        buckets[index][key] = RollupBucket(start: key.start, time: line.time, value: line.value)
                    } else {
                        buckets[index][key]!.add(time: line.time, value: line.value)
                    }
                }
            }
        }
        return buckets
    }

    /// The buckets stored in a tier's directory whose start `including` accepts, their
    /// partial lines merged.
    static func fromTier(_ directory: String, including: (Int64) -> Bool) throws -> [Key: RollupBucket] {
        var buckets: [Key: RollupBucket] = [:]
        var scan = SegmentScan()
        scan.refusesDamagedFiles = false
        for segment in StoreLayout.segments(in: directory) {
            try scan.forEach(in: segment.path, requiring: .rollup) { line in
                guard including(line.time) else { return }
                let key = Key(series: UInt32(line.series), start: line.time)
                if buckets[key] == nil { buckets[key] = RollupBucket(line) } else { buckets[key]!.merge(RollupBucket(line)) }
            }
        }
        return buckets
    }
}

extension RollupBucket {
    /// Equal up to the rounding of sums added in a different order.
    func agrees(with other: RollupBucket) -> Bool {
        count == other.count && min == other.min && max == other.max && last == other.last && lastTime == other.lastTime
            && abs(sum - other.sum) <= 1e-9 * Swift.max(1, abs(sum), abs(other.sum))
    }
}
