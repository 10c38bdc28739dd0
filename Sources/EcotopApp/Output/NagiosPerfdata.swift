import EcotopCore
import EcotopEngine

/// The performance data of `ecotop check`, in the format of the Monitoring Plugins
/// Development Guidelines (section "Performance data"): space-separated
/// `'label'=value[UOM];[warn];[crit];[min];[max]`.
///
/// The overall health and each judged family's health (0-100), then each judged metric under
/// its short title (at most 19 characters in the standard catalog, the length RRD-based graphers
/// tell labels apart by) with its value in its unit (`%` for percentages, no unit otherwise), its warning and critical
/// thresholds as ranges outside which the plugin would alert (`40:` for a higher-is-better
/// metric, which warns below 40; `~:2` for a lower-is-better one, which warns above 2), and for
/// percentages and scores their bounds. A value that cannot be determined (no data) is `U`.
public struct NagiosPerfdata: Sendable {
    /// One `label=value;warn;crit;min;max` item.
    struct Item {
        var label: String
        var value: Double?
        var unit = ""
        var warn = "", critical = "", minimum = "", maximum = ""

        var text: String {
            let value = value.flatMap(NagiosPerfdata.number) ?? "U"
            return NagiosPerfdata.label(label) + "=" + value + (value == "U" ? "" : unit)
                + ";\(warn);\(critical);\(minimum);\(maximum)"
        }
    }

    let items: [Item]

    /// The performance data of `check`.
    public init(check: HealthCheck) {
        let health = check.report.snapshot.health
        let families = check.report.catalog.families.filter { family in
            check.metrics.contains { $0.definition.family == family }
        }
        items = [Item(label: "health", value: health.overall, minimum: "0", maximum: "100")]
            + families.map { Item(label: "\($0.title) health", value: health.families[$0], minimum: "0", maximum: "100") }
            + check.metrics.map(Self.item)
    }

    /// The items, space-separated.
    public var text: String { items.map(\.text).joined(separator: " ") }

    private static func item(_ summary: MetricSummary) -> Item {
        let definition = summary.definition
        let thresholds = definition.thresholds
        var item = Item(
            label: definition.shortTitle, value: summary.latest?.value, warn: range(thresholds.warn, definition.direction),
            critical: range(thresholds.critical, definition.direction))
        switch definition.unit {
        case .percent: (item.unit, item.minimum, item.maximum) = ("%", "0", "100")
        case .score: (item.minimum, item.maximum) = ("0", "10")
        default: break
        }
        return item
    }

    /// The range inside which a value is fine: at or above `threshold` for a higher-is-better
    /// metric (`40:`), at or below it for a lower-is-better one (`~:2`), as `Thresholds.status` judges.
    private static func range(_ threshold: Double, _ direction: MetricDirection) -> String {
        guard let number = number(threshold) else { return "" }
        return direction == .higherIsBetter ? number + ":" : "~:" + number
    }

    /// A number as the guidelines allow (`-`, digits and `.` only: no exponent, no `inf`), with
    /// up to six decimals; nil when it cannot be written so.
    static func number(_ value: Double) -> String? {
        guard value.isFinite, abs(value) < 1e15 else { return nil }
        var text = NumberFormat.fixed(value, decimals: 6)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A label as the guidelines write one: quoted when it holds a space, `=` or `'`, a quote
    /// inside doubled; as plain as the status line's text, so it stays on its line and after
    /// the one `|`.
    static func label(_ text: String) -> String {
        let safe = plain(text)
        guard safe.contains(where: { $0 == " " || $0 == "=" || $0 == "'" }) else { return safe }
        return "'" + safe.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    /// Text for the status line: control characters replaced and `|`, which would start the
    /// performance data, shown as `/`.
    static func plain(_ text: String) -> String {
        String(TerminalText.sanitize(text).map { $0 == "|" ? "/" : $0 })
    }
}
