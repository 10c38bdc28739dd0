import EcotopTestSupport
import Foundation
import Testing
@testable import EcotopCollectors

/// No process a plugin starts outlives its run, however it leaves the plugin's process group;
/// and the sweep touches nothing else: not another plugin's processes, not this process's
/// other children.
@Suite struct PluginDescendantTests {
    let scripts = PluginScripts()

    /// Ways a shell script leaves a process behind; each writes the pid of the leftover `sleep`
    /// to the file named by `$1`.
    static let leftovers: [String: String] = [
        "background job": "sleep 100 &\necho $! > \"$1\"",
        "background subshell": "( exec sleep 100 ) &\necho $! > \"$1\"",
        "new session": "setsid sleep 100 &\necho $! > \"$1\"",
        "double fork": "( sleep 100 & echo $! > \"$1\" )",
        "double fork into a new session": "( setsid sleep 100 & echo $! > \"$1\" )",
    ]

    @Test(arguments: leftovers.keys.sorted())
    func whatAnExecPluginLeftBehindIsGoneAfterItsCollection(_ style: String) async throws {
        let name = style.replacingOccurrences(of: " ", with: "-")
        let plugin = scripts.script("\(name).sh", "#!/bin/sh\n\(Self.leftovers[style]!)\necho 'plugin up=1i'\n")
        let pidFile = scripts.directory + "/\(name).pid"
        let collector = ExecCollector(name: "leaves", argv: [plugin, pidFile], timeout: 10, limits: quickLimits())
        let result = try await collector.collect(at: 1_000)
        #expect(result.failure == nil)
        #expect(result.samples.map(\.key.name) == ["plugin.up"])
        try waitUntilEnded(try pid(writtenTo: pidFile), "the \(style) the plugin left", reaped: true)
    }

    @Test func whatADaemonLeftBehindIsGoneAfterItsStop() async throws {
        let plugin = scripts.script("daemon.sh", """
            #!/bin/sh
            setsid sleep 100 &
            echo $! > "$1"
            while read line; do echo 'partner answered=1i'; done
            """)
        let pidFile = scripts.directory + "/daemon-child.pid"
        // A long grace: the daemon ends on EOF, so stopping it takes no longer.
        let daemon = DaemonCollector(name: "partner", argv: [plugin, pidFile], timeout: 10, settle: 0.05, limits: quickLimits(grace: 5))
        #expect(try await daemon.collect(at: 1_000).samples.count == 1)
        let child = try pid(writtenTo: pidFile)
        #expect(processIsRunning(child), "the daemon's child runs as long as the daemon")
        await daemon.stop()
        #expect(daemon.lastExit == .exited(0), "EOF on stdin ends the daemon itself")
        try waitUntilEnded(child, "the daemon's child in a session of its own", reaped: true)
    }

    @Test func whatADaemonLeftBehindIsGoneWhenItDiesByItself() async throws {
        let plugin = scripts.script("dies.sh", """
            #!/bin/sh
            setsid sleep 100 &
            echo $! > "$1"
            read line
            echo 'partner answered=1i'
            exit 3
            """)
        let pidFile = scripts.directory + "/dies-child.pid"
        let daemon = DaemonCollector(name: "partner", argv: [plugin, pidFile], timeout: 10, settle: 0.05, limits: quickLimits())
        _ = try await daemon.collect(at: 1_000)
        // The leftover holds the daemon's stdout open: its end is noticed from the exit alone.
        try await wait(for: "the daemon to end") { daemon.hasEnded }
        #expect(daemon.lastExit == .exited(3))
        try waitUntilEnded(try pid(writtenTo: pidFile), "the child of a daemon that died", reaped: true)
    }

    @Test func aSweepLeavesOtherPluginsAndOtherChildrenAlone() async throws {
        let unrelated = try ChildProcess(["sleep", "100"])
        let other = scripts.script("other.sh", "#!/bin/sh\nsetsid sleep 100 &\necho $! > \"$1\"\nwhile read line; do echo 'other n=1i'; done\n")
        let otherPidFile = scripts.directory + "/other.pid"
        let daemon = DaemonCollector(name: "other", argv: [other, otherPidFile], timeout: 10, settle: 0.05, limits: quickLimits())
        _ = try await daemon.collect(at: 1_000)
        let otherChild = try pid(writtenTo: otherPidFile)

        let plugin = scripts.script("leaves.sh", "#!/bin/sh\nsetsid sleep 100 &\necho $! > \"$1\"\necho 'plugin up=1i'\n")
        let pidFile = scripts.directory + "/leftover.pid"
        _ = try await ExecCollector(name: "leaves", argv: [plugin, pidFile], timeout: 10, limits: quickLimits()).collect(at: 1_000)
        try waitUntilEnded(try pid(writtenTo: pidFile), "the exec plugin's leftover", reaped: true)

        #expect(processIsRunning(otherChild), "the running daemon's child is not the exec plugin's")
        #expect(!daemon.hasEnded)
        #expect(processIsRunning(unrelated.pid), "a child of this process that no plugin started")
        await daemon.stop()
        try waitUntilEnded(otherChild, "the daemon's child once the daemon is stopped", reaped: true)
        #expect(processIsRunning(unrelated.pid))
        unrelated.signal(SIGKILL)
        #expect(unrelated.waitForExit() == .signalled(SIGKILL), "no sweep reaped it behind its owner's back")
    }

    @Test func aDescendantThatIgnoresSIGTERMIsKilledAfterTheGrace() async throws {
        let plugin = scripts.script("stubborn.sh", """
            #!/bin/sh
            setsid sh -c 'trap "" TERM; echo $$ > "$1"; while :; do sleep 1; done' stubborn "$1" &
            while [ ! -s "$1" ]; do sleep 0.01; done
            echo 'plugin up=1i'
            """)
        let pidFile = scripts.directory + "/stubborn.pid"
        let result = try await ExecCollector(name: "stubborn", argv: [plugin, pidFile], timeout: 10, limits: quickLimits(grace: 0.2))
            .collect(at: 1_000)
        #expect(result.failure == nil)
        try waitUntilEnded(try pid(writtenTo: pidFile), "a leftover that ignores SIGTERM", reaped: true)
    }

    @Test func eachRunCarriesAMarkerOfItsOwnInItsEnvironment() async throws {
        let markers = scripts.directory + "/markers"
        let plugin = scripts.script("marker.sh", "#!/bin/sh\necho \"$ECOTOP_PLUGIN_RUN\" >> \"$1\"\necho 'plugin up=1i'\n")
        let collector = ExecCollector(name: "marker", argv: [plugin, markers], limits: quickLimits())
        _ = try await collector.collect(at: 1)
        _ = try await collector.collect(at: 2)
        let lines = try String(contentsOfFile: markers, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2 && Set(lines).count == 2, "two runs, two markers: \(lines)")
        #expect(lines.allSatisfy { $0.hasPrefix("\(getpid()).") })
    }
}
