import EcotopApp
import EcotopCore
import EcotopEngine
import Testing

/// `AppModel.update`: what each command does to the model and which reads it asks for.
@Suite struct AppModelTests {
    let time = DemoLoading.time

    @Test func focusCyclesThroughTheCatalogsFamiliesBothWays() {
        var (model, _) = DemoLoading.model()
        #expect(model.dashboard.focus == .participation)
        _ = model.update(.command(.focusNext), at: time)
        #expect(model.dashboard.focus == .usage)
        _ = model.update(.command(.focusPrevious), at: time)
        _ = model.update(.command(.focusPrevious), at: time)
        #expect(model.dashboard.focus == .qualitative)
        _ = model.update(.command(.focusFamily(2)), at: time)
        #expect(model.dashboard.focus == .value)
        _ = model.update(.command(.focusFamily(9)), at: time)
        #expect(model.dashboard.focus == .value, "a pane key past the catalog's families does nothing")
    }

    @Test func selectionIsClampedAndKeptPerFamilyByMetric() {
        var (model, _) = DemoLoading.model()
        for _ in 0..<10 { _ = model.update(.command(.selectNext), at: time) }
        #expect(model.dashboard.selectedRow(in: .participation, catalog: model.catalog) == 4)
        _ = model.update(.command(.focusNext), at: time)
        #expect(model.dashboard.selectedRow(in: .usage, catalog: model.catalog) == 0)
        _ = model.update(.command(.selectPrevious), at: time)
        #expect(model.dashboard.selectedRow(in: .usage, catalog: model.catalog) == 0)
        _ = model.update(.command(.focusPrevious), at: time)
        #expect(model.selectedSummary?.id == "participation.stakeholder_diversity")
    }

    @Test func detailOpensOnEnterReadingItsMetricAndClosesOnEscape() {
        var (model, _) = DemoLoading.model()
        model.columns = 120
        let opened = model.update(.command(.openDetail), at: time)
        #expect(opened.loadKinds == [
            .dashboard(.oneHour, detectingAnomalies: true), .metric("participation.active_partners", .oneHour, buckets: 208),
        ])
        guard case .detail(let detail)? = model.topScreen else { Issue.record("no detail screen"); return }
        #expect(detail.metric == "participation.active_partners")
        #expect(model.update(.command(.openDetail), at: time).isEmpty, "Enter on the detail does nothing")
        #expect(model.update(.command(.back), at: time).loadKinds == [.dashboard(.oneHour, detectingAnomalies: true)])
        #expect(model.topScreen == nil)
        #expect(model.update(.command(.back), at: time).isEmpty)
    }

    @Test func theDetailFollowsTheSelectionThroughItsFamily() {
        var (model, loader) = DemoLoading.model([.focusFamily(1), .openDetail])
        model.run([.command(.selectNext)], at: time, loader: loader)
        guard case .detail(let detail)? = model.topScreen else { Issue.record("no detail screen"); return }
        #expect(detail.metric == "usage.active_users")
        #expect(detail.summary?.definition.id == "usage.active_users")
    }

    @Test func rangesStepAndStopAtTheEndsAskingForAReadEachTime() {
        var (model, _) = DemoLoading.model()
        #expect(model.update(.command(.longerRange), at: time).loadKinds == [.dashboard(.sixHours, detectingAnomalies: true)])
        #expect(model.range == .sixHours)
        for _ in 0..<10 { _ = model.update(.command(.longerRange), at: time) }
        #expect(model.range == .thirtyDays)
        #expect(model.update(.command(.longerRange), at: time).isEmpty)
        for _ in 0..<10 { _ = model.update(.command(.shorterRange), at: time) }
        #expect(model.range == .fifteenMinutes)
    }

    @Test func pauseFreezesTheClockAndReadsOnlyTheStatusUntilResumed() {
        var (model, _) = DemoLoading.model()
        #expect(model.update(.command(.togglePause), at: time).isEmpty)
        #expect(model.pausedAt == time)
        #expect(model.update(.tick, at: time + 30).loadKinds == [.status])
        #expect(model.now == time, "the frame's moment stays where it was paused")
        let resumed = model.update(.command(.togglePause), at: time + 60)
        #expect(!model.isPaused)
        #expect(model.now == time + 60)
        #expect(resumed.loadKinds == [.dashboard(.oneHour, detectingAnomalies: true)])
    }

    @Test func helpSwallowsKeysScrollsAndClosesButLetsQuitThrough() {
        var (model, _) = DemoLoading.model()
        _ = model.update(.command(.toggleHelp), at: time)
        #expect(model.help != nil)
        #expect(model.update(.command(.focusNext), at: time).isEmpty)
        #expect(model.dashboard.focus == .participation)
        _ = model.update(.command(.selectNext), at: time)
        _ = model.update(.command(.selectNext), at: time)
        _ = model.update(.command(.selectPrevious), at: time)
        #expect(model.help?.offset == 1)
        #expect(model.update(.command(.quit), at: time) == [.quit])
        _ = model.update(.command(.back), at: time)
        #expect(model.help == nil)
    }

    @Test func themeCyclesThroughAllAndWraps() {
        var (model, _) = DemoLoading.model()
        let names = (0..<3).map { _ in
            _ = model.update(.command(.nextTheme), at: time)
            return model.themeNames[model.themeIndex]
        }
        #expect(names == ["light", "nord", "dark"])
        #expect(model.notice == "theme dark")
    }

    @Test func errorsScreenMovesThroughIntegrationsAndKeepsTheIntegrationAcrossARangeChange() throws {
        var (model, loader) = DemoLoading.model([.showErrors])
        guard case .errors(let opened)? = model.topScreen else { Issue.record("no errors screen"); return }
        let integrations = try #require(opened.report.map { opened.top.integrations(in: $0) })
        #expect(integrations.count > 2)
        _ = model.update(.command(.selectNext), at: time)
        _ = model.update(.command(.selectNext), at: time)
        guard case .errors(let moved)? = model.topScreen else { Issue.record("no errors screen"); return }
        #expect(moved.top.list.selected == integrations[2].id)
        #expect(model.dashboard.selectedRow(in: .participation, catalog: model.catalog) == 0,
                "moving through integrations leaves the metric selection alone")
        model.run([.command(.longerRange)], at: time, loader: loader)
        guard case .errors(let longer)? = model.topScreen, let report = longer.report else { Issue.record("no report"); return }
        let rows = longer.top.integrations(in: report)
        #expect(rows[longer.top.list.selectedRow(in: rows, as: ErrorsLists.integrations)].id == integrations[2].id,
                "the selection follows the integration, not the row")
        #expect(model.update(.command(.back), at: time).loadKinds == [.dashboard(.sixHours, detectingAnomalies: true)])
        #expect(model.topScreen == nil)
    }

    @Test func collectorsScreenReadsFreshnessAndClosesWithEscape() {
        var (model, _) = DemoLoading.model()
        #expect(model.update(.command(.showCollectors), at: time).loadKinds == [
            .dashboard(.oneHour, detectingAnomalies: true), .freshness,
        ])
        #expect(model.update(.command(.showCollectors), at: time).isEmpty, "opening the screen on top does nothing")
        _ = model.update(.command(.back), at: time)
        #expect(model.topScreen == nil)
    }

    @Test func aResultForAnEarlierRangeIsDropped() {
        var (model, loader) = DemoLoading.model()
        let stale = loader.load(LoadRequest(.dashboard(.oneHour, detectingAnomalies: true), at: time - 600))
        _ = model.update(.command(.longerRange), at: time)
        let shown = model.dashboard.snapshot?.time
        _ = model.update(.loaded(stale), at: time)
        #expect(model.dashboard.snapshot?.time == shown, "a 1h snapshot must not stand in for the 6h range")
    }

    @Test func aFailedReadKeepsTheLastSnapshotAndSaysWhy() {
        var (model, _) = DemoLoading.model()
        let shown = model.dashboard.snapshot
        let failure = LoadResult(
            request: LoadRequest(.dashboard(.oneHour, detectingAnomalies: true), at: time),
            outcome: .failure(LoadFailure(LoadError.unknownMetric("x"))), status: model.session)
        _ = model.update(.loaded(failure), at: time)
        #expect(model.dashboard.snapshot?.time == shown?.time)
        #expect(model.dashboard.error?.description.contains("metric x") == true)
    }
}

/// Pause freezes the frame: its clock, and its values, even when a read was in flight.
@Suite struct PauseTests {
    @Test func aReadInFlightAtThePauseDoesNotChangeThePausedFrame() {
        let time = DemoLoading.time
        var (model, loader) = DemoLoading.model()
        let shown = model.dashboard.snapshot?.time
        let inFlight = loader.load(LoadRequest(.dashboard(.oneHour, detectingAnomalies: true), at: time + 30))
        _ = model.update(.command(.togglePause), at: time + 40)
        _ = model.update(.loaded(inFlight), at: time + 45)
        #expect(model.dashboard.snapshot?.time == shown, "the paused frame keeps its values")
        #expect(model.pausedAt == time + 40 && model.now == time + 40)
        model.run([.command(.longerRange)], at: time + 50, loader: loader)
        #expect(model.dashboard.snapshot?.range == .sixHours, "a range chosen while paused is read")
        #expect(model.now == time + 40)
    }
}
