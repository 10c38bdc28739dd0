import EcotopApp
import EcotopCore
import EcotopTestSupport
import EcotopUI
import Testing

/// Without colour (`NO_COLOR`, `TERM=vt100`) the focused pane of every screen is marked by
/// glyphs and attributes: a double border, a `▶` before its title and a reversed title.
@Suite struct ColorlessFocusViewTests {
    private let size = Size(width: 120, height: 40)

    /// The cells of the top border rows that carry the focus marker.
    private func markers(in frame: FrameBuffer) -> [(x: Int, y: Int)] {
        var found: [(Int, Int)] = []
        for y in 0..<frame.size.height {
            for x in 0..<frame.size.width where frame[x, y].scalar == "▶" && x > 0 && frame[x - 1, y].scalar == "═" {
                found.append((x, y))
            }
        }
        return found
    }

    @Test func theFocusedDashboardPaneIsMarkedWithoutColour() throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(), size: size, isColorless: true)
        assertSnapshot(frame.text, named: "colorless-dashboard-120x40")
        let marked = markers(in: frame)
        #expect(marked.count == 1, "one focused pane: \(frame.text)")
        let line = frame.text.split(separator: "\n", omittingEmptySubsequences: false)[marked.first?.y ?? 0]
        #expect(line.contains("╔═▶ 1 Participation "), "\(line)")
        let title = try #require(marked.first)
        #expect(frame[title.x + 2, title.y].style.modifiers.contains(.reverse), "the title is reversed")
    }

    @Test func theMarkerFollowsTheFocus() throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(keys: "\t\t"), size: size, isColorless: true)
        #expect(markers(in: frame).count == 1)
        #expect(frame.text.contains("▶ 3 Value "), "\(frame.text)")
        #expect(!frame.text.contains("▶ 1 Participation"))
    }

    @Test func withColourTheFocusIsLeftToTheTheme() throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(), size: size)
        #expect(markers(in: frame).isEmpty)
        #expect(!frame.text.contains("╔"))
    }

    @Test func everyScreenMarksItsFocusedPane() throws {
        for (keys, name) in [("e", "errors"), ("c", "collectors"), ("m", "map"), ("g", "governance"), ("\n", "detail")] {
            let frame = try DemoDashboard.render(try DemoDashboard.model(keys: keys), size: size, isColorless: true)
            #expect(markers(in: frame).count == 1, "\(name): \(frame.text)")
            if name == "map" { assertSnapshot(frame.text, named: "colorless-map-120x40") }
        }
        let help = try DemoDashboard.render(try DemoDashboard.model(keys: "?"), size: size, isColorless: true)
        #expect(help.text.contains("╔═▶ Help "), "\(help.text)")
    }

    @Test func asciiGlyphsMarkFocusToo() throws {
        let frame = try DemoDashboard.render(try DemoDashboard.model(), size: size, glyphs: .ascii, isColorless: true)
        #expect(frame.text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(frame.text.contains("#=> 1 Participation "), "\(frame.text.prefix(600))")
    }
}
