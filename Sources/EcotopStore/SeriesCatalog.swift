import EcotopCore

/// The series of a store, numbered densely in the order they were first written.
///
/// On disk it is `series.jsonl`, one `{"s":ID,"name":"...","labels":{...}}` per line. Segments
/// refer to series by id, so their lines stay short. An id is never handed out twice: a new
/// series gets an id past every id the catalog holds and every id `manifest.json` says was
/// handed out, so a line `series.jsonl` lost cannot lend its id to another series.
public final class SeriesCatalog {
    /// The keys by id.
    public private(set) var keys: [SeriesKey?] = []
    private var ids: [SeriesKey: UInt32] = [:]
    /// Lines of series added since the last `takePendingLines()`.
    private var pending = JSONBytes()
    /// The id the next new series gets.
    private(set) var idsHandedOut: UInt32 = 0

    init() {}

    /// One past the largest id the catalog holds.
    public var count: Int { keys.count }

    /// The id of `key`, registering the key when it is new.
    ///
    /// - Throws: for a new key whose name and labels are longer than `AppendBatch.longestText`.
    public func id(for key: SeriesKey) throws(RecordError) -> UInt32 {
        if let id = ids[key] { return id }
        let text = key.labels.reduce(key.name.utf8.count) { $0 + $1.name.utf8.count + $1.value.utf8.count }
        guard text <= AppendBatch.longestText else {
            throw RecordError("the series name and labels hold \(text) bytes; a series may hold at most \(AppendBatch.longestText >> 20) MiB")
        }
        let id = idsHandedOut
        add(key, id: id)
        return id
    }

    /// Registers `key` under `id` and queues its line for `series.jsonl`.
    private func add(_ key: SeriesKey, id: UInt32) {
        register(key, id: id)
        pending.append("{\"s\":")
        pending.append(Int64(id))
        pending.append(",\"name\":")
        pending.append(string: key.name)
        pending.append(",\"labels\":")
        pending.append(stringObject: key.labelDictionary)
        pending.append("}\n")
    }

    private func register(_ key: SeriesKey, id: UInt32) {
        while keys.count <= Int(id) { keys.append(nil) }
        keys[Int(id)] = key
        ids[key] = id
        idsHandedOut = Swift.max(idsHandedOut, id + 1)
    }

    /// Whether `id` names a series of the catalog.
    func contains(id: Int) -> Bool {
        id < keys.count && keys[id] != nil
    }

    /// Keeps the ids below `count` from being handed out: `manifest.json` says they were.
    func reserveIDs(below count: UInt32) {
        idsHandedOut = Swift.max(idsHandedOut, count)
    }

    /// The name `store repair` gives a series whose line `series.jsonl` lost while segments
    /// still hold its points: `__recovered_id_17`.
    static func recoveredName(of id: UInt32) -> String {
        "__recovered_id_\(id)"
    }

    /// Registers a series named `recoveredName(of: id)` under `id`, whose line `series.jsonl`
    /// lost, so that its points stay apart from every other series' points.
    func restore(id: UInt32) {
        add(SeriesKey(name: Self.recoveredName(of: id)), id: id)
    }

    /// The catalog lines of series added since the last call, to be appended to `series.jsonl`.
    func takePendingLines() -> [UInt8] {
        defer { pending = JSONBytes() }
        return pending.bytes
    }

    /// A line of `series.jsonl` that could not be read.
    struct DamagedLine: Sendable {
        var line: Int
        var reason: String
    }

    /// How many ids a line may skip past the largest id so far. The writer numbers series
    /// densely, so a gap only comes from lost lines; a far larger one is damage, and taking it
    /// would size every id-indexed array by it (4 billion entries for `"s":4000000000`).
    static let largestGap = 65_536

    /// Reads `series.jsonl`; a missing file is an empty catalog, an unterminated last line is
    /// ignored (the writer truncates it on open), and damaged lines (unreadable, an id that is
    /// already another series, or one far past the others) are returned for reporting.
    static func load(from path: String) throws -> (catalog: SeriesCatalog, damaged: [DamagedLine]) {
        let catalog = SeriesCatalog()
        var damaged: [DamagedLine] = []
        guard let file = try PosixFile.openForReading(path) else { return (catalog, damaged) }
        var reader = BoundedLineReader()
        try reader.forEachLine(in: file) { line, number in
            do throws(JSONSyntaxError) {
                let (id, key) = try parse(line)
                if let known = catalog.keys.indices.contains(Int(id)) ? catalog.keys[Int(id)] : nil, known != key {
                    damaged.append(DamagedLine(line: number, reason: "series id \(id) is already \(known)"))
                } else if Int(id) - catalog.keys.count >= largestGap {
                    damaged.append(DamagedLine(line: number,
                        reason: "series id \(id) leaves a gap of \(Int(id) - catalog.keys.count) ids after \(catalog.keys.count) series; ids are dense"))
                } else {
                    catalog.register(key, id: id)
                }
            } catch {
                damaged.append(DamagedLine(line: number, reason: error.message))
            }
        }
        return (catalog, damaged)
    }

    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> (UInt32, SeriesKey) {
        var cursor = JSONCursor(line)
        var id: Int64?
        var name: String?
        var labels: [String: String] = [:]
        try cursor.expect(UInt8(ascii: "{"), "'{'")
        repeat {
            let key = try cursor.stringSpan()
            try cursor.expect(UInt8(ascii: ":"), "':'")
            if cursor.span(key.range, equals: "s") {
                id = try cursor.number().integer
            } else if cursor.span(key.range, equals: "name") {
                let span = try cursor.stringSpan()
                name = cursor.decodeString(span.range, escaped: span.escaped)
            } else if cursor.span(key.range, equals: "labels") {
                labels = try cursor.stringObject()
            } else {
                try cursor.skipValue()
            }
        } while cursor.consume(UInt8(ascii: ","))
        try cursor.expect(UInt8(ascii: "}"), "',' or '}'")
        try cursor.expectEnd()
        guard let id, id >= 0, id < Int64(UInt32.max) else { throw cursor.failure("missing or invalid series id \"s\"") }
        guard let name, !name.isEmpty else { throw cursor.failure("missing series \"name\"") }
        return (UInt32(id), SeriesKey(name: name, labels: labels))
    }
}
