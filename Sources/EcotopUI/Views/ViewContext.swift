import EcotopApp
import EcotopCore

/// The themes and glyphs a frame can be drawn with; the model picks the theme by index.
public struct Appearance: Sendable {
    public var themes: [Theme]
    public var glyphs: GlyphSet
    /// The time zone times are shown in.
    public var clock: ClockFormat

    public init(themes: [Theme], glyphs: GlyphSet = .unicode, clock: ClockFormat = .utc) {
        self.themes = themes.isEmpty ? [.monochrome] : themes
        self.glyphs = glyphs
        self.clock = clock
    }

    /// The theme at `index`, the first when out of range.
    public func theme(at index: Int) -> Theme {
        themes.indices.contains(index) ? themes[index] : themes[0]
    }
}

/// What every view of one frame shares: how to draw (theme, glyphs) and the moment and range
/// the data is shown for. Each view takes this and the narrow model it draws.
struct ViewContext {
    let theme: Theme
    let glyphs: GlyphSet
    let clock: ClockFormat
    let range: TimeRange
    /// Seconds since the Unix epoch of the frame (frozen while paused).
    let now: Double
    let isPaused: Bool

    init(model: AppModel, appearance: Appearance) {
        theme = appearance.theme(at: model.themeIndex)
        glyphs = appearance.glyphs
        clock = appearance.clock
        range = model.range
        now = model.now
        isPaused = model.isPaused
    }

    /// The style of a selected table row.
    var selectionStyle: Style {
        Style(foreground: theme.color(.text), background: theme.color(.selection), modifiers: .bold)
    }
}
