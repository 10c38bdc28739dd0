import Foundation
import Testing

/// Clicks on the real dashboard in tmux: the terminal's mouse reports (SGR, mode 1006, which
/// ncurses asks xterm-256color for) typed into the pane as the terminal would send them.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .serialized)
struct MouseEndToEndTests {
    /// Clicks of the left button at a 0-based cell: each a press and a release as SGR reports
    /// (1-based), all written at once, as a terminal's burst arrives in one read.
    private func click(_ session: TmuxSession, x: Int, y: Int, times: Int = 1) throws {
        let click = "\u{1B}[<0;\(x + 1);\(y + 1)M\u{1B}[<0;\(x + 1);\(y + 1)m"
        try session.sendLiteral(String(repeating: click, count: times))
    }

    /// The cell where `text` first appears on `screen`.
    private func cell(of text: String, on screen: String) throws -> (x: Int, y: Int) {
        for (y, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        Issue.record("\(text) is not on the screen:\n\(screen)")
        throw CancellationError()
    }

    /// The colours and attributes `text` is drawn with: the escape sequences just before it on
    /// the screen (`capture-pane -e`), where the row's selection shows.
    private func style(of text: String, on session: TmuxSession) throws -> String {
        let screen = try session.captureWithEscapes()
        guard let range = screen.range(of: text) else { return "" }
        return String(screen[..<range.lowerBound].suffix(24))
    }

    @Test func clickSelectsARowOfAnotherPaneAndTheFooterHintsRun() async throws {
        let session = try TmuxSession(width: 160, height: 48, environment: ["TERM": "xterm-256color"])
        let screen = try await session.waitForScreen(showing: "2 Usage", "Active users")
        let row = try cell(of: "Active users", on: screen)
        let unselected = try style(of: "Active users", on: session)
        try click(session, x: row.x + 2, y: row.y)
        // The row takes the selection's colours; then Enter opens the focused pane's selected
        // metric: the one clicked. (A key in the same read as a click makes ncurses drop the
        // click, so Enter waits for it to show.)
        try await session.waitForScreen("the clicked row selected") { _ in (try? self.style(of: "Active users", on: session)) != unselected }
        try session.send("Enter")
        try await session.waitForScreen(showing: "Usage › Active users")
        let detail = try await session.waitForScreen(showing: "Esc back")
        let back = try cell(of: "Esc back", on: detail)
        try click(session, x: back.x, y: back.y)
        try await session.waitForScreen("the dashboard again") { $0.contains("1 Participation") && !$0.contains("Usage ›") }
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func doubleClickOnARowDrillsDown() async throws {
        let session = try TmuxSession(width: 160, height: 48, environment: ["TERM": "xterm-256color"])
        let screen = try await session.waitForScreen(showing: "3 Value", "Customer LTV")
        let row = try cell(of: "Customer LTV", on: screen)
        try click(session, x: row.x, y: row.y, times: 2)
        try await session.waitForScreen(showing: "Value › Customer")
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func clickSelectsARowOfTheErrorsScreen() async throws {
        let session = try TmuxSession(width: 160, height: 48, environment: ["TERM": "xterm-256color"])
        try await session.waitForScreen(showing: "2 Usage")
        try session.send("e")
        let screen = try await session.waitForScreen(showing: "╭─ Errors", "Retry/Perm")
        // The second integration listed (the first is selected): the ranking follows the live
        // demo, so the row is found by place, its name read off the screen.
        let header = try cell(of: "Integration", on: screen)
        let line = screen.split(separator: "\n", omittingEmptySubsequences: false)[header.y + 2]
        let name = try #require(line.split(separator: " ").first { $0.contains("→") }.map(String.init))
        let unselected = try style(of: name, on: session)
        try click(session, x: header.x, y: header.y + 2)
        try await session.waitForScreen("the clicked integration selected") { _ in (try? self.style(of: name, on: session)) != unselected }
        // Enter opens the selected integration: the one clicked.
        try session.send("Enter")
        try await session.waitForScreen(showing: "Errors › \(name)")
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func noMouseLeavesMouseReportingOff() async throws {
        let session = try TmuxSession(width: 160, height: 48, environment: ["TERM": "xterm-256color"])
        try await session.waitForScreen(showing: "2 Usage")
        #expect(try session.isMouseReportingOn())
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
        #expect(try !session.isMouseReportingOn(), "the terminal is given back without mouse reporting")

        let without = try TmuxSession(arguments: ["--no-mouse"], width: 160, height: 48, environment: ["TERM": "xterm-256color"])
        try await without.waitForScreen(showing: "2 Usage")
        #expect(try !without.isMouseReportingOn(), "--no-mouse leaves the mouse to the terminal")
        try without.send("q")
        #expect(try await without.exitStatus() == 0)
    }
}
