import EcotopCore

/// Formats metric values and deltas the way the panes show them: `1.15k/min`, `$412k`,
/// `99.97%`, `8.1/10`. Pure and locale-independent, so frames are identical everywhere. It lives
/// in the core so that `ecotop report` and `check` print values exactly as the panes do.
public enum NumberFormat {
    /// A value in its metric's unit.
    public static func value(_ value: Double, unit: MetricUnit) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
        switch unit {
        case .percent: return fixed(value, decimals: 2) + "%"
        case .score: return fixed(value, decimals: 1) + "/10"
        case .index: return fixed(value, decimals: 2)
        case .currency: return (value < 0 ? "-$" : "$") + (abs(value) < 10_000 ? grouped(abs(value)) : compact(abs(value)))
        case .count: return abs(value) < 10_000 && value == value.rounded() ? grouped(value) : compact(value)
        case .perMinute, .perDay, .perWeek: return compact(value) + unit.suffix
        }
    }

    /// A chart axis label: the value in its unit with as many decimals as `span` (the
    /// distance between neighbouring labels) needs to tell them apart.
    public static func axisLabel(_ value: Double, unit: MetricUnit, span: Double) -> String {
        let plain = Self.value(value, unit: unit)
        guard span.isFinite, span > 0, abs(value) < 10_000 else { return plain }
        var decimals = 0
        var step = 1.0
        while step > span / 2, decimals < 6 {
            step /= 10
            decimals += 1
        }
        let digits = fixed(value, decimals: decimals)
        switch unit {
        case .currency: return (value < 0 ? "-$" : "$") + fixed(abs(value), decimals: decimals)
        case .count, .index: return digits
        default: return digits + unit.suffix
        }
    }

    /// A change against the previous period: `+2.4%` relative, or `-0.05pp` / `+0.3` in points.
    public static func delta(_ delta: Double, unit: MetricUnit) -> String {
        guard delta.isFinite else { return "" }
        let sign = delta < 0 ? "-" : "+"
        let magnitude = abs(delta)
        switch unit {
        case .percent: return sign + fixed(magnitude, decimals: 2) + "pp"
        case .score: return sign + fixed(magnitude, decimals: 1)
        case .index: return sign + fixed(magnitude, decimals: 2)
        default: return sign + (magnitude >= 99.95 ? fixed(magnitude, decimals: 0) : fixed(magnitude, decimals: 1)) + "%"
        }
    }

    /// Three significant digits with a k/M/B/T suffix: `48`, `3.2`, `1.15k`, `412k`, `4.5M`.
    public static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        let suffixes = ["", "k", "M", "B", "T"]
        var scaled = magnitude
        var tier = 0
        while scaled >= 999.5, tier < suffixes.count - 1 {
            scaled /= 1_000
            tier += 1
        }
        let decimals = scaled >= 99.95 ? 0 : (scaled >= 9.995 ? 1 : 2)
        let digits = trimmingZeros(fixed(scaled, decimals: decimals))
        return (digits == "0" ? "" : sign) + digits + suffixes[tier]
    }

    /// A whole number with thousands separators: `1,840`.
    public static func grouped(_ value: Double) -> String {
        let digits = Array(String(Int64(abs(value).rounded())))
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (value < 0 && text != "0" ? "-" : "") + text
    }

    /// A fixed number of decimals, rounded half away from zero, without Foundation.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = (abs(value) * factor).rounded()
        guard scaled < 9.2e18 else { return value < 0 ? "-∞" : "∞" }
        let digits = String(Int64(scaled))
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard decimals > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        return sign + padded.dropLast(decimals) + "." + padded.suffix(decimals)
    }

    /// A 0-100 health score as the header, the panes and the report show it: `94`, or `--`
    /// without one.
    public static func score(_ value: Double?) -> String {
        value.map { fixed($0, decimals: 0) } ?? "--"
    }

    /// A duration as the largest whole unit: `45s`, `12m`, `3h`, `2d`.
    public static func age(_ seconds: Double) -> String {
        let seconds = max(0, seconds)
        switch seconds {
        case ..<60: return "\(Int(seconds))s"
        case ..<3_600: return "\(Int(seconds / 60))m"
        case ..<86_400: return "\(Int(seconds / 3_600))h"
        default: return "\(Int(seconds / 86_400))d"
        }
    }

    private static func trimmingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var text = text
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text
    }
}
