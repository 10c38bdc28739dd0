import EcotopApp
import EcotopCore
import EcotopEngine
import EcotopTestSupport
import Testing

/// The map screen as a user walks it: arrows between components, Enter into a component's
/// integrations, Enter again into the errors drill-down at that integration, Esc back.
@Suite struct MapModelTests {
    func map(_ model: AppModel) throws -> MapModel {
        guard case .map(let map)? = model.topScreen else { throw MapFailure.noMapScreen }
        return map
    }

    enum MapFailure: Error { case noMapScreen }

    @Test func mOpensTheMapWithTheDemoEcosystemAndTheFirstHubSelected() throws {
        let (model, _) = DemoLoading.model([.showMap])
        let map = try self.map(model)
        let loaded = try #require(map.map)
        #expect(loaded.ecosystem.components.count == Ecosystem.demo.components.count)
        #expect(map.selectedComponent?.id == "storefront")
        #expect(loaded.layout.routes.count == Ecosystem.demo.integrations.count)
        #expect(loaded.report.integrations.map(\.id).sorted() == Ecosystem.demo.integrations.map(\.id).sorted())
    }

    @Test func arrowsMoveTheSelectionToTheNearestComponentThatWay() throws {
        let (start, loader) = DemoLoading.model([.showMap])
        let layout = try #require(try map(start).map?.layout)
        var model = start
        for (command, direction) in [(Command.focusNext, MapDirection.right), (.selectNext, .down), (.focusPrevious, .left), (.selectPrevious, .up)] {
            let before = try #require(try map(model).selectedComponent?.id)
            model.run([.command(command)], at: DemoLoading.time, loader: loader)
            #expect(try map(model).selectedComponent?.id == layout.neighbour(of: before, toward: direction) ?? before)
        }
    }

    @Test func enterOnAnIntegrationOpensTheErrorsDrillDownAtItsLevelAndEscComesBack() throws {
        var (model, loader) = DemoLoading.model([.showMap, .openDetail, .selectNext])
        let map = try self.map(model)
        #expect(map.isListFocused)
        let chosen = try #require(map.selectedIntegration)
        #expect(chosen.id == map.integrations[1].id, "Down moved along the integrations, not the map")
        #expect(map.selectedComponent?.id == "storefront")

        model.run([.command(.openDetail)], at: DemoLoading.time, loader: loader)
        guard case .errors(let errors)? = model.topScreen else { Issue.record("no errors screen"); return }
        #expect(errors.levels.map(\.kind) == [.integrations, .integration(chosen.id)])
        #expect(errors.report != nil, "the drill-down read its report")

        model.run([.command(.back), .command(.back)], at: DemoLoading.time, loader: loader)
        #expect(try self.map(model).isListFocused, "Esc from level 1 returns to the map's integrations")
        model.run([.command(.back)], at: DemoLoading.time, loader: loader)
        #expect(try !self.map(model).isListFocused)
        model.run([.command(.back)], at: DemoLoading.time, loader: loader)
        #expect(model.topScreen == nil)
    }

    @Test func filterAndSortApplyToTheSelectedComponentsIntegrations() throws {
        var (model, loader) = DemoLoading.model([.showMap, .startFilter])
        #expect(model.isEditingText)
        for character in "stripe" { model.run([.edit(.insert(character))], at: DemoLoading.time, loader: loader) }
        model.run([.edit(.submit)], at: DemoLoading.time, loader: loader)
        #expect(try map(model).integrations.map(\.id) == ["storefront->stripe"])
        model.run([.command(.back), .command(.cycleSort)], at: DemoLoading.time, loader: loader)
        let map = try self.map(model)
        #expect(map.integrations.count == map.map?.integrations(of: "storefront").count)
        #expect(ErrorsLists.integrations.sortName(map.list) == "failures")
        #expect(map.integrations.map(\.failures) == map.integrations.map(\.failures).sorted(by: >))
    }

    @Test func anIsolatedComponentHasNoIntegrationsToEnter() throws {
        let ecosystem = Ecosystem(
            name: "Two tools", components: [
                Component(id: "wiki", name: "Wiki", kind: .other, role: .endpoint),
                Component(id: "chat", name: "Chat", kind: .other, role: .endpoint),
            ], integrations: [], partners: [])
        let loader = DataLoader(
            builder: SnapshotBuilder(source: RecordedSeriesSource([:]), catalog: .standard), events: RecordedEvents(), ecosystem: ecosystem)
        var model = AppModel(session: loader.status, now: DemoLoading.time)
        model.start(applying: [.command(.showMap), .command(.openDetail)], at: DemoLoading.time, loader: loader)
        let map = try self.map(model)
        #expect(map.map?.isIsolated("wiki") == true)
        #expect(!map.isListFocused)
    }
}
