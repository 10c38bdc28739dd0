/// The characters widgets draw with: Unicode box drawing, blocks and braille on a UTF-8
/// terminal, plain ASCII elsewhere (`LANG=C`, a serial console).
public struct GlyphSet: Hashable, Sendable {
    public var horizontal: Unicode.Scalar
    public var vertical: Unicode.Scalar
    public var topLeft: Unicode.Scalar
    public var topRight: Unicode.Scalar
    public var bottomLeft: Unicode.Scalar
    public var bottomRight: Unicode.Scalar
    /// Sparkline levels from lowest to highest.
    public var sparkLevels: [Unicode.Scalar]
    /// Gauge fill from one eighth to a full cell; ASCII has only the full cell.
    public var barFill: [Unicode.Scalar]
    public var barEmpty: Unicode.Scalar
    public var up: String
    public var down: String
    public var flat: String
    public var ellipsis: String
    /// Whether line charts may use braille dots (2×4 per cell) rather than one mark per cell.
    public var hasBraille: Bool
    /// Heads the change column; separates a family from its metric in titles; joins sizes.
    public var delta: String
    public var breadcrumb: String
    public var times: String
    /// Marks live updates and pause in the header.
    public var live: String
    public var paused: String
    /// A focused pane's border (horizontal, vertical, then the corners from top left to bottom
    /// right) and the mark before its title, for terminals where colour cannot show focus.
    public var focusBorder: [Unicode.Scalar]
    public var focusMarker: String

    /// These glyphs with the focus border in place of the plain one.
    public var focused: GlyphSet {
        var glyphs = self
        (glyphs.horizontal, glyphs.vertical) = (focusBorder[0], focusBorder[1])
        (glyphs.topLeft, glyphs.topRight, glyphs.bottomLeft, glyphs.bottomRight) = (focusBorder[2], focusBorder[3], focusBorder[4], focusBorder[5])
        return glyphs
    }

    /// Box drawing, eighth blocks and braille.
    public static let unicode = GlyphSet(
        horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯",
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        barFill: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], barEmpty: "·",
        up: "▲", down: "▼", flat: "•", ellipsis: "…", hasBraille: true,
        delta: "Δ", breadcrumb: "›", times: "×", live: "●", paused: "‖",
        focusBorder: ["═", "║", "╔", "╗", "╚", "╝"], focusMarker: "▶")

    /// Seven-bit ASCII only.
    public static let ascii = GlyphSet(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        sparkLevels: ["_", ".", "-", "~", "=", "+", "*", "#"],
        barFill: ["#"], barEmpty: ".",
        up: "^", down: "v", flat: "=", ellipsis: "~", hasBraille: false,
        delta: "chg", breadcrumb: ">", times: "x", live: "*", paused: "||",
        focusBorder: ["=", "#", "#", "#", "#", "#"], focusMarker: ">")
}
