import EcotopTestSupport
import EcotopUI
import Testing

@Suite struct FrameBufferTests {
    static let red = Style(foreground: .ansi(1))

    @Test func wideCharactersTakeTwoCellsAndPartialOverwritesBlankTheirOtherHalf() {
        var buffer = FrameBuffer(size: Size(width: 16, height: 6))
        for row in 0..<6 { buffer.write("日本語テキスト", x: 0, y: row, style: .plain) }
        buffer.write("x", x: 1, y: 1, style: .plain)
        buffer.write("x", x: 2, y: 2, style: .plain)
        buffer.write("ab", x: 3, y: 3, style: .plain)
        buffer.write("中", x: 1, y: 4, style: .plain)
        buffer.write("😀ok🚀", x: 5, y: 5, style: .plain)
        assertSnapshot(buffer.text, named: "FrameBuffer.wide-overwrite")
    }

    @Test func continuationCellFollowsEveryWideCharacter() {
        var buffer = FrameBuffer(size: Size(width: 6, height: 1))
        let end = buffer.write("a中b", x: 0, y: 0, style: .plain)
        #expect(end == 4)
        #expect((0..<6).map { buffer[$0, 0].isContinuation } == [false, false, true, false, false, false])
        #expect(buffer[1, 0].scalar == "中")
        buffer.set("z", x: 2, y: 0, style: .plain)
        #expect(buffer.lines == ["a zb"])
        #expect(!buffer.cells.contains { $0.isContinuation })
    }

    @Test func wideCharacterThatDoesNotFitStopsTheText() {
        var buffer = FrameBuffer(size: Size(width: 4, height: 1))
        let end = buffer.write("ab中d", x: 1, y: 0, style: .plain)
        #expect(buffer.lines == [" ab"])
        #expect(end == 3)
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test func writeStopsAtTheLimitAndClipsOffscreenText() {
        var buffer = FrameBuffer(size: Size(width: 8, height: 2))
        #expect(buffer.write("abcdef", x: 1, y: 0, style: .plain, limit: 4) == 4)
        buffer.write("xyz", x: -2, y: 1, style: .plain)
        buffer.write("never", x: 0, y: 2, style: .plain)
        buffer.write("ok", x: 7, y: 1, style: .plain)
        #expect(buffer.lines == [" abc", "z      o"])
    }

    @Test func zeroWidthScalarsAreSkipped() {
        var buffer = FrameBuffer(size: Size(width: 6, height: 1))
        #expect(buffer.write("a\u{200B}b\u{FE0F}c", x: 0, y: 0, style: .plain) == 3)
        #expect(buffer.lines == ["abc"])
    }

    @Test func fillAndRestyleStayInsideTheBuffer() {
        var buffer = FrameBuffer(size: Size(width: 4, height: 3))
        buffer.write("abcd", x: 0, y: 1, style: .plain)
        buffer.fill(Rect(x: 2, y: 2, width: 10, height: 10), with: "#", style: .plain)
        buffer.restyle(Rect(x: -1, y: 1, width: 3, height: 1)) { $0.foreground(.ansi(1)) }
        #expect(buffer.lines == ["", "abcd", "  ##"])
        #expect(styleMap(of: buffer, legend: ["r": Self.red]) == "....\nrr..\n....")
    }

    @Test func pasteCopiesAScrolledWindowAndClipsToBothBuffers() {
        var tall = FrameBuffer(size: Size(width: 4, height: 6))
        for row in 0..<6 { tall.write("r\(row)中", x: 0, y: row, style: row == 3 ? Self.red : .plain) }
        var screen = FrameBuffer(size: Size(width: 6, height: 4))
        screen.fill(screen.area, with: ".", style: .plain)
        screen.paste(tall, from: (x: 0, y: 3), into: Rect(x: 1, y: 1, width: 6, height: 5))
        #expect(screen.lines == ["......", ".r3中.", ".r4中.", ".r5中."])
        #expect(screen[4, 1].isContinuation)
        #expect(screen[1, 1].style == Self.red)
    }

    @Test func outOfRangeReadsGiveABlankCell() {
        let buffer = FrameBuffer(size: Size(width: 2, height: 2))
        #expect(buffer[-1, 0] == .blank)
        #expect(buffer[2, 1] == .blank)
        #expect(FrameBuffer(size: Size(width: -3, height: 2)).size.width == 0)
    }
}

@Suite struct SnapshotAssertionTests {
    @Test func lineDiffShowsOnlyTheChangedLinesWithTheirNumbers() {
        let diff = lineDiff(expected: "same\nold \nkept\ngone", actual: "same\nnew\nkept")
        #expect(diff == "line 2:\n- |old |\n+ |new|\nline 4:\n- |gone|")
    }

    @Test func styleMapMarksPlainAndUnnamedStyles() {
        var buffer = FrameBuffer(size: Size(width: 4, height: 1))
        buffer.write("ab", x: 1, y: 0, style: Style(foreground: .ansi(2)))
        buffer.set("c", x: 3, y: 0, style: Style(modifiers: .bold))
        #expect(styleMap(of: buffer, legend: ["g": Style(foreground: .ansi(2))]) == ".gg?")
    }
}
