import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopEngine
import EcotopStore
import EcotopTestSupport
import Testing

/// The judgements of `ecotop doctor`, from plain facts: the terminal, the store, the collectors
/// and the data's freshness.
@Suite struct DoctorFindingsTests {
    let minimum = (width: 60, height: 16)

    /// A terminal as a user's usually is: xterm-256color, UTF-8, 120x40, with a mouse.
    func terminal(
        isTerminal: Bool = true, term: String? = "xterm-256color", hasTerminfo: Bool = true, colors: Int? = 256,
        colorTerm: String? = nil, noColor: Bool = false, codeset: String = "UTF-8", size: (width: Int, height: Int)? = (120, 40),
        hasMouse: Bool = true
    ) -> TerminalFacts {
        TerminalFacts(
            isTerminal: isTerminal, term: term, hasTerminfo: hasTerminfo, colors: colors, colorTerm: colorTerm, noColor: noColor,
            codeset: codeset, size: size, hasMouse: hasMouse)
    }

    func finding(_ subject: String, in findings: [DoctorFinding]) throws -> DoctorFinding {
        try #require(findings.first { $0.subject == subject }, "no \(subject) among \(findings.map(\.subject))")
    }

    @Test func aCapableTerminalIsAllOK() {
        let findings = terminal().findings(minimumSize: minimum)
        #expect(findings.map(\.subject) == ["terminal", "TERM", "colours", "UTF-8", "size", "mouse"])
        #expect(findings.allSatisfy { $0.status == .ok && $0.hint == nil }, "\(findings)")
    }

    @Test func pipedOutputIsSaidAndAMissingTermIsThenOnlyAWarning() throws {
        let piped = terminal(isTerminal: false, term: nil, hasTerminfo: false, colors: nil, size: nil, hasMouse: false)
            .findings(minimumSize: minimum)
        let connection = try finding("terminal", in: piped)
        #expect(connection.status == .warn && connection.detail.contains("not a terminal"))
        #expect(try finding("TERM", in: piped).status == .warn)
        #expect(try finding("size", in: piped).status == .warn)
        #expect(DoctorReport.worst(piped) == .warn)
        let onTerminal = terminal(term: "vt-unknown", hasTerminfo: false, colors: nil, hasMouse: false).findings(minimumSize: minimum)
        let term = try finding("TERM", in: onTerminal)
        #expect(term.status == .fail && term.detail.contains("no terminfo entry for 'vt-unknown'"))
        #expect(term.hint?.contains("TERM=xterm-256color") == true)
    }

    @Test func coloursAreTheDepthTheDashboardDrawsWith() throws {
        let noColor = try finding("colours", in: terminal(colors: 8, noColor: true).findings(minimumSize: minimum))
        #expect(noColor.status == .ok && noColor.detail.contains("NO_COLOR"))
        // COLORTERM cannot lift an 8-colour description: ncurses sends what TERM allows.
        let announced = try finding("colours", in: terminal(colors: 8, colorTerm: "truecolor").findings(minimumSize: minimum))
        #expect(announced.status == .warn && announced.detail.hasPrefix("8 colours"))
        let on256 = try finding("colours", in: terminal(colors: 256, colorTerm: "truecolor").findings(minimumSize: minimum))
        #expect(on256.status == .ok && on256.detail.hasPrefix("256 colours") && on256.hint?.contains("xterm-direct") == true)
        let direct = try finding("colours", in: terminal(term: "xterm-direct", colors: 16_777_216).findings(minimumSize: minimum))
        #expect(direct.status == .ok && direct.detail.hasPrefix("truecolor"))
        let eight = try finding("colours", in: terminal(colors: 8).findings(minimumSize: minimum))
        #expect(eight.status == .warn && eight.detail.hasPrefix("8 "))
        let none = try finding("colours", in: terminal(colors: nil).findings(minimumSize: minimum))
        #expect(none.status == .warn && none.detail.hasPrefix("none"))
    }

    @Test func anAsciiLocaleASmallWindowAndNoMouseAreWarnings() throws {
        let findings = terminal(codeset: "ANSI_X3.4-1968", size: (59, 40), hasMouse: false).findings(minimumSize: minimum)
        let utf8 = try finding("UTF-8", in: findings)
        #expect(utf8.status == .warn && utf8.hint?.contains("C.UTF-8") == true)
        #expect(try finding("size", in: findings).detail.hasPrefix("59x40, smaller than the dashboard's 60x16"))
        #expect(try finding("mouse", in: findings).status == .warn)
        #expect(try finding("UTF-8", in: terminal(codeset: "utf8").findings(minimumSize: minimum)).status == .ok)
    }

    @Test func theReportSanitizesWhatCameFromOutsideAndCounts() {
        let findings = [
            DoctorFinding(.ok, "store", "fine"),
            DoctorFinding(.fail, "collector \u{1B}]0;owned\u{07}x", "failed: \u{1B}[31mred\r", hint: "look\u{1B}[2J"),
        ]
        let text = DoctorReport.render(findings)
        #expect(!text.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" }, "\(text.debugDescription)")
        #expect(text.hasPrefix("OK   store: fine\nFAIL collector "))
        #expect(text.split(separator: "\n").count == 3, "one line each, the hint on its own")
        #expect(DoctorReport.summary(findings) == "1 ok, 0 warnings, 1 failed")
        #expect(DoctorReport.worst(findings) == .fail)
    }

    @Test func aMissingStoreWarnsAndADamagedOneFails() throws {
        let store = TemporaryStore()
        #expect(StoreFindings.findings(layout: StoreLayout(root: store.root + "/nothing")).map(\.status) == [.warn])
        let writer = try store.writer()
        try writer.append(samples: (0..<10).map { Sample(key: key("m"), timestamp: 1_799_996_400 + Double($0), value: Double($0)) })
        try writer.close()
        let healthy = StoreFindings.findings(layout: store.layout)
        #expect(healthy.map(\.subject) == ["store", "store lock", "store check"])
        #expect(healthy.allSatisfy { $0.status == .ok }, "\(healthy)")
        let raw = try store.onlySegment(in: "raw")
        try store.write(raw, try store.bytes(raw) + Array("[not a line]\n".utf8))
        let damaged = try finding("store check", in: StoreFindings.findings(layout: store.layout))
        #expect(damaged.status == .fail && damaged.detail.contains("damaged line"), "\(damaged)")
        #expect(damaged.hint?.contains("ecotop store repair") == true)
    }

    @Test func collectorsAreJudgedByTheirLastRun() {
        var ok = CollectorHealth(name: "orders", type: "exec", interval: 1)
        ok.runs = 1
        ok.recordsOK = 3
        var rejecting = ok
        rejecting.name = "partial"
        rejecting.recordsBad = 2
        rejecting.problems = ["line 2: expected a number"]
        var failing = ok
        failing.name = "crm"
        failing.lastError = "token expired"
        let pending = CollectorHealth(name: "slow", type: "daemon", interval: 1)
        let findings = CollectorFindings.findings([ok, rejecting, failing, pending])
        #expect(findings.map(\.status) == [.ok, .warn, .fail, .warn])
        #expect(findings[1].detail.contains("2 rejected") && findings[1].detail.contains("line 2: expected a number"))
        #expect(findings[2].detail.contains("token expired"))
        #expect(CollectorFindings.findings([]).map(\.status) == [.warn])
    }

    @Test func freshnessIsOneLinePerFedMetricAndOneForTheUnfed() throws {
        let now = 10_000.0
        let freshness = DataFreshness(
            newest: [
                key("usage.transactions", ["shop": "eu"]): now - 30, key("usage.transactions", ["shop": "us"]): now - 30,
                key("usage.active_users", ["app": "web"]): now - 30, key("usage.active_users", ["app": "ios"]): now - 900,
            ],
            at: now, policy: StalenessPolicy(defaultInterval: 60, missedIntervals: 5))
        let findings = FreshnessFindings.findings(freshness, catalog: .standard)
        let transactions = try finding("data usage.transactions", in: findings)
        #expect(transactions.status == .ok && transactions.detail == "newest point 30s old, within 5m")
        let users = try finding("data usage.active_users", in: findings)
        #expect(users.status == .warn && users.detail == "1 of 2 series stale, the stalest 15m old (limit 5m)")
        let unfed = try finding("data", in: findings)
        #expect(unfed.detail.hasPrefix("no series for \(MetricCatalog.standard.metrics.count - 2) catalog metrics: participation.active_partners"))
        #expect(findings.count == 3)
    }
}
