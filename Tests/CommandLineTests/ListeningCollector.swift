import EcotopTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// A real `ecotop collect --listen 127.0.0.1:0` running for a test: its port read from what
/// it prints, its `/metrics` fetched over HTTP. `stop()` ends it with SIGTERM; a collector
/// still running when the test ends (also when it failed) is killed by `deinit`.
final class ListeningCollector {
    let child: ChildProcess
    private let errorsPath: String
    private(set) var port = 0
    private var ended: ChildProcess.Termination?

    /// Starts `ecotop collect ARGUMENTS` and waits until it serves.
    init(_ arguments: [String], errorsPath: String) async throws {
        self.errorsPath = errorsPath
        let errors = open(errorsPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        child = try ChildProcess([try EcotopBinary.path, "collect"] + arguments, standardError: errors)
        close(errors)
        try await wait(for: "collect to say where it serves /metrics; it printed: \(printed)", pollingEvery: .milliseconds(50)) {
            guard let line = printed.split(separator: "\n").first(where: { $0.hasPrefix("ecotop: serving /metrics on http://") }),
                  let port = line.split(separator: ":").last.flatMap({ Int($0.prefix { $0.isNumber }) })
            else { return false }
            self.port = port
            return true
        }
    }

    deinit {
        if ended == nil {
            child.signal(SIGKILL)
            _ = child.waitForExit()
        }
    }

    /// What it has printed on stderr so far.
    var printed: String {
        (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
    }

    /// Sends SIGTERM and waits for the exit.
    func stop() -> ChildProcess.Termination {
        child.signal(SIGTERM)
        let termination = child.waitForExit()
        ended = termination
        return termination
    }

    /// `METHOD PATH` with optional headers: the status, the body and the response's headers.
    func fetch(
        _ path: String, method: String = "GET", accept: String? = nil
    ) async throws -> (status: Int, body: String, headers: [String: String]) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let accept { request.setValue(accept, forHTTPHeaderField: "Accept") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields { headers[String(describing: name).lowercased()] = String(describing: value) }
        return (http.statusCode, String(decoding: data, as: UTF8.self), headers)
    }

    /// `/metrics` once it holds every text of `expected`.
    func metrics(containing expected: [String], accept: String? = nil) async throws -> String {
        var body = ""
        try await wait(for: "/metrics to show \(expected); it showed:\n\(body)", pollingEvery: .milliseconds(100)) {
            body = (try? await fetch("/metrics", accept: accept).body) ?? ""
            return expected.allSatisfy(body.contains)
        }
        return body
    }
}
