/// A colour as a theme names it; the terminal maps it to what it can show.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 16 ANSI colours (0-7 normal, 8-15 bright).
    case ansi(UInt8)
    /// One of the 256 xterm colours.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// Parses `#rrggbb`, `default`, `ansi:N` or `N` (an xterm index).
    public init?(parsing text: String) {
        let text = text.trimmingSpaces().lowercased()
        if text == "default" {
            self = .default
        } else if text.hasPrefix("#"), text.count == 7, text.dropFirst().allSatisfy(\.isHexDigit),
            let value = UInt32(text.dropFirst(), radix: 16)
        {
            self = .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        } else if text.hasPrefix("ansi:"), let index = Self.unsignedByte(text.dropFirst(5)), index < 16 {
            self = .ansi(index)
        } else if let index = Self.unsignedByte(text) {
            self = .indexed(index)
        } else {
            return nil
        }
    }

    /// Digits only: `UInt8(_:)` alone would also take a sign (`+5`).
    private static func unsignedByte(_ digits: some StringProtocol) -> UInt8? {
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt8(digits)
    }

    /// The colour as 8-bit red, green and blue, using xterm's palette for indexed colours.
    public var rgbComponents: (red: UInt8, green: UInt8, blue: UInt8)? {
        switch self {
        case .default: return nil
        case let .rgb(red, green, blue): return (red, green, blue)
        case let .ansi(index): return Self.xtermComponents(Int(index))
        case let .indexed(index): return Self.xtermComponents(Int(index))
        }
    }

    /// `#rrggbb`, for SVG output; nil for the terminal default.
    public var hexString: String? {
        guard let (red, green, blue) = rgbComponents else { return nil }
        return "#" + [red, green, blue].map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    private static let ansiPalette: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]

    private static func xtermComponents(_ index: Int) -> (UInt8, UInt8, UInt8) {
        if index < 16 { return ansiPalette[index] }
        if index >= 232 {
            let level = UInt8(8 + (index - 232) * 10)
            return (level, level, level)
        }
        let cube = index - 16
        let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
        return (steps[cube / 36], steps[(cube / 6) % 6], steps[cube % 6])
    }
}

extension String {
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view = view.dropFirst() }
        while view.last?.isWhitespace == true { view = view.dropLast() }
        return String(view)
    }
}
