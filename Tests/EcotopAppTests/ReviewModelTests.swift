import EcotopCore
import EcotopEngine
import Testing
@testable import EcotopApp

/// The review screen's model: the session arriving, moves, decisions, the comment and owner
/// editors, finishing, and a save after every change (an effect the loop runs).
@Suite struct ReviewModelTests {
    let time = ReviewFixture.time

    /// A model with the review open and its session delivered, and the effects of the delivery.
    func opened(exitsOnFinish: Bool = true) -> (AppModel, [AppEffect]) {
        var model = AppModel(session: SessionStatus(ecosystemName: "shop", catalog: .standard), now: time)
        model.openReview(.new(.standard), exitsOnFinish: exitsOnFinish)
        #expect(model.start().contains(.load(LoadRequest(.review(.new(.standard)), at: time))), "the review's session is read at start")
        let effects = model.update(.loaded(result(.review(.new(.standard)), .success(.review(ReviewFixture.session())))), at: time)
        return (model, effects)
    }

    func result(_ kind: LoadRequest.Kind, _ outcome: Result<LoadedData, LoadFailure>) -> LoadResult {
        LoadResult(request: LoadRequest(kind, at: time), outcome: outcome, status: SessionStatus(ecosystemName: "shop", catalog: .standard))
    }

    var session: (AppModel) -> ReviewSession? = { model in
        guard case .review(let review)? = model.topScreen else { return nil }
        return review.session
    }

    /// The sessions the effects save.
    func saved(_ effects: [AppEffect]) -> [ReviewSession] {
        effects.compactMap { effect in
            guard case .load(let request) = effect, case .saveReview(let session) = request.kind else { return nil }
            return session
        }
    }

    @Test func anArrivingSessionIsShownAtItsFirstItemAndSaved() throws {
        let (model, effects) = opened()
        let shown = try #require(session(model))
        #expect(shown.position == 0)
        #expect(shown.entries[0].shownAt == time, "the first item's figures are stamped as shown")
        #expect(saved(effects) == [shown], "a new session exists on disk from its first frame")
        #expect(model.topScreen?.loads(range: .oneHour, columns: 80).isEmpty == true, "a session is read once, not at each refresh")
    }

    @Test func decisionsAreRecordedMoveOnAndAreSavedEachTime() throws {
        var (model, _) = opened()
        for (decision, position) in [(ReviewDecision.fix, 1), (.watch, 2), (.keep, 3)] {
            let effects = model.update(.command(.review(.decide(decision))), at: time + 1)
            let current = try #require(session(model))
            #expect(current.position == position)
            #expect(current.entries[position - 1].decision == decision)
            #expect(saved(effects) == [current])
        }
        #expect(model.update(.command(.review(.previous)), at: time).count == 1)
        #expect(session(model)?.position == 2)
        _ = model.update(.command(.review(.next)), at: time)
        #expect(model.update(.command(.review(.next)), at: time).isEmpty, "past the last item nothing moves and nothing is saved")
        #expect(model.notice == "last item")
    }

    @Test func aCommentAndAnOwnerAreTypedInTheOneLineEditor() throws {
        var (model, _) = opened()
        _ = model.update(.command(.review(.comment)), at: time)
        #expect(model.textEntry?.purpose == .comment)
        for character in "  Prüfen — 検討x" { _ = model.update(.edit(.insert(character)), at: time) }
        _ = model.update(.edit(.backspace), at: time)
        let effects = model.update(.edit(.submit), at: time)
        #expect(!model.isEditingText)
        #expect(session(model)?.entries[0].comment == "Prüfen — 検討")
        #expect(saved(effects).first?.entries[0].comment == "Prüfen — 検討")

        _ = model.update(.command(.review(.owner)), at: time)
        #expect(model.textEntry?.purpose == .owner)
        for character in "Payments" { _ = model.update(.edit(.insert(character)), at: time) }
        _ = model.update(.edit(.cancel), at: time)
        #expect(session(model)?.entries[0].owner == nil, "Esc drops the owner typed")
        #expect(model.filterEditor == nil, "a comment or owner is no filter")
    }

    @Test func finishingFromEcotopReviewQuitsOnlyOnceSaved() throws {
        var (model, _) = opened(exitsOnFinish: true)
        let effects = model.update(.command(.review(.finish)), at: time + 60)
        let finished = try #require(saved(effects).first)
        #expect(finished.finished == time + 60)
        #expect(!effects.contains(.quit), "quitting before the save would drop it")
        let failed = model.update(.loaded(result(.saveReview(finished), .failure(LoadFailure(ReviewArchiveError.badID("x"))))), at: time)
        #expect(failed.isEmpty)
        guard case .review(let review)? = model.topScreen else { Issue.record("the review closed"); return }
        #expect(review.saveError?.hasPrefix("review not saved: ") == true, "a failed save is shown, never silent")
        #expect(model.update(.loaded(result(.saveReview(finished), .success(.reviewSaved))), at: time) == [.quit])
    }

    @Test func finishingFromTheDashboardReturnsThere() throws {
        var (model, _) = opened(exitsOnFinish: false)
        let effects = model.update(.command(.review(.finish)), at: time)
        #expect(model.topScreen == nil)
        #expect(saved(effects).first?.isFinished == true)
        #expect(!effects.contains(.quit))
    }

    @Test func aReviewThatCannotBeReadSaysWhy() {
        var model = AppModel(session: SessionStatus(ecosystemName: "shop", catalog: .standard), now: time)
        _ = model.update(.command(.showReview), at: time)
        let failure = LoadFailure(ReviewArchiveError.noUnfinishedReview(directory: "/r"))
        _ = model.update(.loaded(result(.review(.latest(.standard)), .failure(failure))), at: time)
        guard case .review(let review)? = model.topScreen else { Issue.record("no review screen"); return }
        #expect(review.error != nil)
        #expect(review.exitsOnFinish == false)
        #expect(model.update(.command(.review(.decide(.keep))), at: time).isEmpty, "without a session a decision does nothing")
    }
}
