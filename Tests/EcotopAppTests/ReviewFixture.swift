import EcotopApp
import EcotopCore
import EcotopEngine

/// Review agendas and sessions built by hand for the review tests.
enum ReviewFixture {
    static let time = 1_800_000_000.0

    /// Four items, most severe first.
    static let items = [
        ReviewItem(
            kind: .degradedIntegration, subject: "shop->pay", reason: "critical integration unhealthy over the period", severity: 90,
            figures: [ReviewFigure(name: "failures", current: 30, previous: 4), ReviewFigure(name: "failure rate", current: 12.5, previous: nil, unit: .metric(.percent))],
            chart: [0, 1, 5, 2], errorGroups: ["502  bad gateway <num>  ×30"]),
        ReviewItem(kind: .staleSource, subject: "usage.transactions{component=\"rent\"}", reason: "no data within the lookback", severity: 45),
        ReviewItem(kind: .retirementCandidate, subject: "lonely", reason: "no integrations: an isolated tool", severity: 35),
        ReviewItem(kind: .newIntegration, subject: "shop->rent", reason: "first seen within the period", severity: 20),
    ]

    static func agenda(_ items: [ReviewItem] = items) -> ReviewAgenda {
        ReviewAgenda(items: items, scorecards: [])
    }

    static func session(id: String = "20270115-080000", items: [ReviewItem] = items, after last: ReviewSession? = nil) -> ReviewSession {
        ReviewSession.start(id: id, ecosystem: "shop", period: .standard, at: time, agenda: agenda(items), after: last)
    }
}
