import EcotopCore
import EcotopTestSupport
import Testing
@testable import EcotopCollectors

/// The daemon contract with real subprocesses: a newline per collection, restarts with backoff.
@Suite struct DaemonCollectorTests {
    let scripts = PluginScripts()

    @Test func aDaemonThatDiesIsRestartedAfterABackoffThatDoubles() async throws {
        let path = scripts.script("once.sh", """
            #!/bin/sh
            read line
            echo 'partner answered=1i'
            echo 'lost the portal connection' >&2
            exit 3
            """)
        let daemon = DaemonCollector(
            name: "portal", argv: [path], timeout: 2, settle: 0.05, backoff: .init(initial: 1, maximum: 3), limits: quickLimits())
        let first = try await daemon.collect(at: 100)
        #expect(first.samples.map(\.key.name) == ["partner.answered"])
        try await waitUntilDead(daemon)

        await #expect(throws: PluginError("lost the portal connection (exited with status 3); restarting in 1 s")) {
            try await daemon.collect(at: 101)
        }
        #expect(daemon.restartTime == 102)
        await #expect(throws: PluginError("not running; restarting in 0.5 s")) { try await daemon.collect(at: 101.5) }
        #expect(daemon.starts == 1)

        let restarted = try await daemon.collect(at: 102)
        #expect(daemon.starts == 2)
        #expect(restarted.samples.count == 1)
        try await waitUntilDead(daemon)
        await #expect(throws: PluginError("lost the portal connection (exited with status 3); restarting in 2 s")) {
            try await daemon.collect(at: 103)
        }
        #expect(daemon.restartTime == 105)
        _ = try await daemon.collect(at: 105)
        try await waitUntilDead(daemon)
        await #expect(throws: PluginError("lost the portal connection (exited with status 3); restarting in 3 s")) {
            try await daemon.collect(at: 106)
        }
    }

    @Test func aDaemonThatCannotStartIsRetriedWithBackoff() async {
        let daemon = DaemonCollector(name: "gone", argv: ["/nonexistent/daemon"], backoff: .init(initial: 4, maximum: 60))
        await #expect(throws: PluginError("cannot run /nonexistent/daemon: no such program on PATH or at that path")) {
            try await daemon.collect(at: 10)
        }
        #expect(daemon.restartTime == 14)
        await #expect(throws: PluginError("not running; restarting in 2 s")) { try await daemon.collect(at: 12) }
    }

    @Test func freeRunningOutputIsTakenAtEachCollection() async throws {
        // The plugin outlives the wait below, however long the full suite keeps this test from running.
        let path = scripts.script("ticker.sh", "#!/bin/sh\nfor i in 1 2 3; do echo \"tick n=${i}i\"; done\nexec sleep 600\n")
        let daemon = DaemonCollector(name: "ticker", argv: [path], mode: .freeRunning, limits: quickLimits())
        var values = try await daemon.collect(at: 1).samples.map(\.value)
        var time = 1.0
        try await wait(for: "three ticks, collected so far: \(values)") {
            time += 1
            values += try await daemon.collect(at: time).samples.map(\.value)
            return values.count >= 3
        }
        #expect(values == [1, 2, 3], "each line taken by exactly one collection, in order")
        // `sleep` ignores EOF on stdin, so stopping it takes SIGTERM after the grace period.
        await daemon.stop()
        #expect(daemon.lastExit == .signalled(15))
    }

    /// Waits (in real time) until the reader thread has seen the plugin end.
    private func waitUntilDead(_ daemon: DaemonCollector, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await wait(for: "the daemon \(daemon.name) to end", sourceLocation: sourceLocation) { daemon.hasEnded }
    }
}
