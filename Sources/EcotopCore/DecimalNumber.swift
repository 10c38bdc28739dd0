/// Reading a decimal number as JSON writes it (`-12`, `1764245100.25`, `1.7642451e9`; leading
/// zeros allowed) from bytes, without allocating and without `strtod`'s extras (hex, `inf`,
/// `nan`, spaces): the Unix times of `Timestamp`.
enum DecimalNumber {
    /// The value of the bytes, or nil when they are not such a number or it is too large for a
    /// `Double`. The first 19 significant digits are read, so the value is exact to the
    /// `Double`'s precision for any number a program prints.
    static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        let negative = !bytes.isEmpty && bytes[0] == UInt8(ascii: "-")
        if negative { index += 1 }
        var mantissa: UInt64 = 0
        var exponent = 0
        let integerStart = index
        while index < bytes.count, bytes[index] &- 0x30 < 10 {
            if mantissa < Self.fullMantissa {
                mantissa = mantissa * 10 + UInt64(bytes[index] &- 0x30)
            } else {
                exponent += 1
            }
            index += 1
        }
        guard index > integerStart else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, bytes[index] &- 0x30 < 10 {
                if mantissa < Self.fullMantissa {
                    mantissa = mantissa * 10 + UInt64(bytes[index] &- 0x30)
                    exponent -= 1
                }
                index += 1
            }
            guard index > fractionStart else { return nil }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            let exponentNegative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            let exponentStart = index
            var written = 0
            while index < bytes.count, bytes[index] &- 0x30 < 10 {
                written = min(written * 10 + Int(bytes[index] &- 0x30), 100_000)
                index += 1
            }
            guard index > exponentStart else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == bytes.count else { return nil }
        let magnitude = scale(mantissa, byPowerOfTen: exponent)
        guard magnitude.isFinite else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// `mantissa` × 10^`exponent`, correctly rounded when the mantissa is at most 2^53 and the
    /// exponent within ±22 (Clinger's fast path: both factors are exact `Double`s).
    static func scale(_ mantissa: UInt64, byPowerOfTen exponent: Int) -> Double {
        guard mantissa != 0 else { return 0 }
        var power = 1.0
        for _ in 0..<min(exponent.magnitude, 400) { power *= 10 }
        return exponent < 0 ? Double(mantissa) / power : Double(mantissa) * power
    }

    /// Once the mantissa reaches 10^18 another digit could overflow it: further digits are
    /// dropped (after the decimal point) or only counted in the exponent (before it).
    private static let fullMantissa: UInt64 = 1_000_000_000_000_000_000
}
