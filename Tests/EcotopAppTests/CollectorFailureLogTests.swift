import EcotopApp
import EcotopCollectors
import Testing

/// `collect` logs each collector failure, at most a line a minute while it goes on.
@Suite struct CollectorFailureLogTests {
    private func health(runs: Int, failures: Int, error: String?) -> CollectorHealth {
        var health = CollectorHealth(name: "orders", type: "exec", interval: 10)
        health.runs = runs
        health.failures = failures
        health.lastError = error
        return health
    }

    @Test func aFailureIsLoggedAtOnceThenAtMostOnceAMinuteThenItsRecovery() {
        var log = CollectorFailureLog()
        #expect(log.lines(for: [health(runs: 1, failures: 0, error: nil)], at: 0).isEmpty)
        #expect(log.lines(for: [health(runs: 2, failures: 1, error: "exit 3\u{1B}[2J")], at: 10)
            == ["ecotop: collector orders failed: exit 3"], "the first failure at once, sanitized")
        #expect(log.lines(for: [health(runs: 3, failures: 2, error: "exit 3")], at: 20).isEmpty, "not again within the minute")
        #expect(log.lines(for: [health(runs: 8, failures: 7, error: "exit 3")], at: 70)
            == ["ecotop: collector orders failed: exit 3 (6 failures since the last report)"])
        #expect(log.lines(for: [health(runs: 9, failures: 7, error: nil)], at: 80) == ["ecotop: collector orders recovered"])
        #expect(log.lines(for: [health(runs: 10, failures: 8, error: "timed out")], at: 90)
            == ["ecotop: collector orders failed: timed out"], "a new failure after recovery is logged at once")
    }
}
