import ArgumentParser
import EcotopCore
import EcotopTestSupport
import Foundation
import Testing
@testable import EcotopStore
@testable import ecotop

/// `ecotop --generate-completion-script bash|zsh|fish`: scripts the shells accept, which know
/// every subcommand and complete our own values (ranges, formats, sources, themes).
@Suite struct CompletionScriptTests {
    static let shells = ["bash", "zsh", "fish"]

    /// Every subcommand's name, nested ones included.
    static func commandNames(under command: ParsableCommand.Type = EcotopCommand.self) -> [String] {
        command.configuration.subcommands.flatMap { [$0._commandName] + commandNames(under: $0) }
    }

    @Test(arguments: shells)
    func theScriptGeneratesAndNamesEverySubcommand(shell: String) throws {
        let run = try EcotopBinary.run(["--generate-completion-script", shell])
        #expect(run.status == 0 && run.errors.isEmpty, "\(run.errors)")
        let missing = Self.commandNames().filter { !run.output.contains($0) }
        #expect(missing.isEmpty, "\(shell) script lacks \(missing)")
        #expect(Self.commandNames().contains("doctor"))
        // Every range label in one list, each source, the screenshot formats, and themes asked of ecotop.
        #expect(TimeRange.allCases.allSatisfy { run.output.contains($0.label) })
        #expect(["prometheus", "svg", "openmetrics", "markdown"].allSatisfy(run.output.contains))
        #expect(run.output.contains("---completion dash -- --theme") && run.output.contains("---completion screenshot -- --theme"))
    }

    /// The installed shells of `shells`, by path.
    static let installedShells = shells.map { "/usr/bin/" + $0 }.filter(FileManager.default.isExecutableFile(atPath:))

    /// The shell itself parses the script (`-n`: read, do not run), where it is installed.
    @Test(arguments: installedShells)
    func theShellAcceptsTheScript(path: String) throws {
        let shell = URL(fileURLWithPath: path).lastPathComponent
        let store = TemporaryStore()
        let script = try store.file(named: "completion." + shell, containing: try EcotopBinary.run(["--generate-completion-script", shell]).output)
        let check = try ChildProcess([path, "-n", script]).waitForExit()
        #expect(check.shellStatus == 0)
    }

    @Test func themesCompleteFromTheCatalogIncludingTheUsersOwn() throws {
        let store = TemporaryStore()
        let config = StoreFileSystem.directoryName(of: store.root) + "/config"
        let theme = try String(contentsOfFile: Self.themes + "/nord.yaml", encoding: .utf8)
        try FileManager.default.createDirectory(atPath: config + "/ecotop/themes", withIntermediateDirectories: true)
        try theme.replacingOccurrences(of: "name: nord", with: "name: mine").write(toFile: config + "/ecotop/themes/mine.yaml", atomically: true, encoding: .utf8)
        let environment = ["PATH": "/usr/bin:/bin", "HOME": config, "XDG_CONFIG_HOME": config]
        for command in ["dash", "screenshot"] {
            let run = try EcotopBinary.run(["---completion", command, "--", "--theme", "0", "0"], environment: environment)
            let names = run.output.split(separator: "\n").map(String.init)
            #expect(names.starts(with: ["dark", "light", "high-contrast", "nord", "gruvbox"]), "\(run.output)\(run.errors)")
            #expect(names.contains("mine"), "\(run.output)\(run.errors)")
        }
    }

    /// Themes/, next to this package's Tests/.
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes").path
}
