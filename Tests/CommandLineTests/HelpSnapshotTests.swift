import ArgumentParser
import EcotopTestSupport
import Foundation
import Testing
@testable import ecotop

/// `--help` of `ecotop` and of every command under it, at 80 columns whatever the terminal,
/// compared with `Snapshots/help.<command path>.txt`; `ECOTOP_RECORD_SNAPSHOTS=1` re-records
/// them. A new command gets its snapshot recorded (and the run fails until it is reviewed).
@Suite struct HelpSnapshotTests {
    /// Every command by its names from the root, root first: `["ecotop"]`, `["ecotop", "store", "check"]`.
    static let commandPaths = paths(under: EcotopCommand.self, prefix: [])

    @Test(arguments: commandPaths)
    func helpMatchesItsSnapshot(path: [String]) throws {
        let command = try #require(Self.command(at: path), "no command at \(path)")
        assertSnapshot(EcotopCommand.helpMessage(for: command, columns: 80), named: Self.snapshotName(of: path))
    }

    @Test func everySnapshotBelongsToACommand() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots").path
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("help.") }
        let expected = Self.commandPaths.map { Self.snapshotName(of: $0) + ".txt" }
        #expect(Set(names).subtracting(expected).isEmpty, "help snapshots of commands that no longer exist")
    }

    private static func snapshotName(of path: [String]) -> String {
        "help." + path.joined(separator: "-")
    }

    private static func paths(under command: ParsableCommand.Type, prefix: [String]) -> [[String]] {
        let path = prefix + [command._commandName]
        return [path] + command.configuration.subcommands.flatMap { paths(under: $0, prefix: path) }
    }

    /// The command named by `path`, which starts at the root.
    private static func command(at path: [String]) -> ParsableCommand.Type? {
        guard path.first == EcotopCommand._commandName else { return nil }
        var command: ParsableCommand.Type = EcotopCommand.self
        for name in path.dropFirst() {
            guard let subcommand = command.configuration.subcommands.first(where: { $0._commandName == name }) else { return nil }
            command = subcommand
        }
        return command
    }
}
