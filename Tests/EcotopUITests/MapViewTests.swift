import EcotopApp
import EcotopCore
import EcotopEngine
import EcotopTestSupport
import EcotopUI
import Testing

/// Frames of the ecosystem map: the demo's at two sizes, in ASCII, with 30 components, panned
/// over a larger one, and with hostile names.
@Suite struct MapViewTests {
    @Test func demoMapAt160x48() throws {
        let state = try DemoDashboard.model(keys: "m")
        let frame = try DemoDashboard.render(state, size: Size(width: 160, height: 48))
        assertSnapshot(frame.text, named: "map-160x48")
        for component in Ecosystem.demo.components {
            #expect(frame.text.contains(component.name) || frame.text.contains(String(component.name.prefix(13))), "\(component.id)")
        }
        #expect(frame.text.contains("▶") || frame.text.contains("◀") || frame.text.contains("▲") || frame.text.contains("▼"))
        #expect(frame.text.contains("═") || frame.text.contains("║"), "critical integrations are drawn double")
        #expect(frame.text.contains("╭─ Storefront "), "the first hub's details are under the map")
    }

    @Test func theSelectedComponentsOwnerIsNamedUnderTheMap() throws {
        var state = try DemoDashboard.model(keys: "m")
        guard case .map(let map)? = state.topScreen, let selected = map.selectedComponent else { Issue.record("no map"); return }
        state.session.owners = Ownership([Ownership.Entry(subject: selected.id, owner: "Web team\u{1B}[2J")])
        let frame = try DemoDashboard.render(state, size: Size(width: 160, height: 48))
        #expect(frame.text.contains("owner Web team"), "\(frame.text)")
        #expect(!frame.text.contains("\u{1B}"))
    }

    @Test func demoMapAt80x24PansToTheSelection() throws {
        let state = try DemoDashboard.model(keys: "m")
        let frame = try DemoDashboard.render(state, size: Size(width: 80, height: 24))
        assertSnapshot(frame.text, named: "map-80x24")
        #expect(frame.text.contains("│ Storefront"), "the selected hub is in view")
        #expect(frame.text.contains("arrows pan"))
    }

    @Test func asciiGlyphsOnly() throws {
        let state = try DemoDashboard.model(keys: "m")
        let frame = try DemoDashboard.render(state, size: Size(width: 160, height: 48), glyphs: .ascii)
        #expect(frame.text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(frame.text.contains("=") && frame.text.contains(">"))
    }

    @Test func thirtyComponentsFitAt160x48() throws {
        let ecosystem = Self.ecosystem(components: 30)
        let frame = try DemoDashboard.render(try Self.model(for: ecosystem), size: Size(width: 160, height: 48))
        for component in ecosystem.components { #expect(frame.text.contains(component.name), "\(component.id)") }
        #expect(!frame.text.contains("arrows pan"))
    }

    @Test func aLargerMapPansToTheSelectedComponent() throws {
        let ecosystem = Self.ecosystem(components: 60)
        let layout = try #require(try Self.model(for: ecosystem).mapScreen?.map?.layout)
        let lowest = try #require(zip(layout.nodes, layout.boxes).max { $0.1.y < $1.1.y }?.0.id)
        let highest = try #require(zip(layout.nodes, layout.boxes).min { $0.1.y < $1.1.y }?.0.id)
        let top = try DemoDashboard.render(try Self.model(for: ecosystem, selecting: highest), size: Size(width: 160, height: 48))
        let bottom = try DemoDashboard.render(try Self.model(for: ecosystem, selecting: lowest), size: Size(width: 160, height: 48))
        let upper = "│ " + (try #require(ecosystem.component(highest))).name, lower = "│ " + (try #require(ecosystem.component(lowest))).name
        #expect(top.text.contains(upper) && !top.text.contains(lower))
        #expect(bottom.text.contains(lower) && !bottom.text.contains(upper))
        #expect(top.text.contains("arrows pan"))
    }

    @Test func isolatedComponentsAreFlagged() throws {
        var ecosystem = Self.ecosystem(components: 4)
        ecosystem.components.append(Component(id: "wiki", name: "Team wiki", kind: .other, role: .endpoint))
        let frame = try DemoDashboard.render(try Self.model(for: ecosystem, selecting: "wiki"), size: Size(width: 160, height: 48))
        #expect(frame.text.contains(" isolated "))
        #expect(frame.text.contains("1 isolated"))
        #expect(frame.text.contains("Isolated: no integration sends data to or from it"))
    }

    @Test func hostileNamesAreSanitized() throws {
        var ecosystem = Self.ecosystem(components: 3)
        ecosystem.components[1].name = "Evil\u{1B}[31m\u{202E}gnp.exe\u{07}"
        ecosystem.partners = [Partner(id: "p", name: "P\u{1B}]0;pwned\u{07}", tier: .community, components: [ecosystem.components[1].id])]
        let frame = try DemoDashboard.render(try Self.model(for: ecosystem, selecting: ecosystem.components[1].id), size: Size(width: 160, height: 48))
        let scalars = frame.text.unicodeScalars
        #expect(!scalars.contains("\u{1B}") && !scalars.contains("\u{202E}") && !scalars.contains("\u{07}"))
        #expect(frame.text.contains("Evil"))
    }

    // MARK: - Support

    static let time = DemoDashboard.time

    /// `count` components named `Tool 1`...: one hub per six, each other component fed by a hub.
    static func ecosystem(components count: Int) -> Ecosystem {
        let hubs = max(1, count / 6)
        let components = (1...count).map { Component(id: "tool-\($0)", name: "Tool \($0)", kind: .other, role: $0 <= hubs ? .hub : .endpoint) }
        let integrations = (hubs + 1...max(hubs + 1, count)).filter { $0 <= count }.map {
            Integration(from: "tool-\(($0 % hubs) + 1)", to: "tool-\($0)", transport: .api, isCritical: $0 % 5 == 0)
        }
        return Ecosystem(name: "Generated", components: components, integrations: integrations, partners: [])
    }

    /// The map of `ecosystem` loaded, with a few errors on its first integration.
    static func model(for ecosystem: Ecosystem, selecting selected: String? = nil) throws -> AppModel {
        let events = ecosystem.integrations.prefix(1).flatMap { integration in
            (1...5).map {
                IntegrationEvent(timestamp: time - Double($0) * 60, kind: .error, integration: integration.id, code: "500",
                                 message: "boom", latencyMilliseconds: 120)
            }
        }
        let report = try IntegrationErrorsReport(ecosystem: ecosystem, events: RecordedEvents(events: events), end: time, range: .oneHour)
        var map = MapModel()
        map.map = EcosystemMap(ecosystem: ecosystem, report: report)
        map.selected = selected
        var model = AppModel(session: SessionStatus(ecosystemName: ecosystem.name, catalog: .standard), now: time)
        model.screens = [.map(map)]
        return model
    }
}

extension AppModel {
    /// The map screen on top, if it is.
    var mapScreen: MapModel? {
        if case .map(let map)? = topScreen { map } else { nil }
    }
}
