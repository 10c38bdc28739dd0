import EcotopApp
import EcotopCore
import Testing

/// `/` on the dashboard filters every pane's metrics; the selection and Enter follow what is
/// shown, and Esc clears the filter before anything else.
@Suite struct DashboardFilterTests {
    let time = DemoLoading.time

    func type(_ text: String, into model: inout AppModel) {
        for character in text { _ = model.update(.edit(.insert(character)), at: time) }
    }

    @Test func theFilterKeepsMatchingMetricsInEveryPane() throws {
        var (model, loader) = DemoLoading.model([.focusFamily(1)])
        model.run([.command(.startFilter)], at: time, loader: loader)
        type("volume|revenue", into: &model)
        _ = model.update(.edit(.submit), at: time)
        let usage = model.dashboard.visibleMetrics(in: .usage, catalog: model.catalog).map(\.id)
        let value = model.dashboard.visibleMetrics(in: .value, catalog: model.catalog).map(\.id)
        #expect(usage == ["usage.transactions"], "Transaction volume matches by its title")
        #expect(value == ["value.ecosystem_revenue", "value.new_revenue_streams"])
        #expect(model.dashboard.visibleMetrics(in: .participation, catalog: model.catalog).isEmpty)
        _ = model.update(.command(.selectNext), at: time)
        #expect(model.dashboard.selectedMetric(in: .usage, catalog: model.catalog)?.id == "usage.transactions", "nothing hidden is selected")
        model.run([.command(.back)], at: time, loader: loader)
        #expect(model.dashboard.list.filter.isEmpty)
        #expect(model.dashboard.visibleMetrics(in: .participation, catalog: model.catalog).count == 5)
    }

    @Test func theFilterMatchesStatusesAndInverts() throws {
        var (model, loader) = DemoLoading.model()
        model.run([.command(.startFilter)], at: time, loader: loader)
        type("!OK", into: &model)
        let statuses = model.dashboard.snapshot?.summaries.filter { $0.status.label != "OK" }.map(\.definition.id) ?? []
        let shown = model.catalog.families.flatMap { model.dashboard.visibleMetrics(in: $0, catalog: model.catalog).map(\.id) }
        #expect(Set(shown) == Set(statuses), "every metric not OK, and only those")
        _ = model.update(.edit(.cancel), at: time)
        #expect(model.dashboard.list.filter.isEmpty && !model.isEditingText)
    }

    @Test func theCollectorsScreenFiltersItsSources() throws {
        var (model, loader) = DemoLoading.model([.showCollectors])
        model.run([.command(.startFilter)], at: time, loader: loader)
        type("^usage\\.transactions", into: &model)
        guard case .collectors(let collectors)? = model.topScreen else { Issue.record("no collectors screen"); return }
        let shown = try #require(collectors.visibleFreshness).entries.map(\.key.name)
        #expect(shown.count == 5, "the total and its four parts")
        #expect(Set(shown) == ["usage.transactions"])
        #expect(try #require(collectors.freshness).entries.count > shown.count)
    }
}
