import EcotopEngine

/// The characters the map draws its lines with: box drawing (double lines for critical
/// integrations) and triangles on a UTF-8 terminal, `-`, `|`, `+` (`=` for critical) and
/// `<>^v` elsewhere.
struct MapGlyphs {
    /// Line glyphs by the directions a cell connects to, as a mask of `MapGlyphs.bit`.
    private let single: [Unicode.Scalar]
    private let double: [Unicode.Scalar]
    private let arrows: [Unicode.Scalar]

    /// The glyphs that go with `glyphs`.
    init(_ glyphs: GlyphSet) {
        if glyphs.hasBraille {
            single = [" ", "│", "│", "│", "─", "┘", "┐", "┤", "─", "└", "┌", "├", "─", "┴", "┬", "┼"]
            double = [" ", "║", "║", "║", "═", "╝", "╗", "╣", "═", "╚", "╔", "╠", "═", "╩", "╦", "╬"]
            arrows = ["▲", "▼", "◀", "▶"]
        } else {
            single = [" ", "|", "|", "|", "-", "+", "+", "+", "-", "+", "+", "+", "-", "+", "+", "+"]
            double = [" ", "|", "|", "|", "=", "+", "+", "+", "=", "+", "+", "+", "=", "+", "+", "+"]
            arrows = ["^", "v", "<", ">"]
        }
    }

    /// The bit of a direction in a cell's mask.
    static func bit(_ direction: MapDirection) -> UInt8 { 1 << UInt8(direction.rawValue) }

    /// The glyph of a cell whose line connects the directions of `mask`.
    func line(_ mask: UInt8, isCritical: Bool) -> Unicode.Scalar {
        (isCritical ? double : single)[Int(mask & 0xF)]
    }

    /// The arrowhead pointing `direction`.
    func arrow(_ direction: MapDirection) -> Unicode.Scalar { arrows[direction.rawValue] }
}
