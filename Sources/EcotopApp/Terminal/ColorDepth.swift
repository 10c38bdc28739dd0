/// How many colours the dashboard draws with, decided from the environment and the terminal
/// description (terminfo) at start-up.
///
/// Truecolor goes through ncurses' direct colour, which needs a terminal description with
/// 2^24 colours (`TERM=xterm-direct`, `*-direct`, from Debian's ncurses-term): colour numbers
/// are then 0xRRGGBB and pairs are set with `init_extended_pair`. `COLORTERM=truecolor` with a
/// 256-colour description (`xterm-256color`) cannot reach 24-bit colour through ncurses, so it
/// stays at 256, mapped to the nearest of the fixed palette.
public enum ColorDepth: Int, Comparable, Sendable, CustomStringConvertible {
    /// No colour: `NO_COLOR`, or a terminal without colours (`vt100`). Attributes only.
    case none = 0
    /// The eight ANSI colours.
    case eight = 8
    /// The sixteen ANSI colours (normal and bright).
    case sixteen = 16
    /// The xterm 256-colour palette.
    case palette256 = 256
    /// 24-bit colour through ncurses direct colour.
    case truecolor = 16_777_216

    /// The depth for this environment and terminal: `NO_COLOR` (any non-empty value, as
    /// no-color.org says) turns colour off; otherwise the terminal's colour count (`COLORS`
    /// after `start_color`, 0 when it has none) decides. `COLORTERM` does not: ncurses can
    /// only send 24-bit colours a direct-colour description lets it.
    /// - Parameters:
    ///   - environment: the process environment.
    ///   - terminalColors: terminfo's `colors` for TERM (0 or less when it has none).
    public static func detect(environment: [String: String], terminalColors: Int) -> ColorDepth {
        ColorDepth(noColor: !(environment["NO_COLOR"] ?? "").isEmpty, terminalColors: terminalColors)
    }

    /// The depth when `NO_COLOR` is set (`noColor`) or not, for a terminal of `terminalColors`.
    public init(noColor: Bool, terminalColors: Int) {
        guard !noColor else {
            self = .none
            return
        }
        switch terminalColors {
        case Self.truecolor.rawValue...: self = .truecolor
        case 256...: self = .palette256
        case 16...: self = .sixteen
        case 8...: self = .eight
        default: self = .none
        }
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .none: "no colour"
        case .eight: "8 colours"
        case .sixteen: "16 colours"
        case .palette256: "256 colours"
        case .truecolor: "truecolor (24-bit)"
        }
    }
}
