import EcotopTestSupport
import Foundation
import Testing

/// The errors drill-down as a user walks it in a real terminal, over a store whose error
/// messages try to clear the screen, retitle the terminal, ring the bell and reorder text.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .serialized)
struct ErrorsDrillDownEndToEndTests {
    static let width = 160
    static let height = 48

    @Test func walksEveryLevelAndBackWithFiltersShowingHostileTextDefused() async throws {
        let fixture = try HostileErrorsStore(now: Date().timeIntervalSince1970)
        let session = try TmuxSession(arguments: ["--config", fixture.configuration], width: Self.width, height: Self.height)
        let title = try session.paneTitle()
        try await session.waitForScreen(showing: "Hostile shop")

        try session.send("e")
        let integrations = try await session.waitForScreen(showing: " Errors ", "storefront→payments", "attempted 40")
        let payments = try #require(integrations.range(of: "storefront→payments"))
        let crm = try #require(integrations.range(of: "storefront→crm"), "the silent integration is listed too")
        #expect(payments.lowerBound < crm.lowerBound, "the unhealthy critical integration ranks first:\n\(integrations)")
        #expect(integrations.contains("→ failed 10 → retried 3 → delivered 30"), "\(integrations)")

        // While a filter is typed no key is a command: `q` does not quit, `t` keeps the theme.
        let colours = try Self.colours(session.captureWithEscapes())
        try session.send("/", "t.*q|pay", "Enter")
        let filtered = try await session.waitForScreen("the integrations filtered") { $0.contains("/t.*q|pay") && !$0.contains("storefront→crm") }
        #expect(filtered.contains("storefront→payments"))
        #expect(try Self.colours(session.captureWithEscapes()) == colours, "typing the filter changed the theme")

        try session.send("Enter")
        // Every group's message is there with its escapes removed and its controls shown as �.
        let groups = [
            "Errors › storefront→payments ", "card declined  for order <num>", "gateway said  to <id>",
            "connection reset \u{FFFD}txt.exe\u{FFFD} with bell \u{FFFD} after <num>", "huge body xxxxxxxx",
        ]
        try await session.waitForScreen("the four groups, whole and defused") { screen in
            groups.allSatisfy(screen.contains) && Self.isIntact(screen)
        }

        // `/` brings the last filter back; Ctrl-U clears it for a new one.
        try session.send("/", "C-u", "pwned", "Enter")
        try await session.waitForScreen("the groups filtered") { $0.contains("/pwned") && !$0.contains("card declined") }
        try session.send("Enter")
        // The newest message is wrapped text: the spaces either side of the removed escape are one.
        try await session.waitForScreen(showing: "› 503 gateway said  to <id> ", "newest message", "gateway said to ord_1002")

        try session.send("Enter")
        try await session.waitForScreen(showing: "› events ", "ord_1000", "ord_1001", "ord_1002")

        try session.send("Enter")
        let event = try await session.waitForScreen("one event, whole") { screen in
            screen.contains("› events › ") && screen.contains("gateway said to ord_1002") && Self.isIntact(screen)
        }
        #expect(!event.contains("pwned"), "the OSC's text is part of the escape, not shown: \(event)")

        try session.send("Escape")
        try await session.waitForScreen("the events again") { $0.contains("› events ") && !$0.contains("› events › ") }
        try session.send("Escape")
        try await session.waitForScreen("the group again") { $0.contains("› 503 gateway said") && !$0.contains("› events") }
        try session.send("Escape")
        try await session.waitForScreen("the integration again, filtered") { $0.contains("/pwned") && !$0.contains("› 503") }
        try session.send("Escape")
        try await session.waitForScreen("the filter cleared") { !$0.contains("/pwned") && $0.contains("card declined") }
        try session.send("Escape")
        try await session.waitForScreen("the integrations again") { $0.contains(" Errors ") && !$0.contains("Errors ›") }
        try session.send("Escape")
        try await session.waitForScreen("the filter cleared") { !$0.contains("/t.*q|pay") && $0.contains("storefront→crm") }
        try session.send("Escape")
        try await session.waitForScreen("the dashboard again") { !$0.contains(" Errors ") && $0.contains("Hostile shop") }

        #expect(try session.paneTitle() == title, "an error message retitled the terminal")
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    /// The SGR sequences (colours and attributes) of the screen's first row, which a theme change alters.
    static func colours(_ screen: String) throws -> [String] {
        let header = String(screen.split(separator: "\n").first ?? "")
        return header.matches(of: try Regex(#"\x1b\[[0-9;:]*m"#)).map { String(header[$0.range]) }
    }

    /// Whether the whole frame is drawn: nothing cleared it, and the 10 kB line wrapped no row.
    static func isIntact(_ screen: String) -> Bool {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        return rows.count == height && rows.first?.contains("Hostile shop") == true && rows.last?.contains("q quit") == true
    }
}
