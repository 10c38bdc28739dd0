import EcotopEngine

/// How a review's figures read, on screen and in its reports alike: a number with at most two
/// decimals and its unit, `n/a` where the data does not reach, and the change signed.
public enum ReviewFigureText {
    /// `42`, `3.14%`, `n/a`.
    public static func value(_ value: Double?, unit: String) -> String {
        guard let value else { return "n/a" }
        return number(value) + unit
    }

    /// `+3`, `-0.5%`, `n/a`.
    public static func change(of figure: ReviewFigure) -> String {
        guard let change = figure.change else { return "n/a" }
        return (change > 0 ? "+" : "") + number(change) + figure.unit
    }

    private static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
