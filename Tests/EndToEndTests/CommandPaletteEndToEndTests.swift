import EcotopTestSupport
import Foundation
import Testing

/// The command palette on the real dashboard in tmux: an annotation typed through it lands in
/// the demo store (read back by `ecotop events`) and on the governance screen opened through it;
/// a screen saved through it is a file the footer names; the next run lists what was used first.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .serialized)
struct CommandPaletteEndToEndTests {
    @Test func annotateThenOpenGovernanceThenSaveTheScreenAllFromThePalette() async throws {
        let data = TemporaryStore()
        let home = data.root + "-home"
        let backfill = try EcotopBinary.run(["demo", "backfill", "--store", data.root, "--days", "1", "--interval", "3600"])
        #expect(backfill.status == 0, "\(backfill.errors)")

        let environment = ["XDG_DATA_HOME": home, "XDG_STATE_HOME": home]
        let session = try TmuxSession(arguments: ["--store", data.root], width: 140, height: 40, environment: environment)
        try await session.waitForScreen(showing: "1 Participation", ": commands")
        try session.send(":")
        try await session.waitForScreen(showing: "Commands")
        try session.sendLiteral("annotate dep")
        try await session.waitForScreen(showing: "▶ annotate: record a deploy")
        try session.send("Enter")
        try await session.waitForScreen("the annotation's line in the footer") { $0.contains(" deploy:") && !$0.contains("Commands") }
        // `q`, `g` and `e` here are text, not quit, governance and errors.
        try session.sendLiteral("Checkout v2 — quiet rollout eg")
        try session.send("Enter")
        try await session.waitForScreen(showing: "recorded deploy: Checkout v2 — quiet rollout eg")

        try session.send("C-p")
        try session.sendLiteral("gov")
        try await session.waitForScreen(showing: "▶ data governance")
        try session.send("Enter")
        try await session.waitForScreen(showing: "Annotations", "Checkout v2 — quiet rollout eg")

        try session.send(":")
        try session.sendLiteral("export text")
        try await session.waitForScreen(showing: "▶ export: save this screen as text")
        try session.send("Enter")
        let saved = try await session.waitForScreen(showing: "saved \(home)/ecotop/screenshots/ecotop-governance-")
        try session.send("q")
        #expect(try await session.exitStatus() == 0)

        let events = try EcotopBinary.run(["events", "--store", data.root, "--from", "-1d", "--to", "now", "--kind", "deploy"])
        #expect(events.output.contains("\"message\":\"Checkout v2 — quiet rollout eg\""), "\(events.output)\(events.errors)")
        let files = try FileManager.default.contentsOfDirectory(atPath: home + "/ecotop/screenshots")
        #expect(files.count == 1, "\(files)\n\(saved)")
        let text = try String(contentsOfFile: home + "/ecotop/screenshots/" + (files.first ?? ""), encoding: .utf8)
        #expect(text.contains("Annotations") && text.contains("Checkout v2"))

        let next = try TmuxSession(arguments: ["--store", data.root], width: 140, height: 40, environment: environment)
        try await next.waitForScreen(showing: "1 Participation")
        try next.send(":")
        let listed = try await next.waitForScreen(showing: "Commands")
        let rows = listed.split(separator: "\n").filter { $0.contains("export: save") || $0.contains("data governance") || $0.contains("annotate: record a deploy") }
        #expect(rows.count == 3 && rows[0].contains("▶ export: save this screen as text"), "the last run's actions first, the newest selected:\n\(listed)")
        #expect(rows.count == 3 && rows[1].contains("data governance") && rows[2].contains("record a deploy"))
        try next.send("Escape")
        try next.send("q")
        #expect(try await next.exitStatus() == 0)
    }
}
