/// Makes text from outside (metric labels, plugin output, error messages) safe to draw:
/// control characters, escape sequences and bidirectional overrides never reach the terminal.
public enum TerminalText {
    /// The text with ANSI/VT escape sequences removed, tabs and line breaks turned into
    /// spaces, and every other control character (C0, DEL, C1) and bidirectional control
    /// (which reorders what follows it on screen) replaced by `�`: for the dashboard's cells.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B:
                skipEscapeSequence(&scalars)
            case 0x09, 0x0A, 0x0D:
                result.append(" ")
            case _ where isControl(scalar):
                result.append("\u{FFFD}")
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The text with every control character and bidirectional control shown as an escape
    /// (`\x1b`, `\u{202E}`) instead of acting on the terminal, except those in `kept` (line
    /// breaks of a message): for command-line output, where the original matters to whoever
    /// reads the error, and `exe\x1b[2Jc` must not read as `exec`.
    public static func escaped(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !kept.contains($0) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if !isControl(scalar) || kept.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if scalar.value < 0x100 {
                result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            } else {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// Whether the scalar acts on a terminal or reorders the text around it: C0 and C1
    /// controls, DEL, and the bidirectional embeddings, overrides, isolates and marks.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0x200E || scalar.value == 0x200F
    }

    /// Skips the rest of an escape sequence: CSI (`ESC [` ... final byte), OSC and other
    /// string sequences (`ESC ]`, `P`, `X`, `^`, `_` ... BEL or `ESC \`), or one character.
    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let introducer = scalars.next() else { return }
        switch introducer {
        case "[":
            while let scalar = scalars.next(), !(0x40...0x7E).contains(scalar.value) {}
        case "]", "P", "X", "^", "_":
            var previous: Unicode.Scalar = " "
            while let scalar = scalars.next() {
                if scalar.value == 0x07 || (previous.value == 0x1B && scalar == "\\") { break }
                previous = scalar
            }
        default:
            break
        }
    }
}
