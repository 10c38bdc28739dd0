import EcotopApp
import EcotopConfig
import EcotopCore
import EcotopStore
import EcotopTestSupport
import EcotopUI
import Testing

/// The alerts screen (`a`) of a dashboard that reads a store whose alerts another process
/// records: open alerts first, then resolved ones, and the header's count.
@Suite struct AlertsViewTests {
    let time = DemoDashboard.time

    private func condition(_ kind: AlertKind, _ subject: String, _ severity: AlertSeverity, _ value: Double, _ summary: String) -> AlertCondition {
        AlertCondition(kind: kind, subject: subject, severity: severity, value: value, higherIsWorse: true, summary: summary)
    }

    /// A store whose alerts file holds a resolved alert, an acknowledged one, a silenced one
    /// and one nobody has looked at, recorded as `collect` records them.
    private func store() throws -> TemporaryStore {
        let store = TemporaryStore()
        let writer = try store.writer(now: time)
        let monitor = try AlertMonitor(writer: writer, settings: AlertSettings())
        let stale = condition(.freshness, "crm.customers", .warning, 900, "crm.customers stale: no data for 900s (limit 300s)")
        _ = try monitor.evaluate([stale], at: time - 7_200)
        _ = try monitor.evaluate([], at: time - 6_000)
        let errors = condition(.metric, "usage.integration_error_rate", .critical, 7.5, "Error rates in integrations: 7.5 > 5")
        let stripe = condition(.integration, "storefront->stripe", .critical, 12, "integration storefront->stripe failure rate 12% > 5%")
        let hostile = condition(.divergence, "customers \u{1B}[2J", .warning, 4.5, "customers \u{1B}]52;c;ZXZpbA==\u{07} diverges by 4.5%")
        _ = try monitor.evaluate([errors, stripe, hostile], at: time - 1_800)
        _ = try monitor.evaluate([errors, stripe, hostile], at: time - 60)
        _ = try monitor.acknowledge(2, at: time - 1_700)
        _ = try monitor.silence(4, for: 3_600, at: time - 1_600)
        try writer.close()
        return store
    }

    private func model(_ store: TemporaryStore, keys: String) throws -> AppModel {
        let loader = DataLoader.store(try store.reader())
        var model = AppModel(session: loader.status, now: time, themeNames: try ThemeCatalog.builtIn().themes.map(\.name))
        model.columns = 120
        model.start(typing: KeySequence.parse(keys), keyMap: .standard, at: time, loader: loader)
        return model
    }

    @Test func openAlertsFirstThenResolvedOnesAt120x30() throws {
        let store = try store()
        let model = try model(store, keys: "a")
        let frame = try DemoDashboard.render(model, size: Size(width: 120, height: 30))
        assertSnapshot(frame.text, named: "alerts-120x30")
        #expect(frame.lines[0].contains("1 open alert (a)"), "only the alert nobody acknowledged or silenced: \(frame.lines[0])")
        let rows = frame.lines.filter { $0.contains("OPEN") || $0.contains("ACKED") || $0.contains("SILENCED") || $0.contains("RESOLVED") }
        #expect(rows.count == 4)
        #expect(rows.last?.contains("RESOLVED") == true, "resolved alerts come after the open ones")
        #expect(rows.first?.contains("CRIT") == true, "the most severe first")
        #expect(frame.text.contains("read-only: recorded by the process running the collectors"))
        #expect(!frame.text.contains("\u{1B}") && !frame.text.contains("\u{07}"), "subjects and summaries are sanitized")
    }

    @Test func theFilterTheSortAndTheContextOfAnAlert() throws {
        let store = try store()
        let filtered = try model(store, keys: "a/stripe\n")
        guard case .alerts(let alerts)? = filtered.topScreen else { throw ScreenMissing() }
        #expect(alerts.visibleAlerts.map(\.subject) == ["storefront->stripe"])

        let sorted = try model(store, keys: "ass")
        guard case .alerts(let bySeverity)? = sorted.topScreen else { throw ScreenMissing() }
        #expect(bySeverity.visibleAlerts.map(\.severity) == [.critical, .critical, .warning, .warning])

        let context = try model(store, keys: "a\n")
        guard case .detail(let detail)? = context.topScreen else { throw ScreenMissing() }
        #expect(detail.metric == "usage.integration_error_rate", "Enter on a metric alert opens the metric's detail")
        #expect(context.screens.count == 2, "over the alerts screen, which Esc comes back to")

        let integration = try model(store, keys: "aj\n")
        guard case .errors(let errors)? = integration.topScreen else { throw ScreenMissing() }
        #expect(errors.top.kind == .integration("storefront->stripe"))

        let readOnly = try model(store, keys: "ajA")
        #expect(readOnly.notice == "alerts are recorded by the process that runs the collectors; change them there")
    }

    @Test func aClickSelectsTheAlertUnderTheMouseAndADoubleClickOpensItsContext() throws {
        let store = try store()
        let size = Size(width: 120, height: 30)
        var model = try model(store, keys: "a")
        guard case .alerts(let before)? = model.topScreen else { throw ScreenMissing() }
        #expect(before.selectedAlert?.subject != "storefront->stripe")
        let row = try #require(MouseInputTests.find("integration storefront->stripe", in: try DemoDashboard.render(model, size: size)))
        var mouse = MouseInput()
        _ = try MouseInputTests.apply(MouseInputTests.click(row), to: &model, size: size, mouse: &mouse, at: 0)
        guard case .alerts(let after)? = model.topScreen else { throw ScreenMissing() }
        #expect(after.selectedAlert?.subject == "storefront->stripe")

        _ = try MouseInputTests.apply(MouseInputTests.click(row), to: &model, size: size, mouse: &mouse, at: 0.1)
        guard case .errors(let errors)? = model.topScreen else { throw ScreenMissing() }
        #expect(errors.top.kind == .integration("storefront->stripe"), "the double-click opened the clicked alert's context")
    }

    struct ScreenMissing: Error {}
}
