import EcotopApp
import EcotopCore
import EcotopEngine
import EcotopTestSupport
import Testing

/// `ecotop errors` and `ecotop events` print the drill-down's figures for scripts, with
/// outside text escaped, against events built by hand.
@Suite struct ErrorsOutputTests {
    let end = 1_800_000_000.0
    let ecosystem = Ecosystem(
        name: "Hand-built", components: [],
        integrations: [Integration(from: "shop", to: "stripe", transport: .api, isCritical: true)], partners: [])

    var events: [IntegrationEvent] {
        [
            IntegrationEvent(timestamp: end - 120, kind: .error, integration: "shop->stripe", code: "429",
                             message: "slow down\u{1B}[2J, \"now\"", latencyMilliseconds: 80, attributes: ["endpoint": "/v1"]),
            IntegrationEvent(timestamp: end - 60, kind: .delivery, integration: "shop->stripe", code: "200", message: "ok"),
        ]
    }

    func report() throws -> IntegrationErrorsReport {
        try IntegrationErrorsReport(ecosystem: ecosystem, events: RecordedEvents(events: events), end: end, range: .oneHour)
    }

    @Test func csvOfTheIntegrationsHasTheEnginesFigures() throws {
        let csv = ErrorsOutput(report: try report(), format: .csv).integrations()
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "integration,state,critical,calls,failures,failure_rate,p95_ms,last_error,retryable,permanent")
        #expect(lines.dropFirst().first == "shop->stripe,healthy,yes,2,1,,80,2027-01-15T07:58:00Z,1,0")
    }

    @Test func aGroupIsFoundByItsPrintedFingerprintAndItsTextIsEscaped() throws {
        let report = try report()
        let group = try #require(report.fingerprints.first)
        let text = try #require(ErrorsOutput(report: report, format: .text).group(ErrorsOutput.fingerprint(group)))
        #expect(!text.contains("\u{1B}"), "no raw escape reaches the terminal")
        #expect(text.contains("\\x1b[2J"))
        #expect(ErrorsOutput(report: report, format: .text).group("000000000000") == nil)
    }

    @Test func eventsAsJSONLinesAndCSV() {
        let jsonl = EventsOutput(format: .jsonl).render(events)
        #expect(jsonl.split(separator: "\n").first
            == #"{"ts":1799999880,"kind":"error","integration":"shop->stripe","code":"429","message":"slow down\u001b[2J, \"now\"","latency_ms":80,"attributes":{"endpoint":"/v1"}}"#)
        let csv = EventsOutput(format: .csv).render(events).split(separator: "\n")
        #expect(csv[1] == #"2027-01-15T07:58:00Z,error,shop->stripe,429,80,"slow down\x1b[2J, ""now""","{""endpoint"":""/v1""}""#)
    }
}
