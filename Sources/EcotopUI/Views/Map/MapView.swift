import EcotopApp
import EcotopCore
import EcotopEngine

/// The ecosystem map screen: the map in a pane that shows the part of it around the
/// selected component (the whole map, centred, when it fits), and below it the selected
/// component's partner and integrations.
struct MapView: Widget {
    let model: MapModel
    /// Who owns which components, named under the map.
    var owners = Ownership()
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        guard let map = model.map else {
            LoadingNotice(what: "the ecosystem map", error: model.error, context: context).render(in: area, buffer: &buffer)
            return
        }
        // The details take the rows the map leaves, as many as the longest list of a
        // component's integrations needs, so the map does not move as the selection does.
        let longest = map.ecosystem.components.map { map.integrations(of: $0.id).count }.max() ?? 0
        let spare = area.height - map.layout.height - 2
        let detailsHeight = max(Self.detailsHeight(of: area.height), min(longest + 3, spare))
        let mapArea = area.dropBottom(detailsHeight)
        let selected = model.selectedComponent?.id
        let canvas = MapCanvas(map: map, selected: selected, context: context).render()
        let inner = Pane.inner(mapArea)
        let isPanning = canvas.size.width > inner.width || canvas.size.height > inner.height
        Pane(
            title: [Span(" Ecosystem map ", style: context.theme.style(model.isListFocused ? .title : .focus, .bold))],
            note: note(map, isPanning: isPanning), borderStyle: context.theme.style(model.isListFocused ? .border : .focus),
            glyphs: context.glyphs
        ).markingFocus(if: !model.isListFocused && context.marksFocus).render(in: mapArea, buffer: &buffer)
        if map.ecosystem.components.isEmpty {
            buffer.write(
                "The configuration has no components (docs/config.md, ecosystem).", x: inner.x + 1, y: inner.y,
                style: context.theme.style(.muted), limit: inner.maxX)
        } else {
            let focus = selected.flatMap(map.layout.box(of:))
            let x = Self.window(canvas: canvas.size.width, view: inner.width, focus: focus.map { ($0.x, $0.width) })
            let y = Self.window(canvas: canvas.size.height, view: inner.height, focus: focus.map { ($0.y, $0.height) })
            buffer.paste(
                canvas, from: (x.source, y.source),
                into: Rect(x: inner.x + x.target, y: inner.y + y.target, width: inner.width - x.target, height: inner.height - y.target))
        }
        ComponentDetailsView(model: model, map: map, owners: owners, context: context).render(in: area.bottom(detailsHeight), buffer: &buffer)
    }

    /// The fewest rows for the selected component's details: two ninths of the screen's
    /// body, from 7 to 12.
    static func detailsHeight(of height: Int) -> Int {
        min(12, max(7, height * 2 / 9))
    }

    /// Along one axis: where the view starts on the canvas, and how far into the view the
    /// canvas starts. A canvas that fits is centred; a larger one is shown around the focus
    /// (centred on it, but never past the canvas's ends).
    static func window(canvas: Int, view: Int, focus: (start: Int, length: Int)?) -> (source: Int, target: Int) {
        guard canvas > view else { return (0, (view - canvas) / 2) }
        let centre = focus.map { $0.start + $0.length / 2 } ?? 0
        return (min(max(0, centre - view / 2), canvas - view), 0)
    }

    private func note(_ map: EcosystemMap, isPanning: Bool) -> [Span] {
        let theme = context.theme
        let integrations = map.report.integrations
        let unhealthy = integrations.count { $0.health.state == .unhealthy }
        let isolated = map.ecosystem.components.count { map.isIsolated($0.id) }
        var note = [
            Span(" \(map.ecosystem.components.count) components, \(integrations.count) integrations ", style: theme.style(.muted)),
            Span(" \(unhealthy) unhealthy ", style: theme.style(unhealthy == 0 ? .ok : .warn, .bold)),
        ]
        if isolated > 0 { note.append(Span(" \(isolated) isolated ", style: theme.style(.warn))) }
        if isPanning { note.append(Span(" arrows pan ", style: theme.style(.accent))) }
        return note
    }
}
