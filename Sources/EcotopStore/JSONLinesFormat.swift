#if canImport(Glibc)
import Glibc
#endif
import EcotopCore

/// The `jsonl` input format: one sample or event object per line (see docs/store-format.md).
///
/// A sample is `{"ts": T, "name": "usage.transactions", "labels": {...}, "value": 12.5}`; an
/// event has a `"kind"` (`error`, `delivery`, or an annotation's `deploy`, `onboarding`,
/// `incident`, `note`) instead of a name and value. `ts` is a Unix time
/// number (seconds, milliseconds, microseconds or nanoseconds, told by its size) or an RFC 3339
/// string, read by `Timestamp`. Unknown fields are ignored. The series of a line is looked up by
/// the raw bytes of its name and labels, so a repeated series costs no allocation. A record
/// older than the store's retention keeps is refused with `RecordError.refusal` set.
public struct JSONLinesFormat: RecordFormat {
    private var seriesByBytes = SeriesSpanCache()
    private let admission: StoreAdmission

    /// A reader of lines for a store that keeps what `admission` says (any time in 1970–2100
    /// by default).
    public init(admission: StoreAdmission = .anyStore) {
        self.admission = admission
    }

    public mutating func decode(line: UnsafeBufferPointer<UInt8>, into batch: inout AppendBatch) throws(RecordError) {
        do throws(RecordError) {
            try decodeRecord(line, into: &batch)
        } catch {
            // Offsets are bytes until here; a column counts Unicode scalars, as an editor does.
            var located = error
            located.column = error.column.map { Self.column(ofByte: $0, in: line) }
            throw located
        }
    }

    /// Decodes one line; a `RecordError`'s column is a byte offset here.
    private mutating func decodeRecord(_ line: UnsafeBufferPointer<UInt8>, into batch: inout AppendBatch) throws(RecordError) {
        var cursor = JSONCursor(line)
        cursor.skipWhitespace()
        if cursor.isAtEnd { return }
        let record = cursor.position
        var fields = InputFields()
        do {
            try fields.scan(&cursor)
        } catch {
            throw RecordError(error.message, column: error.offset)
        }
        guard let time = fields.time else { throw RecordError("missing \"ts\"", column: record) }
        if fields.kind != nil {
            let event = try fields.event(time: time, cursor: cursor, record: record)
            _ = try Self.at(fields.timeOffset) { () throws(RecordError) in try AppendBatch.milliseconds(time) }
            try Self.at(record) { () throws(RecordError) in try AppendBatch.check(event) }
            if let refusal = admission.refusal(ofEventAt: time) { throw RecordError(skipping: refusal, column: fields.timeOffset) }
            try batch.append(event)
            return
        }
        guard let name = fields.name else { throw RecordError("missing \"name\" (or \"kind\" for an event)", column: record) }
        guard let value = fields.value else { throw RecordError("missing \"value\"", column: record) }
        try Self.at(fields.valueOffset) { () throws(RecordError) in try AppendBatch.checkValue(value) }
        let milliseconds = try Self.at(fields.timeOffset) { () throws(RecordError) in try AppendBatch.milliseconds(time) }
        if let earliest = admission.earliestKeptTime, time < earliest {
            // Skipped only when valid: a bad name or label is still a rejected line.
            _ = try SeriesSpanCache.key(name: name, labels: fields.labels, cursor: cursor)
            throw RecordError(skipping: .timeBeforeRetention(time, earliestKept: earliest), column: fields.timeOffset)
        }
        let id = try seriesByBytes.id(name: name, labels: fields.labels, in: cursor, catalog: batch.catalog, record: record)
        batch.append(series: id, time: milliseconds, value: value)
    }

    /// Runs `body`, giving an error it throws the byte offset `column` unless it has one.
    @inline(__always) static func at<T>(_ column: Int, _ body: () throws(RecordError) -> T) throws(RecordError) -> T {
        do {
            return try body()
        } catch {
            var located = error
            located.column = error.column ?? column
            throw located
        }
    }

    /// The 1-based column, in Unicode scalars, of the byte at `offset` of `line`.
    private static func column(ofByte offset: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
        line.prefix(offset).reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// Reads one line of an events segment: an event in the input shape with its time as `"t"`,
    /// integer milliseconds, instead of `"ts"`.
    static func event(line: UnsafeBufferPointer<UInt8>) throws(RecordError) -> IntegrationEvent {
        var cursor = JSONCursor(line)
        var fields = InputFields()
        fields.readsStoredTime = true
        do {
            try fields.scan(&cursor)
        } catch {
            throw RecordError("column \(error.offset + 1): \(error.message)")
        }
        guard let milliseconds = fields.storedMilliseconds, fields.kind != nil else {
            throw RecordError("not an event: missing \"t\" or \"kind\"")
        }
        return try fields.event(time: Double(milliseconds) / 1000, cursor: cursor, record: 0)
    }
}

/// The fields of one input line as scanned: numbers decoded, strings left as spans.
private struct InputFields {
    var time: Double?
    var name: (range: Range<Int>, escaped: Bool)?
    var labels: Range<Int>?
    var value: Double?
    var kind: (range: Range<Int>, escaped: Bool)?
    var integration: (range: Range<Int>, escaped: Bool)?
    var code: (range: Range<Int>, escaped: Bool)?
    var message: (range: Range<Int>, escaped: Bool)?
    var latency: Double?
    var attributes: Range<Int>?
    /// Whether `"t"` (the stored time in milliseconds) is read; in input it is an unknown field.
    var readsStoredTime = false
    var storedMilliseconds: Int64?
    /// Where the values of `ts` and `value` start (byte offsets), for errors about them.
    var timeOffset = 0
    var valueOffset = 0
    /// The known keys seen so far, one bit per position in `keys`.
    private var seenKeys: UInt16 = 0
    /// The other keys seen so far; made only for a line that has some.
    private var otherKeys: Set<String> = []

    mutating func scan(_ cursor: inout JSONCursor) throws(JSONSyntaxError) {
        try cursor.expect(UInt8(ascii: "{"), "'{'")
        if cursor.consume(UInt8(ascii: "}")) { return try cursor.expectEnd() }
        repeat {
            cursor.skipWhitespace()
            let keyStart = cursor.position
            let key = try cursor.stringSpan()
            let known = try checkOnce(key, at: keyStart, cursor)
            try cursor.expect(UInt8(ascii: ":"), "':'")
            cursor.skipWhitespace()
            switch known {
            case 0:
                timeOffset = cursor.position
                time = try timestamp(&cursor)
            case 1: name = try string(&cursor, "name")
            case 2:
                valueOffset = cursor.position
                value = try number(&cursor, "value")
            case 3: labels = try object(&cursor, "labels")
            case 4: kind = try string(&cursor, "kind")
            case 5: integration = try string(&cursor, "integration")
            case 6: code = try codeValue(&cursor)
            case 7: message = try string(&cursor, "message")
            case 8:
                if cursor.current == UInt8(ascii: "n") { try cursor.literal("null") } else { latency = try number(&cursor, "latency_ms") }
            case 9: attributes = try object(&cursor, "attributes")
            case 10 where readsStoredTime: storedMilliseconds = try cursor.number().integer
            default: try cursor.skipValue()
            }
        } while cursor.consume(UInt8(ascii: ","))
        try cursor.expect(UInt8(ascii: "}"), "',' or '}'")
        try cursor.expectEnd()
    }

    /// The fields the format defines; `scan` switches on their positions.
    private static let keys: [StaticString] = [
        "ts", "name", "value", "labels", "kind", "integration", "code", "message", "latency_ms", "attributes", "t",
    ]

    @inline(__always) private static func knownKey(_ range: Range<Int>, _ cursor: JSONCursor) -> Int? {
        for (position, key) in keys.enumerated() where cursor.span(range, equals: key) { return position }
        return nil
    }

    /// The position in `keys` of the key just scanned (nil for another key), after checking
    /// that the line has not had it before: JSON leaves a repeated key's meaning open, and
    /// taking the last silently would store what the producer may not have meant.
    @inline(__always) private mutating func checkOnce(
        _ key: (range: Range<Int>, escaped: Bool), at offset: Int, _ cursor: JSONCursor
    ) throws(JSONSyntaxError) -> Int? {
        let decoded = key.escaped ? cursor.decodeString(key.range, escaped: true) : nil
        let known = decoded.map { text in Self.keys.firstIndex { $0.description == text } } ?? Self.knownKey(key.range, cursor)
        if let known {
            guard seenKeys & (1 << known) == 0 else {
                throw JSONSyntaxError(offset: offset, message: "duplicate key \"\(Self.keys[known])\"")
            }
            seenKeys |= 1 << known
        } else {
            let text = decoded ?? cursor.decodeString(key.range, escaped: false)
            guard otherKeys.insert(text).inserted else {
                throw JSONSyntaxError(offset: offset, message: "duplicate key \(JSONCursor.quoted(text))")
            }
        }
        return known
    }

    private func string(_ cursor: inout JSONCursor, _ field: String) throws(JSONSyntaxError) -> (range: Range<Int>, escaped: Bool) {
        guard cursor.current == UInt8(ascii: "\"") else { throw cursor.failure("\"\(field)\" must be a string") }
        return try cursor.stringSpan()
    }

    private func number(_ cursor: inout JSONCursor, _ field: String) throws(JSONSyntaxError) -> Double {
        let byte = cursor.current
        guard byte == UInt8(ascii: "-") || byte &- 0x30 < 10 else { throw cursor.failure("\"\(field)\" must be a number") }
        return try cursor.number().double
    }

    private func object(_ cursor: inout JSONCursor, _ field: String) throws(JSONSyntaxError) -> Range<Int> {
        guard cursor.current == UInt8(ascii: "{") else { throw cursor.failure("\"\(field)\" must be an object of strings") }
        let start = cursor.position
        try cursor.skipStringObject()
        return start..<cursor.position
    }

    /// A code is a string, but HTTP status codes often arrive as numbers: both are taken.
    private func codeValue(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> (range: Range<Int>, escaped: Bool) {
        if cursor.current == UInt8(ascii: "\"") { return try cursor.stringSpan() }
        let start = cursor.position
        _ = try number(&cursor, "code")
        return (start..<cursor.position, false)
    }

    private func timestamp(_ cursor: inout JSONCursor) throws(JSONSyntaxError) -> Double {
        if cursor.current == UInt8(ascii: "\"") {
            let span = try cursor.stringSpan()
            guard !span.escaped, let time = Timestamp(rfc3339: UnsafeBufferPointer(rebasing: cursor.bytes[span.range])) else {
                throw JSONSyntaxError(offset: span.range.lowerBound, message: "\"ts\" is not an RFC 3339 date-time")
            }
            return time.seconds
        }
        return Timestamp(unixTime: try number(&cursor, "ts")).seconds
    }

    /// The event the fields describe; errors carry the byte offset of what is wrong, `record`
    /// (where the object starts) when a field is missing.
    func event(time: Double, cursor: JSONCursor, record: Int) throws(RecordError) -> IntegrationEvent {
        func text(_ span: (range: Range<Int>, escaped: Bool)?) -> String? {
            span.map { cursor.decodeString($0.range, escaped: $0.escaped) }
        }
        guard let kind = text(kind).flatMap(IntegrationEvent.Kind.init(rawValue:)) else {
            throw RecordError(
                "\"kind\" must be one of: \(IntegrationEvent.Kind.allCases.map(\.rawValue).joined(separator: ", "))",
                column: self.kind.map { $0.range.lowerBound - 1 } ?? record)
        }
        // An annotation (deploy, onboarding, incident, note) may concern no integration.
        guard let integration = text(integration) ?? (kind.isAnnotation ? "" : nil) else {
            throw RecordError("missing \"integration\" of the event", column: record)
        }
        var details: [String: String] = [:]
        if let attributes {
            var attributeCursor = JSONCursor(UnsafeBufferPointer(rebasing: cursor.bytes[attributes]))
            do {
                details = try attributeCursor.stringObject()
            } catch {
                throw RecordError(error.message, column: attributes.lowerBound + error.offset)
            }
        }
        return IntegrationEvent(
            timestamp: time, kind: kind, integration: integration, code: text(code) ?? "",
            message: text(message) ?? "", latencyMilliseconds: latency, attributes: details)
    }
}

/// Series ids by the raw bytes of a line's name and labels: an open-addressing table so that
/// the common case (a series seen before, written the same way) hashes bytes and compares them.
private struct SeriesSpanCache {
    private struct Entry {
        var hash: UInt64
        var bytes: [UInt8]
        var id: UInt32
    }

    private var slots: [Entry?] = Array(repeating: nil, count: 1024)
    private var count = 0

    mutating func id(
        name: (range: Range<Int>, escaped: Bool), labels: Range<Int>?, in cursor: JSONCursor, catalog: SeriesCatalog, record: Int
    ) throws(RecordError) -> UInt32 {
        let nameBytes = UnsafeBufferPointer(rebasing: cursor.bytes[name.range])
        let labelBytes = labels.map { UnsafeBufferPointer(rebasing: cursor.bytes[$0]) } ?? UnsafeBufferPointer(start: nil, count: 0)
        let hash = Self.hash(nameBytes, labelBytes)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while let entry = slots[slot] {
            if entry.hash == hash, Self.matches(entry.bytes, nameBytes, labelBytes) { return entry.id }
            slot = (slot + 1) & (slots.count - 1)
        }
        let key = try Self.key(name: name, labels: labels, cursor: cursor)
        let id = try JSONLinesFormat.at(record) { () throws(RecordError) in try catalog.id(for: key) }
        slots[slot] = Entry(hash: hash, bytes: Array(nameBytes) + [0] + Array(labelBytes), id: id)
        count += 1
        if count * 2 > slots.count { grow() }
        return id
    }

    /// The series a line names, read only for a line not seen before: its labels are checked
    /// here (no label name empty or written twice), off the path of the series seen before.
    static func key(name: (range: Range<Int>, escaped: Bool), labels: Range<Int>?, cursor: JSONCursor) throws(RecordError) -> SeriesKey {
        let text = cursor.decodeString(name.range, escaped: name.escaped)
        guard !text.isEmpty else { throw RecordError("\"name\" must not be empty", column: name.range.lowerBound - 1) }
        guard let labels else { return SeriesKey(name: text, labels: [:]) }
        var labelCursor = JSONCursor(UnsafeBufferPointer(rebasing: cursor.bytes[labels]))
        do {
            return SeriesKey(name: text, labels: try labelCursor.stringObject(emptyKeys: false))
        } catch {
            throw RecordError(error.message, column: labels.lowerBound + error.offset)
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        for case let entry? in old {
            var slot = Int(truncatingIfNeeded: entry.hash) & (slots.count - 1)
            while slots[slot] != nil { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = entry
        }
    }

    /// A hash of a line's name and label bytes, eight bytes per multiplication. A byte at a
    /// time was a chain of some 60 dependent multiplications per line, and the lookup took a
    /// tenth of the CPU time of a JSONL ingest (perf); now it takes half as much.
    @inline(__always) private static func hash(_ name: UnsafeBufferPointer<UInt8>, _ labels: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let hash = mix(mix(0xcbf2_9ce4_8422_2325, UnsafeRawBufferPointer(name)) ^ 0xFF, UnsafeRawBufferPointer(labels))
        return hash ^ (hash >> 29)
    }

    @inline(__always) private static func mix(_ seed: UInt64, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = seed
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x100_0000_01b3
            offset += 1
        }
        return hash
    }

    @inline(__always) private static func matches(_ stored: [UInt8], _ name: UnsafeBufferPointer<UInt8>, _ labels: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == name.count + 1 + labels.count else { return false }
        return stored.withUnsafeBufferPointer { buffer in
            buffer[name.count] == 0 && equal(buffer.baseAddress!, name) && equal(buffer.baseAddress! + name.count + 1, labels)
        }
    }

    @inline(__always) private static func equal(_ stored: UnsafePointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.isEmpty || memcmp(stored, bytes.baseAddress!, bytes.count) == 0
    }
}
