import EcotopCore
import EcotopEngine

/// How a review's figures read, on screen and in its reports alike: as the panes and
/// `ecotop report` write them (`NumberFormat`), `$400/mo` for a cost, `3h` for an age, `n/a`
/// where the data does not reach, and the change as the panes' change column writes it.
public enum ReviewFigureText {
    /// `1,840`, `$52.6k`, `6.05%`, `147/min`, `$400/mo`, `3h`, `0.52×`, `n/a`.
    public static func value(_ value: Double?, unit: ReviewFigure.Unit) -> String {
        guard let value else { return "n/a" }
        switch unit {
        case .metric(let unit): return NumberFormat.value(value, unit: unit)
        case .currencyPerMonth: return NumberFormat.value(value, unit: .currency) + "/mo"
        case .seconds: return NumberFormat.age(value)
        case .milliseconds: return NumberFormat.compact(value) + "ms"
        case .ratio: return NumberFormat.compact(value) + "×"
        }
    }

    /// `+4.94pp`, `-12.5%`, `0.0%` when it rounds to nothing, `n/a`.
    public static func change(of figure: ReviewFigure) -> String {
        guard let change = figure.change else { return "n/a" }
        let text = NumberFormat.delta(change, unit: figure.unit.changeUnit)
        return text.contains { ("1"..."9").contains($0) } ? text : String(text.dropFirst())
    }
}
