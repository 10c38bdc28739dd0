#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Segment lines parsed once and kept by series, for a long-running reader (the dashboard)
/// that asks for the same ranges every refresh.
///
/// Segments only grow by appends or are replaced whole by a rewrite, so an entry is extended
/// by parsing just the bytes appended since, and parsed afresh when the file's inode changed or
/// it shrank. The least recently used entries go when the lines kept exceed the budget.
///
/// An entry keeps the lines of the series it has been asked for only: a dashboard reads a few
/// dozen catalog series from segments that may also hold thousands of others (a node
/// exporter's scrape every second), whose lines would otherwise fill the budget within the hour
/// and the memory with it. Asking for a series an entry does not keep parses its file afresh.
final class SegmentCache: Sendable {
    /// One segment's lines by series id, and what parsing it met.
    struct Entry: Sendable {
        fileprivate var inode: UInt64 = 0
        fileprivate var parsedLength = 0
        /// The last bytes parsed, compared before extending: an inode number can be reused by
        /// a later rewrite, the same bytes at the same place cannot plausibly.
        fileprivate var parsedTail: [UInt8] = []
        fileprivate var lastUse: UInt64 = 0
        /// Lines by series id, each in append order, for ids below `denseSeriesLimit`.
        fileprivate var bySeries: [[StoreLine]] = []
        /// Lines of larger ids by id: a damaged or hostile line with id 4,000,000,000 must not
        /// make the array above take 32 GB.
        fileprivate var sparse: [Int: [StoreLine]] = [:]
        /// The series (by id) whose lines are kept; the others are scanned, counted and dropped.
        fileprivate var keeps: [Bool] = []
        /// Lines of the segment, kept or not.
        var lines = 0
        /// Lines kept, which count against the cache's budget.
        var keptLines = 0
        var damaged = 0
        var firstDamage: StoreError?

        /// Calls `body` with the lines of the series `selected` (indexed by id), series by series.
        func forEachLine(selected: [Bool], _ body: (StoreLine) -> Void) {
            for (series, lines) in bySeries.enumerated() where series < selected.count && selected[series] {
                for line in lines { body(line) }
            }
            for (series, lines) in sparse where series < selected.count && selected[series] {
                for line in lines { body(line) }
            }
        }

        /// Whether some series of `selected` is not kept.
        fileprivate func lacksAny(of selected: [Bool]) -> Bool {
            selected.indices.contains { selected[$0] && ($0 >= keeps.count || !keeps[$0]) }
        }

        /// An empty entry for the same file that keeps what this one keeps and `selected`.
        fileprivate func emptied(keepingAlso selected: [Bool] = []) -> Entry {
            var entry = Entry()
            entry.inode = inode
            entry.keeps = (0..<Swift.max(keeps.count, selected.count)).map {
                ($0 < keeps.count && keeps[$0]) || ($0 < selected.count && selected[$0])
            }
            return entry
        }

        fileprivate mutating func append(_ line: StoreLine, reserving capacity: Int) {
            let series = Int(line.series)
            guard line.series >= 0, series < keeps.count, keeps[series] else { return }
            keptLines += 1
            guard series < SegmentCache.denseSeriesLimit else {
                sparse[series, default: []].append(line)
                return
            }
            if series >= bySeries.count {
                bySeries += Array(repeating: [], count: series + 1 - bySeries.count)
            }
            if bySeries[series].isEmpty {
                bySeries[series].reserveCapacity(capacity / Swift.max(1, bySeries.count))
            }
            bySeries[series].append(line)
        }
    }

    /// Series ids from here on are kept in a dictionary instead of an array indexed by id.
    static let denseSeriesLimit = 1 << 16

    private struct State {
        var entries: [String: Entry] = [:]
        var clock: UInt64 = 0
        var keptLines = 0
        /// Reads appended bytes a chunk at a time, reusing its buffer from read to read.
        var reader = BoundedLineReader()
    }

    private let state = Mutex(State())
    /// How many lines may be kept over all segments (about 72 bytes each).
    let lineBudget: Int

    init(lineBudget: Int = 1_000_000) {
        self.lineBudget = lineBudget
    }

    /// How many lines the cache holds now, over all segments.
    var keptLines: Int { state.withLock { $0.keptLines } }

    /// The lines of `path` as they are now, holding those of the series in `selected` (indexed
    /// by id) at least; nil when the file does not exist.
    func entry(for path: String, requiring required: StoreLine.Fields, selected: [Bool]) throws -> Entry? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            state.withLock { state in
                if let gone = state.entries.removeValue(forKey: path) { state.keptLines -= gone.keptLines }
            }
            return nil
        }
        return try state.withLock { state -> Entry? in
            state.clock += 1
            var entry = state.entries.removeValue(forKey: path) ?? Entry()
            let before = entry.keptLines
            if entry.inode != UInt64(info.st_ino) || Int(info.st_size) < entry.parsedLength || entry.lacksAny(of: selected) {
                entry = entry.emptied(keepingAlso: selected)
                entry.inode = UInt64(info.st_ino)
            }
            if Int(info.st_size) > entry.parsedLength {
                try extend(&entry, path: path, required: required, reader: &state.reader)
            }
            entry.lastUse = state.clock
            state.keptLines += entry.keptLines - before
            state.entries[path] = entry
            evict(&state, keeping: path)
            return entry
        }
    }

    private func extend(_ entry: inout Entry, path: String, required: StoreLine.Fields, reader: inout BoundedLineReader) throws {
        guard let file = try PosixFile.openForReading(path) else { return }
        let overlap = entry.parsedTail.count
        if try file.read(at: entry.parsedLength - overlap, count: overlap) != entry.parsedTail {
            entry = entry.emptied()
        }
        let firstLine = entry.lines
        let capacity = (try file.size() - entry.parsedLength) / 100
        let end = try reader.forEachLine(in: file, from: entry.parsedLength) { line, number in
            entry.lines += 1
            do throws(JSONSyntaxError) {
                entry.append(try StoreLineScanner.scan(line, requiring: required), reserving: capacity)
            } catch {
                entry.damaged += 1
                if entry.firstDamage == nil {
                    entry.firstDamage = StoreError(.corrupt, path: path, line: firstLine + number, error.message)
                }
            }
        }
        if end.completeLength > entry.parsedLength {
            let tailStart = Swift.max(0, end.completeLength - 32)
            entry.parsedTail = try file.read(at: tailStart, count: end.completeLength - tailStart)
            entry.parsedLength = end.completeLength
        }
    }

    private func evict(_ state: inout State, keeping kept: String) {
        while state.keptLines > lineBudget, state.entries.count > 1 {
            guard let oldest = state.entries.filter({ $0.key != kept }).min(by: { $0.value.lastUse < $1.value.lastUse }) else { return }
            state.keptLines -= oldest.value.keptLines
            state.entries[oldest.key] = nil
        }
    }
}
