import EcotopTestSupport
import Foundation
import Testing

/// Without a terminal that can draw it, the dashboard says so and where to turn, exits
/// non-zero, and writes no escape sequence anywhere.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .serialized)
struct TerminalRequirementEndToEndTests {
    @Test func aDumbTerminalIsAClearErrorPointingAtScreenshot() throws {
        let session = try TmuxSession(width: 100, height: 20, environment: ["TERM": "dumb"])
        #expect(try session.exitStatus() == 1)
        let screen = try session.capture()
        #expect(screen.contains("the terminal type 'dumb' cannot move the cursor"), "\(screen)")
        #expect(screen.contains("ecotop screenshot"), "\(screen)")
    }

    @Test func outputToAFileIsAClearErrorAndTheFileStaysClean() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltExecutable.path(of: "ecotop"))
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-e2e-pipe-\(UUID().uuidString.prefix(8))")
        process.environment = ["TERM": "xterm-256color", "HOME": home.path, "XDG_CONFIG_HOME": home.path, "XDG_DATA_HOME": home.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let written = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(written.isEmpty, "nothing on standard output, no escape sequence in the file")
        #expect(message.contains("needs an interactive terminal") && message.contains("ecotop screenshot"), "\(message)")
    }
}
