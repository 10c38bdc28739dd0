import EcotopTestSupport
import EcotopUI
import Testing

@Suite struct PaneTests {
    static let border = Style(foreground: .ansi(8))
    static let title = Style(foreground: .ansi(15), modifiers: .bold)
    static let note = Style(foreground: .ansi(2))

    static func pane(_ title: String, note: String = "", glyphs: GlyphSet = .unicode) -> Pane {
        Pane(
            title: [Span(title, style: Self.title)], note: note.isEmpty ? [] : [Span(note, style: Self.note)],
            borderStyle: border, glyphs: glyphs)
    }

    @Test func titleAndNoteSitOnTheTopEdge() {
        let buffer = frame(width: 32, height: 5, Self.pane("2 Usage", note: "5 metrics"))
        assertSnapshot(buffer.text, named: "Pane.title-note")
        let legend: [Character: Style] = ["b": Self.border, "t": Self.title, "n": Self.note]
        #expect(styleMap(of: buffer, in: Rect(x: 0, y: 0, width: 32, height: 2), legend: legend) == """
            bbtttttttbbbbbbbbbbbbnnnnnnnnnbb
            b..............................b
            """)
    }

    @Test func asciiPaneUsesPlainCorners() {
        assertSnapshot(frame(width: 20, height: 4, Self.pane("Value", glyphs: .ascii)).text, named: "Pane.ascii")
    }

    @Test func narrowPaneClipsTheTitleBeforeTheNote() {
        let narrow = frame(width: 16, height: 3, Self.pane("Participation and partners", note: "LIVE"))
        let tiny = frame(width: 9, height: 3, Self.pane("Qualitative", note: "a long note"))
        assertSnapshot(narrow.text + "\n\n" + tiny.text, named: "Pane.narrow")
    }

    @Test func innerAreaIsInsideTheBorder() {
        #expect(Pane.inner(Rect(x: 2, y: 3, width: 10, height: 6)).description == "8x4+3+4")
    }

    @Test func tooSmallAreaDrawsNothing() {
        var buffer = FrameBuffer(size: Size(width: 4, height: 4))
        Self.pane("x").render(in: Rect(x: 0, y: 0, width: 1, height: 4), buffer: &buffer)
        #expect(buffer.text == "\n\n\n")
    }

    @Test func drawingClearsWhatWasInsideTheArea() {
        var buffer = FrameBuffer(size: Size(width: 8, height: 3))
        buffer.fill(buffer.area, with: "x", style: .plain)
        Self.pane("").render(in: Rect(x: 1, y: 0, width: 6, height: 3), buffer: &buffer)
        #expect(buffer.lines == ["x╭────╮x", "x│    │x", "x╰────╯x"])
    }
}
