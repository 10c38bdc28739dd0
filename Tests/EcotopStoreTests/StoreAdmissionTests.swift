import EcotopCore
import Testing
@testable import EcotopStore

/// `StoreAdmission` keeps exactly what retention would not drop at once, by the same rule.
@Suite struct StoreAdmissionTests {
    @Test(arguments: [0.0, 1_732_680_000, 1_732_681_234.5, 4_000_000_000])
    func theEarliestKeptTimeIsWhereTheFirstUnexpiredSegmentOfSomeLevelStarts(now: Double) {
        let ladder = RetentionLadder.standard
        let earliest = ladder.earliestKeptTime(now: now)
        let levels = [(ladder.rawSegmentSeconds, ladder.rawRetention)] + ladder.tiers.map { ($0.segmentSeconds, $0.retention) }
        func keptBySomeLevel(_ time: Double) -> Bool {
            levels.contains { segmentSeconds, retention in
                let start = Int64((time / Double(segmentSeconds)).rounded(.down)) * segmentSeconds
                return !Retention.isExpired(start: start, segmentSeconds: segmentSeconds, retention: retention, now: now)
            }
        }
        #expect(keptBySomeLevel(earliest))
        #expect(!keptBySomeLevel(earliest - 0.001))
    }

    @Test func refusesNonFiniteValuesTimesOutsideTheStoreAndTimesBeforeRetention() {
        let now = 1_732_680_000.0
        let admission = StoreAdmission(ladder: .standard, now: now)
        let key = SeriesKey(name: "m")
        #expect(admission.refusal(of: Sample(key: key, timestamp: now, value: 1)) == nil)
        #expect(admission.refusal(of: Sample(key: key, timestamp: now, value: .nan))?.concernsTime == false)
        #expect(admission.refusal(of: Sample(key: key, timestamp: 4_102_444_800, value: 1)) == .timeOutsideStore(4_102_444_800))
        #expect(admission.refusal(of: Sample(key: key, timestamp: now - 800 * 86_400, value: 1))?.concernsTime == true)
        #expect(StoreAdmission.anyStore.refusal(of: Sample(key: key, timestamp: 1, value: 1)) == nil)
        #expect(admission.refusal(ofEventAt: now - 36 * 86_400) != nil)
        #expect(admission.refusal(ofEventAt: now - 34 * 86_400) == nil)
    }
}
