import Foundation
import Testing
import EcotopTestSupport

/// `collect --once` through the real binary leaves no plugin process behind (issue 9).
@Suite struct PluginLeftoverCommandLineTests {
    let store = TemporaryStore()

    @Test func collectOnceStopsWhatItsPluginsLeftBehind() throws {
        let daemon = try store.file(
            named: "daemon.sh", containing: "#!/bin/sh\nsetsid sleep 100 &\necho $! > \"$1\"\nwhile read line; do echo 'partner answered=1i'; done\n")
        let exec = try store.file(named: "exec.sh", containing: "#!/bin/sh\n( setsid sleep 100 & echo $! > \"$1\" )\necho 'shop orders=3i'\n")
        for script in [daemon, exec] { chmod(script, 0o755) }
        let daemonPid = store.root + "-daemon.pid", execPid = store.root + "-exec.pid"
        let config = try store.file(named: "collect.yaml", containing: """
            collectors:
              - {name: partner, type: daemon, argv: [\(daemon), \(daemonPid)]}
              - {name: shop, type: exec, argv: [\(exec), \(execPid)]}
            store: {path: \(store.root)}

            """)

        let run = try EcotopBinary.run(["collect", "--config", config, "--once"])
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        try waitUntilEnded(try pid(writtenTo: daemonPid), "the daemon plugin's child in a session of its own")
        try waitUntilEnded(try pid(writtenTo: execPid), "the exec plugin's double-forked child")
    }
}
