import EcotopApp
import EcotopCore
@testable import EcotopEngine
import Foundation
import Testing

/// A review's figures read as the panes and `ecotop report` write numbers: thousands, money,
/// rates, ages, percentage points, and `n/a` wherever a number is unknown.
@Suite struct ReviewFigureTextTests {
    @Test(arguments: [
        (52_644.0, ReviewFigure.Unit.metric(.count), "52.6k"),
        (1_840, .metric(.count), "1,840"),
        (52_644, .metric(.currency), "$52.6k"),
        (400, .currencyPerMonth, "$400/mo"),
        (146.82, .metric(.perMinute), "147/min"),
        (6.054, .metric(.percent), "6.05%"),
        (10_800, .seconds, "3h"),
        (240.4, .milliseconds, "240ms"),
        (0.524, .ratio, "0.52×"),
    ])
    func aValueReadsInItsUnit(value: Double, unit: ReviewFigure.Unit, expected: String) {
        #expect(ReviewFigureText.value(value, unit: unit) == expected)
    }

    @Test func anUnknownValueIsNotApplicableInEveryUnit() {
        let units: [ReviewFigure.Unit] = MetricUnit.allCases.map(ReviewFigure.Unit.metric) + [.currencyPerMonth, .seconds, .milliseconds, .ratio]
        for unit in units { #expect(ReviewFigureText.value(nil, unit: unit) == "n/a", "\(unit)") }
    }

    @Test func aChangeReadsAsThePanesChangeColumn() {
        let change = { (current: Double?, previous: Double?, unit: ReviewFigure.Unit) in
            ReviewFigureText.change(of: ReviewFigure(name: "x", current: current, previous: previous, unit: unit))
        }
        #expect(change(11, 6.06, .metric(.percent)) == "+4.94pp", "a percent changes in percentage points")
        #expect(change(30, 4, .metric(.count)) == "+650%")
        #expect(change(3, 4, .metric(.count)) == "-25.0%")
        #expect(change(400, 400, .currencyPerMonth) == "0.0%", "no change has no sign")
        #expect(change(5, 0, .metric(.count)) == "n/a", "a change from 0 has no size")
        #expect(change(5, nil, .metric(.count)) == "n/a")
        #expect(change(8.1, 7.6, .metric(.score)) == "+0.5", "a score changes by its difference")
    }

    @Test func aComponentWithACostAndNoValueHasNoValuePerCost() {
        let component = Component(id: "crm", name: "CRM", kind: .crm, role: .hub, cost: ComponentCost(amount: 400))
        let card = ComponentScorecard(
            component: component, degree: 1, criticalEdges: 0, integrations: [], failures: 0, previousFailures: nil, attributed: [], sources: [])
        #expect(card.value == nil && card.valuePerCost == nil, "value per cost is n/a beside a value of n/a, not 0")
        let text = ReviewExport.text(of: ReviewFixture.session(items: [
            ReviewItem(kind: .retirementCandidate, subject: "crm", reason: "no value", severity: 30, figures: ReviewAgenda.figures(of: card)),
        ]), format: .markdown)
        for row in ["| value | n/a | n/a | n/a |", "| monthly cost | $400/mo | $400/mo | 0.0% |", "| value per cost | n/a | n/a | n/a |"] {
            #expect(text.contains(row), "the report lacks \(row):\n\(text)")
        }
    }

    @Test func unitsOfSessionsSavedBeforeUnitsHadNamesStillRead() throws {
        let cases: [(String, ReviewFigure.Unit)] = [
            ("%", .metric(.percent)), ("/min", .metric(.perMinute)), ("s", .seconds), ("ms", .milliseconds), ("", .metric(.count)),
            ("currency_per_month", .currencyPerMonth), ("per_day", .metric(.perDay)),
        ]
        for (stored, unit) in cases {
            let json = "{\"name\":\"x\",\"current\":1,\"unit\":\"\(stored)\"}"
            #expect(try JSONDecoder().decode(ReviewFigure.self, from: Data(json.utf8)).unit == unit, "'\(stored)'")
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ReviewFigure.self, from: Data("{\"name\":\"x\",\"unit\":\"furlongs\"}".utf8))
        }
    }
}
