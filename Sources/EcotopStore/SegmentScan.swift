/// Reading the lines of segment files, skipping a few damaged lines and refusing files with many.
///
/// The policy (docs/store-format.md, "Corruption"): a reader skips lines it cannot read and
/// counts them, so one flipped byte costs one point, not a file; a file where more than 1% of
/// the lines (and more than 10) are unreadable is refused with an error saying how to repair,
/// because silently reading a fraction of it would hide that acknowledged points are missing.
struct SegmentScan {
    /// Lines skipped so far, over all files scanned.
    private(set) var damagedLines = 0
    /// Whether a file with many damaged lines is refused; `store check` and `repair` read on.
    var refusesDamagedFiles = true

    /// Parsed segments to use instead of reading files, for a long-running reader.
    var cache: SegmentCache?
    /// Reads files a chunk at a time, reusing its buffer from file to file.
    private var reader = BoundedLineReader()

    init(cache: SegmentCache? = nil) {
        self.cache = cache
    }

    /// Calls `body` for each line of kind `required` in `path` that scans; a missing file is empty.
    /// With a cache, only lines of the series in `selected` (indexed by id) are visited; without,
    /// every line is, and `body` filters.
    mutating func forEach(
        in path: String, requiring required: StoreLine.Fields, selected: [Bool] = [], _ body: (StoreLine) -> Void
    ) throws {
        if let cache {
            guard let entry = try cache.entry(for: path, requiring: required, selected: selected) else { return }
            try account(damaged: entry.damaged, of: entry.lines, first: entry.firstDamage, path: path)
            entry.forEachLine(selected: selected, body)
            return
        }
        guard let file = try PosixFile.openForReading(path) else { return }
        var damaged = 0
        var lines = 0
        var first: StoreError?
        try reader.forEachLine(in: file) { line, number in
            lines = number
            do throws(JSONSyntaxError) {
                body(try StoreLineScanner.scan(line, requiring: required))
            } catch {
                damaged += 1
                if first == nil { first = StoreError(.corrupt, path: path, line: number, error.message) }
            }
        }
        try account(damaged: damaged, of: lines, first: first, path: path)
    }

    /// Counts a file's damaged lines, and refuses the file when there are too many.
    private mutating func account(damaged: Int, of lines: Int, first: StoreError?, path: String) throws {
        guard damaged > 0 else { return }
        damagedLines += damaged
        if refusesDamagedFiles, damaged > 10, damaged * 100 > lines {
            throw StoreError(.corrupt, path: path, line: first?.line,
                "\(damaged) of \(lines) lines are unreadable (first: \(first?.message ?? "?")); run `ecotop store check` to list them and `ecotop store repair` to move them to quarantine/")
        }
    }
}
