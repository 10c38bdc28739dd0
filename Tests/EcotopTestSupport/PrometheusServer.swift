import EcotopCore
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A real Prometheus server (Debian's /usr/bin/prometheus) on a free loopback port, its
/// storage preloaded with known series by `promtool tsdb create-blocks-from openmetrics`.
/// `stop()` ends it and removes its directory; call it in a `defer`, so a failing test stops
/// it too.
public final class PrometheusServer {
    /// Where the binaries are expected.
    public static let binary = "/usr/bin/prometheus", promtool = "/usr/bin/promtool"
    /// Why tests over Prometheus cannot run here, or nil when they can.
    public static var missing: String? {
        for path in [binary, promtool] where !FileManager.default.isExecutableFile(atPath: path) {
            return "\(path) is missing; install Debian's prometheus package to run the tests over Prometheus"
        }
        return nil
    }

    /// `http://127.0.0.1:PORT`.
    public let url: String
    private let directory: String
    private let process: ChildProcess

    /// Writes `samples` as OpenMetrics, builds blocks from them and starts the server over
    /// those blocks; returns once the server answers `/-/ready` (its log says so).
    public convenience init(samples: [(key: SeriesKey, points: [SeriesPoint])]) throws {
        try self.init(configuration: "global:\n  scrape_interval: 1h\n") { directory in
            let input = directory + "/series.om"
            try Self.openMetrics(samples).write(toFile: input, atomically: false, encoding: .utf8)
            try Self.run([Self.promtool, "tsdb", "create-blocks-from", "openmetrics", input, directory + "/data"], log: directory + "/promtool.log")
        }
    }

    /// A server that scrapes `target` (`HOST:PORT`) every `interval` seconds, keeping the
    /// target's own labels (`honor_labels`) as docs/scale-out.md recommends.
    public convenience init(scraping target: String, every interval: Int) throws {
        try self.init(configuration: """
            global:
              scrape_interval: \(interval)s
            scrape_configs:
              - job_name: ecotop
                honor_labels: true
                static_configs: [{targets: ["\(target)"]}]

            """) { _ in }
    }

    /// Writes `configuration`, lets `prepare` fill the directory, and starts the server.
    private init(configuration: String, prepare: (String) throws -> Void) throws {
        var template = Array((NSTemporaryDirectory() + "/ecotop-prometheus-test.XXXXXX").utf8CString)
        directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        try prepare(directory)
        try configuration.write(toFile: directory + "/prometheus.yml", atomically: false, encoding: .utf8)
        let port = try freeLoopbackPort()
        url = "http://127.0.0.1:\(port)"
        let log = open(directory + "/prometheus.log", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        defer { close(log) }
        process = try ChildProcess([
            Self.binary, "--config.file=\(directory)/prometheus.yml", "--storage.tsdb.path=\(directory)/data",
            "--storage.tsdb.retention.time=100y", "--web.listen-address=127.0.0.1:\(port)",
        ], standardOutput: log, standardError: log)
        do {
            try wait(for: "Prometheus to be ready (log: \(directory)/prometheus.log)", timeout: .seconds(60), pollingEvery: .milliseconds(50)) {
                (try? String(contentsOfFile: self.directory + "/prometheus.log", encoding: .utf8))?.contains("Server is ready to receive web requests") == true
            }
        } catch {
            stop()
            throw error
        }
    }

    /// Ends the server and removes its directory.
    public func stop() {
        process.signal(SIGTERM)
        _ = process.waitForExit()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The series as an OpenMetrics exposition with timestamps in seconds, names mapped by
    /// the shared rule, ending in `# EOF` as promtool requires.
    static func openMetrics(_ samples: [(key: SeriesKey, points: [SeriesPoint])]) -> String {
        var text = ""
        var typed: Set<String> = []
        for (key, points) in samples.sorted(by: { $0.key < $1.key }) {
            let name = PrometheusName.of(key.name)
            if typed.insert(name).inserted { text += "# TYPE \(name) gauge\n" }
            let labels = key.labels.map { "\(PrometheusName.of($0.name))=\"\($0.value)\"" }.joined(separator: ",")
            for point in points {
                text += "\(name)\(labels.isEmpty ? "" : "{\(labels)}") \(point.value) \(point.timestamp)\n"
            }
        }
        return text + "# EOF\n"
    }

    /// Runs a program to its end, its output in `log`; a failure quotes the log.
    private static func run(_ arguments: [String], log path: String) throws {
        let log = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        defer { close(log) }
        let termination = try ChildProcess(arguments, standardOutput: log, standardError: log).waitForExit()
        guard termination == .exited(0) else {
            throw ChildProcessError("\(arguments.joined(separator: " ")) \(termination): \((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")")
        }
    }
}
