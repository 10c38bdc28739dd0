import EcotopCore
import EcotopEngine
import EcotopTestSupport
import Foundation
import Testing
@testable import EcotopApp

/// Review sessions on disk: saved whole and atomically, read back, listed, and every file that
/// is not a session refused by name; and a new review carrying the last one's open actions.
@Suite struct ReviewArchiveTests {
    let scratch = TemporaryStore()
    var archive: ReviewArchive { ReviewArchive(directory: scratch.root + "-reviews") }

    @Test func theDirectoryFollowsXDGDataHome() {
        #expect(ReviewArchive(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/ana"]).directory == "/data/ecotop/reviews")
        #expect(ReviewArchive(environment: ["HOME": "/home/ana"]).directory == "/home/ana/.local/share/ecotop/reviews")
        #expect(ReviewArchive(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/ana"]).directory == "/home/ana/.local/share/ecotop/reviews",
                "a relative XDG_DATA_HOME is ignored, as the specification says")
    }

    @Test func aSessionIsSavedAtomicallyAndReadBackWhole() throws {
        var session = ReviewFixture.session()
        session.updateCurrent { $0.comment = "Prüfen — 検討"; $0.decision = .fix; $0.owner = "Payments" }
        try archive.save(session)
        session.position = 1
        try archive.save(session)
        #expect(try archive.load(session.id) == session)
        #expect(DurableFileNames.of(archive) == ["\(session.id).json"], "no temporary file is left behind")
        #expect(archive.latestUnfinished()?.id == session.id)
        #expect(archive.lastFinished() == nil)
        #expect(archive.newID(at: ReviewFixture.time) == "20270115-080000-2", "a taken id gets a suffix")
    }

    @Test func filesThatAreNotSessionsAreRefusedByName() throws {
        try archive.save(ReviewFixture.session(id: "good"))
        let directory = archive.directory
        let cases: [(String, String, String)] = [
            ("garbage", "{not json", "not a review session"),
            ("wrongversion", String(decoding: try JSONEncoder().encode(ReviewFixture.session(id: "wrongversion")), as: UTF8.self)
                .replacingOccurrences(of: "\"version\":1", with: "\"version\":99"), "format version 99"),
            ("badperiod", String(decoding: try JSONEncoder().encode(ReviewFixture.session(id: "badperiod")), as: UTF8.self)
                .replacingOccurrences(of: "\"30d\"", with: "\"0d\""), "period '0d'"),
            ("badposition", String(decoding: try JSONEncoder().encode(ReviewFixture.session(id: "badposition")), as: UTF8.self)
                .replacingOccurrences(of: "\"position\":0", with: "\"position\":400"), "position 400"),
            ("othername", String(decoding: try JSONEncoder().encode(ReviewFixture.session(id: "someone")), as: UTF8.self), "names itself"),
        ]
        for (id, text, expected) in cases {
            try text.write(toFile: "\(directory)/\(id).json", atomically: false, encoding: .utf8)
            #expect(throws: ReviewArchiveError.self) { try archive.load(id) }
            do {
                _ = try archive.load(id)
            } catch {
                #expect("\(error)".contains("\(directory)/\(id).json"), "\(error)")
                #expect("\(error)".contains(expected), "\(error)")
            }
        }
        symlink("/etc/passwd", "\(directory)/link.json")
        #expect(throws: ReviewArchiveError.self) { try archive.load("link") }
        #expect(throws: ReviewArchiveError.badID("../etc/passwd")) { try archive.load("../etc/passwd") }
        let listed = archive.list()
        #expect(listed.map(\.id).sorted() == ["badperiod", "badposition", "garbage", "good", "link", "othername", "wrongversion"])
        #expect(listed.filter { (try? $0.session.get()) != nil }.map(\.id) == ["good"])
        #expect(archive.latestUnfinished()?.id == "good", "unreadable files are skipped")
        let text = ReviewListText.text(listed)
        #expect(text.contains("good") && text.contains("open at item 1") && text.contains("garbage  unreadable: "), "\(text)")
    }

    @Test func aNewReviewCarriesTheLastOnesOpenActionsAndSaysWhatChanged() throws {
        var last = ReviewFixture.session(id: "q1")
        last.scores = ["shop": 100, "crm": 50, "pay": 10]
        last.entries[0].decision = .fix
        last.entries[0].owner = "Payments"
        last.entries[1].decision = .watch
        last.entries[1].comment = "flaky feed"
        last.entries[2].decision = .keep
        last.entries[2].owner = "Ops"
        last.finished = ReviewFixture.time + 10
        try archive.save(last)
        // This quarter: the degraded integration and the isolated component again, a new
        // divergence; the stale source and the new integration are gone.
        let items = [
            ReviewFixture.items[0], ReviewItem(kind: .divergence, subject: "customers", reason: "disagree", severity: 60), ReviewFixture.items[2],
        ]
        var agenda = ReviewFixture.agenda(items)
        agenda.scorecards = []
        let next = ReviewSession.start(id: "q2", ecosystem: "shop", period: .standard, at: ReviewFixture.time + 90 * 86_400, agenda: agenda, after: archive.lastFinished())
        #expect(next.entries.map(\.item.id) == [
            "degraded_integration:shop->pay", "divergence:customers", "retirement_candidate:lonely",
            "carried_over:stale_source:usage.transactions{component=\"rent\"}",
        ])
        #expect(next.entries[0].carried == ReviewSession.CarriedAction(review: "q1", decision: .fix, owner: "Payments", comment: nil))
        #expect(next.entries[0].owner == "Payments", "the owner comes along")
        #expect(next.entries[0].decision == nil, "this review decides anew")
        #expect(next.entries[2].owner == "Ops" && next.entries[2].carried == nil, "a kept item raised again keeps its owner, and is no open action")
        #expect(next.entries[3].carried?.comment == "flaky feed")
        #expect(next.entries[3].item.severity == 25)
        let changes = try #require(next.sinceLast)
        #expect(changes.previousReview == "q1")
        #expect(changes.resolved == ["stale_source:usage.transactions{component=\"rent\"}", "new_integration:shop->rent"])
        #expect(changes.new == ["divergence:customers"])
    }

    @Test func valuesUpAndDownSinceTheLastReview() {
        var last = ReviewFixture.session(id: "q1")
        last.scores = ["shop": 100, "crm": 50, "pay": 10]
        let changes = ReviewChanges(from: last, to: [], scores: ["shop": 120, "crm": 40, "pay": 10, "new": 5])
        #expect(changes.scoresUp == ["shop"])
        #expect(changes.scoresDown == ["crm"])
    }
}

/// The names in an archive's directory.
enum DurableFileNames {
    static func of(_ archive: ReviewArchive) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: archive.directory).sorted()) ?? []
    }
}
