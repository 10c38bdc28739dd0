import EcotopCore
import EcotopTestSupport
import Testing

@testable import EcotopEngine

/// Sources of truth: the divergence of two hand-built series whose answer is known.
@Suite("Agreement between sources of truth")
struct AgreementCheckTests {
    private let time = 1_795_200_000.0
    private let crm = SeriesSelector(name: "crm.customers")
    private let analytics = SeriesSelector(name: "analytics.customers")

    private func check(
        _ series: [SeriesKey: [SeriesPoint]], tolerance: SourceAgreement.Tolerance, compared: SeriesSelector? = nil
    ) throws -> AgreementCheck {
        let agreement = SourceAgreement(name: "customers", reference: crm, compared: compared ?? analytics, tolerance: tolerance)
        return try AgreementCheck(agreement: agreement, source: RecordedSeriesSource(series), at: time, lookback: 3_600)
    }

    @Test func theNewestPointsOfBothSidesAreComparedAsAShareOfTheReference() throws {
        let result = try check([
            SeriesKey(name: "crm.customers"): [SeriesPoint(timestamp: time - 7_200, value: 1), SeriesPoint(timestamp: time - 60, value: 2_000)],
            SeriesKey(name: "analytics.customers"): [SeriesPoint(timestamp: time - 30, value: 1_910)],
        ], tolerance: .relative(0.02))
        #expect(result.reference == 2_000)
        #expect(result.compared == 1_910)
        #expect(result.divergence?.difference == -90)
        #expect(result.divergence?.share == 0.045)
        #expect(result.isBreached)
    }

    @Test(arguments: [
        // reference, compared, tolerance, breached
        (1_000.0, 1_020.0, SourceAgreement.Tolerance.relative(0.02), false),  // exactly at the tolerance: kept
        (1_000.0, 1_021.0, .relative(0.02), true),
        (1_000.0, 979.0, .relative(0.02), true),
        (1_000.0, 1_150.0, .absolute(150), false),
        (1_000.0, 849.0, .absolute(150), true),
        (0.0, 0.0, .relative(0.02), false),
        (0.0, 1.0, .relative(0.5), true),
    ])
    func theToleranceDecides(reference: Double, compared: Double, tolerance: SourceAgreement.Tolerance, breached: Bool) {
        #expect(AgreementCheck.divergence(reference: reference, compared: compared, tolerance: tolerance).isBreach == breached)
    }

    @Test func aSideOfSeveralSeriesIsTheirSumAndItsSelectorPicksThem() throws {
        let result = try check([
            SeriesKey(name: "crm.customers"): [SeriesPoint(timestamp: time - 60, value: 300)],
            SeriesKey(name: "analytics.customers", labels: ["region": "eu"]): [SeriesPoint(timestamp: time - 60, value: 100)],
            SeriesKey(name: "analytics.customers", labels: ["region": "us"]): [SeriesPoint(timestamp: time - 60, value: 200)],
            SeriesKey(name: "analytics.customers", labels: ["region": "test"]): [SeriesPoint(timestamp: time - 60, value: 5_000)],
        ], tolerance: .absolute(0), compared: SeriesSelector(name: "analytics.customers", matchers: [.notEqual("region", "test")]))
        #expect(result.compared == 300)
        #expect(result.divergence?.share == 0)
        #expect(!result.isBreached)
    }

    @Test func aSideWithoutRecentDataIsNoBreach() throws {
        let result = try check([
            SeriesKey(name: "crm.customers"): [SeriesPoint(timestamp: time - 60, value: 2_000)],
            SeriesKey(name: "analytics.customers"): [SeriesPoint(timestamp: time - 7_200, value: 10)],
        ], tolerance: .relative(0.02))
        #expect(result.compared == nil)
        #expect(result.divergence == nil)
        #expect(!result.isBreached)
    }
}
