import EcotopCore
import EcotopEngine
import EcotopTestSupport
import Testing
@testable import EcotopApp

/// `r` on the dashboard continues the newest unfinished review at the item where it stopped,
/// and says so, rather than starting another beside it.
@Suite struct ReviewResumeTests {
    @Test func rResumesTheNewestUnfinishedReviewAndSaysSo() throws {
        let scratch = TemporaryStore()
        let archive = ReviewArchive(directory: scratch.root + "-reviews")
        var stopped = ReviewFixture.session(id: "stopped")
        _ = stopped.markShown(at: ReviewFixture.time)
        stopped.updateCurrent { $0.decision = .fix }
        _ = stopped.move(by: 1)
        _ = stopped.markShown(at: ReviewFixture.time + 60)
        try archive.save(stopped)
        var loader = DemoLoading.loader()
        loader.reviewArchive = archive
        var model = AppModel(session: loader.status, now: DemoLoading.time, themeNames: ["dark"])
        model.start(applying: [.command(.showReview)], at: DemoLoading.time, loader: loader)
        guard case .review(let review)? = model.topScreen else {
            Issue.record("the review screen is not on top")
            return
        }
        #expect(review.session?.id == "stopped", "the unfinished review is continued, not a new one started")
        #expect(review.session?.position == 1 && review.session?.entries[0].decision == .fix)
        #expect(review.isResumed)
        #expect(model.notice?.contains("resumed review stopped at item 2") == true, "\(model.notice ?? "no notice")")
        #expect(archive.list().count == 1, "no second review was saved beside it")
    }
}
