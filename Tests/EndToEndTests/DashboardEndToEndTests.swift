import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Drives the real `ecotop` binary in tmux, as a person would.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .serialized)
struct DashboardEndToEndTests {
    static let families = ["1 Participation", "2 Usage", "3 Value", "4 Qualitative"]

    private func valueColumn(of metric: String, in screen: String) -> String? {
        screen.split(separator: "\n").first { $0.contains(metric) }.map(String.init)
    }

    @Test func showsFourPanesAllMetricsAndLiveValues() async throws {
        let session = try TmuxSession(width: 160, height: 48)
        let first = try await session.waitForScreen("the panes \(Self.families.joined(separator: ", ")) with data") { screen in
            Self.families.allSatisfy(screen.contains) && !screen.contains("waiting for data")
        }
        let metrics = ["Active partners", "Transactions", "Active users", "Data exchanges", "Cross-sell rate", "Customer LTV",
                       "Partner satisfaction", "Support ticket", "Ecosystem sentiment", "Critical uptime", "Uptime across"]
        let present = metrics.filter(first.contains)
        #expect(present.count >= 9, "metrics shown: \(present)")
        let statusCells = try NSRegularExpression(pattern: #" (OK|WARN|CRIT|ANOM|STALE|N/A) +│"#)
            .numberOfMatches(in: first, range: NSRange(first.startIndex..., in: first))
        #expect(statusCells == 20, "expected a status for each of the 20 metrics in:\n\(first)")
        let before = try #require(valueColumn(of: "Transactions", in: first))
        // The demo samples every 10 s, so a new value is due within that.
        try await session.waitForScreen("the Transactions row to change from \(before)", timeout: .seconds(15)) {
            self.valueColumn(of: "Transactions", in: $0) != before
        }
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func keysDoWhatTheHelpSays() async throws {
        let session = try TmuxSession(width: 160, height: 48)
        try await session.waitForScreen(showing: "4 Qualitative")
        try session.send("?")
        let help = try await session.waitForScreen(showing: "Help", "next colour theme")
        #expect(help.contains("show or hide this help"))
        try session.send("?")
        try await session.waitForScreen("the help to close") { !$0.contains("show or hide this help") }
        try session.send("Tab", "j", "Enter")
        let detail = try await session.waitForScreen(showing: "Usage ›", "now ")
        #expect(detail.contains("Usage › Active users"), "Tab then j then Enter should open Active users:\n\(detail)")
        #expect(detail.contains("now ") && detail.contains("max "), "detail statistics missing:\n\(detail)")
        try session.send("+")
        try await session.waitForScreen(showing: "range 6h")
        try session.send("Escape", "p")
        let paused = try await session.waitForScreen(showing: "PAUSED")
        #expect(paused.contains("2 Usage"))
        try session.send("e")
        let errors = try await session.waitForScreen(showing: "╭─ Errors ", "Integration")
        #expect(errors.contains("unhealthy in the last") && errors.contains("sort health"))
        try session.send("Escape", "t")
        try await session.waitForScreen(showing: "theme light")
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func stacksPanesAt80x24AndFollowsFocus() async throws {
        let session = try TmuxSession(width: 80, height: 24)
        let screen = try await session.waitForScreen(showing: "1 Participation")
        #expect(screen.contains("Health") && screen.contains("q quit"))
        #expect(!screen.contains("4 Qualitative"))
        try session.send("4")
        try await session.waitForScreen(showing: "4 Qualitative", "Partner satisfaction")
        try session.send("C-c")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func followsTheTerminalWhenItIsResized() async throws {
        let session = try TmuxSession(width: 160, height: 48)
        try await session.waitForScreen(showing: "4 Qualitative")
        try session.resize(width: 80, height: 24)
        let stacked = try await session.waitForScreen(showing: "more")
        #expect(stacked.contains("1 Participation") && !stacked.contains("4 Qualitative"), "stacked at 80x24:\n\(stacked)")
        try session.resize(width: 30, height: 8)
        let tiny = try await session.waitForScreen(showing: "small")
        #expect(tiny.contains("terminal too"))
        try session.resize(width: 160, height: 48)
        try await session.waitForScreen(showing: "4 Qualitative")
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func saysWhenTheTerminalIsTooSmall() async throws {
        let session = try TmuxSession(width: 20, height: 6)
        let screen = try await session.waitForScreen(showing: "small")
        #expect(screen.contains("terminal too"))
        #expect(screen.contains("need 60×16"))
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func plainTerminalWithoutUnicodeShowsOnlyASCII() async throws {
        let session = try TmuxSession(width: 120, height: 40, environment: ["TERM": "vt100", "LANG": "C", "LC_ALL": "C"])
        let screen = try await session.waitForScreen(showing: "2 Usage")
        let foreign = screen.unicodeScalars.filter { !$0.isASCII }
        #expect(foreign.isEmpty, "non-ASCII on a C-locale terminal: \(String(String.UnicodeScalarView(foreign.prefix(20))))")
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func anUnknownTerminalTypeIsAClearErrorNotACrash() async throws {
        let session = try TmuxSession(width: 100, height: 20, environment: ["TERM": "no-such-terminal"])
        #expect(try await session.exitStatus() == 1)
        let screen = try session.capture()
        #expect(screen.contains("no terminal description for TERM=no-such-terminal"), "\(screen)")
    }

    @Test func sigtermRestoresTheTerminal() async throws {
        let session = try TmuxSession(width: 100, height: 30)
        try await session.waitForScreen(showing: "1 Participation")
        #expect(try session.isAlternateScreenOn())
        kill(try await session.pid(), SIGTERM)
        #expect(try await session.exitStatus() == 143, "128 + SIGTERM: dash exits so for any signal but SIGINT")
        #expect(try session.isAlternateScreenOn() == false)
    }
}

/// Colour as the terminal receives it, read back with `capture-pane -e`.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .serialized)
struct ColorEndToEndTests {
    /// SGR colour parameters: 30-37, 90-97, 38;5;N / 38;2;R;G;B and their backgrounds.
    private func hasColorSequences(_ screen: String) -> Bool {
        screen.range(of: #"\x1B\[([0-9]+;)*(3[0-8]|9[0-7]|4[0-8]|10[0-7])[;m]"#, options: .regularExpression) != nil
    }

    @Test func themesColourTheScreen() async throws {
        let session = try TmuxSession(width: 120, height: 40, environment: ["TERM": "xterm-256color"])
        try await session.waitForScreen(showing: "2 Usage")
        let screen = try session.captureWithEscapes()
        #expect(hasColorSequences(screen), "no colour sequences in:\n\(screen.prefix(400).debugDescription)")
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func noColorTurnsColourOffButKeepsTheSelectionVisible() async throws {
        let session = try TmuxSession(width: 120, height: 40, environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        try await session.waitForScreen(showing: "2 Usage", "Transactions")
        let screen = try session.captureWithEscapes()
        #expect(!hasColorSequences(screen), "colour escape sequences under NO_COLOR")
        let reverse = screen.range(of: #"\x1B\[([0-9]+;)*7m"#, options: .regularExpression)
        #expect(reverse != nil, "the selected row should be in reverse video")
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }
}
