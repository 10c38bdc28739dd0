import EcotopTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A real terminal for end-to-end tests: the `ecotop` binary running in a detached tmux
/// session on its own server socket, typed at with send-keys and read with capture-pane.
final class TmuxSession {
    let socket: String
    let directory: URL

    /// Whether tmux is installed; the end-to-end tests need it.
    static var isAvailable: Bool {
        (try? run(["tmux", "-V"]).status) == 0
    }

    /// Starts `ecotop ARGUMENTS` in a `width`×`height` terminal with extra environment.
    /// The exit status lands in a file and the pane stays open so the final screen can be read.
    init(arguments: [String] = [], width: Int, height: Int, environment: [String: String] = [:]) throws {
        socket = "ecotop-e2e-\(UUID().uuidString.prefix(8))"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // A clean environment: whatever the test runner exports (NO_COLOR, say) stays out.
        let base = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TERM": "tmux-256color",
            "LANG": "C.UTF-8", "HOME": directory.path, "XDG_CONFIG_HOME": directory.path,
            "XDG_DATA_HOME": directory.path,
        ]
        let variables = base.merging(environment) { $1 }
            .map { "\($0.key)=\($0.value)" }
            .sorted()
        let command = ["env", "-i"] + variables + [try BuiltExecutable.path(of: "ecotop")] + arguments
        let launcher = directory.appendingPathComponent("run.sh")
        try """
            #!/bin/sh
            sh -c 'echo $$ > pid; exec "$@"' sh \(command.map(Self.quote).joined(separator: " "))
            echo $? > status
            sleep 600
            """.write(to: launcher, atomically: true, encoding: .utf8)
        try tmux(["new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", "-c", directory.path, "sh \(launcher.path)"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// The screen as text, one line per row.
    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"]).output
    }

    /// Resizes the terminal, as a user dragging the window would.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The screen with its colours and attributes as escape sequences (`capture-pane -e`).
    func captureWithEscapes() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", "main"]).output
    }

    /// Appends from now on every byte the program writes to the terminal to `file`
    /// (`pipe-pane -o`), escape sequences included.
    func pipeOutput(to file: URL) throws {
        try tmux(["pipe-pane", "-o", "-t", "main", "cat >> " + Self.quote(file.path)])
    }

    /// The terminal's title, as the program in it set it (OSC 0 or 2) or tmux's default.
    func paneTitle() throws -> String {
        try tmux(["display-message", "-p", "-t", "main", "#{pane_title}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Types keys with tmux's names (`Tab`, `Enter`, `Escape`, `C-c`) or literal characters.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "main"] + keys)
    }

    /// Types `text` as it is, escape sequences included (`send-keys -l`): how a terminal's
    /// mouse reports reach the program.
    func sendLiteral(_ text: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", text])
    }

    /// Waits until the screen satisfies `condition` and returns it; fails, naming `what` and
    /// showing the last screen, after `timeout`.
    @discardableResult
    func waitForScreen(
        _ what: String, timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation,
        until condition: (String) -> Bool
    ) async throws -> String {
        var screen = ""
        try await wait(for: "\(what); the screen was:\n\(screen)", timeout: timeout, pollingEvery: .milliseconds(100), sourceLocation: sourceLocation) {
            screen = try capture()
            return condition(screen)
        }
        return screen
    }

    /// Waits until the screen shows every one of `texts` and returns it.
    @discardableResult
    func waitForScreen(
        showing texts: String..., timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let what = "a screen showing " + texts.map { "\"\($0)\"" }.joined(separator: " and ")
        return try await waitForScreen(what, timeout: timeout, sourceLocation: sourceLocation) { screen in texts.allSatisfy(screen.contains) }
    }

    /// The process id of the running dashboard.
    func pid() async throws -> Int32 {
        let text = try await writtenLine(at: directory.appendingPathComponent("pid").path)
        return try #require(Int32(text))
    }

    /// Waits for the dashboard to exit and returns its exit status.
    func exitStatus(timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int32 {
        let text = try await writtenLine(at: directory.appendingPathComponent("status").path, timeout: timeout, sourceLocation: sourceLocation)
        return try #require(Int32(text))
    }

    /// Whether the pane is showing the alternate screen (the dashboard) rather than the
    /// normal one (the restored terminal).
    func isAlternateScreenOn() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "main", "#{alternate_on}"]).output.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Whether the program asked the terminal to report the mouse (any of the modes 1000-1003).
    func isMouseReportingOn() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "main", "#{mouse_any_flag}"]).output.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try Self.run(["tmux", "-L", socket] + arguments)
        guard result.status == 0 else { throw TmuxError.failed(arguments, result.output) }
        return result
    }

    /// Runs a command and returns its status and output. The output goes through a file, not
    /// a pipe: a tmux server started by the command keeps its inherited descriptors open for
    /// its whole life, and reading a pipe to its end would wait for the server to exit.
    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-e2e-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let output = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw TmuxError.failed(arguments, "cannot create \(outputPath)") }
        defer { close(output) }
        let status = try ChildProcess(arguments, standardOutput: output, standardError: output).waitForExit().shellStatus
        return (status, (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case failed([String], String)

    var description: String {
        switch self {
        case let .failed(arguments, output): "tmux \(arguments.joined(separator: " ")) failed: \(output)"
        }
    }
}
