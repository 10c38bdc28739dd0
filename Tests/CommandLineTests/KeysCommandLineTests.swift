import Foundation
import Testing
import EcotopTestSupport

/// `keys:` in the configuration as a user meets it: `config check` and `screenshot --keys`.
@Suite struct KeysCommandLineTests {
    let store = TemporaryStore()
    var directory: String { store.root + "-config" }

    private func write(_ keys: String, as name: String = "config.yaml") throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        try "collectors: []\nkeys:\n\(keys)".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func configCheckReportsEveryProblemOfKeysWhereItIsWritten() throws {
        let path = try write("  show_errors: E\n  quit: [Q, ctrl-]\n  pause: t\n  show_eror: x\n")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let check = try EcotopBinary.run(["config", "check", path])
        #expect(check.status == 1)
        #expect(check.errors == """
            \(path):4:13: keys.quit: 'ctrl-' is not a key; expected a character, space, ctrl-LETTER, f1 to f12, or one of \
            up, down, left, right, page-up, page-down, home, end, enter, esc, tab, shift-tab, backspace
            \(path):5:10: keys.pause: t would do both next_theme and pause on the dashboard screen
            \(path):6:3: keys.show_eror: unknown action 'show_eror'; did you mean 'show_errors'? (docs/keys.md lists them)
            3 problems in the configuration

            """)
    }

    @Test func screenshotTypesTheConfiguredKeys() throws {
        _ = try store.writer()
        let standard = try write("  show_errors: e\n", as: "standard.yaml")
        let remapped = try write("  show_errors: E\n", as: "remapped.yaml")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func shot(_ keys: String, config: String) throws -> String {
            let run = try EcotopBinary.run(
                ["screenshot", "--config", config, "--store", store.root, "--keys", keys, "--time", "1764245100", "--width", "100", "--height", "30"])
            #expect(run.status == 0, "\(run.errors)")
            return run.output
        }
        let errorsScreen = try shot("e", config: standard)
        #expect(errorsScreen != (try shot("", config: standard)), "e opens the errors screen with the standard keys")
        #expect(try shot("E", config: remapped) == errorsScreen)
        #expect(try shot("e", config: remapped) != errorsScreen)
    }

    /// The configuration is read once, keys and all, so it can come from a pipe (`--config
    /// <(generate)`); a second read used to find the pipe empty and fail.
    @Test func screenshotReadsItsConfigurationOnceSoItCanBePiped() throws {
        _ = try store.writer()
        let arguments = ["screenshot", "--store", store.root, "--time", "1764245100", "--width", "100", "--height", "30"]
        let configuration = "ecosystem: {name: Piped shop}\ncollectors: []\nkeys:\n  show_errors: E\n"
        let piped = try EcotopBinary.run(arguments + ["--config", "/dev/stdin", "--keys", "E"], input: configuration)
        #expect(piped.status == 0, "\(piped.errors)")
        #expect(piped.output.contains("Piped shop"))
        let path = try write("  show_errors: E\n")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try configuration.write(toFile: path, atomically: true, encoding: .utf8)
        let fromFile = try EcotopBinary.run(arguments + ["--config", path, "--keys", "E"])
        #expect(piped.output == fromFile.output, "the piped configuration's keys are in force, as the file's are")
    }
}
