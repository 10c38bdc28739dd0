import EcotopCore
import EcotopEngine
import Foundation
import Testing
@testable import EcotopApp

/// A review's reports: every item with its decision, owner, comment and the figures that were
/// on screen, and session text that tries to drive a terminal defused.
@Suite struct ReviewExportTests {
    var session: ReviewSession {
        var session = ReviewFixture.session(after: {
            var last = ReviewFixture.session(id: "q1")
            last.entries[1].decision = .watch
            last.finished = ReviewFixture.time
            return last
        }())
        session.entries[0].decision = .fix
        session.entries[0].owner = "Payments | Ops"
        session.entries[0].comment = "Prüfen — 検討 \u{1B}]0;pwned\u{07}"
        session.finished = ReviewFixture.time + 3_600
        return session
    }

    @Test func markdownHasEachItemWithItsDecisionAndFigures() {
        let text = ReviewExport.text(of: session, format: .markdown)
        for expected in [
            "# Review 20270115-080000: shop", "- Period: 30d ending 2027-01-15T08:00:00Z", "- State: finished 2027-01-15T09:00:00Z",
            "- Decided: 1 of 4 items", "## Since review q1", "## 1. degraded integration: shop->pay", "- Decision: fix",
            "- Owner: Payments | Ops", "- Comment: Prüfen — 検討 ", "| failures | 30 | 4 | +650% |", "| failure rate | 12.50% | n/a | n/a |",
            "- `502  bad gateway <num>  ×30`", "## 2. stale source: usage.transactions{component=\"rent\"}",
            "- Carried over from review q1: watch", "- Decision: none",
        ] {
            #expect(text.contains(expected), "the report lacks \(expected):\n\(text)")
        }
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"), "an escape from the session reached the report")
    }

    @Test func jsonHasTheSameContentAsData() throws {
        let text = ReviewExport.text(of: session, format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "20270115-080000")
        #expect(object["finished"] as? String == "2027-01-15T09:00:00Z")
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 4)
        #expect(items[0]["decision"] as? String == "fix")
        #expect(items[0]["owner"] as? String == "Payments | Ops")
        #expect((items[0]["comment"] as? String)?.hasPrefix("Prüfen — 検討") == true)
        let figures = try #require(items[0]["figures"] as? [[String: Any]])
        #expect(figures[0]["current"] as? Double == 30 && figures[0]["previous"] as? Double == 4)
        #expect(figures[1]["previous"] is NSNull, "an unknown figure is null, not 0")
        #expect(figures.map { $0["unit"] as? String } == ["count", "percent"], "units by name, numbers raw")
        #expect(items[1]["decision"] is NSNull)
        #expect((items[1]["carried"] as? [String: Any])?["decision"] as? String == "watch")
        #expect(!text.contains("\u{1B}"), "the escape is written as \\u001b")
    }
}
