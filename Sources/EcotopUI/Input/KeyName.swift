/// Keys by name, as `keys:` in the configuration writes them and the help shows them:
/// a character as itself (`q`, `E`, `/`), `space`, `ctrl-LETTER`, `f1` to `f12`, and the named
/// keys (`up`, `page-down`, `enter`, `esc`, `tab`, `shift-tab`, `backspace`, ...). Names are read
/// without regard to case, but a single character keeps its case: `E` is Shift-E.
extension Key {
    private static let named: [(name: String, key: Key)] = [
        ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("page-up", .pageUp), ("page-down", .pageDown), ("home", .home), ("end", .end),
        ("enter", .enter), ("esc", .escape), ("tab", .tab), ("shift-tab", .backTab), ("backspace", .backspace),
    ]

    /// The named keys, for messages: `up, down, ...`.
    static var names: String { named.map(\.name).joined(separator: ", ") }

    /// The key `name` stands for, or nil when it names none.
    public init?(name: String) {
        if name.count == 1, let character = name.first, !character.isWhitespace {
            self = .character(character)
            return
        }
        let lowered = name.lowercased()
        if lowered == "space" {
            self = .character(" ")
        } else if let found = Self.named.first(where: { $0.name == lowered }) {
            self = found.key
        } else if lowered.hasPrefix("ctrl-"), lowered.count == 6, let letter = lowered.last, letter.isASCII, letter.isLetter {
            self = .control(letter)
        } else if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...12).contains(number) {
            self = .function(number)
        } else {
            return nil
        }
    }

    /// How the help shows the key: `q`, `Space`, `Ctrl-C`, `F5`, `Up`, `Shift-Tab`, `Esc`.
    public var displayName: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-\(letter.uppercased())"
        case .function(let number): "F\(number)"
        default:
            Self.named.first { $0.key == self }.map { $0.name.split(separator: "-").map(\.capitalized).joined(separator: "-") } ?? ""
        }
    }
}
