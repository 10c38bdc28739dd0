import EcotopCore
import EcotopEngine

/// The scorecard overview as text cells, the same on the review screen and in its report:
/// one row per component, its figures written as every review figure is (`ReviewFigureText`).
public enum ReviewScorecardText {
    /// The columns' headings: `Stale` counts stale sources, `Change` is the value's change.
    public static let header = [
        "Component", "Role", "Integrations", "Value", "Cost", "Value/cost", "Failure rate", "Stale", "Change",
    ]

    /// The cells of `row`, in the order of `header`; its component id sanitized.
    public static func cells(_ row: ReviewScorecardRow) -> [String] {
        [
            TerminalText.sanitize(row.component), row.role.rawValue,
            "\(row.degree)" + (row.criticalEdges > 0 ? " (\(row.criticalEdges) critical)" : ""),
            ReviewFigureText.value(row.value.current, unit: row.value.unit),
            ReviewFigureText.value(row.monthlyCost, unit: .currencyPerMonth),
            ReviewFigureText.value(row.valuePerCost.current, unit: row.valuePerCost.unit),
            ReviewFigureText.value(row.failureRate, unit: .metric(.percent)),
            "\(row.staleSources)",
            ReviewFigureText.change(of: row.value),
        ]
    }
}
