import EcotopCore

/// Writes exposed families as the text a scraper reads: the Prometheus text format 0.0.4 or
/// OpenMetrics 1.0.0. A pure function of its input, in the order given.
///
/// The two formats differ here in: the type of an unknown family (`untyped` or `unknown`);
/// a counter's family name (`x_total` or `x`, its samples being `x_total` in both); HELP
/// escaping (OpenMetrics also escapes `"`); timestamps (integer milliseconds or seconds with
/// a fraction); and OpenMetrics' closing `# EOF`. Values are written as Go's `strconv`
/// reads them: `NaN`, `+Inf`, `-Inf`, whole numbers without a fraction.
public enum ExpositionText {
    public static func render(_ families: [ExposedFamily], as format: ExpositionFormat) -> String {
        let isOpenMetrics = format != .prometheusText
        // Bytes rather than a String: appending to a String costs several times more.
        var text: [UInt8] = []
        text.reserveCapacity(families.reduce(0) { $0 + 64 + $1.samples.count * 80 })
        for family in families where !family.samples.isEmpty {
            let declared = isOpenMetrics ? family.claimedNames[0] : family.name
            text += "# HELP \(declared) ".utf8
            appendEscaped(family.help, to: &text, quotes: isOpenMetrics)
            text += "\n# TYPE \(declared) \(typeName(family.kind, openMetrics: isOpenMetrics))\n".utf8
            for sample in family.samples {
                appendSample(sample, named: family.name, to: &text, openMetrics: isOpenMetrics)
            }
        }
        if isOpenMetrics { text += "# EOF\n".utf8 }
        return String(decoding: text, as: UTF8.self)
    }

    private static func typeName(_ kind: ExposedFamily.Kind, openMetrics: Bool) -> String {
        switch kind {
        case .gauge: "gauge"
        case .counter: "counter"
        case .unknown: openMetrics ? "unknown" : "untyped"
        }
    }

    private static func appendSample(_ sample: ExposedSample, named name: String, to text: inout [UInt8], openMetrics: Bool) {
        text += name.utf8
        if !sample.labels.isEmpty {
            text.append(UInt8(ascii: "{"))
            for (index, label) in sample.labels.enumerated() {
                if index > 0 { text.append(UInt8(ascii: ",")) }
                text += label.name.utf8
                text += #"=""#.utf8
                appendEscaped(label.value, to: &text, quotes: true)
                text.append(UInt8(ascii: "\""))
            }
            text.append(UInt8(ascii: "}"))
        }
        text.append(UInt8(ascii: " "))
        text += number(sample.value).utf8
        if let timestamp = sample.timestamp {
            text.append(UInt8(ascii: " "))
            text += (openMetrics ? seconds(timestamp) : String(milliseconds(timestamp))).utf8
        }
        text.append(UInt8(ascii: "\n"))
    }

    /// Backslash and newline escaped (and the double quote when `quotes`); everything else as is.
    static func appendEscaped(_ value: String, to text: inout [UInt8], quotes: Bool) {
        let special = { (byte: UInt8) in byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\n") || (quotes && byte == UInt8(ascii: "\"")) }
        guard value.utf8.contains(where: special) else { return text += value.utf8 }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): text += #"\\"#.utf8
            case UInt8(ascii: "\n"): text += #"\n"#.utf8
            case UInt8(ascii: "\"") where quotes: text += #"\""#.utf8
            default: text.append(byte)
            }
        }
    }

    /// A value as Prometheus reads it: whole numbers within ±2^53 without a fraction.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Seconds as whole milliseconds, the Prometheus text format's timestamp: the millisecond
    /// the store keeps (`Timestamp.millisecond(of:)`), so Prometheus holds the same times.
    static func milliseconds(_ seconds: Double) -> Int64 {
        Int64(Timestamp.millisecond(of: seconds))
    }

    /// Seconds with the milliseconds as a fraction (`1764245100.25`), OpenMetrics' timestamp.
    static func seconds(_ seconds: Double) -> String {
        let total = milliseconds(seconds)
        let whole = total.quotientAndRemainder(dividingBy: 1000)
        guard whole.remainder != 0 else { return String(whole.quotient) }
        let sign = total < 0 && whole.quotient == 0 ? "-" : ""
        var fraction = String(abs(whole.remainder))
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(whole.quotient).\(fraction)"
    }
}
