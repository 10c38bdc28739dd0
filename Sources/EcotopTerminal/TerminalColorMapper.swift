import EcotopApp
import EcotopUI

/// Maps theme colours to the colour numbers a terminal of a given `ColorDepth` has: 24-bit
/// colours as they are (direct colour, 0xRRGGBB, where 0-7 are the ANSI colours), else the perceptually nearest entry of the xterm 256
/// palette or of the 16 or 8 ANSI colours, measured in CIELAB.
///
/// An RGB colour maps into 16-255 only on a 256-colour terminal: those entries are the same
/// everywhere, while users and terminal themes often redefine the first 16. A theme's
/// `ansi:N` colours keep their index, folded to 0-7 on an 8-colour terminal; with direct
/// colour only 0-7 are indices, so the bright ones go as their RGB.
struct TerminalColorMapper: Sendable {
    let depth: ColorDepth

    /// The curses colour number for a colour; -1 is the terminal default (and everything
    /// without colour).
    func number(for color: Color) -> Int32 {
        guard depth != .none, let (red, green, blue) = color.rgbComponents else { return -1 }
        switch (color, depth) {
        case (.ansi(let index), .truecolor) where index < 8:
            return Int32(index)
        case (.ansi(let index), .eight), (.ansi(let index), .sixteen), (.ansi(let index), .palette256):
            return Int32(depth >= .sixteen ? index : index % 8)
        case (.indexed(let index), .palette256):
            return Int32(index)
        case (_, .truecolor):
            // Direct-colour descriptions send numbers below 8 as the ANSI colours, so the
            // darkest blues (#000000-#000007) go as #000008, which looks the same.
            return max(8, Int32(red) << 16 | Int32(green) << 8 | Int32(blue))
        case (_, .palette256):
            return Int32(Self.nearest(LabColor(red: red, green: green, blue: blue), in: Self.fixedPalette))
        default:
            let candidates = depth == .sixteen ? Self.ansi16 : Self.ansi8
            return Int32(Self.nearest(LabColor(red: red, green: green, blue: blue), in: candidates))
        }
    }

    /// The index of the candidate nearest to `target`.
    static func nearest(_ target: LabColor, in candidates: [(index: Int, lab: LabColor)]) -> Int {
        var best = candidates[0]
        var bestDistance = target.squaredDistance(to: best.lab)
        for candidate in candidates.dropFirst() {
            let distance = target.squaredDistance(to: candidate.lab)
            if distance < bestDistance { (best, bestDistance) = (candidate, distance) }
        }
        return best.index
    }

    private static func palette(_ indices: Range<Int>) -> [(index: Int, lab: LabColor)] {
        indices.map { index in
            let (red, green, blue) = Color.indexed(UInt8(index)).rgbComponents!
            return (index, LabColor(red: red, green: green, blue: blue))
        }
    }

    /// xterm's 6×6×6 cube and grey ramp, which terminals do not re-theme.
    static let fixedPalette = palette(16..<256)
    static let ansi16 = palette(0..<16)
    static let ansi8 = palette(0..<8)
}
