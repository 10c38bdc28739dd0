import EcotopApp
import EcotopCore
import EcotopEngine

/// The selected component under the map: its kind, role and partners, and its integrations
/// over the range (health, failures, failure rate, p95 latency, age of the last error), the
/// list that Enter focuses and Enter again opens in the errors drill-down.
struct ComponentDetailsView: Widget {
    let model: MapModel
    let map: EcosystemMap
    /// Who owns which components (`governance.owners`).
    let owners: Ownership
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        guard let component = model.selectedComponent else { return }
        let focused = model.isListFocused
        Pane(
            title: [Span(" " + TerminalText.sanitize(component.name) + " ", style: theme.style(focused ? .focus : .title, .bold))],
            note: note(component), borderStyle: theme.style(focused ? .focus : .border), glyphs: context.glyphs
        ).markingFocus(if: focused && context.marksFocus).render(in: area, buffer: &buffer)
        let inner = Self.tableArea(in: area)
        guard !map.isIsolated(component.id) else {
            buffer.write(
                "Isolated: no integration sends data to or from it, a tool that only shares a login?", x: inner.x, y: inner.y,
                style: theme.style(.warn), limit: inner.maxX)
            return
        }
        let rows = model.integrations
        guard !rows.isEmpty else {
            buffer.write("No integration matches the filter.", x: inner.x, y: inner.y, style: theme.style(.muted), limit: inner.maxX)
            return
        }
        Table(
            columns: [
                TableColumn("", width: .fixed(1)),
                TableColumn("Integration", width: .fill(min: 18, weight: 2)),
                TableColumn("Health", width: .fixed(9)),
                TableColumn("Calls", width: .fixed(7), alignment: .right, hidePriority: 3),
                TableColumn("Fail", width: .fixed(6), alignment: .right),
                TableColumn("Rate", width: .fixed(6), alignment: .right, hidePriority: 2),
                TableColumn("p95", width: .fixed(7), alignment: .right, hidePriority: 1),
                TableColumn("Last", width: .fixed(5), alignment: .right, hidePriority: 4),
                TableColumn("Crit", width: .fixed(4), hidePriority: 5),
            ],
            rows: rows.map(row), selected: focused ? model.list.selectedRow(in: rows, as: ErrorsLists.integrations) : nil,
            headerStyle: theme.style(.muted), selectionStyle: context.selectionStyle, glyphs: context.glyphs
        ).render(in: inner, buffer: &buffer)
    }

    /// Where the integrations' rows are when the details are drawn in `area`; nil when no
    /// list is drawn.
    func listRows(in area: Rect) -> ClickRegions.ListRegion? {
        guard let component = model.selectedComponent, !map.isIsolated(component.id) else { return nil }
        let rows = model.integrations
        guard !rows.isEmpty else { return nil }
        let selected = model.isListFocused ? model.list.selectedRow(in: rows, as: ErrorsLists.integrations) : nil
        return ClickRegions.ListRegion(table: Self.tableArea(in: area), count: rows.count, selected: selected)
    }

    /// Where the integrations' table goes in the details' pane.
    private static func tableArea(in area: Rect) -> Rect {
        Pane.inner(area).inset(horizontal: 1)
    }

    /// `payments endpoint, partner Stripe (strategic), owner Payments team`, and the list's
    /// filter and sort.
    private func note(_ component: Component) -> [Span] {
        let theme = context.theme
        let partners = map.partners(of: component.id).map { TerminalText.sanitize($0.name) + " (\($0.tier.rawValue))" }
        let partner = partners.isEmpty ? "no partner" : "partner " + partners.joined(separator: ", ")
        let owner = owners.owner(ofComponent: component.id).map { ", owner " + TerminalText.sanitize($0) } ?? ""
        var note = [Span(" \(component.kind.rawValue.replacing("_", with: " ")) \(component.role.rawValue), \(partner)\(owner) ",
                         style: theme.style(.muted))]
        if model.isListFocused {
            if !model.list.filter.isEmpty {
                note.append(Span(" /\(TerminalText.sanitize(model.list.filter.text)) ", style: theme.style(.warn, .bold)))
            }
            note.append(Span(" sort \(ErrorsLists.integrations.sortName(model.list)) ", style: theme.style(.muted)))
        }
        return note
    }

    private func row(_ summary: IntegrationErrorSummary) -> [TableCell] {
        let theme = context.theme
        let role = IntegrationStyle.role(of: summary)
        let muted = theme.style(.muted)
        return [
            .text(IntegrationStyle.mark(of: summary.health.state, glyphs: context.glyphs), style: theme.style(role, .bold)),
            .text(ErrorsWindow.arrowed(summary.id, glyphs: context.glyphs), style: theme.style(.text)),
            .text("\(summary.health.state)", style: theme.style(role, .bold)),
        ] + IntegrationStyle.figures(of: summary, context: context) + [
            .text(summary.lastErrorAt.map { NumberFormat.age(map.report.end - $0) } ?? "-", style: muted),
            .text(summary.integration.isCritical ? "yes" : "", style: muted),
        ]
    }
}
