import EcotopCore
import EcotopUI
import Testing

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("Zürich 東京 ✅", "Zürich 東京 ✅"),
        ("\u{1B}[31mred\u{1B}[0m", "red"),
        ("\u{1B}[?25lhidden cursor\u{1B}[38;2;255;0;0m!", "hidden cursor!"),
        ("a\u{1B}[2Jb", "ab"),
        ("\u{1B}]0;pwned title\u{07}after", "after"),
        ("\u{1B}]8;;https://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\", "link"),
        ("\u{1B}Pdevice control\u{1B}\\ok", "ok"),
        ("\u{1B}cX", "X"),
        ("cut\u{1B}[", "cut"),
        ("cut\u{1B}]unterminated title", "cut"),
        ("trailing escape\u{1B}", "trailing escape"),
    ])
    func removesEscapeSequences(input: String, expected: String) {
        #expect(TerminalText.sanitize(input) == expected)
    }

    @Test func turnsTabsAndLineBreaksIntoSpaces() {
        #expect(TerminalText.sanitize("a\tb\nc\r\nd") == "a b c  d")
    }

    @Test(arguments: [
        ("bell\u{07}", "bell\u{FFFD}"), ("nul\u{00}", "nul\u{FFFD}"), ("del\u{7F}", "del\u{FFFD}"),
        ("c1\u{85}", "c1\u{FFFD}"), ("csi\u{9B}31m", "csi\u{FFFD}31m"), ("osc\u{9D}0;x", "osc\u{FFFD}0;x"),
        ("backspace\u{08}", "backspace\u{FFFD}"),
    ])
    func replacesOtherControlCharacters(input: String, expected: String) {
        #expect(TerminalText.sanitize(input) == expected)
    }

    @Test func leavesNoControlCharacterInHostileInput() {
        let hostile = "\u{1B}[1;31m\u{9B}2J\u{1B}]52;c;ZXZpbA==\u{07}\u{08}\u{08}\u{7F}ok\u{1B}\u{1B}[\u{0}\u{1F}\u{9F}"
        let scalars = TerminalText.sanitize(hostile).unicodeScalars
        #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(TerminalText.sanitize(hostile).contains("ok"))
    }
}
