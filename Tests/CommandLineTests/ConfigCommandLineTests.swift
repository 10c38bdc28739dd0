import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// `ecotop init`, `config check`, `collect --once` and `collectors` as a user runs them.
@Suite struct ConfigCommandLineTests {
    let store = TemporaryStore()
    var directory: String { StoreFileSystem.directoryName(of: store.root) }
    let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Plugins/examples").path

    @Test func initWritesAStarterThatConfigCheckAcceptsAndRefusesToOverwrite() throws {
        let path = directory + "/etc/ecotop/config.yaml"
        let first = try EcotopBinary.run(["init", path])
        #expect(first.status == 0 && first.output.contains("wrote \(path)"))
        let check = try EcotopBinary.run(["config", "check", path])
        #expect(check.status == 0)
        #expect(check.output == "\(path): ok (4 components, 3 integrations, 1 collectors)\n")
        let again = try EcotopBinary.run(["init", path])
        #expect(again.status == 1 && again.errors.contains("already exists; use --force"))
        #expect(try EcotopBinary.run(["init", "--force", path]).status == 0)
    }

    @Test func configCheckListsEveryProblemAndFails() throws {
        let path = directory + "/bad.yaml"
        try "collectors:\n  - name: x\n    type: exec\n    argv: [x]\n    intreval: 5s\n    timeout: -1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let check = try EcotopBinary.run(["config", "check", path])
        #expect(check.status == 1)
        #expect(check.errors == """
            \(path):5:5: collectors[0].intreval: unknown key 'intreval'; did you mean 'interval'?
            \(path):6:14: collectors[0].timeout: expected a positive duration such as 500ms, 30s, 5m or 1h (a bare number is seconds), found '-1'
            2 problems in the configuration

            """)
    }

    @Test func configCheckWarnsAboutSecretsWhoseVariableIsNotSet() throws {
        let path = directory + "/secrets.yaml"
        try """
            collectors:
              - name: stripe
                type: http-json
                interval: 30s
                url: "http://127.0.0.1:9/${ECOTOP_TEST_UNSET_ACCOUNT}/metrics"
                headers: {Authorization: "Bearer ${ECOTOP_TEST_UNSET_TOKEN}", Accept: application/json}
                options:
                  values:
                    - {path: $.active, metric: participation.active_partners}

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try EcotopBinary.run(["config", "check", path])
        #expect(check.status == 0, "a valid file with unset variables still passes: \(check.errors)")
        #expect(check.errors.contains("collectors[0].url (stripe) reads ${ECOTOP_TEST_UNSET_ACCOUNT}, which is not set"))
        #expect(check.errors.contains("collectors[0].headers.Authorization (stripe) reads ${ECOTOP_TEST_UNSET_TOKEN}, which is not set"))
        #expect(!check.errors.contains("Accept"))
    }

    @Test func configCheckWarnsAboutPluginsWhoseProgramIsMissing() throws {
        let path = directory + "/plugins.yaml"
        try """
            collectors:
              - {name: found, type: exec, interval: 1m, argv: [sh, -c, "true"]}
              - {name: example, type: exec, interval: 1m, argv: [\(examples)/orders.sh]}
              - {name: typo, type: exec, interval: 1m, argv: [ecotop-no-such-plugin-xyz]}
              - {name: gone, type: daemon, interval: 1m, argv: [/opt/nowhere/plugin.py]}

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try EcotopBinary.run(["config", "check", path])
        #expect(check.status == 0)
        #expect(check.errors.contains("collectors[2].argv (typo): no executable 'ecotop-no-such-plugin-xyz' on PATH"))
        #expect(check.errors.contains("collectors[3].argv (gone): no executable '/opt/nowhere/plugin.py'"))
        #expect(!check.errors.contains("(found)") && !check.errors.contains("(example)"), "\(check.errors)")
    }

    @Test func collectOnceStoresWhatPluginsPrintAndFailsWhenOneFails() throws {
        let path = directory + "/collect.yaml"
        try """
            ecosystem: {components: [{id: shop}]}
            collectors:
              - name: orders
                type: exec
                argv: [\(examples)/orders.sh]
                env: {ORDERS_PER_MINUTE: "37"}
                mapping:
                  - {match: shop.orders_per_minute, metric: usage.transactions}
              - name: broken
                type: exec
                argv: [\(examples)/orders.sh]
                env: {ORDERS_PER_MINUTE: "many"}
            store: {path: \(store.root)}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try EcotopBinary.run(["collect", "--config", path, "--once"])
        #expect(run.status == 1)
        #expect(run.output.contains("broken: error: ORDERS_PER_MINUTE must be a whole number, not 'many' (exited with status 2)"))
        let table = run.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(table.first { $0.first == "orders" }?[2] == "ok")
        #expect(table.first { $0.first == "broken" }?[2] == "failing")
        let stored = try store.reader().series(matching: SeriesSelector(parsing: "usage.transactions"))
        #expect(stored.count == 1)

        let collectors = try EcotopBinary.run(["collectors", "--config", path])
        #expect(collectors.status == 1)
        #expect(collectors.output.hasPrefix("NAME    TYPE  STATUS"))
    }

    @Test func pluginMessagesAreSanitizedBeforeReachingTheTerminal() throws {
        let script = directory + "/escape.sh"
        try "#!/bin/sh\nprintf 'x\\033[2Jy v=1\\n'\nprintf '\\033[2J\\033]0;title\\007boom\\n' >&2\nexit 1\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let path = directory + "/escape.yaml"
        try "collectors:\n  - {name: escape, type: exec, argv: [\(script)]}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try EcotopBinary.run(["collectors", "--config", path])
        #expect(run.status == 1)
        #expect(run.output.contains("escape: error: boom (exited with status 1)"))
        #expect(!run.output.contains("\u{1B}") && !run.output.contains("\u{07}"))
    }
}
