import EcotopUI

/// Maps theme colours to the colour numbers a terminal supports: the 256-colour cube where
/// there is one, else the nearest of the 16 or 8 ANSI colours.
struct TerminalColorMapper: Sendable {
    /// How many colours the terminal has (`COLORS`).
    let colorCount: Int

    /// The curses colour number for a colour; -1 is the terminal default.
    func number(for color: Color) -> Int32 {
        switch color {
        case .default:
            return -1
        case let .ansi(index):
            return colorCount >= 16 ? Int32(index) : Int32(index % 8)
        case let .indexed(index) where colorCount >= 256:
            return Int32(index)
        case let .rgb(red, green, blue) where colorCount >= 256:
            return Int32(Self.xtermIndex(red: red, green: green, blue: blue))
        default:
            guard let (red, green, blue) = color.rgbComponents else { return -1 }
            return Int32(nearestANSI(red: red, green: green, blue: blue))
        }
    }

    /// The nearest xterm-256 colour: the best of the 6×6×6 cube and the grey ramp.
    static func xtermIndex(red: UInt8, green: UInt8, blue: UInt8) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func nearestLevel(_ value: UInt8) -> Int {
            levels.indices.min { abs(levels[$0] - Int(value)) < abs(levels[$1] - Int(value)) }!
        }
        let (r, g, b) = (nearestLevel(red), nearestLevel(green), nearestLevel(blue))
        let cube = 16 + 36 * r + 6 * g + b
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let grey = 232 + greyStep
        let greyLevel = 8 + greyStep * 10
        let cubeDistance = distance((levels[r], levels[g], levels[b]), (red, green, blue))
        let greyDistance = distance((greyLevel, greyLevel, greyLevel), (red, green, blue))
        return greyDistance < cubeDistance ? grey : cube
    }

    private func nearestANSI(red: UInt8, green: UInt8, blue: UInt8) -> Int {
        let candidates = colorCount >= 16 ? 0..<16 : 0..<8
        return candidates.min { first, second in
            let a = Color.ansi(UInt8(first)).rgbComponents!, b = Color.ansi(UInt8(second)).rgbComponents!
            return Self.distance((Int(a.red), Int(a.green), Int(a.blue)), (red, green, blue))
                < Self.distance((Int(b.red), Int(b.green), Int(b.blue)), (red, green, blue))
        }!
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = a.0 - Int(b.0), dg = a.1 - Int(b.1), db = a.2 - Int(b.2)
        return dr * dr + dg * dg + db * db
    }
}
