import EcotopCore
import Testing

@testable import EcotopEngine

@Suite("Counter rates")
struct CounterRateTests {
    private func points(_ pairs: [(Double, Double)]) -> [SeriesPoint] {
        pairs.map { SeriesPoint(timestamp: $0.0, value: $0.1) }
    }

    @Test("a steadily growing counter gives its slope")
    func steadyGrowth() {
        let rates = CounterRate.rates(of: points([(0, 100), (10, 150), (20, 200)]))
        #expect(rates == points([(10, 5), (20, 5)]))
    }

    @Test("a drop is a restart from zero: the increase is the new value")
    func resetCountsNewValue() {
        // 10 -> 20 grows 10; the drop to 5 means a restart, so 5 was counted since; 5 -> 15 grows 10.
        let counter = points([(0, 10), (10, 20), (20, 5), (30, 15)])
        #expect(CounterRate.rates(of: counter).map(\.value) == [1, 0.5, 1])
        #expect(CounterRate.increase(of: counter) == 25)
        #expect(CounterRate.rate(of: counter) == 25.0 / 30)
    }

    @Test("a restart to exactly zero adds nothing and does not go negative")
    func resetToZero() {
        let counter = points([(0, 500), (60, 0), (120, 30)])
        #expect(CounterRate.rates(of: counter).map(\.value) == [0, 0.5])
        #expect(CounterRate.rates(of: counter).allSatisfy { $0.value >= 0 })
    }

    @Test("rates scale to the requested period and to a metric unit's period")
    func periods() {
        let counter = points([(0, 0), (30, 15)])
        #expect(CounterRate.rate(of: counter, per: .minute) == 30)
        #expect(CounterRate.rates(of: counter, per: .hour).map(\.value) == [1_800])
        #expect(RatePeriod(unit: .perDay) == .day)
        #expect(RatePeriod(unit: .percent) == nil)
    }

    @Test("nothing is extrapolated: the rate spans only the first to the last point")
    func windowEdges() {
        // Whatever window the points were read from, the rate covers the 40 s between the
        // first and last recorded point: 40 more events in 40 s.
        let counter = points([(30, 100), (50, 120), (70, 140)])
        #expect(CounterRate.rate(of: counter) == 1)
        #expect(CounterRate.rates(of: counter).first?.timestamp == 50)
    }

    @Test("too few points have no rate; points out of time order are skipped")
    func degenerateInput() {
        #expect(CounterRate.rate(of: []) == nil)
        #expect(CounterRate.rate(of: points([(0, 5)])) == nil)
        #expect(CounterRate.rate(of: points([(10, 5), (10, 9)])) == nil)
        // The point at t=5 arrives late; counting it would invent a reset (9 -> 7).
        let late = points([(0, 1), (10, 9), (5, 7), (20, 19)])
        #expect(CounterRate.increase(of: late) == 18)
        #expect(CounterRate.rate(of: late) == 18.0 / 20)
        #expect(CounterRate.rates(of: late).map(\.timestamp) == [10, 20])
    }

    @Test("rates over many resets add up to the counter's true growth")
    func randomResets() {
        var generator = SeededGenerator(seed: 7)
        var counter: [SeriesPoint] = []
        var value = 0.0, trueGrowth = 0.0
        for second in stride(from: 0.0, through: 3_600, by: 15) {
            if value > 5, Int.random(in: 0..<20, using: &generator) == 0 {
                // The process restarts and counts a few events before the next scrape (fewer
                // than before the restart: a restart that outgrows the last reading is invisible).
                value = Double(Int.random(in: 0...5, using: &generator))
                trueGrowth += value
            } else if second > 0 {
                let step = Double(Int.random(in: 0...50, using: &generator))
                value += step
                trueGrowth += step
            }
            counter.append(SeriesPoint(timestamp: second, value: value))
        }
        #expect(CounterRate.increase(of: counter) == trueGrowth)
        let summed = CounterRate.rates(of: counter).reduce(0) { $0 + $1.value * 15 }
        #expect(abs(summed - trueGrowth) < 1e-6)
    }
}
