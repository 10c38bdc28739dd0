import EcotopCore
import Foundation
import Testing

@testable import EcotopEngine

@Suite("Anomaly detection: the same hour of previous days, confirmed by the recent past")
struct AnomalyDetectorTests {
    private let detector = AnomalyDetector()
    private static let day = TestTime.day
    /// The series below starts here and spans eight days.
    private static let start = TestTime.midnight

    /// A busy-afternoon daily cycle (1000 ± 400) with ±20 of noise, every five minutes.
    private static func dailyCycle(days: Int) -> [SeriesPoint] {
        var generator = SeededGenerator(seed: 99)
        return stride(from: start, to: start + Double(days) * day, by: 300).map { time in
            SeriesPoint(timestamp: time, value: usualLevel(at: time) + Double.random(in: -20...20, using: &generator))
        }
    }

    private static func usualLevel(at time: Double) -> Double {
        1_000 + 400 * sin((time - start) / day * 2 * .pi)
    }

    @Test("the robust z-score, by hand")
    func handComputed() throws {
        // median 11; |deviations| 1,1,0,2,2,1,1 -> MAD 1; spread 1.4826.
        let baseline = [10.0, 12, 11, 13, 9, 10, 12]
        let spike = try #require(detector.score(17, against: baseline))
        #expect(spike.median == 11)
        #expect(spike.spread == 1.4826)
        #expect(abs(spike.score - 6 / 1.4826) < 1e-9)  // 4.05
        #expect(spike.count == 7)
        #expect(try #require(detector.score(15, against: baseline)).score < 3.5)  // 2.70
        #expect(try #require(detector.score(5, against: baseline)).score < -3.5)  // -4.05
    }

    @Test("a normal daily cycle is never flagged, at any hour")
    func dailyCycleNotFlagged() throws {
        let history = Self.dailyCycle(days: 8)
        let lastDay = history.filter { $0.timestamp >= Self.start + 7 * Self.day }
        #expect(lastDay.count == 288)
        var largest = 0.0
        for point in lastDay {
            let assessment = try #require(detector.assess(point.value, at: point.timestamp, history: history))
            #expect(!assessment.isAnomalous, "flagged \(point.value) at \(point.timestamp)")
            largest = max(largest, abs(assessment.seasonal.score))
        }
        // The cycle swings 800 peak to trough; measured against all hours at once, the afternoon
        // peak would sit far from the median. Against its own hour it stays inside on its own,
        // without help from the recent check.
        #expect(largest < 3.5)
    }

    @Test("a spike or a drop against the same hour is flagged, even inside the daily range")
    func spikeFlagged() throws {
        // 18:00 on day 8, the quiet trough (usual level 600): 625 is normal; 800 is not, though
        // 800 is an everyday level at other hours of the 600...1400 the series spans.
        let time = Self.start + 7 * Self.day + 18 * 3_600
        let usual = Self.usualLevel(at: time)
        let history = Self.dailyCycle(days: 8).filter { $0.timestamp < time }
        let normal = try #require(detector.assess(usual + 25, at: time, history: history))
        #expect(!normal.isAnomalous)
        let spike = try #require(detector.assess(800, at: time, history: history))
        #expect(spike.isAnomalous && spike.seasonal.score > 3.5)
        #expect(history.contains { abs($0.value - 800) < 5 })
        let drop = try #require(detector.assess(usual - 150, at: time, history: history))
        #expect(drop.isAnomalous && drop.seasonal.score < -3.5 && drop.recent!.score < -3.5)
        #expect(drop.band.contains(usual) && !drop.band.contains(usual - 150))
    }

    @Test("the baseline is the same time of day on each previous day, and only that")
    func baselineWindows() {
        let time = Self.start + 10 * Self.day + 12 * 3_600
        let detector = AnomalyDetector(days: 3, halfWidth: 600, recentWindow: 3_600)
        #expect(detector.recentWindow(at: time) == (time - 3_600)...time)
        let windows = detector.seasonalWindows(at: time)
        #expect(windows == [
            (time - Self.day - 600)...(time - Self.day + 600),
            (time - 2 * Self.day - 600)...(time - 2 * Self.day + 600),
            (time - 3 * Self.day - 600)...(time - 3 * Self.day + 600),
        ])
        // Six hours off the same time of day, these points are no baseline at all.
        let offHours = (1...7).map { SeriesPoint(timestamp: time - Double($0) * Self.day + 6 * 3_600, value: 1) }
        #expect(detector.assess(100, at: time, history: offHours) == nil)
    }

    @Test("too little history gives no verdict rather than an anomaly")
    func tooLittleHistory() throws {
        #expect(detector.score(1_000, against: [1, 2, 3, 4]) == nil)
        #expect(try #require(AnomalyDetector(minimumBaseline: 4).score(1_000, against: [1, 2, 3, 4])).score > 3.5)
        let time = Self.start + 8 * Self.day
        let fourDays = (1...4).map { SeriesPoint(timestamp: time - Double($0) * Self.day, value: 10) }
        #expect(detector.assess(1_000, at: time, history: fourDays) == nil)
    }

    @Test("a flat baseline does not make a change of one an anomaly")
    func flatBaseline() throws {
        let baseline = Array(repeating: 48.0, count: 50)
        // MAD is 0; the spread floors at 1 % of 48 = 0.48, so 48.5 scores 1.04 and 51 scores 6.25.
        #expect(abs(try #require(detector.score(48.5, against: baseline)).score - 0.5 / 0.48) < 1e-9)
        #expect(try #require(detector.score(51, against: baseline)).score > 6)
        // All zeros with no floor: any error is infinitely unusual; an absolute floor tames it.
        #expect(try #require(detector.score(0.1, against: Array(repeating: 0, count: 10))).score == .infinity)
        let floored = AnomalyDetector(minimumSpread: 0.5)
        #expect(try #require(floored.score(0.1, against: Array(repeating: 0, count: 10))).score == 0.2)
    }

    @Test("a new level that has held for hours is not an anomaly, a sudden jump is")
    func trendVersusJump() throws {
        // A partner count of 23 every day, that rose to 24 three hours ago and stayed.
        let time = Self.start + 7 * Self.day + 12 * 3_600
        var history = stride(from: Self.start, to: time - 3 * 3_600, by: 300).map { SeriesPoint(timestamp: $0, value: 23) }
        history += stride(from: time - 3 * 3_600, through: time, by: 300).map { SeriesPoint(timestamp: $0, value: 24) }
        let settled = try #require(detector.assess(24, at: time, history: history))
        #expect(abs(settled.seasonal.score) > 3.5)  // unusual for the hour...
        #expect(settled.recent?.score == 0)  // ...but already the recent norm
        #expect(!settled.isAnomalous)
        let jump = try #require(detector.assess(30, at: time, history: history))
        #expect(jump.isAnomalous)
        // Off the recent check, the seasonal score alone decides.
        #expect(try #require(AnomalyDetector(recentWindow: 0).assess(24, at: time, history: history)).isAnomalous)
    }

    @Test("unusual for the hour in one direction and for the recent past in the other is not an anomaly")
    func directionsMustAgree() {
        let assessment = AnomalyAssessment(
            value: 10, seasonal: BaselineScore(median: 0, spread: 1, score: 10, count: 20),
            recent: BaselineScore(median: 20, spread: 1, score: -10, count: 20), threshold: 3.5)
        #expect(!assessment.isAnomalous)
    }
}
