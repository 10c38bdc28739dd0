import EcotopCore
import Foundation
import Testing
@testable import EcotopApp
@testable import EcotopEngine

/// The scorecard overview: every component on one line with its role, connections, value
/// against cost, failures and change, the same on the screen (`v`) and in the report.
@Suite struct ReviewScorecardTests {
    /// A hub with three integrations (one critical), $52,644 of revenue against $48,000 the
    /// period before, costing $400 a month.
    let card: ComponentScorecard = {
        let revenue = MetricCatalog.standard["value.ecosystem_revenue"]!
        return ComponentScorecard(
            component: Component(id: "shop", name: "Shop", kind: .storefront, role: .hub, cost: ComponentCost(amount: 400)),
            degree: 3, criticalEdges: 1, integrations: [], failures: 0, previousFailures: nil,
            attributed: [.init(metric: revenue, current: 52_644, previous: 48_000, points: [])], sources: [])
    }()
    var row: ReviewScorecardRow { ReviewScorecardRow(card) }

    var session: ReviewSession {
        ReviewSession.start(
            id: "q3", ecosystem: "shop", period: .standard, at: ReviewFixture.time,
            agenda: ReviewAgenda(items: ReviewFixture.items, scorecards: [card]), after: nil)
    }

    @Test func aRowReadsAsThePanesWriteNumbers() {
        #expect(ReviewScorecardText.cells(row) == ["shop", "hub", "3 (1 critical)", "$52.6k", "$400/mo", "132×", "n/a", "0", "+9.7%"])
        #expect(ReviewScorecardText.header.count == ReviewScorecardText.cells(row).count)
    }

    @Test func theReportHasTheScorecards() throws {
        let markdown = ReviewExport.text(of: session, format: .markdown)
        #expect(markdown.contains("## Scorecards"))
        #expect(markdown.contains("| shop | hub | 3 (1 critical) | $52.6k | $400/mo | 132× | n/a | 0 | +9.7% |"), "\(markdown)")
        let json = ReviewExport.text(of: session, format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(object["scorecards"] as? [[String: Any]])
        #expect(rows.first?["component"] as? String == "shop")
        #expect((rows.first?["value"] as? [String: Any])?["current"] as? Double == 52_644, "raw numbers in JSON")
        #expect(rows.first?["monthly_cost"] as? Double == 400)
        #expect(rows.first?["failure_rate"] is NSNull)
    }

    @Test func vShowsTheScorecardsAndADecisionReturnsToTheItem() {
        var model = AppModel(session: SessionStatus(ecosystemName: "shop", catalog: .standard), now: ReviewFixture.time)
        model.openReview(.new(.standard), exitsOnFinish: false)
        _ = model.update(
            .loaded(LoadResult(
                request: LoadRequest(.review(.new(.standard)), at: ReviewFixture.time), outcome: .success(.review(session)),
                status: SessionStatus(ecosystemName: "shop", catalog: .standard))), at: ReviewFixture.time)
        let showing = { (model: AppModel) -> Bool? in
            if case .review(let review)? = model.topScreen { review.showsScorecards } else { nil }
        }
        #expect(showing(model) == false)
        _ = model.update(.command(.review(.scorecards)), at: ReviewFixture.time)
        #expect(showing(model) == true)
        _ = model.update(.command(.review(.decide(.keep))), at: ReviewFixture.time)
        #expect(showing(model) == false, "a decision shows the next item, not the overview")
    }
}
