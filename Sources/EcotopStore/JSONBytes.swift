/// Appends JSON text to a byte buffer without going through `String` for numbers or keys.
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always) mutating func append(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends a decimal integer.
    @inline(__always) mutating func append(_ value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendMagnitude(value.magnitude)
        } else {
            appendMagnitude(UInt64(value))
        }
    }

    @inline(__always) private mutating func appendMagnitude(_ value: UInt64) {
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = value
            repeat {
                buffer[31 - count] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
                rest /= 10
                count += 1
            } while rest > 0
            // As a raw buffer, not a slice: a slice is copied element by element.
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(32 - count)...]))
        }
    }

    /// Appends a finite number in its shortest form that reads back exactly; whole numbers
    /// without a fraction (`12`, not `12.0`).
    @inline(__always) mutating func append(_ value: Double) {
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992, !(value == 0 && value.sign == .minus) {
            append(Int64(value))
        } else {
            var text = value.description
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }
    }

    /// Appends a JSON string literal, escaping quotes, backslashes and control characters.
    mutating func append(string value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\r"): append("\\r")
            case UInt8(ascii: "\t"): append("\\t")
            case 0..<0x20:
                append("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `{"k":"v",...}` with keys in sorted order.
    mutating func append(stringObject dictionary: [String: String]) {
        bytes.append(UInt8(ascii: "{"))
        for (offset, key) in dictionary.keys.sorted().enumerated() {
            if offset > 0 { bytes.append(UInt8(ascii: ",")) }
            append(string: key)
            bytes.append(UInt8(ascii: ":"))
            append(string: dictionary[key]!)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

extension JSONCursor {
    /// Validates and skips what `stringObject()` reads, without building it.
    mutating func skipStringObject() throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "{"), "an object")
        if consume(UInt8(ascii: "}")) { return }
        repeat {
            _ = try stringSpan()
            try expect(UInt8(ascii: ":"), "':'")
            skipWhitespace()
            switch current {
            case UInt8(ascii: "\""): _ = try stringSpan()
            case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "n"):
                throw failure("expected a string, number or boolean value")
            default: try skipValue()
            }
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"), "',' or '}'")
    }

    /// Reads an object whose values are all strings (labels, attributes). Numbers and booleans
    /// are taken as their JSON text, so `{"port": 443}` reads as `"443"`. A key written twice is
    /// an error at its second occurrence, never a value silently replaced; so is an empty key
    /// when `emptyKeys` is false (a label must have a name).
    mutating func stringObject(emptyKeys: Bool = true) throws(JSONSyntaxError) -> [String: String] {
        try expect(UInt8(ascii: "{"), "an object")
        var result: [String: String] = [:]
        if consume(UInt8(ascii: "}")) { return result }
        repeat {
            skipWhitespace()
            let keyStart = position
            let key = try stringSpan()
            let name = decodeString(key.range, escaped: key.escaped)
            guard emptyKeys || !name.isEmpty else { throw JSONSyntaxError(offset: keyStart, message: "empty label name") }
            guard result[name] == nil else { throw JSONSyntaxError(offset: keyStart, message: "duplicate key \(Self.quoted(name))") }
            try expect(UInt8(ascii: ":"), "':'")
            skipWhitespace()
            let value: String
            switch current {
            case UInt8(ascii: "\""):
                let span = try stringSpan()
                value = decodeString(span.range, escaped: span.escaped)
            case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "n"):
                throw failure("expected a string, number or boolean value")
            default:
                let start = position
                try skipValue()
                value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            }
            result[name] = value
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"), "',' or '}'")
        return result
    }

    /// A key as an error message shows it: in double quotes, its control characters escaped.
    static func quoted(_ key: String) -> String {
        var text = JSONBytes()
        text.append(string: key)
        return String(decoding: text.bytes, as: UTF8.self)
    }
}
