/// How a cell looks: colours and text attributes.
public struct Style: Hashable, Sendable {
    /// Text attributes a terminal can combine.
    public struct Modifiers: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Modifiers(rawValue: 1 << 0)
        public static let dim = Modifiers(rawValue: 1 << 1)
        public static let italic = Modifiers(rawValue: 1 << 2)
        public static let underline = Modifiers(rawValue: 1 << 3)
        public static let reverse = Modifiers(rawValue: 1 << 4)
    }

    public var foreground: Color
    public var background: Color
    public var modifiers: Modifiers

    public init(foreground: Color = .default, background: Color = .default, modifiers: Modifiers = []) {
        self.foreground = foreground
        self.background = background
        self.modifiers = modifiers
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// This style with extra modifiers.
    public func adding(_ extra: Modifiers) -> Style {
        var style = self
        style.modifiers.formUnion(extra)
        return style
    }

    /// This style with another foreground colour.
    public func foreground(_ color: Color) -> Style {
        var style = self
        style.foreground = color
        return style
    }

    /// This style with another background colour.
    public func background(_ color: Color) -> Style {
        var style = self
        style.background = color
        return style
    }
}
