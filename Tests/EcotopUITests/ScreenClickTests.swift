import EcotopApp
import EcotopCore
import EcotopUI
import Testing

/// Clicks on the screens opened over the panes, each aimed at a row's text found in the frame
/// as drawn: the row under the mouse is selected in the list's order on view (filtered,
/// sorted, scrolled), and a double-click opens it as Enter does.
@Suite struct ScreenClickTests {
    static let size = Size(width: 160, height: 40)

    @Test func clickOnAnIntegrationSelectsItAndADoubleClickOpensItsGroups() throws {
        var model = try DemoDashboard.model(keys: "e")
        try click("storefront→ups", in: &model)
        guard case .errors(let errors)? = model.topScreen else { throw ScreenMissing() }
        #expect(selectedIntegration(errors) == "storefront->ups")

        try click("cdp→google-ads", in: &model, times: 2)
        guard case .errors(let opened)? = model.topScreen else { throw ScreenMissing() }
        #expect(opened.top.kind == .integration("cdp->google-ads"), "the double-click opened the row it clicked")
    }

    @Test func clickOnARowOfAScrolledSortedListSelectsTheRowUnderTheMouse() throws {
        // 80x24 shows 14 of the 16 integrations: the selection at the 15th scrolls the table.
        let size = Size(width: 80, height: 24)
        var model = try DemoDashboard.model(keys: "es" + String(repeating: "j", count: 14), columns: 80)
        guard case .errors(let before)? = model.topScreen, let report = before.report else { throw ScreenMissing() }
        let rows = before.top.integrations(in: report)
        #expect(ErrorsLists.integrations.sortName(before.top.list) == "failures")
        let frame = try DemoDashboard.render(model, size: size)
        #expect(!frame.text.contains(rows[0].id.replacing("->", with: "→") + " "), "the first row is scrolled away")
        let target = rows[5].id.replacing("->", with: "→")
        try click(target, in: &model, size: size)
        guard case .errors(let after)? = model.topScreen else { throw ScreenMissing() }
        #expect(selectedIntegration(after) == rows[5].id)
    }

    @Test func clickOnAnErrorGroupAndOnAnEventSelectsThem() throws {
        var model = try DemoDashboard.model(keys: "e\n")
        try click("Gateway Timeout", in: &model)
        guard case .errors(let groups)? = model.topScreen, let report = groups.report else { throw ScreenMissing() }
        let group = try #require(groups.top.list.selectedItem(in: groups.top.groups(in: report), as: ErrorsLists.groups))
        #expect(group.code == "504")

        var events = try DemoDashboard.model(keys: "e\n\n\n")
        try click("11:47:33", in: &events)
        guard case .errors(let level)? = events.topScreen, let eventsReport = level.report else { throw ScreenMissing() }
        let event = try #require(level.top.list.selectedItem(in: level.top.events(in: eventsReport), as: ErrorsLists.events))
        #expect(ClockFormat.utc.timeOfDay(event.timestamp) == "11:47:33")
    }

    @Test func clickOnAnAnnotationSelectsIt() throws {
        var model = try DemoDashboard.model(keys: "g")
        guard case .governance(var governance)? = model.topScreen else { throw ScreenMissing() }
        governance.report?.annotations += [
            Annotation(timestamp: DemoDashboard.time - 600, kind: .incident, text: "payments outage at the gateway"),
            Annotation(timestamp: DemoDashboard.time - 300, kind: .note, text: "quarterly review booked"),
        ]
        model.screens = [.governance(governance)]
        try click("payments outage", in: &model, size: Size(width: 160, height: 48))
        guard case .governance(let after)? = model.topScreen, let report = after.report else { throw ScreenMissing() }
        let visible = after.visibleAnnotations(of: report)
        #expect(after.annotations.selectedItem(in: visible, as: GovernanceModel.annotationList)?.text == "payments outage at the gateway")
    }

    @Test func clickOnAMapComponentSelectsItAndOnItsIntegrationFocusesTheList() throws {
        let size = Size(width: 160, height: 48)
        var model = try DemoDashboard.model(keys: "m")
        try click("CRM", in: &model, size: size)
        guard case .map(let map)? = model.topScreen else { throw ScreenMissing() }
        #expect(map.selectedComponent?.id == "crm")
        #expect(!map.isListFocused)

        try click("crm→loyalty", in: &model, size: size)
        guard case .map(let listed)? = model.topScreen else { throw ScreenMissing() }
        #expect(listed.isListFocused, "a click on the list gives it the keys")
        let clicked = try #require(listed.selectedIntegration)
        #expect(clicked.id == "crm->loyalty")

        try click("crm→loyalty", in: &model, size: size, times: 2)
        guard case .errors(let errors)? = model.topScreen else { throw ScreenMissing() }
        #expect(errors.top.kind == .integration(clicked.id), "a double-click opens the integration's errors")
    }

    @Test func aDoubleClickOffTheListOpensNothing() throws {
        var model = try DemoDashboard.model(keys: "e")
        try click("0/16 unhealthy", in: &model, times: 2)
        guard case .errors(let errors)? = model.topScreen else { throw ScreenMissing() }
        #expect(errors.levels.count == 1, "the double-click on the pane's note did not drill down")
    }

    // MARK: - Helpers

    private func selectedIntegration(_ errors: ErrorsModel) -> String? {
        errors.report.flatMap { errors.top.list.selectedItem(in: errors.top.integrations(in: $0), as: ErrorsLists.integrations)?.id }
    }

    /// Clicks `times` times, as fast as a double-click, where the frame first shows `text`.
    private func click(
        _ text: String, in model: inout AppModel, size: Size = Self.size, times: Int = 1
    ) throws {
        let frame = try DemoDashboard.render(model, size: size)
        guard let cell = MouseInputTests.find(text, in: frame) else {
            Issue.record("\(text) is not on screen:\n\(frame.text)")
            throw ScreenMissing()
        }
        var mouse = MouseInput()
        for click in 0..<times {
            _ = try MouseInputTests.apply(MouseInputTests.click(cell), to: &model, size: size, mouse: &mouse, at: Double(click) * 0.1)
        }
    }

    struct ScreenMissing: Error {}
}
