import EcotopTestSupport
import Foundation
import Testing

/// `ecotop collect --listen`: the real binary collecting from an exec plugin and serving
/// `/metrics`, fetched over HTTP and read by Prometheus's own tools.
@Suite struct CollectListenTests {
    let store = TemporaryStore()
    var directory: String { store.root + "-listen" }
    static let promtool = "/usr/bin/promtool"
    static let python = "/usr/bin/python3"
    static let openMetricsAccept =
        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"
    /// What the plugin's two series and the failing collector look like once collected.
    static let collected = [
        "usage_transactions{shop=\"eu\"} 412 ", #"shop_refunds{note="say \"hi\" \\ bye\nnow"} -2.5 "#,
        "ecotop_collector_up{collector=\"broken\"} 0\n",
    ]

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// A configuration with an exec plugin printing a catalog metric and one the catalog does
    /// not know (with a label value to escape), and a collector that always fails.
    func configuration() throws -> String {
        let script = directory + "/plugin.sh"
        try #"""
            #!/bin/sh
            now=$(date +%s)
            printf '{"ts":%s,"name":"usage.transactions","labels":{"shop":"eu"},"value":412}\n' "$now"
            printf '{"ts":%s,"name":"shop.refunds","labels":{"note":"say \\"hi\\" \\\\ bye\\nnow"},"value":-2.5}\n' "$now"
            """#.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let path = directory + "/collect.yaml"
        try """
            ecosystem: {components: [{id: shop}]}
            collectors:
              - {name: plugin, type: exec, interval: 1s, argv: [\(script)]}
              - {name: broken, type: exec, interval: 1s, argv: [/bin/false]}
            store: {path: \(store.root)}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func start(_ extra: [String] = ["--listen", "127.0.0.1:0"]) async throws -> ListeningCollector {
        try await ListeningCollector(["--config", try configuration()] + extra, errorsPath: directory + "/stderr")
    }

    @Test func servesTheLatestValuesAndHealthWithHelpTypeAndTimestampsThenStopsOnSIGTERM() async throws {
        let collector = try await start()
        let text = try await collector.metrics(containing: Self.collected + ["ecotop_collector_up{collector=\"plugin\"} 1\n"])
        #expect(text.contains("# HELP usage_transactions Transaction volume through ecosystem channels (per_minute"))
        #expect(text.contains("# TYPE usage_transactions gauge\n"))
        #expect(text.contains("# HELP shop_refunds Collected by Ecotop as shop.refunds; not in its metric catalog.\n"))
        #expect(text.contains("# TYPE shop_refunds untyped\n"))
        #expect(text.contains("# TYPE ecotop_collector_records_total counter\n"))
        #expect(text.contains("# TYPE ecotop_collector_errors_total counter\n"))
        #expect(text.contains("ecotop_collector_last_success_timestamp_seconds{collector=\"plugin\"} "))
        #expect(!text.contains("ecotop_collector_last_success_timestamp_seconds{collector=\"broken\"}"))
        #expect(text.contains("ecotop_exposition_dropped_series{reason=\"name_clash\"} 0\n"))
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("usage_transactions{") })
        let milliseconds = try #require(line.split(separator: " ").last.flatMap { Double($0) })
        #expect(abs(milliseconds / 1000 - Date().timeIntervalSince1970) < 120, "the sample carries its collection time: \(line)")
        let size = try #require(text.split(separator: "\n").first { $0.hasPrefix("ecotop_store_size_bytes ") }?.split(separator: " ").last)
        #expect((Int(size) ?? 0) > 0)

        let plain = try await collector.fetch("/metrics")
        #expect(plain.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        let head = try await collector.fetch("/metrics", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(try await collector.fetch("/").body.contains("<a href=\"/metrics\">"))
        #expect(try await collector.fetch("/-/healthy").status == 200)
        #expect(try await collector.fetch("/metrics/x").status == 404)
        #expect(try await collector.fetch("/metrics", method: "POST").status == 404)

        #expect(collector.stop() == .exited(0))
        await #expect(throws: (any Error).self) { try await collector.fetch("/metrics") }
    }

    @Test func servesOpenMetricsWhenAcceptAsksForIt() async throws {
        let collector = try await start()
        let text = try await collector.metrics(containing: Self.collected, accept: Self.openMetricsAccept)
        #expect(text.hasSuffix("\n# EOF\n"))
        #expect(text.contains("# TYPE shop_refunds unknown\n"))
        #expect(text.contains("# TYPE ecotop_collector_records counter\necotop_collector_records_total{collector="))
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("usage_transactions{") })
        let seconds = try #require(line.split(separator: " ").last.flatMap { Double($0) })
        #expect(abs(seconds - Date().timeIntervalSince1970) < 120, "OpenMetrics timestamps are seconds: \(line)")
        let response = try await collector.fetch("/metrics", accept: Self.openMetricsAccept)
        #expect(response.headers["content-type"] == "application/openmetrics-text; version=1.0.0; charset=utf-8")
        #expect(collector.stop() == .exited(0))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: promtool), "promtool is not installed (apt-get install -y prometheus)"))
    func promtoolChecksTheTextFormatWithoutProblems() async throws {
        let collector = try await start()
        let text = try await collector.metrics(containing: Self.collected)
        let check = try Self.run([Self.promtool, "check", "metrics"], input: text)
        #expect(check.status == 0, "promtool check metrics: \(check.output)\n\(text)")
    }

    /// promtool 2.42 reads only the text format (it refuses OpenMetrics' `unknown` type and
    /// fractional timestamps, both required by OpenMetrics), so OpenMetrics goes through the
    /// reference parser of the OpenMetrics authors, the Python client's (Debian's
    /// python3-prometheus-client), which checks names, clashes, counter values and `# EOF`.
    @Test(.enabled(if: hasOpenMetricsParser(), "python3-prometheus-client is not installed (apt-get install -y python3-prometheus-client)"))
    func theOpenMetricsReferenceParserReadsTheOpenMetricsOutput() async throws {
        let collector = try await start()
        let text = try await collector.metrics(containing: Self.collected, accept: Self.openMetricsAccept)
        let script = """
            import sys
            from prometheus_client.openmetrics.parser import text_string_to_metric_families
            for family in text_string_to_metric_families(sys.stdin.read()):
                for sample in family.samples:
                    print(family.type, sample.name, sorted(sample.labels.items()), sample.value)
            """
        let parsed = try Self.run([Self.python, "-c", script], input: text)
        #expect(parsed.status == 0, "\(parsed.output)\n\(text)")
        #expect(parsed.output.contains(#"unknown shop_refunds [('note', 'say "hi" \\ bye\nnow')] -2.5"#))
        #expect(parsed.output.contains("counter ecotop_collector_errors_total [('collector', 'broken')] "))
        #expect(parsed.output.contains("gauge usage_transactions [('shop', 'eu')] 412"))
    }

    @Test func refusesANonLoopbackAddressWithoutListenPublic() throws {
        let run = try EcotopBinary.run(["collect", "--config", try configuration(), "--listen", "0.0.0.0:9464", "--once"])
        #expect(run.status == 64)
        #expect(run.errors.contains(
            "--listen '0.0.0.0:9464' is reachable from other machines and /metrics has no authentication; "
                + "use a loopback address such as 127.0.0.1:9464, or add --listen-public to serve there anyway"))
        #expect(!FileManager.default.fileExists(atPath: store.root + "/manifest.json"), "nothing started")
    }

    @Test func servesOnAPublicAddressWithListenPublicAndWarns() async throws {
        let collector = try await start(["--listen", "0.0.0.0:0", "--listen-public"])
        #expect(collector.printed.contains("ecotop: warning: /metrics on 0.0.0.0:"))
        _ = try await collector.metrics(containing: Self.collected)
        #expect(collector.stop() == .exited(0))
    }

    @Test func aPortInUseOrABadAddressIsAClearError() async throws {
        let first = try await start()
        let other = directory + "/other-store"
        let taken = try EcotopBinary.run(
            ["collect", "--config", try configuration(), "--store", other, "--listen", "127.0.0.1:\(first.port)", "--once"])
        #expect(taken.status == 1)
        #expect(taken.errors.contains("ecotop: cannot serve /metrics on 127.0.0.1:\(first.port): the address is already in use\n"))
        #expect(first.stop() == .exited(0))

        let bad = try EcotopBinary.run(["collect", "--config", try configuration(), "--listen", "localhost", "--once"])
        #expect(bad.status == 64)
        #expect(bad.errors.contains("--listen 'localhost': expected ADDRESS:PORT, such as 127.0.0.1:9464"))
    }

    @Test func onceServesWhileItCollectsAndReturns() throws {
        let run = try EcotopBinary.run(["collect", "--config", try configuration(), "--listen", "127.0.0.1:0", "--once"], timeout: .seconds(60))
        #expect(run.status == 1, "the broken collector failed")
        #expect(run.errors.contains("ecotop: serving /metrics on http://127.0.0.1:"))
        #expect(run.output.contains("plugin"))
    }

    static func hasOpenMetricsParser() -> Bool {
        (try? run([python, "-c", "import prometheus_client.openmetrics.parser"], input: ""))?.status == 0
    }

    /// Runs a tool with `input` on stdin; its status and what it printed on stdout and stderr.
    static func run(_ arguments: [String], input: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}

/// `dash --listen` serves what configured collectors write; the demo writes nothing to serve.
@Suite struct DashListenTests {
    @Test func dashRefusesListenWithoutAConfiguration() throws {
        let run = try EcotopBinary.run(["dash", "--demo", "--listen", "127.0.0.1:0"])
        #expect(run.status == 64)
        #expect(run.errors.contains("--listen serves what configured collectors write; give a configuration (--config FILE) rather than the demo"))
    }
}
