import EcotopCore
import EcotopTestSupport
import Foundation
import Testing
@testable import EcotopCollectors

/// The exec contract under faults, with real subprocesses.
@Suite struct ExecCollectorFaultTests {
    let scripts = PluginScripts()

    @Test func aHangingPluginIsStoppedAtItsTimeoutAndKeepsWhatItPrinted() async throws {
        let path = scripts.script("hang.sh", "#!/bin/sh\necho 'shop orders=3i'\nexec sleep 30\n")
        let collector = ExecCollector(name: "hang", argv: [path], timeout: 0.3, limits: quickLimits())
        let result = try await collector.collect(at: 1_000)
        #expect(result.samples.map(\.key.name) == ["shop.orders"])
        #expect(result.failure == "timed out after 0.3 s; killed by signal 15 (SIGTERM)")
    }

    @Test func cancellingTheCollectionStopsThePlugin() async throws {
        let started = scripts.directory + "/long.started"
        // Plugin and timeout outlive the wait below, so only the cancellation can end the collection.
        let path = scripts.script("long.sh", "#!/bin/sh\ntouch '\(started)'\nexec sleep 600\n")
        let collection = Task { try await ExecCollector(name: "long", argv: [path], timeout: 600, limits: quickLimits()).collect(at: 1) }
        try await wait(for: "the plugin to start") { FileManager.default.fileExists(atPath: started) }
        collection.cancel()
        #expect(try await collection.value.failure == "stopped before it finished; killed by signal 15 (SIGTERM)")
    }

    @Test func aPluginThatIgnoresSIGTERMIsKilledAfterTheGracePeriod() async throws {
        let path = scripts.script("stubborn.sh", "#!/bin/sh\ntrap '' TERM\nsleep 30\n")
        let collector = ExecCollector(name: "stubborn", argv: [path], timeout: 0.2, limits: quickLimits(grace: 0.2))
        let result = try await collector.collect(at: 1_000)
        #expect(result.failure == "timed out after 0.2 s; killed by signal 9 (SIGKILL)")
    }

    @Test func aNonZeroExitIsAnErrorWithStderrsFirstLineButValidLinesAreKept() async throws {
        let path = scripts.script("fails.sh", """
            #!/bin/sh
            echo 'shop orders=3i'
            echo '{"ts":1700000000,"name":"usage.active_users","value":12}'
            echo 'upstream said 503' >&2
            echo 'second line is not the message' >&2
            exit 3
            """)
        let result = try await ExecCollector(name: "fails", argv: [path], limits: quickLimits()).collect(at: 1_000)
        #expect(result.samples.count == 2)
        #expect(result.failure == "upstream said 503 (exited with status 3)")
    }

    @Test func garbageLinesAreRejectedAndCountedEachNamingCollectorAndLine() async throws {
        let path = scripts.script("garbage.sh", """
            #!/bin/sh
            echo '{"ts":1700000000,"name":"usage.active_users","value":12}'
            echo 'this is not a record'
            echo '{"ts":1700000000,"name":"usage.active_users"}'
            printf '\\033[31m\\n'
            echo 'shop orders=3i 1700000000000000000'
            """)
        let result = try await ExecCollector(name: "garbage", argv: [path], limits: quickLimits()).collect(at: 1_000)
        #expect(result.samples.count == 2)
        #expect(result.rejected == 3)
        #expect(result.failure == nil)
        #expect(result.problems.count == 3)
        #expect(result.problems[0].hasPrefix("garbage:2:"))
        #expect(result.problems[1] == #"garbage:3:1: missing "value""#)
        #expect(result.problems[2].hasPrefix("garbage:4:"))
    }

    @Test func aFloodingPluginStaysWithinTheCaps() async throws {
        var limits = quickLimits()
        limits.maxOutputBytes = 64 << 10
        let collector = ExecCollector(name: "flood", argv: ["yes", "flood value=1i"], timeout: 0.5, limits: limits)
        let result = try await collector.collect(at: 1_000)
        // 15 bytes a line: at most 64 KiB of them are decoded, everything after is only counted.
        #expect(result.samples.count <= (64 << 10) / 15 + 1)
        #expect(result.samples.count > 1_000)
        #expect(result.rejected > 10_000)
        #expect(result.problems.last?.contains("output cap reached") == true)
        #expect(result.failure?.hasPrefix("timed out after 0.5 s") == true)
    }

    @Test func anOverlongLineIsDroppedWhole() async throws {
        var limits = quickLimits()
        limits.maxLineBytes = 256
        let path = scripts.script("long.sh", "#!/bin/sh\nprintf 'shop,big=%0300d orders=1i\\n' 0\necho 'shop orders=2i'\n")
        let result = try await ExecCollector(name: "long", argv: [path], limits: limits).collect(at: 1_000)
        #expect(result.samples.map(\.value) == [2])
        #expect(result.problems == ["long:1: line longer than 256 bytes; dropped"])
    }

    @Test func aMissingPluginIsAClearError() async {
        let collector = ExecCollector(name: "gone", argv: ["/nonexistent/ecotop-plugin"])
        await #expect(throws: PluginError("cannot run /nonexistent/ecotop-plugin: no such program on PATH or at that path")) {
            try await collector.collect(at: 1_000)
        }
    }

    @Test func argvRunsWithoutAShellWithConfiguredEnvironmentAndDirectory() async throws {
        let path = scripts.script("where.sh", #"#!/bin/sh\#nprintf 'env,dir=%s,shop=%s,arg=%s v=1i\n' "$(pwd)" "$SHOP" "$1"\#n"#)
        let collector = ExecCollector(
            name: "where", argv: [path, "$HOME;injected"], environment: ["SHOP": "eu"], directory: scripts.directory,
            mapping: OutputMapping(labels: ["source": "test"]))
        let result = try await collector.collect(at: 1_000)
        let labels = try #require(result.samples.first).key.labelDictionary
        #expect(labels == ["dir": scripts.directory, "shop": "eu", "arg": "$HOME;injected", "source": "test"])
        #expect(result.samples.first?.timestamp == 1_000)
    }
}

extension PluginError: Equatable {
    public static func == (lhs: PluginError, rhs: PluginError) -> Bool { lhs.description == rhs.description }
}
