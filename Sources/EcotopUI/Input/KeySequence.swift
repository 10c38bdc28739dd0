/// Turns a typed string into key presses, for scripted frames and tests:
/// `\n` or `\r` is Enter, `\t` Tab, `\u{1B}` Esc, other characters type themselves.
public enum KeySequence {
    public static func parse(_ text: String) -> [Key] {
        text.map { character in
            switch character {
            case "\n", "\r", "\r\n": .enter
            case "\t": .tab
            case "\u{1B}": .escape
            default: .character(character)
            }
        }
    }
}
