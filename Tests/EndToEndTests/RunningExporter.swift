import EcotopTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// A real exporter (`prometheus-node-exporter`, `prometheus`) serving `/metrics` on a free
/// port of 127.0.0.1, started for a test and killed with everything it started by `stop()`.
struct RunningExporter {
    let process: ChildProcess
    let port: Int

    var metricsURL: String { "http://127.0.0.1:\(port)/metrics" }

    /// The `Accept` header Prometheus scrapes with (and so does Ecotop's `prometheus`
    /// collector), so that a test reads the exposition in the format the collector gets.
    static let acceptHeader = "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"

    /// Starts `arguments(port)` on a free port and waits until its `/metrics` answers.
    ///
    /// A port that was free when picked can be taken by another program before the exporter
    /// binds it; the exporter then exits, and a new port is tried, at most three times.
    static func start(_ arguments: (Int) -> [String]) async throws -> RunningExporter {
        var tried: [Int] = []
        for _ in 0..<3 {
            let port = try freeLoopbackPort()
            let running = RunningExporter(process: try ChildProcess(arguments(port)), port: port)
            var answered = false
            do {
                try await wait(for: "\(running.process.arguments[0]) to answer on \(running.metricsURL)", timeout: .seconds(120),
                               pollingEvery: .milliseconds(100)) {
                    answered = (try? await running.exposition()) != nil
                    return answered || running.process.hasEnded
                }
            } catch {
                running.stop()
                throw error
            }
            if answered { return running }
            tried.append(running.port)
            _ = running.process.waitForExit()
        }
        throw ChildProcessError("\(arguments(0)[0]) exited at once on each of the ports \(tried)")
    }

    /// Kills the exporter and whatever it started, and reaps it.
    func stop() {
        process.signal(SIGKILL)
        _ = process.waitForExit()
    }

    /// The body of one `GET /metrics`, asked for as Prometheus asks.
    func exposition() async throws -> String {
        var request = URLRequest(url: URL(string: metricsURL)!, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 30)
        request.setValue(Self.acceptHeader, forHTTPHeaderField: "Accept")
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode
        guard status == 200 else { throw ChildProcessError("GET \(metricsURL): status \(status.map(String.init) ?? "none")") }
        return String(decoding: data, as: UTF8.self)
    }
}
