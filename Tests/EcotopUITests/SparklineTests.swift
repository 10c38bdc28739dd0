import EcotopCore
import EcotopTestSupport
import EcotopUI
import Testing

@Suite struct SparklineTests {
    static func sparkline(_ values: [Double?], _ glyphs: GlyphSet = .unicode, gradient: [Color] = []) -> Sparkline {
        Sparkline(values: values, style: .plain, gradient: gradient, glyphs: glyphs)
    }

    @Test func drawsShapesNewestOnTheRight() {
        let rising = (1...8).map { Double($0) as Double? }
        let sheet = rowSheet(width: 8, [
            ("rising", Self.sparkline(rising)),
            ("falling", Self.sparkline(rising.reversed())),
            ("constant", Self.sparkline([5, 5, 5])),
            ("negative", Self.sparkline([-3, -1, -2, 0])),
            ("gaps", Self.sparkline([1, nil, 3, nil, 5])),
            ("all gaps", Self.sparkline([nil, nil])),
            ("empty", Self.sparkline([])),
            ("resampled", Self.sparkline((1...16).map { Double($0) })),
            ("resampled gaps", Self.sparkline([1, nil, nil, nil, 4, 4, nil, 8, 2, 2, nil, nil, nil, nil, 9, nil])),
            ("ascii", Self.sparkline(rising, .ascii)),
        ])
        assertSnapshot(sheet, named: "Sparkline")
    }

    @Test func resampleAveragesRunsAndKeepsGapsOnlyWhereAWholeRunIsMissing() {
        #expect(Sparkline.resample([1, 3, 5, 7], to: 2) == [2, 6])
        #expect(Sparkline.resample([1, nil, nil, nil, 4, 8], to: 3) == [1, nil, 6])
        #expect(Sparkline.resample([1, 2], to: 5) == [1, 2])
        #expect(Sparkline.resample([1, 2], to: 0) == [])
        #expect(Sparkline.resample((0..<100).map { Double($0) }, to: 7).count == 7)
    }

    @Test func gradientColoursEachColumnByItsHeight() {
        let low = Color.ansi(4), middle = Color.ansi(6), high = Color.ansi(15)
        let buffer = frame(width: 5, height: 1, Self.sparkline([0, 1, 2, 3, 4], gradient: [low, middle, high]))
        let legend: [Character: Style] = ["l": Style(foreground: low), "m": Style(foreground: middle), "h": Style(foreground: high)]
        #expect(styleMap(of: buffer, legend: legend) == "lmmhh")
    }
}

@Suite struct ExtremeValueTests {
    @Test func sparklineOfValuesAtTheEdgesOfDoubleDrawsWithoutCrashing() {
        let buffer = frame(width: 6, height: 1, Sparkline(
            values: [-1e308, 1e308, nil, .nan, .infinity, 0], style: .plain, glyphs: .unicode))
        #expect(buffer.lines[0].hasPrefix("▁█"))
        #expect(buffer.lines[0].hasSuffix("▅") || buffer.lines[0].hasSuffix("▄"))
    }

    @Test func lineChartOfHugeValuesAndFarPointsDrawsWithoutCrashing() {
        let points = [SeriesPoint(timestamp: -1e18, value: 1), SeriesPoint(timestamp: 50, value: 1e308),
                      SeriesPoint(timestamp: 60, value: -1e308), SeriesPoint(timestamp: 70, value: .nan)]
        let chart = LineChart(
            points: points, timeSpan: 0...100, referenceLines: [], lineStyle: .plain, axisStyle: .plain, glyphs: .unicode,
            formatValue: { value, _ in NumberFormat.compact(value) }, formatTime: { ClockFormat.utc.timeOfDay($0) })
        let buffer = frame(width: 40, height: 8, chart)
        #expect(buffer.lines.count == 8)
    }

    @Test func controlCharactersNeverReachTheBuffer() {
        var buffer = FrameBuffer(size: Size(width: 10, height: 1))
        buffer.write("a\u{1B}[2Jb\u{7}", x: 0, y: 0, style: .plain)
        #expect(!buffer.cells.contains { $0.scalar.value < 0x20 || $0.scalar.value == 0x7F })
        #expect(buffer.lines[0].hasPrefix("a\u{FFFD}[2Jb\u{FFFD}"))
    }

    @Test func aWobbleSmallerThanTheMinimumSpanStaysNearlyFlat() {
        let wobble = [7.909, 7.921, 7.912, 7.918, 7.909, 7.921]
        var buffer = FrameBuffer(size: Size(width: 6, height: 1))
        Sparkline(values: wobble, style: .plain, glyphs: .unicode, minimumSpan: 1).render(in: buffer.area, buffer: &buffer)
        let levels = Set(buffer.lines[0])
        #expect(levels.count <= 2, "a 0.15 % wobble against a span of 1 stays within two neighbouring heights: \(buffer.lines[0])")
        var unscaled = FrameBuffer(size: Size(width: 6, height: 1))
        Sparkline(values: wobble, style: .plain, glyphs: .unicode).render(in: unscaled.area, buffer: &unscaled)
        #expect(unscaled.lines[0].first == "▁" && unscaled.lines[0].dropFirst().first == "█", "without it, full swings")
    }
}
