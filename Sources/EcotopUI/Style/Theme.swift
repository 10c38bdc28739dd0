/// The semantic colours a theme assigns; views ask for roles, never for raw colours.
public enum ThemeRole: String, CaseIterable, Sendable {
    case background, text, muted, border, focus, selection, accent, title
    case ok, warn, critical, stale
}

/// A named palette: one colour per role plus a gradient for charts and sparklines.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var summary: String
    public var colors: [ThemeRole: Color]
    /// Colours from low to high values, for sparklines and chart series.
    public var chartGradient: [Color]

    public init(name: String, summary: String, colors: [ThemeRole: Color], chartGradient: [Color]) {
        self.name = name
        self.summary = summary
        self.colors = colors
        self.chartGradient = chartGradient.isEmpty ? [colors[.accent] ?? .default] : chartGradient
    }

    /// The colour of a role (the terminal default when the theme leaves it out).
    public func color(_ role: ThemeRole) -> Color {
        colors[role] ?? .default
    }

    /// Text in a role's colour on the theme's background.
    public func style(_ role: ThemeRole, _ modifiers: Style.Modifiers = []) -> Style {
        Style(foreground: color(role), background: color(.background), modifiers: modifiers)
    }

    /// A theme that uses only the terminal's default colours, for tests and monochrome output.
    public static let monochrome = Theme(
        name: "monochrome", summary: "Terminal default colours only.", colors: [:], chartGradient: [.default])
}

extension Array where Element == Color {
    /// The colour of a gradient at a position in 0...1 (the nearest stop); nil for an empty one.
    public func color(at position: Double) -> Color? {
        guard !isEmpty else { return nil }
        let clamped = Swift.min(1, Swift.max(0, position.isFinite ? position : 0))
        return self[Int((clamped * Double(count - 1)).rounded())]
    }
}
