import EcotopCore
/// Makes text from outside (metric labels, plugin output, error messages) safe to draw:
/// control characters and escape sequences never reach the terminal.
public enum TerminalText {
    /// The text with ANSI/VT escape sequences removed, tabs and line breaks turned into
    /// spaces, and every other control character (C0, DEL, C1) replaced by `�`.
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

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
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
