import Foundation

/// Reads the JSON body of a Prometheus API response straight into a `PrometheusResponse`, in
/// one pass over its bytes. `JSONDecoder` went through a `Decodable` container for every
/// `[time, "value"]` pair and took a sixth of a first frame's client CPU.
///
/// Only the envelope's fields and the parts of `data` that Ecotop reads are kept; everything
/// else is skipped. A part of the wrong shape is nil (so the reader that needs it names what
/// is missing), as is a whole list whose elements are not all of the listed shape. A body
/// that is not one JSON object (an HTML page, a truncated answer, text after the object) is
/// nil. Nesting deeper than `maximumDepth` is refused rather than followed.
struct PrometheusResponseReader {
    /// Arrays and objects nested deeper than this make the body unreadable.
    static let maximumDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    /// Why a body is not read: it is not JSON, or it nests too deep.
    private struct Unreadable: Error {}

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The response in `body`, or nil when it is not one JSON object.
    static func read(_ body: Data) -> PrometheusResponse? {
        body.withUnsafeBytes { raw in
            var reader = PrometheusResponseReader(bytes: raw.bindMemory(to: UInt8.self))
            guard let response = try? reader.envelope() else { return nil }
            reader.skipWhitespace()
            return reader.index == reader.bytes.count ? response : nil
        }
    }

    // MARK: - The response's parts

    private mutating func envelope() throws(Unreadable) -> PrometheusResponse {
        var response = PrometheusResponse()
        guard try members({ reader, key throws(Unreadable) in
            switch key {
            case "status": response.status = try reader.optionalString()
            case "errorType": response.errorType = try reader.optionalString()
            case "error": response.error = try reader.optionalString()
            case "warnings": response.warnings = try reader.list { reader throws(Unreadable) in try reader.optionalString() }
            case "data": response.data = try reader.data()
            default: try reader.skipValue()
            }
        }) else { throw Unreadable() }
        return response
    }

    /// `data`: a result object, a list of label sets, or something else; nil for `null`.
    private mutating func data() throws(Unreadable) -> PrometheusData? {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "{"):
            var type: String?, series: [PrometheusData.Entry]?
            _ = try members { reader, key throws(Unreadable) in
                switch key {
                case "resultType": type = try reader.optionalString()
                case "result": series = try reader.list { reader throws(Unreadable) in try reader.entry() }
                default: try reader.skipValue()
                }
            }
            return .result(type: type, series: series)
        case UInt8(ascii: "["):
            return try list { reader throws(Unreadable) in try reader.labels() }.map(PrometheusData.labelSets) ?? .other
        case UInt8(ascii: "n"):
            try skipValue()
            return nil
        default:
            try skipValue()
            return .other
        }
    }

    /// One series of a result, or nil when it is not an object.
    private mutating func entry() throws(Unreadable) -> PrometheusData.Entry? {
        var entry = PrometheusData.Entry()
        let isObject = try members { reader, key throws(Unreadable) in
            switch key {
            case "metric": entry.metric = try reader.labels()
            case "values": entry.values = try reader.list { reader throws(Unreadable) in try reader.pair() }
            case "value": entry.value = try reader.pair()
            default: try reader.skipValue()
            }
        }
        return isObject ? entry : nil
    }

    /// A `[time, "value"]` pair, or nil when it is not an array.
    private mutating func pair() throws(Unreadable) -> PrometheusData.Pair? {
        var pair = PrometheusData.Pair(count: 0)
        let isArray = try elements { reader, position throws(Unreadable) in
            pair.count = position + 1
            switch position {
            case 0: pair.time = try reader.optionalNumber()
            case 1: pair.text = try reader.optionalString()
            default: try reader.skipValue()
            }
        }
        return isArray ? pair : nil
    }

    /// An object of string values (a label set), or nil when it is something else.
    private mutating func labels() throws(Unreadable) -> [String: String]? {
        var labels: [String: String] = [:]
        var allStrings = true
        let isObject = try members { reader, key throws(Unreadable) in
            if let value = try reader.optionalString() { labels[key] = value } else { allStrings = false }
        }
        return isObject && allStrings ? labels : nil
    }

    /// A list whose every element `element` reads, or nil when the value is not an array or
    /// an element is of another shape.
    private mutating func list<T>(_ element: (inout Self) throws(Unreadable) -> T?) throws(Unreadable) -> [T]? {
        var items: [T] = []
        var complete = true
        let isArray = try elements { reader, _ throws(Unreadable) in
            if let item = try element(&reader) { items.append(item) } else { complete = false }
        }
        return isArray && complete ? items : nil
    }

    // MARK: - JSON

    /// Calls `member` with each key of an object, the reader at its value (which `member`
    /// must read); false, having skipped the value, when the value is not an object.
    private mutating func members(_ member: (inout Self, String) throws(Unreadable) -> Void) throws(Unreadable) -> Bool {
        try container(opening: UInt8(ascii: "{"), closing: UInt8(ascii: "}")) { reader, _ throws(Unreadable) in
            reader.skipWhitespace()
            let key = try reader.string()
            reader.skipWhitespace()
            try reader.expect(UInt8(ascii: ":"))
            try member(&reader, key)
        }
    }

    /// Calls `element` with the position of each element of an array, the reader at it;
    /// false, having skipped the value, when the value is not an array.
    private mutating func elements(_ element: (inout Self, Int) throws(Unreadable) -> Void) throws(Unreadable) -> Bool {
        try container(opening: UInt8(ascii: "["), closing: UInt8(ascii: "]"), element)
    }

    /// Calls `item` for each comma-separated item between `opening` and `closing`, with its
    /// position; false, having skipped the value, when the value does not start with `opening`.
    private mutating func container(
        opening: UInt8, closing: UInt8, _ item: (inout Self, Int) throws(Unreadable) -> Void
    ) throws(Unreadable) -> Bool {
        skipWhitespace()
        guard peek() == opening else {
            try skipValue()
            return false
        }
        try enter()
        skipWhitespace()
        if peek() == closing {
            index += 1
            depth -= 1
            return true
        }
        var position = 0
        while true {
            try item(&self, position)
            position += 1
            skipWhitespace()
            guard peek() == UInt8(ascii: ",") else { break }
            index += 1
        }
        try expect(closing)
        depth -= 1
        return true
    }

    /// Steps into an array or object, refusing one nested too deep.
    private mutating func enter() throws(Unreadable) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw Unreadable() }
        index += 1
    }

    /// A string, or nil (the value skipped) when the value is something else.
    private mutating func optionalString() throws(Unreadable) -> String? {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else {
            try skipValue()
            return nil
        }
        return try string()
    }

    /// A number, or nil (the value skipped) when the value is something else.
    private mutating func optionalNumber() throws(Unreadable) -> Double? {
        skipWhitespace()
        guard let byte = peek(), byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
            try skipValue()
            return nil
        }
        return try number()
    }

    /// Skips any one value.
    private mutating func skipValue() throws(Unreadable) {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "{"): _ = try members { reader, _ throws(Unreadable) in try reader.skipValue() }
        case UInt8(ascii: "["): _ = try elements { reader, _ throws(Unreadable) in try reader.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
    }

    /// A JSON string at the reader, unescaped.
    private mutating func string() throws(Unreadable) -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            guard bytes[index] >= 0x20 else { throw Unreadable() }
            index += 1
        }
        guard index < bytes.count else { throw Unreadable() }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
        }
        var text = Array(bytes[start..<index])
        while true {
            guard index < bytes.count else { throw Unreadable() }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"): try unescape(into: &text)
            case ..<0x20: throw Unreadable()
            default: text.append(byte)
            }
        }
    }

    /// The escape after a backslash, as UTF-8 (a `\u` surrogate pair as one character).
    private mutating func unescape(into text: inout [UInt8]) throws(Unreadable) {
        guard index < bytes.count else { throw Unreadable() }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count,
               bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                index += 2
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw Unreadable() }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            text.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
        default: throw Unreadable()
        }
    }

    /// Four hex digits of a `\u` escape.
    private mutating func hexQuad() throws(Unreadable) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Unreadable() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else { throw Unreadable() }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A JSON number at the reader.
    private mutating func number() throws(Unreadable) -> Double {
        let start = index
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard index > start, let value = Double(token) else { throw Unreadable() }
        return value
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
            return true
        default: return false
        }
    }

    /// `true`, `false` or `null`.
    private mutating func literal(_ word: StaticString) throws(Unreadable) {
        let text = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard index + text.count <= bytes.count, bytes[index..<index + text.count].elementsEqual(text) else { throw Unreadable() }
        index += text.count
    }

    private mutating func expect(_ byte: UInt8) throws(Unreadable) {
        guard peek() == byte else { throw Unreadable() }
        index += 1
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }
}
