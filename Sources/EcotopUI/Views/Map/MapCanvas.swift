import EcotopApp
import EcotopCore
import EcotopEngine

/// The whole map drawn at its layout's size, for the map view to show the part that fits:
/// lines coloured by their integration's health over the range (double for critical ones,
/// ending in an arrow at the component the data flows to), p95 latencies on them, and a box
/// per component naming it and its kind, hubs and the selection highlighted, components
/// without an integration marked `isolated`.
struct MapCanvas {
    let map: EcosystemMap
    let selected: String?
    let context: ViewContext

    func render() -> FrameBuffer {
        let layout = map.layout
        var buffer = FrameBuffer(size: Size(width: layout.width, height: layout.height))
        buffer.fill(buffer.area, style: context.theme.style(.text))
        drawLines(into: &buffer)
        drawLabels(into: &buffer)
        for (node, box) in zip(layout.nodes, layout.boxes) {
            guard let component = map.ecosystem.component(node.id) else { continue }
            drawBox(component, in: box, into: &buffer)
        }
        return buffer
    }

    /// The summary of a route's integration, by the edge's position in the ecosystem.
    private func summary(of route: MapLayout.Route) -> IntegrationErrorSummary? {
        let integrations = map.ecosystem.integrations
        return integrations.indices.contains(route.edge) ? map.summary(of: integrations[route.edge].id) : nil
    }

    /// Every cell's connections, merged over the lines through it: the most severe health
    /// gives the colour, any critical line makes it double.
    private func drawLines(into buffer: inout FrameBuffer) {
        let layout = map.layout
        let glyphs = MapGlyphs(context.glyphs)
        var masks: [MapPoint: UInt8] = [:]
        var roles: [MapPoint: ThemeRole] = [:]
        var critical: Set<MapPoint> = []
        var arrows: [(MapPoint, MapDirection, ThemeRole)] = []
        for route in layout.routes {
            let points = route.points
            guard let first = points.first, let last = points.last else { continue }
            let edge = layout.edges[route.edge]
            let role = summary(of: route).map(IntegrationStyle.role) ?? .muted
            for (position, point) in points.enumerated() {
                var mask: UInt8 = 0
                if position > 0 { mask |= MapGlyphs.bit(MapDirection.between(point, points[position - 1])) }
                if position + 1 < points.count { mask |= MapGlyphs.bit(MapDirection.between(point, points[position + 1])) }
                if position == 0, let box = layout.box(of: edge.from), let inward = Self.direction(from: first, into: box) {
                    mask |= MapGlyphs.bit(inward)
                }
                masks[point, default: 0] |= mask
                if Self.severity(role) >= Self.severity(roles[point] ?? .muted) { roles[point] = role }
                if edge.isCritical { critical.insert(point) }
            }
            if let box = layout.box(of: edge.to), let inward = Self.direction(from: last, into: box) {
                arrows.append((last, inward, role))
            }
        }
        for (point, mask) in masks {
            let style = context.theme.style(roles[point] ?? .muted, critical.contains(point) ? .bold : [])
            buffer.set(glyphs.line(mask, isCritical: critical.contains(point)), x: point.x, y: point.y, style: style)
        }
        for (point, direction, role) in arrows {
            buffer.set(glyphs.arrow(direction), x: point.x, y: point.y, style: context.theme.style(role, .bold))
        }
    }

    /// Each p95 latency, centred in the room its label was given.
    private func drawLabels(into buffer: inout FrameBuffer) {
        for label in map.layout.labels {
            guard let route = map.layout.routes.first(where: { $0.edge == label.edge }), let summary = summary(of: route),
                  let latency = summary.p95LatencyMilliseconds else { continue }
            let text = IntegrationStyle.milliseconds(latency)
            let padded = String(repeating: " ", count: max(0, (label.width - text.count) / 2)) + text
            buffer.fill(Rect(x: label.origin.x, y: label.origin.y, width: label.width, height: 1), style: context.theme.style(.text))
            buffer.write(
                padded, x: label.origin.x, y: label.origin.y, style: context.theme.style(IntegrationStyle.role(of: summary)),
                limit: label.origin.x + label.width)
        }
    }

    /// A box with the component's name inside, `isolated` on its top edge when it has no
    /// integration, and its kind on its bottom edge (`payments`, `storefront hub`).
    private func drawBox(_ component: Component, in box: MapRect, into buffer: inout FrameBuffer) {
        let theme = context.theme
        let isSelected = component.id == selected
        let border = isSelected ? theme.style(.focus, .bold) : theme.style(component.role == .hub ? .accent : .border)
        let area = Rect(x: box.x, y: box.y, width: box.width, height: box.height)
        let flag = map.isIsolated(component.id) ? [Span(" isolated ", style: theme.style(.warn, .bold))] : []
        Pane(title: flag, borderStyle: border, glyphs: context.glyphs).render(in: area, buffer: &buffer)
        let inner = Pane.inner(area)
        let nameStyle = isSelected ? context.selectionStyle : theme.style(.text, .bold)
        if isSelected { buffer.fill(inner.top(1), style: nameStyle) }
        let name = TerminalText.sanitize(component.name.isEmpty ? component.id : component.name)
        buffer.write(
            Truncation.truncate(name, width: inner.width - 2, ellipsis: context.glyphs.ellipsis), x: inner.x + 1, y: inner.y,
            style: nameStyle, limit: inner.maxX - 1)
        let kind = component.kind.rawValue.replacing("_", with: " ") + (component.role == .hub ? " hub" : "")
        buffer.write(" \(kind) ", x: area.x + 2, y: area.maxY - 1, style: theme.style(component.role == .hub ? .accent : .muted),
                     limit: area.maxX - 1)
    }

    /// The direction from a cell beside `box` into it; nil when the cell is not beside it.
    static func direction(from point: MapPoint, into box: MapRect) -> MapDirection? {
        if point.x == box.x - 1 { return .right }
        if point.x == box.maxX { return .left }
        if point.y == box.y - 1 { return .down }
        if point.y == box.maxY { return .up }
        return nil
    }

    /// How much a colour says about trouble: critical, then warn, then ok, then muted.
    private static func severity(_ role: ThemeRole) -> Int {
        switch role {
        case .critical: 3
        case .warn: 2
        case .ok: 1
        default: 0
        }
    }
}
