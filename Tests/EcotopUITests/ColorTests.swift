import EcotopUI
import Testing

@Suite struct ColorTests {
    @Test(arguments: [
        ("#1f6feb", Color.rgb(0x1F, 0x6F, 0xEB)), ("#ABCDEF", .rgb(0xAB, 0xCD, 0xEF)), (" #000000 ", .rgb(0, 0, 0)),
        ("default", .default), ("Default", .default), ("ansi:0", .ansi(0)), ("ansi:15", .ansi(15)),
        ("196", .indexed(196)), ("0", .indexed(0)), ("255", .indexed(255)),
    ])
    func parsesThemeColourSyntax(text: String, expected: Color) {
        #expect(Color(parsing: text) == expected)
    }

    @Test(arguments: [
        "", "red", "#12345", "#1234567", "#12345g", "#+12345", "#-12345", "ansi:16", "ansi:-1", "ansi:+3", "256",
        "-1", "+5", "rgb(1,2,3)",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(Color(parsing: text) == nil)
    }

    @Test func indexedColoursUseTheXtermPalette() {
        #expect(Color.indexed(16).hexString == "#000000")
        #expect(Color.indexed(21).hexString == "#0000ff")
        #expect(Color.indexed(196).hexString == "#ff0000")
        #expect(Color.indexed(110).hexString == "#87afd7")
        #expect(Color.indexed(231).hexString == "#ffffff")
        #expect(Color.indexed(232).hexString == "#080808")
        #expect(Color.indexed(255).hexString == "#eeeeee")
    }

    @Test func ansiColoursUseTheXtermDefaults() {
        #expect(Color.ansi(1).hexString == "#cd0000")
        #expect(Color.ansi(12).hexString == "#5c5cff")
        #expect(Color.indexed(9).hexString == Color.ansi(9).hexString)
    }

    @Test func hexStringPadsEachComponentAndIsNilForTheDefault() {
        #expect(Color.rgb(1, 2, 255).hexString == "#0102ff")
        #expect(Color.default.hexString == nil)
        #expect(Color.default.rgbComponents == nil)
    }
}
