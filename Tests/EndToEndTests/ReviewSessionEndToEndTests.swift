import EcotopTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A review session as a user runs it in a real terminal: three decisions and a comment in
/// non-ASCII text, the process killed outright, resumed at the next item, finished and
/// exported; then the next review carrying the first one's open actions.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .serialized)
struct ReviewSessionEndToEndTests {
    static let comment = "Prüfen — 検討"
    static let agendaTimeout = Duration.seconds(30)

    /// Five components without integrations, each with a cost: five retirement candidates,
    /// whatever the time.
    static let configuration = """
        ecosystem:
          name: Review shop
          components:
            - {id: alpha, cost: {amount: 100, per: month}}
            - {id: bravo, cost: {amount: 200, per: month}}
            - {id: charlie, cost: {amount: 1200, per: year}}
            - {id: delta}
            - {id: echo}
        collectors: []

        """

    @Test func decideKillResumeFinishExportAndCarryOver() async throws {
        let data = TemporaryStore()
        let home = data.root + "-home"
        let reviews = home + "/ecotop/reviews"
        let environment = ["XDG_DATA_HOME": home]
        let config = try data.file(named: "config.yaml", containing: Self.configuration)
        let options = ["--config", config, "--store", data.root]

        let first = try TmuxSession(arguments: ["review", "--period", "7d"] + options, width: 160, height: 48, environment: environment)
        let agenda = try await first.waitForScreen("the first item", timeout: Self.agendaTimeout) { $0.contains("· item 1 of ") }
        let count = try #require(Self.itemCount(agenda), "no item count in:\n\(agenda)")
        #expect(count == 5, "one retirement candidate per component:\n\(agenda)")
        #expect(agenda.contains("RETIREMENT CANDIDATE  alpha") && agenda.contains("no integrations"), "\(agenda)")
        for (key, next) in [("f", 2), ("w", 3), ("k", 4)] {
            try first.send(key)
            try await first.waitForScreen(showing: "· item \(next) of \(count) ", "decided \(next - 1)")
        }
        try first.send("c")
        try await first.waitForScreen(showing: " comment:")
        try first.send("-l", Self.comment)
        try first.send("Enter")
        try await first.waitForScreen(showing: "Comment \(Self.comment)")
        // Saved with the comment before anything else happens: a SIGKILL then loses nothing.
        let id = try await Self.sessionID(in: reviews) { $0.contains(Self.comment) }
        kill(try await first.pid(), SIGKILL)
        #expect(try await first.exitStatus() == 128 + SIGKILL)

        let resumed = try TmuxSession(arguments: ["review", "--resume"] + options, width: 160, height: 48, environment: environment)
        try await resumed.waitForScreen(showing: "Review \(id) ", "· item 4 of \(count) ", "decided 3", "Comment \(Self.comment)")
        try resumed.send("q")
        #expect(try await resumed.exitStatus() == 0)

        let export = try EcotopBinary.run(["review", "export", id, "--format", "markdown"], environment: environment)
        #expect(export.status == 0, "\(export.errors)")
        let report = export.output
        for expected in [
            "# Review \(id): Review shop", "- Period: 7d ending ",
            "## 1. retirement candidate: alpha", "| monthly cost | $100/mo | $100/mo | 0.0% |", "| integrations | 0 | n/a | n/a |", "- State: finished ", "- Decided: 3 of \(count) items",
            "## 1. ", "- Decision: fix", "## 2. ", "- Decision: watch", "## 3. ", "- Decision: keep", "## 4. ",
            "- Comment: \(Self.comment)", "| Figure | This period | Period before | Change |",
        ] {
            #expect(report.contains(expected), "the report lacks \(expected):\n\(report)")
        }
        let fourth = try #require(report.range(of: "## 4. "))
        #expect(report[fourth.lowerBound...].contains("- Decision: none"), "the item commented on was not decided")

        let second = try TmuxSession(arguments: ["review"] + options, width: 160, height: 48, environment: environment)
        try await second.waitForScreen("the next review", timeout: Self.agendaTimeout) { screen in
            screen.contains("· item 1 of ") && !screen.contains("Review \(id) ") && screen.contains("carried over: fix from \(id)")
        }
        try second.send("q")
        #expect(try await second.exitStatus() == 0)
        let list = try EcotopBinary.run(["review", "list"], environment: environment)
        let next = try #require(list.output.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != " " }) }.first { $0 != id })
        let json = try EcotopBinary.run(["review", "export", next, "--format", "json"], environment: environment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((object["since_last"] as? [String: Any])?["previous_review"] as? String == id)
        let carried = (object["items"] as? [[String: Any]] ?? []).compactMap { $0["carried"] as? [String: Any] }
        #expect(Set(carried.compactMap { $0["decision"] as? String }) == ["fix", "watch"], "the open actions carried over: \(carried)")
        #expect(carried.allSatisfy { $0["review"] as? String == id })
    }

    /// `N` of the title's `item 1 of N`.
    static func itemCount(_ screen: String) -> Int? {
        guard let range = screen.range(of: "· item 1 of ") else { return nil }
        return Int(screen[range.upperBound...].prefix { $0.isNumber })
    }

    /// The id of the one session in `directory`, once its file satisfies `condition`.
    static func sessionID(in directory: String, until condition: @escaping (String) -> Bool) async throws -> String {
        var found: String?
        try await wait(for: "a saved session in \(directory)", timeout: .seconds(10), pollingEvery: .milliseconds(50)) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            guard let name = names.first(where: { $0.hasSuffix(".json") }),
                let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8), condition(text)
            else { return false }
            found = String(name.dropLast(5))
            return true
        }
        return try #require(found)
    }
}
