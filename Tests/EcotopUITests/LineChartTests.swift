import EcotopCore
import EcotopTestSupport
import EcotopUI
import Testing

@Suite struct LineChartTests {
    static let start = 1_795_754_811.0 - 3_600
    static let line = Style(foreground: .ansi(12))
    static let axis = Style(foreground: .ansi(8))
    static let warn = Style(foreground: .ansi(3))
    static let critical = Style(foreground: .ansi(1))

    /// An hour of error rate: calm, a climb into an incident, and recovery.
    static let points: [SeriesPoint] = (0...60).map { minute in
        let incident = max(0, 1 - abs(Double(minute) - 40) / 8)
        return SeriesPoint(timestamp: start + Double(minute) * 60, value: 0.4 + 0.1 * Double(minute % 3) + 5.5 * incident)
    }

    static func chart(_ points: [SeriesPoint] = points, glyphs: GlyphSet = .unicode) -> LineChart {
        LineChart(
            points: points, timeSpan: start...(start + 3_600),
            referenceLines: [
                .init(value: 1, label: "warn", style: warn), .init(value: 5, label: "crit", style: critical),
            ],
            lineStyle: line, axisStyle: axis, glyphs: glyphs,
            formatValue: { value, _ in NumberFormat.fixed(value, decimals: 1) + "%" },
            formatTime: { ClockFormat.utc.timeOfDay($0, withSeconds: false) })
    }

    @Test func brailleChartWithThresholdLines() {
        let buffer = frame(width: 48, height: 12, Self.chart())
        assertSnapshot(buffer.text, named: "LineChart.braille")
        let legend: [Character: Style] = ["l": Self.line, "a": Self.axis, "w": Self.warn, "c": Self.critical]
        assertSnapshot(styleMap(of: buffer, legend: legend), named: "LineChart.braille-styles")
    }

    @Test func asciiChartMarksOnePointPerColumn() {
        assertSnapshot(frame(width: 48, height: 12, Self.chart(glyphs: .ascii)).text, named: "LineChart.ascii")
    }

    @Test func thresholdLabelsStayReadableWhereTheSeriesCrossesThem() {
        for glyphs in [GlyphSet.unicode, .ascii] {
            let lines = frame(width: 48, height: 12, Self.chart(glyphs: glyphs)).lines
            #expect(lines[2].hasSuffix(" crit"), "\(lines[2])")
            #expect(lines[9].hasSuffix(" warn"), "\(lines[9])")
        }
    }

    @Test func valueSpanCoversDataAndReferenceLinesWithPadding() {
        let span = Self.chart().valueSpan
        #expect(abs(span.lowerBound - (0.4 - 0.05 * 5.6)) < 1e-9)
        #expect(span.upperBound > 5.9 && span.upperBound < 6.3)
        let flat = Self.chart([SeriesPoint(timestamp: Self.start, value: 0)])
        #expect(flat.valueSpan.lowerBound < 0 && flat.valueSpan.upperBound > 5)
    }

    @Test func pointsOutsideTheTimeSpanStayInsideThePlot() {
        let stray = [
            SeriesPoint(timestamp: Self.start - 900, value: 3), SeriesPoint(timestamp: Self.start + 4_500, value: 3),
        ]
        for glyphs in [GlyphSet.unicode, .ascii] {
            var buffer = FrameBuffer(size: Size(width: 80, height: 8))
            Self.chart(stray, glyphs: glyphs).render(in: Rect(x: 20, y: 1, width: 30, height: 6), buffer: &buffer)
            let outside = buffer.cells.indices.filter { index in
                let x = index % 80, y = index / 80
                return buffer.cells[index].style == Self.line && !(x >= 25 && x < 50 && y >= 1 && y < 6)
            }
            #expect(outside.isEmpty, "\(glyphs.hasBraille ? "braille" : "ascii") drew at \(outside)")
        }
    }

    @Test func tooSmallAreaDrawsNothing() {
        let buffer = frame(width: 11, height: 3, Self.chart())
        #expect(buffer.text == "\n\n")
    }
}
