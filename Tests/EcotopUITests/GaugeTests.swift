import EcotopTestSupport
import EcotopUI
import Testing

@Suite struct GaugeTests {
    static let fill = Style(foreground: .ansi(2))
    static let empty = Style(foreground: .ansi(8))

    static func gauge(_ ratio: Double, _ glyphs: GlyphSet = .unicode) -> Gauge {
        Gauge(ratio: ratio, fillStyle: fill, emptyStyle: empty, glyphs: glyphs)
    }

    @Test func fillsInEighthsOfACell() {
        let sheet = rowSheet(width: 10, [
            ("0", Self.gauge(0)), ("3/80", Self.gauge(3.0 / 80)), ("0.5", Self.gauge(0.5)),
            ("0.55", Self.gauge(0.55)), ("79/80", Self.gauge(79.0 / 80)), ("1", Self.gauge(1)),
            ("1.7", Self.gauge(1.7)), ("-0.2", Self.gauge(-0.2)), ("NaN", Self.gauge(.nan)),
        ])
        assertSnapshot(sheet, named: "Gauge.unicode")
    }

    @Test func asciiFillsWholeCellsOnly() {
        let sheet = rowSheet(width: 10, [
            ("0", Self.gauge(0, .ascii)), ("0.04", Self.gauge(0.04, .ascii)), ("0.05", Self.gauge(0.05, .ascii)),
            ("0.55", Self.gauge(0.55, .ascii)), ("1", Self.gauge(1, .ascii)),
        ])
        assertSnapshot(sheet, named: "Gauge.ascii")
    }

    @Test func fillAndEmptyCellsTakeTheirStyles() {
        let buffer = frame(width: 10, height: 1, Self.gauge(0.55))
        #expect(styleMap(of: buffer, legend: ["f": Self.fill, "e": Self.empty]) == "ffffffeeee")
    }

    @Test func drawsOnlyItsAreasFirstRow() {
        var buffer = FrameBuffer(size: Size(width: 12, height: 3))
        Self.gauge(1).render(in: Rect(x: 1, y: 1, width: 4, height: 2), buffer: &buffer)
        #expect(buffer.text == "\n ████\n")
    }
}
