import EcotopApp
import EcotopCore

/// The themes and glyphs a frame can be drawn with; the model picks the theme by index.
public struct Appearance: Sendable {
    public var themes: [Theme]
    public var glyphs: GlyphSet
    /// The time zone times are shown in.
    public var clock: ClockFormat
    /// Whether the terminal shows no colour (`NO_COLOR`, `TERM=vt100`): focus is then marked
    /// with glyphs and attributes (`Pane.marksFocus`).
    public var isColorless: Bool
    /// Whether clicks and the wheel reach the dashboard (not with `--no-mouse`): the help then
    /// says what they do.
    public var hasMouse: Bool

    public init(
        themes: [Theme], glyphs: GlyphSet = .unicode, clock: ClockFormat = .utc, isColorless: Bool = false, hasMouse: Bool = true
    ) {
        self.themes = themes.isEmpty ? [.monochrome] : themes
        self.glyphs = glyphs
        self.clock = clock
        self.isColorless = isColorless
        self.hasMouse = hasMouse
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
    /// Whether focused panes mark their focus without colour.
    let marksFocus: Bool

    init(model: AppModel, appearance: Appearance) {
        theme = appearance.theme(at: model.themeIndex)
        glyphs = appearance.glyphs
        clock = appearance.clock
        range = model.range
        now = model.now
        isPaused = model.isPaused
        marksFocus = appearance.isColorless
    }

    /// The style of a selected table row.
    var selectionStyle: Style {
        Style(foreground: theme.color(.text), background: theme.color(.selection), modifiers: .bold)
    }
}
