import EcotopCore
import EcotopUI
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The SVG screenshot's text can be selected and copied: each row's `<text>` elements, read
/// left to right, give the frame's row, in runs rather than a glyph at a time, and every run
/// starts and ends on the cell grid whatever the width of its characters.
@Suite struct SVGFrameWriterTests {
    static let cellWidth = 8.4

    @Test func eachRowsTextIsTheFramesRowInFewElements() throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(), size: Size(width: 160, height: 48))
        let texts = try SVGTexts.parse(SVGFrameWriter.render(frame, theme: try ThemeCatalog.builtIn().themes[0]))
        #expect(SVGTexts.rows(texts, height: frame.size.height) == frame.lines)
        #expect(texts.count * 8 < frame.size.width * frame.size.height, "\(texts.count) <text> elements")
        try expectOnTheGrid(texts)
    }

    @Test func wideCharactersAndBoxDrawingStayOnTheGrid() throws {
        var frame = FrameBuffer(size: Size(width: 30, height: 3))
        let accent = Style(foreground: .rgb(200, 100, 0), modifiers: [.bold])
        frame.write("┌─ 東京 & <Zürich> ─┐", x: 1, y: 0, style: .plain)
        frame.write("│ 日本語", x: 1, y: 1, style: .plain)
        frame.write("ok 中", x: 10, y: 1, style: accent)
        frame.write("└──────┘  a  b", x: 1, y: 2, style: Style(modifiers: [.underline]))
        let texts = try SVGTexts.parse(SVGFrameWriter.render(frame, theme: try ThemeCatalog.builtIn().themes[0]))
        #expect(SVGTexts.rows(texts, height: 3) == frame.lines)
        try expectOnTheGrid(texts)
        #expect(texts.contains { $0.text.contains("Zürich") && $0.text.contains("<") })
    }

    /// Every run starts at the column its row's text before it fills, spans as many columns as
    /// its text, and holds characters of one width, so stretching it to its length keeps each
    /// glyph on its cell.
    private func expectOnTheGrid(_ texts: [SVGTexts.Text]) throws {
        for row in Dictionary(grouping: texts, by: \.y).values {
            var column = 0
            for text in row.sorted(by: { $0.x < $1.x }) {
                let start = Int((text.x / Self.cellWidth).rounded())
                #expect(abs(text.x - Double(start) * Self.cellWidth) < 0.06)
                #expect(start >= column, "\(text.text) overlaps the run before it")
                column = start + text.text.terminalWidth
                #expect(abs(text.length - Double(text.text.terminalWidth) * Self.cellWidth) < 0.06, "\(text.text)")
                #expect(Set(text.text.unicodeScalars.map { max(1, $0.terminalWidth) }).count == 1, "\(text.text) mixes widths")
            }
        }
    }
}

/// The `<text>` elements of an SVG document, read with Foundation's XML parser.
final class SVGTexts: NSObject, XMLParserDelegate {
    struct Text {
        var x: Double
        var y: Double
        var length: Double
        var text: String
    }

    private var texts: [Text] = []
    private var current: Text?

    static func parse(_ svg: String) throws -> [Text] {
        let reader = SVGTexts()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return reader.texts
    }

    /// The texts of each row joined left to right; a row without text is empty.
    static func rows(_ texts: [Text], height: Int) -> [String] {
        let byRow = Dictionary(grouping: texts) { Int($0.y / 17) }
        return (0..<height).map { row in (byRow[row] ?? []).sorted { $0.x < $1.x }.map(\.text).joined() }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard name == "text" else { return }
        current = Text(
            x: Double(attributes["x"] ?? "") ?? -1, y: Double(attributes["y"] ?? "") ?? -1,
            length: Double(attributes["textLength"] ?? "") ?? -1, text: "")
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current?.text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard name == "text", let text = current else { return }
        texts.append(text)
        current = nil
    }
}
