import EcotopCore
import Testing

@testable import EcotopEngine

@Suite("Thresholds in both directions")
struct ThresholdTests {
    /// Active partners: higher is better, warn below 40, critical below 30.
    private let partners = Thresholds(warn: 40, critical: 30)
    /// Integration error rate: lower is better, warn above 1 %, critical above 5 %.
    private let errors = Thresholds(warn: 1, critical: 5)

    @Test("higher is better: falling below warn warns, below critical is critical")
    func higherIsBetter() {
        #expect(partners.status(of: 48, direction: .higherIsBetter) == .ok)
        #expect(partners.status(of: 40, direction: .higherIsBetter) == .ok)
        #expect(partners.status(of: 39.9, direction: .higherIsBetter) == .warn)
        #expect(partners.status(of: 30, direction: .higherIsBetter) == .warn)
        #expect(partners.status(of: 29, direction: .higherIsBetter) == .critical)
    }

    @Test("lower is better: rising above warn warns, above critical is critical")
    func lowerIsBetter() {
        #expect(errors.status(of: 0.2, direction: .lowerIsBetter) == .ok)
        #expect(errors.status(of: 1, direction: .lowerIsBetter) == .ok)
        #expect(errors.status(of: 1.5, direction: .lowerIsBetter) == .warn)
        #expect(errors.status(of: 5, direction: .lowerIsBetter) == .warn)
        #expect(errors.status(of: 12, direction: .lowerIsBetter) == .critical)
        // The same value means the opposite when the direction flips.
        #expect(errors.status(of: 12, direction: .higherIsBetter) == .ok)
    }

    @Test("scores fall linearly from 100 at warn to 50 at critical to 0 one span further")
    func scores() {
        #expect(partners.score(of: 48, direction: .higherIsBetter) == 100)
        #expect(partners.score(of: 35, direction: .higherIsBetter) == 75)
        #expect(partners.score(of: 30, direction: .higherIsBetter) == 50)
        #expect(partners.score(of: 25, direction: .higherIsBetter) == 25)
        #expect(partners.score(of: 3, direction: .higherIsBetter) == 0)
        #expect(errors.score(of: 3, direction: .lowerIsBetter) == 75)
        #expect(errors.score(of: 9, direction: .lowerIsBetter) == 0)
        #expect(errors.score(of: 0, direction: .lowerIsBetter) == 100)
    }

    @Test("statuses order by the attention they need, anomaly between stale and warn")
    func severityOrder() {
        let ordered: [MetricStatus] = [.ok, .noData, .stale, .anomaly, .warn, .critical]
        #expect(ordered == MetricStatus.allCases.sorted())
        #expect(MetricStatus.anomaly.label == "ANOM")
        #expect(max(MetricStatus.warn, .anomaly) == .warn)
    }
}
