import CNcursesw
@testable import EcotopTerminal
import EcotopUI
import Testing

/// Theme colours onto what a terminal of each depth has, nearest in CIELAB.
@Suite struct TerminalColorMapperTests {
    private let palette256 = TerminalColorMapper(depth: .palette256)
    private let sixteen = TerminalColorMapper(depth: .sixteen)
    private let eight = TerminalColorMapper(depth: .eight)

    @Test func xtermPaletteColoursMapToThemselves() {
        for index in 16...255 {
            let (red, green, blue) = Color.indexed(UInt8(index)).rgbComponents!
            #expect(palette256.number(for: .rgb(red, green, blue)) == Int32(index), "\(index)")
        }
    }

    @Test func knownColoursOn256() {
        #expect(palette256.number(for: .rgb(255, 0, 0)) == 196)
        #expect(palette256.number(for: .rgb(250, 3, 2)) == 196)
        #expect(palette256.number(for: .rgb(255, 136, 0)) == 208, "#ff8800 is next to #ff8700")
        #expect(palette256.number(for: .rgb(128, 128, 128)) == 244)
        #expect(palette256.number(for: .rgb(0, 0, 0)) == 16, "the fixed black, not the themable 0")
        #expect(palette256.number(for: .rgb(255, 255, 255)) == 231)
        #expect(palette256.number(for: .indexed(42)) == 42)
        #expect(palette256.number(for: .ansi(9)) == 9)
        #expect(palette256.number(for: .default) == -1)
    }

    @Test func aDarkGreenStaysGreenRatherThanTurningGrey() {
        // Per-channel rounding in RGB took #30671e to the grey 237 (#3a3a3a); in CIELAB the
        // nearest entry is the green 22 (#005f00). Likewise a deep blue keeps its lightness.
        #expect(palette256.number(for: .rgb(48, 103, 30)) == 22)
        #expect(palette256.number(for: .rgb(41, 40, 113)) == 17)
        #expect(palette256.number(for: .rgb(2, 53, 154)) == 26)
    }

    @Test func knownColoursOn16And8() {
        #expect(sixteen.number(for: .rgb(255, 0, 0)) == 9)
        #expect(sixteen.number(for: .rgb(205, 0, 0)) == 1)
        #expect(sixteen.number(for: .rgb(0, 0, 238)) == 4)
        #expect(sixteen.number(for: .rgb(128, 128, 128)) == 8)
        #expect(sixteen.number(for: .rgb(250, 250, 250)) == 15)
        #expect(sixteen.number(for: .indexed(196)) == 9)
        #expect(sixteen.number(for: .ansi(12)) == 12)
        #expect(eight.number(for: .rgb(255, 0, 0)) == 1)
        #expect(eight.number(for: .rgb(255, 255, 255)) == 7)
        #expect(eight.number(for: .rgb(20, 20, 30)) == 0)
        #expect(eight.number(for: .ansi(12)) == 4)
        #expect(eight.number(for: .indexed(46)) == 2)
    }

    @Test func truecolorKeepsTheColourAsItsNumber() {
        let direct = TerminalColorMapper(depth: .truecolor)
        #expect(direct.number(for: .rgb(0x12, 0x34, 0x56)) == 0x123456)
        #expect(direct.number(for: .indexed(196)) == 0xFF0000)
        #expect(direct.number(for: .ansi(3)) == 3)
        #expect(direct.number(for: .ansi(9)) == 0xFF0000, "only 0-7 are indices in direct colour")
        #expect(direct.number(for: .rgb(0, 0, 5)) == 8, "not the ANSI magenta that 5 would be")
        #expect(direct.number(for: .rgb(0, 0, 0)) == 8)
    }

    @Test func noColourMapsEverythingToTheDefault() {
        let none = TerminalColorMapper(depth: .none)
        #expect(none.number(for: .rgb(255, 0, 0)) == -1)
        #expect(none.number(for: .ansi(1)) == -1)
    }

    @Test func f12IsDecoded() {
        #expect(KeyDecoder.functionKey(KEY_F0 + 12) == .function(12))
    }
}
