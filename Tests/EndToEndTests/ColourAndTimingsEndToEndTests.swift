import EcotopTestSupport
import Foundation
import Testing

/// The real binary in tmux with and without colour: focus marked by glyphs under `NO_COLOR`
/// and on a colourless terminal, 256 colours on xterm-256color, synchronized output for a
/// known emulator, and the F12 timings overlay.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .serialized)
struct ColourAndTimingsEndToEndTests {
    /// Whether the captured screen has colour escapes (SGR 30-37, 38, 40-47, 48, 90-107).
    private func hasColour(_ escaped: String) -> Bool {
        escaped.range(of: #"\x1B\[[0-9;]*\b(3[0-8]|4[0-8]|9[0-7]|10[0-7])\b[0-9;]*m"#, options: .regularExpression) != nil
    }

    @Test func noColorMarksTheFocusedPaneAndFollowsTab() async throws {
        let session = try TmuxSession(width: 120, height: 40, environment: ["NO_COLOR": "1", "TERM": "xterm-256color"])
        let first = try await session.waitForScreen(showing: "▶ 1 Participation", "4 Qualitative")
        #expect(first.contains("╔═▶ 1 Participation"), "\(first)")
        #expect(!hasColour(try session.captureWithEscapes()), "NO_COLOR must send no colour")
        try session.send("Tab")
        let second = try await session.waitForScreen(showing: "▶ 2 Usage")
        #expect(!second.contains("▶ 1 Participation"))
        try session.send("e")
        try await session.waitForScreen(showing: "╔═▶ Errors")
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func aTerminalWithoutColoursMarksFocusToo() async throws {
        let session = try TmuxSession(width: 120, height: 40, environment: ["TERM": "vt100"])
        try await session.waitForScreen(showing: "▶ 1 Participation", "4 Qualitative")
        #expect(!hasColour(try session.captureWithEscapes()))
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func xterm256ColorDrawsWith256Colours() async throws {
        let session = try TmuxSession(width: 120, height: 40, environment: ["TERM": "xterm-256color"])
        let screen = try await session.waitForScreen(showing: "1 Participation", "4 Qualitative")
        #expect(!screen.contains("▶ 1 Participation"), "colour shows the focus")
        let escaped = try session.captureWithEscapes()
        #expect(escaped.contains("38;5;"), "256-colour foregrounds expected:\n\(escaped.prefix(800))")
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    /// A direct-colour description shaped like ncurses-term's `xterm-direct` (which this
    /// machine lacks): 2^24 colours, 0-7 the ANSI ones, the rest 0xRRGGBB.
    private static let directColourSource = #"""
        xterm-direct|xterm with direct-colour indexing,
            RGB, colors#0x1000000, pairs#0x10000, CO#8,
            setab=\E[%?%p1%{8}%<%t4%p1%d%e48\:2\:\:%p1%{65536}%/%d\:%p1%{256}%/%{255}%&%d\:%p1%{255}%&%d%;m,
            setaf=\E[%?%p1%{8}%<%t3%p1%d%e38\:2\:\:%p1%{65536}%/%d\:%p1%{256}%/%{255}%&%d\:%p1%{255}%&%d%;m,
            setb@, setf@, initc@, ccc@, oc@, use=xterm-256color,
        """#

    @Test func aDirectColourDescriptionDrawsTheThemesOwnColours() async throws {
        let terminfo = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-terminfo-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: terminfo, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: terminfo) }
        let source = terminfo.appendingPathComponent("direct.src")
        try Self.directColourSource.write(to: source, atomically: true, encoding: .utf8)
        try #require(try ChildProcess(["tic", "-x", "-o", terminfo.path, source.path]).waitForExit().shellStatus == 0)
        let session = try TmuxSession(width: 120, height: 40, environment: ["TERM": "xterm-direct", "TERMINFO": terminfo.path])
        try await session.waitForScreen(showing: "1 Participation", "4 Qualitative")
        let escaped = try session.captureWithEscapes()
        // The dark theme's focus colour, #58a6ff, as it is.
        #expect(escaped.contains("38;2;88;166;255"), "24-bit colours expected:\n\(escaped.prefix(800))")
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func framesAreWrappedInSynchronizedOutputForAKnownEmulator() async throws {
        let session = try TmuxSession(width: 120, height: 40, environment: ["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"])
        let log = session.directory.appendingPathComponent("output.log")
        try session.pipeOutput(to: log)
        try await session.waitForScreen(showing: "1 Participation")
        try session.send("t")
        try await session.waitForScreen(showing: "theme light")
        try await wait(for: "a synchronized frame in the raw output", timeout: .seconds(10)) {
            let bytes = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            return bytes.contains("\u{1B}[?2026h") && bytes.contains("\u{1B}[?2026l")
        }
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func f12ShowsAndHidesTheTimingsOverlay() async throws {
        let session = try TmuxSession(width: 120, height: 40, environment: ["TERM": "xterm-256color"])
        try await session.waitForScreen(showing: "4 Qualitative")
        try session.send("F12")
        let overlay = try await session.waitForScreen(showing: "Timings", "render", "flush", "RSS ")
        #expect(overlay.contains("MiB"), "\(overlay)")
        try session.send("F12")
        try await session.waitForScreen("the overlay to close") { !$0.contains("Timings") }
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func debugStartsWithTheOverlay() async throws {
        let session = try TmuxSession(arguments: ["--debug"], width: 120, height: 40, environment: ["TERM": "xterm-256color"])
        try await session.waitForScreen(showing: "Timings", "load", "apply")
        try session.send("q")
        #expect(try await session.exitStatus() == 0)
    }
}
