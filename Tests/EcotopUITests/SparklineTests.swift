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
