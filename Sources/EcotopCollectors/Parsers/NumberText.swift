/// Converts number tokens, already cut out of a line, to values. Each function reads
/// the whole token or returns nil, so callers report one error at the token's start.
///
/// Decimals take an exact fast path when the digits fit in 53 bits and the power of ten
/// is at most 22 (Clinger's method); other decimals go to the standard library, which
/// rounds correctly and ignores the C locale (ncurses programs call `setlocale`).
enum NumberText {
    /// A finite decimal `[sign] digits [. digits] [(e|E) [sign] digits]`, or one that
    /// starts with the point (`.5`); `allowsPlus` says whether a leading `+` is allowed.
    static func decimal(_ token: UnsafeBufferPointer<UInt8>, allowsPlus: Bool = true) -> Double? {
        var (negative, index) = sign(of: token, allowsPlus: allowsPlus)
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDigit = false
        var truncated = false
        var inFraction = false
        while index < token.count {
            let byte = token[index]
            if byte == UInt8(ascii: "."), !inFraction {
                inFraction = true
                index += 1
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            sawDigit = true
            if mantissa == 0 && digit == 0 {
                if inFraction { exponent -= 1 }
            } else if significantDigits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                significantDigits += 1
                if inFraction { exponent -= 1 }
            } else {
                truncated = true
                if !inFraction { exponent += 1 }
            }
            index += 1
        }
        guard sawDigit else { return nil }
        if index < token.count, token[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < token.count, token[index] == UInt8(ascii: "+") || token[index] == UInt8(ascii: "-") {
                exponentNegative = token[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            let digitsStart = index
            while index < token.count, case let digit = token[index] &- UInt8(ascii: "0"), digit < 10 {
                written = min(written * 10 + Int(digit), 100_000)
                index += 1
            }
            guard index > digitsStart else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == token.count else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if !truncated, mantissa < 1 << 53, (-22...22).contains(exponent) {
            let magnitude = Double(mantissa)
            let value = exponent < 0 ? magnitude / powersOfTen[-exponent] : magnitude * powersOfTen[exponent]
            return negative ? -value : value
        }
        guard let value = Double(String(decoding: token, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// A decimal, or `NaN` or `[sign] Inf`/`Infinity` in any case, as Go's ParseFloat
    /// (Prometheus) and the OpenMetrics ABNF allow.
    static func float(_ token: UnsafeBufferPointer<UInt8>) -> Double? {
        if let value = decimal(token) { return value }
        return special(token)
    }

    /// `float(_:)` of a string, such as a label value holding a bucket bound.
    static func float(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { float($0) }
    }

    private static func special(_ token: UnsafeBufferPointer<UInt8>) -> Double? {
        var word = ""
        for byte in token {
            guard byte < 0x80 else { return nil }
            word.append(Character(UnicodeScalar(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0))))
        }
        switch word {
        case "nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return nil
        }
    }

    /// A signed 64-bit integer `[-] digits` (`+` too when `allowsPlus`).
    static func int64(_ token: UnsafeBufferPointer<UInt8>, allowsPlus: Bool = false) -> Int64? {
        let (negative, index) = sign(of: token, allowsPlus: allowsPlus)
        guard let magnitude = uint64(UnsafeBufferPointer(rebasing: token[index...])) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// An unsigned 64-bit integer: digits only.
    static func uint64(_ token: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !token.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in token {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// Whether the token starts with a minus sign, and where its digits start.
    private static func sign(of token: UnsafeBufferPointer<UInt8>, allowsPlus: Bool) -> (negative: Bool, digitsStart: Int) {
        guard let first = token.first else { return (false, 0) }
        if first == UInt8(ascii: "-") { return (true, 1) }
        return allowsPlus && first == UInt8(ascii: "+") ? (false, 1) : (false, 0)
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { product, _ in product * 10 }
    }
}
