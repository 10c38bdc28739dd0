import EcotopCore
import EcotopTestSupport
import Synchronization
import Testing
@testable import EcotopCollectors

/// The scheduler: due times from an injected clock, health as plain values, and isolation of
/// collectors that hang or flood.
@Suite struct CollectorSchedulerTests {
    /// Returns one sample per collection, or fails as told.
    final class CountingCollector: Collector {
        let name: String
        let failure: String?
        let throwing: Bool
        let calls = Mutex<[Double]>([])

        init(name: String, failure: String? = nil, throwing: Bool = false) {
            self.name = name
            self.failure = failure
            self.throwing = throwing
        }

        func collect(at time: Double) async throws -> CollectionResult {
            calls.withLock { $0.append(time) }
            if throwing { throw PluginError("unreachable") }
            return CollectionResult(
                samples: [Sample(key: SeriesKey(name: name), timestamp: time, value: 1)], problems: ["\(name):2: bad"],
                failure: failure)
        }
    }

    /// Never answers and ignores cancellation, like a collector stuck in a system call.
    struct HangingCollector: Collector {
        let name = "stuck"
        func collect(at time: Double) async throws -> CollectionResult {
            await withCheckedContinuation { (_: CheckedContinuation<Void, Never>) in }
            return CollectionResult()
        }
    }

    @Test func collectorsRunWhenDueByTheInjectedClockAndTheirHealthIsKept() async {
        let clock = ManualClock(1_000)
        let fast = CountingCollector(name: "fast"), slow = CountingCollector(name: "slow", failure: "exit 3")
        let broken = CountingCollector(name: "broken", throwing: true)
        let sink = MemorySink()
        let scheduler = CollectorScheduler(
            collectors: [
                ScheduledCollector(fast, type: "exec", interval: 10, deadline: 5),
                ScheduledCollector(slow, type: "exec", interval: 30, deadline: 5),
                ScheduledCollector(broken, type: "daemon", interval: 10, deadline: 5),
            ], sink: sink, clock: clock)
        #expect(scheduler.health.map(\.status) == [.pending, .pending, .pending])

        await scheduler.runDue()
        clock.advance(to: 1_010)
        await scheduler.runDue()
        clock.advance(to: 1_020)
        await scheduler.runDue()
        clock.advance(to: 1_030)
        await scheduler.runDue()

        #expect(fast.calls.withLock { $0 } == [1_000, 1_010, 1_020, 1_030])
        #expect(slow.calls.withLock { $0 } == [1_000, 1_030])
        let health = scheduler.health
        #expect(health[0].status == .ok && health[0].runs == 4 && health[0].nextRun == 1_040)
        #expect(health[0].recordsOK == 1 && health[0].recordsBad == 1 && health[0].totalRecordsOK == 4)
        #expect(health[0].problems == ["fast:2: bad"] && health[0].lastRun == 1_030)
        #expect(health[1].status == .failing && health[1].lastError == "exit 3" && health[1].recordsOK == 1)
        #expect(health[2].status == .failing && health[2].lastError == "unreachable" && health[2].failures == 4)
        // A failed collection's records are still stored; a thrown one has none.
        #expect(sink.samples.count == 6)
    }

    @Test(.timeLimit(.minutes(1))) func startingTwiceRunsEachCollectorOnScheduleOnce() async throws {
        let counting = CountingCollector(name: "once")
        let clock = ManualClock(0)
        let scheduler = CollectorScheduler(
            collectors: [ScheduledCollector(counting, type: "exec", interval: 60, deadline: 5)], sink: MemorySink(), clock: clock,
            tick: 0.01)
        scheduler.start()
        scheduler.start()
        try await wait(for: "the first collection") { scheduler.health[0].runs >= 1 }
        // Ten more looks at the clock (ten ticks of one loop, fewer of two) give a second loop
        // its chance to collect again.
        let reads = clock.reads
        try await wait(for: "ten more ticks") { clock.reads >= reads + 10 }
        await scheduler.stop()
        // Due once at time 0 and not again until 60: a second loop would have collected twice,
        // or have found the first collection in flight and recorded a failure.
        #expect(counting.calls.withLock { $0 } == [0])
        #expect(scheduler.health[0].runs == 1 && scheduler.health[0].failures == 0)
    }

    @Test(.timeLimit(.minutes(1))) func aHangingCollectorIsAbandonedAtItsDeadlineWithoutHoldingUpOthers() async {
        let quick = CountingCollector(name: "quick")
        let scheduler = CollectorScheduler(
            collectors: [
                ScheduledCollector(HangingCollector(), type: "exec", interval: 1, deadline: 0.3),
                ScheduledCollector(quick, type: "exec", interval: 1, deadline: 5),
            ], sink: MemorySink(), clock: ManualClock(0))
        // The hanging collector never returns: that runOnce returns at all shows it is not awaited.
        var health = await scheduler.runOnce()
        #expect(health[0].lastError == "no answer within 0.3 s; abandoned")
        #expect(health[1].status == .ok)
        health = await scheduler.runOnce()
        #expect(health[0].lastError == "the previous collection is still running")
    }

    @Test(.timeLimit(.minutes(1))) func aFloodingPluginDoesNotStopOthersFromRunningOnSchedule() async throws {
        var limits = quickLimits()
        limits.maxOutputBytes = 256 << 10
        let flood = ExecCollector(name: "flood", argv: ["yes", "flood value=1i"], timeout: 20, limits: limits)
        let quick = ExecCollector(name: "quick", argv: ["printf", "quick value=1i\\n"], timeout: 5)
        let sink = MemorySink()
        let scheduler = CollectorScheduler(
            collectors: [
                ScheduledCollector(flood, type: "exec", interval: 1, deadline: 30),
                ScheduledCollector(quick, type: "exec", interval: 0.1, deadline: 10),
            ], sink: sink, clock: SystemWallClock(), tick: 0.05)
        scheduler.start()
        try await wait(for: "three collections of the quick plugin") { scheduler.health[1].runs >= 3 }
        // Three collections of the quick plugin while the flood's first one is still running.
        let during = scheduler.health
        #expect(during[0].runs == 0 && during[0].isRunning)
        #expect(during[1].status == .ok)
        #expect(sink.samples.filter { $0.key.name == "quick.value" }.count >= 3)
        // Stopping cancels the flood's collection: the plugin is stopped, its capped output kept.
        await scheduler.stop()
        let after = scheduler.health[0]
        #expect(after.lastError == "stopped before it finished")
    }
}
