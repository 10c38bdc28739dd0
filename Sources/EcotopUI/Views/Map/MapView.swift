import EcotopApp
import EcotopCore
import EcotopEngine

/// The ecosystem map screen: the map in a pane that shows the part of it around the
/// selected component (the whole map, centred, when it fits), and below it the selected
/// component's partner and integrations.
struct MapView: ClickableView {
    let model: MapModel
    /// Who owns which components, named under the map.
    var owners = Ownership()
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        guard let map = model.map else {
            LoadingNotice(what: "the ecosystem map", error: model.error, context: context).render(in: area, buffer: &buffer)
            return
        }
        let parts = Self.parts(of: area, map: map)
        let mapArea = parts.map
        let selected = model.selectedComponent?.id
        let inner = Pane.inner(mapArea)
        let isPanning = map.layout.width > inner.width || map.layout.height > inner.height
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
            let window = canvasWindow(of: map, in: inner)
            buffer.paste(
                MapCanvas(map: map, selected: selected, context: context).render(), from: window.source, into: window.target)
        }
        ComponentDetailsView(model: model, map: map, owners: owners, context: context).render(in: parts.details, buffer: &buffer)
    }

    func clickRegions(in area: Rect) -> ClickRegions {
        guard let map = model.map else { return ClickRegions() }
        let parts = Self.parts(of: area, map: map)
        let window = canvasWindow(of: map, in: Pane.inner(parts.map))
        let components = zip(map.layout.nodes, map.layout.boxes).compactMap { node, box -> ClickRegions.ComponentRegion? in
            let shown = Rect(
                x: window.target.x + box.x - window.source.x, y: window.target.y + box.y - window.source.y, width: box.width,
                height: box.height
            ).intersection(window.target)
            return shown.width > 0 && shown.height > 0 ? ClickRegions.ComponentRegion(id: node.id, rect: shown) : nil
        }
        let details = ComponentDetailsView(model: model, map: map, owners: owners, context: context)
        return ClickRegions(list: details.listRows(in: parts.details), components: components)
    }

    /// Where the map's pane and the selected component's details go in `area`. The details
    /// take the rows the map leaves, as many as the longest list of a component's
    /// integrations needs, so the map does not move as the selection does.
    private static func parts(of area: Rect, map: EcosystemMap) -> (map: Rect, details: Rect) {
        let longest = map.ecosystem.components.map { map.integrations(of: $0.id).count }.max() ?? 0
        let spare = area.height - map.layout.height - 2
        let detailsHeight = max(Self.detailsHeight(of: area.height), min(longest + 3, spare))
        return (area.dropBottom(detailsHeight), area.bottom(detailsHeight))
    }

    /// The part of the canvas shown in the map pane's `inner` area, around the selected
    /// component: where it starts on the canvas, and where on screen it is drawn.
    private func canvasWindow(of map: EcosystemMap, in inner: Rect) -> (source: (x: Int, y: Int), target: Rect) {
        let focus = model.selectedComponent.flatMap { map.layout.box(of: $0.id) }
        let x = Self.window(canvas: map.layout.width, view: inner.width, focus: focus.map { ($0.x, $0.width) })
        let y = Self.window(canvas: map.layout.height, view: inner.height, focus: focus.map { ($0.y, $0.height) })
        return (
            (x.source, y.source),
            Rect(x: inner.x + x.target, y: inner.y + y.target, width: inner.width - x.target, height: inner.height - y.target))
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
