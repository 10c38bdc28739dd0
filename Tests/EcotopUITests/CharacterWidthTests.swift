import EcotopUI
import Testing

@Suite struct CharacterWidthTests {
    @Test(arguments: [
        ("a", 1), ("~", 1), ("é", 1), ("\u{65}\u{301}", 1), ("→", 1), ("─", 1), ("⣿", 1), ("❤", 1), ("ｶ", 1),
        ("中", 2), ("日本語", 6), ("한국", 4), ("ｶﾀ", 2), ("Ａ", 2), ("😀", 2), ("🚀", 2), ("✅", 2), ("⌚", 2),
        ("\u{200B}", 0), ("\u{FE0F}", 0), ("a\u{200D}b", 2), ("Zürich 東京", 11),
    ])
    func countsTerminalColumns(text: String, columns: Int) {
        #expect(text.terminalWidth == columns)
    }
}
