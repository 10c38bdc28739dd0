import EcotopTestSupport
import Foundation
import Testing

/// Without a terminal that can draw it, the dashboard says so and where to turn, exits
/// non-zero, and writes no escape sequence anywhere.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .serialized)
struct TerminalRequirementEndToEndTests {
    @Test func aDumbTerminalIsAClearErrorPointingAtScreenshot() async throws {
        let session = try TmuxSession(width: 100, height: 20, environment: ["TERM": "dumb"])
        #expect(try await session.exitStatus() == 1)
        let screen = try session.capture()
        #expect(screen.contains("the terminal type 'dumb' cannot move the cursor"), "\(screen)")
        #expect(screen.contains("ecotop screenshot"), "\(screen)")
    }

    @Test func outputToAFileIsAClearErrorAndTheFileStaysClean() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-e2e-pipe-\(UUID().uuidString.prefix(8))")
        let run = try EcotopBinary.run(
            [], environment: ["TERM": "xterm-256color", "HOME": home.path, "XDG_CONFIG_HOME": home.path, "XDG_DATA_HOME": home.path])
        #expect(run.status == 1)
        #expect(run.output.isEmpty, "nothing on standard output, no escape sequence in the file")
        #expect(run.errors.contains("needs an interactive terminal") && run.errors.contains("ecotop screenshot"), "\(run.errors)")
    }
}
