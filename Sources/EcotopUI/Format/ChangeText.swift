import EcotopCore
import EcotopEngine

/// A metric's change (`MetricChange`) in words and colour, the same on every screen: an arrow
/// and a size in the panes (`▲100%`, `▼0.44pp`, `•0.0%` when it rounds to nothing), `n/a` when
/// there is nothing to compare with, and the reason in the detail.
struct ChangeText {
    let change: MetricChange
    let definition: MetricDefinition
    let glyphs: GlyphSet

    /// The size without a sign, as the unit writes a change (`100%`, `0.44pp`).
    private var magnitude: String? {
        change.value.map { String(NumberFormat.delta(abs($0), unit: definition.unit).dropFirst()) }
    }

    /// Whether the change rounds to nothing at the precision shown.
    private var isFlat: Bool {
        magnitude.map { !$0.contains { ("1"..."9").contains($0) } } ?? true
    }

    /// The colour role: green when the metric moved its good way, red when not, muted when flat.
    var role: ThemeRole {
        guard !isFlat else { return .muted }
        switch change.isImprovement(direction: definition.direction) {
        case true?: return .ok
        case false?: return .critical
        case nil: return .muted
        }
    }

    /// `▲100%`, `▼0.44pp`, `•0.0%` or `n/a`, for a table cell; empty without a value now.
    var compact: String {
        guard change.unavailable != .noCurrentValue else { return "" }
        guard let value = change.value, let magnitude else { return "n/a" }
        let arrow = isFlat ? glyphs.flat : (value > 0 ? glyphs.up : glyphs.down)
        return arrow + magnitude
    }

    /// `+100% vs 1h ago`, `0.00pp vs 1h ago` or `n/a: no value 1h ago`, for the detail.
    func sentence(range: TimeRange) -> String {
        guard let value = change.value, let magnitude else { return "n/a: " + reason(range: range) }
        let sign = isFlat ? "" : (value > 0 ? "+" : "-")
        return sign + magnitude + " vs \(range.label) ago"
    }

    private func reason(range: TimeRange) -> String {
        switch change.unavailable {
        case .noCurrentValue?: "no value now"
        case .noEarlierValue?: "no value \(range.label) ago"
        case .sparseEarlierRange(let coverage)?:
            "the \(range.label) before hold \(NumberFormat.fixed(coverage * 100, decimals: 0))% of this range's data"
        case .fromZero?: "the value \(range.label) ago was 0"
        case nil: "no change"
        }
    }
}
