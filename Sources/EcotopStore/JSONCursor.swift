/// Where a line stopped being the JSON it should be: the byte offset and what was expected.
struct JSONSyntaxError: Error, Sendable, Equatable {
    var offset: Int
    var message: String
}

/// A JSON number as scanned: its value, and the exact integer when it was written as one.
struct JSONNumber: Equatable {
    var double: Double
    /// Set when the number had no fraction or exponent and fits an `Int64`.
    var integer: Int64?
}

/// A forward-only reader of JSON over bytes, for the hot paths that must not allocate per line.
///
/// It implements the JSON grammar (RFC 8259) for the parts it reads and validates what it skips,
/// so a line it accepts is a line any JSON parser accepts.
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.position = 0
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// The byte at the cursor, or 0 at the end.
    @inline(__always) var current: UInt8 { position < bytes.count ? bytes[position] : 0 }

    func failure(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: position, message: message)
    }

    @inline(__always) mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` after optional whitespace, or fails with `what` as the expectation.
    @inline(__always) mutating func expect(_ byte: UInt8, _ what: StaticString) throws(JSONSyntaxError) {
        skipWhitespace()
        guard current == byte else { throw failure("expected \(what)") }
        position += 1
    }

    /// Consumes `byte` after optional whitespace when it is there.
    @inline(__always) mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard current == byte else { return false }
        position += 1
        return true
    }

    /// Succeeds when only whitespace is left.
    mutating func expectEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        guard isAtEnd else { throw failure("unexpected characters after the object") }
    }

    // MARK: - Numbers

    /// Scans a number at the cursor.
    mutating func number() throws(JSONSyntaxError) -> JSONNumber {
        skipWhitespace()
        let start = position
        var negative = false
        if current == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var decimalExponent = 0
        let integerStart = position
        while position < bytes.count, bytes[position] &- 0x30 < 10 {
            appendDigit(bytes[position], to: &mantissa, &significantDigits, &decimalExponent)
            position += 1
        }
        let integerDigits = position - integerStart
        guard integerDigits > 0 else { position = start; throw failure("expected a number") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw JSONSyntaxError(offset: integerStart, message: "a number must not start with 0")
        }
        var isInteger = true
        if current == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            let fractionStart = position
            while position < bytes.count, bytes[position] &- 0x30 < 10 {
                appendDigit(bytes[position], to: &mantissa, &significantDigits, &decimalExponent)
                decimalExponent -= 1
                position += 1
            }
            guard position > fractionStart else { throw failure("expected a digit after the decimal point") }
        }
        if current | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            var exponentNegative = false
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
                exponentNegative = current == UInt8(ascii: "-")
                position += 1
            }
            let exponentStart = position
            var exponent = 0
            while position < bytes.count, bytes[position] &- 0x30 < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[position] &- 0x30) }
                position += 1
            }
            guard position > exponentStart else { throw failure("expected a digit in the exponent") }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        let value = Self.double(mantissa: mantissa, digits: significantDigits, exponent: decimalExponent, negative: negative)
            ?? Self.extendedDouble(mantissa: mantissa, digits: significantDigits, exponent: decimalExponent, negative: negative)
            ?? slowDouble(start..<position)
        var integer: Int64?
        if isInteger, significantDigits + decimalExponent <= 18 {
            let magnitude = Int64(mantissa) * Self.powersOfTenInt[decimalExponent]
            integer = negative ? -magnitude : magnitude
        }
        return JSONNumber(double: value, integer: integer)
    }

    /// Scans a plain integer (`-`? digits, no fraction or exponent, at most 18 digits, no
    /// leading zero) at the cursor, or returns nil leaving the cursor where it was, for the
    /// caller to fall back to `number()`.
    @inline(__always) mutating func plainInteger() -> Int64? {
        let start = position
        var negative = false
        if current == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        let digitsStart = position
        var value: Int64 = 0
        while position < bytes.count, bytes[position] &- 0x30 < 10, position - digitsStart < 18 {
            value = value &* 10 &+ Int64(bytes[position] &- 0x30)
            position += 1
        }
        let digits = position - digitsStart
        let next = current
        guard digits > 0, digits == 1 || bytes[digitsStart] != UInt8(ascii: "0"), next &- 0x30 >= 10,
            next != UInt8(ascii: "."), next | 0x20 != UInt8(ascii: "e")
        else {
            position = start
            return nil
        }
        return negative ? -value : value
    }

    @inline(__always) private func appendDigit(
        _ byte: UInt8, to mantissa: inout UInt64, _ significantDigits: inout Int, _ decimalExponent: inout Int
    ) {
        let digit = UInt64(byte &- 0x30)
        if significantDigits == 0, digit == 0 { return }
        if significantDigits < 19 {
            mantissa = mantissa &* 10 &+ digit
            significantDigits += 1
        } else {
            significantDigits += 1
            decimalExponent += 1
        }
    }

    /// The exactly rounded value when the mantissa and the power of ten are both exact doubles
    /// (Clinger's fast path), nil otherwise.
    @inline(__always) private static func double(mantissa: UInt64, digits: Int, exponent: Int, negative: Bool) -> Double? {
        guard digits <= 15 else { return nil }
        var value = Double(mantissa)
        if mantissa == 0 {
            value = 0
        } else if exponent >= 0 {
            guard exponent <= 22 else { return nil }
            value *= powersOfTen[exponent]
        } else {
            guard exponent >= -22 else { return nil }
            value /= powersOfTen[-exponent]
        }
        return negative ? -value : value
    }

    /// The exactly rounded value for up to 19 digits and a power of ten up to 27, computed in
    /// 80-bit extended precision where both are exact: one rounding to 64 bits, then one to 53,
    /// which is exact unless the first rounding landed on a halfway point between doubles (then
    /// nil, and the caller falls back to `strtod`). Rollup sums and averages have 16-17 digits,
    /// so this keeps them off the slow path.
    @inline(__always) private static func extendedDouble(mantissa: UInt64, digits: Int, exponent: Int, negative: Bool) -> Double? {
        #if arch(x86_64) && !os(Windows) && !os(Android)
            guard digits <= 19, exponent >= -27, exponent <= 27 else { return nil }
            let extended = exponent >= 0
                ? Float80(mantissa) * powersOfTenExtended[exponent]
                : Float80(mantissa) / powersOfTenExtended[-exponent]
            let belowDouble = extended.significandBitPattern & 0x7FF
            guard belowDouble < 0x3FF || belowDouble > 0x401 else { return nil }
            let value = Double(extended)
            return negative ? -value : value
        #else
            return nil
        #endif
    }

    #if arch(x86_64) && !os(Windows) && !os(Android)
        private static let powersOfTenExtended: [Float80] = (0...27).map { exponent in
            (0..<exponent).reduce(Float80(1)) { value, _ in value * 10 }
        }
    #endif

    private func slowDouble(_ range: Range<Int>) -> Double {
        Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)) ?? .nan
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    private static let powersOfTenInt: [Int64] = (0...18).map { exponent in
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }

    // MARK: - Strings

    /// Scans a string at the cursor and returns the range of its raw bytes between the quotes,
    /// and whether it holds escapes (then `decodeString` gives its value).
    mutating func stringSpan() throws(JSONSyntaxError) -> (range: Range<Int>, escaped: Bool) {
        try expect(UInt8(ascii: "\""), "a string")
        let start = position
        var escaped = false
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return (start..<(position - 1), escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                try skipEscape()
            case 0..<0x20:
                throw failure("control character in a string")
            case 0x80...:
                try skipUTF8Sequence()
            default:
                position += 1
            }
        }
        throw failure("unterminated string")
    }

    private mutating func skipEscape() throws(JSONSyntaxError) {
        position += 1
        switch current {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 1
        case UInt8(ascii: "u"):
            position += 1
            for _ in 0..<4 {
                guard Self.hexValue(current) != nil else { throw failure("expected four hex digits after \\u") }
                position += 1
            }
        default:
            throw failure("invalid escape in a string")
        }
    }

    /// Validates one UTF-8 encoded scalar of two to four bytes.
    private mutating func skipUTF8Sequence() throws(JSONSyntaxError) {
        let lead = bytes[position]
        let (length, minimum): (Int, UInt32) =
            switch lead {
            case 0xC2...0xDF: (2, 0x80)
            case 0xE0...0xEF: (3, 0x800)
            case 0xF0...0xF4: (4, 0x10000)
            default: throw failure("invalid UTF-8")
            }
        guard position + length <= bytes.count else { throw failure("invalid UTF-8") }
        var scalar = UInt32(lead) & (0xFF >> (length + 1))
        for index in 1..<length {
            let byte = bytes[position + index]
            guard byte & 0xC0 == 0x80 else { throw failure("invalid UTF-8") }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
            throw failure("invalid UTF-8")
        }
        position += length
    }

    /// The value of a string scanned by `stringSpan`, decoded in one pass into UTF-8 bytes, so
    /// that a string of millions of escapes takes time in proportion to its length.
    func decodeString(_ range: Range<Int>, escaped: Bool) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        guard escaped else { return String(decoding: raw, as: UTF8.self) }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(raw.count)
        func append(_ scalar: Unicode.Scalar) {
            UTF8.encode(scalar) { utf8.append($0) }
        }
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                index += 1
                continue
            }
            let code = raw[index + 1]
            index += 2
            switch code {
            case UInt8(ascii: "b"): append("\u{8}")
            case UInt8(ascii: "f"): append("\u{C}")
            case UInt8(ascii: "n"): append("\n")
            case UInt8(ascii: "r"): append("\r")
            case UInt8(ascii: "t"): append("\t")
            case UInt8(ascii: "u"):
                var unit = Self.hexUnit(raw, at: index)
                index += 4
                if (0xD800..<0xDC00).contains(unit), index + 6 <= raw.count, raw[index] == UInt8(ascii: "\\"),
                    raw[index + 1] == UInt8(ascii: "u")
                {
                    let low = Self.hexUnit(raw, at: index + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                }
                append(Unicode.Scalar(unit) ?? "\u{FFFD}")
            default: append(Unicode.Scalar(code))
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private static func hexUnit(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        (0..<4).reduce(0) { value, offset in value << 4 | UInt32(hexValue(raw[index + offset]) ?? 0) }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Whether the raw bytes of a string scanned without escapes equal `literal`.
    @inline(__always) func span(_ range: Range<Int>, equals literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != pointer[offset] { return false }
        return true
    }

    // MARK: - Skipping

    /// Validates and skips any value: the fate of unknown fields.
    mutating func skipValue(depth: Int = 0) throws(JSONSyntaxError) {
        guard depth < 64 else { throw failure("nesting too deep") }
        skipWhitespace()
        switch current {
        case UInt8(ascii: "\""):
            _ = try stringSpan()
        case UInt8(ascii: "{"):
            position += 1
            if consume(UInt8(ascii: "}")) { return }
            repeat {
                _ = try stringSpan()
                try expect(UInt8(ascii: ":"), "':'")
                try skipValue(depth: depth + 1)
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"), "',' or '}'")
        case UInt8(ascii: "["):
            position += 1
            if consume(UInt8(ascii: "]")) { return }
            repeat { try skipValue(depth: depth + 1) } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"), "',' or ']'")
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default:
            _ = try number()
        }
    }

    /// Consumes `literal` or fails.
    mutating func literal(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count, span(position..<(position + count), equals: literal) else {
            throw failure("expected a JSON value")
        }
        position += count
    }
}
