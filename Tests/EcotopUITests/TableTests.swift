import EcotopCore
import EcotopTestSupport
import EcotopUI
import Testing

@Suite struct TableTests {
    static let header = Style(modifiers: .bold)
    static let selection = Style(background: .ansi(4))
    static let warn = Style(foreground: .ansi(3))

    static let columns = [
        TableColumn("Metric", width: .fill(min: 10)),
        TableColumn("Value", width: .fixed(9), alignment: .right),
        TableColumn("Change", width: .fixed(7), alignment: .right, hidePriority: 2),
        TableColumn("Trend", width: .fixed(8), hidePriority: 1),
        TableColumn("Status", width: .fixed(6)),
    ]

    /// The usage family as the dashboard lists it, with a warning on the error rate.
    static var usageRows: [[TableCell]] {
        let values = ["1.15k/min", "8,400", "3.1k/min", "99.97%", "1.42%"]
        let deltas = ["+2.4%", "-0.8%", "+12%", "-0.01pp", "+0.90pp"]
        return MetricCatalog.standard.metrics(in: .usage).enumerated().map { index, metric in
            let trend = (0..<12).map { Double(($0 * (index + 3)) % 7) as Double? }
            let status = index == 4 ? TableCell.text("WARN", style: warn) : .text("OK", style: .plain)
            return [
                .text(metric.title, style: .plain), .text(values[index], style: .plain), .text(deltas[index], style: .plain),
                .widget(Sparkline(values: trend, style: .plain, glyphs: .unicode)), status,
            ]
        }
    }

    static func table(_ rows: [[TableCell]] = usageRows, selected: Int? = nil, glyphs: GlyphSet = .unicode) -> Table {
        Table(columns: columns, rows: rows, selected: selected, headerStyle: header, selectionStyle: selection, glyphs: glyphs)
    }

    @Test func alignsColumnsAndTruncatesWithAnEllipsis() {
        assertSnapshot(frame(width: 60, height: 6, Self.table()).text, named: "Table.wide")
    }

    @Test func asciiTruncationUsesATilde() {
        assertSnapshot(frame(width: 60, height: 3, Self.table(glyphs: .ascii)).text, named: "Table.ascii")
    }

    @Test func hidesColumnsByPriorityWhenNarrow() {
        let medium = frame(width: 40, height: 6, Self.table()).text
        let narrow = frame(width: 30, height: 6, Self.table()).text
        assertSnapshot(medium + "\n\n" + narrow, named: "Table.narrow")
    }

    @Test func layoutHandsSpareWidthToFillColumnsAndHidesHighestPriorityFirst() {
        let table = Self.table()
        #expect(table.layout(width: 60).map { $0.map { "\($0.x)+\($0.width)" } } == ["0+26", "27+9", "37+7", "45+8", "54+6"])
        #expect(table.layout(width: 40).map { $0.map { "\($0.x)+\($0.width)" } } == ["0+14", "15+9", nil, "25+8", "34+6"])
        #expect(table.layout(width: 30).map { $0.map { "\($0.x)+\($0.width)" } } == ["0+13", "14+9", nil, nil, "24+6"])
    }

    @Test func fillColumnsShareSpareWidthByWeight() {
        let table = Table(
            columns: [TableColumn("a", width: .fill(min: 2, weight: 1)), TableColumn("b", width: .fill(min: 2, weight: 3))],
            rows: [], selected: nil, headerStyle: nil, selectionStyle: .plain, glyphs: .unicode)
        #expect(table.layout(width: 13).map { $0?.width } == [4, 8])
    }

    @Test func columnsThatDoNotFitAreCutAtTheTablesEdgeNeverDrawnPastIt() {
        let slots = Self.table().layout(width: 12)
        #expect(slots.map { $0 == nil } == [false, false, true, true, true])
        #expect(slots.compactMap { $0 }.allSatisfy { $0.x + $0.width <= 12 }, "\(slots)")
    }

    @Test func scrollsSoTheSelectedRowIsVisible() {
        let rows = (1...10).map { [TableCell.text("row \($0)", style: .plain), .text("\($0 * 100)", style: .plain)] }
        let buffer = frame(width: 30, height: 5, Self.table(rows, selected: 7))
        assertSnapshot(buffer.text, named: "Table.selection-scrolled")
        let map = styleMap(of: buffer, legend: ["h": Self.header, "s": Self.selection]).split(separator: "\n")
        #expect(map[4] == Substring(String(repeating: "s", count: 30)))
        #expect(map[1...3].allSatisfy { !$0.contains("s") })
    }

    @Test func selectionKeepsTextColoursOnTheSelectionBackground() {
        let buffer = frame(width: 60, height: 6, Self.table(selected: 4))
        let selectedWarn = Self.warn.background(Self.selection.background)
        let statusCells = Rect(x: 54, y: 5, width: 4, height: 1)
        #expect(styleMap(of: buffer, in: statusCells, legend: ["w": selectedWarn]) == "wwww")
        let trendCells = Rect(x: 45, y: 5, width: 8, height: 1)
        #expect(styleMap(of: buffer, in: trendCells, legend: ["s": Self.selection]) == "ssssssss")
    }

    @Test func truncationKeepsWholeWideCharacters() {
        #expect(Truncation.truncate("日本語テキスト", width: 5, ellipsis: "…") == "日本…")
        #expect(Truncation.truncate("日本語テキスト", width: 6, ellipsis: "…") == "日本…")
        #expect(Truncation.truncate("short", width: 5, ellipsis: "…") == "short")
        #expect(Truncation.truncate("longer", width: 1, ellipsis: "…") == "…")
        #expect(Truncation.truncate("longer", width: 0, ellipsis: "…") == "")
        #expect(Truncation.truncate("e\u{301}te\u{301}", width: 2, ellipsis: "~") == "e\u{301}~")
    }
}

@Suite struct TableFittingCellTests {
    private func render(width: Int) -> String {
        let table = Table(
            columns: [TableColumn("Metric", width: .fill(min: 4))],
            rows: [[.fitting(["Transaction volume", "Transactions"], style: .plain)]],
            selected: nil, headerStyle: nil, selectionStyle: .plain, glyphs: .unicode)
        return frame(width: width, height: 1, table).lines[0]
    }

    @Test func theLongestWordingThatFitsIsChosen() {
        #expect(render(width: 20) == "Transaction volume")
        #expect(render(width: 14) == "Transactions")
        #expect(render(width: 8) == "Transac…")
    }
}
