import EcotopTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP server that is not Prometheus: Python's `http.server` serving a directory.
final class StaticHTTPServer {
    let url: String
    private let process: ChildProcess

    /// Starts the server and returns once it says it is serving.
    init(directory: String) throws {
        let port = try freeLoopbackPort()
        url = "http://127.0.0.1:\(port)"
        let logPath = directory + ".log"
        let log = open(logPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        defer { close(log) }
        process = try ChildProcess(
            ["python3", "-u", "-m", "http.server", "--bind", "127.0.0.1", "--directory", directory, String(port)],
            standardOutput: log, standardError: log)
        do {
            try wait(for: "python3 -m http.server to listen") {
                (try? String(contentsOfFile: logPath, encoding: .utf8))?.contains("Serving HTTP on") == true
            }
        } catch {
            stop()
            throw error
        }
    }

    func stop() {
        process.signal(SIGTERM)
        _ = process.waitForExit()
    }
}
