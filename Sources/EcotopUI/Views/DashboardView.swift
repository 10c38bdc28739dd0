import EcotopApp
import EcotopCore

/// Draws a whole frame: a pure function of the model, the terminal size and the appearance.
public enum DashboardView {
    /// The frame for `model` on a terminal of `size`.
    public static func render(_ model: AppModel, size: Size, appearance: Appearance, keyMap: KeyMap? = nil) -> FrameBuffer {
        var buffer = FrameBuffer(size: size)
        let context = ViewContext(model: model, appearance: appearance)
        buffer.fill(buffer.area, style: context.theme.style(.text))
        let layout = DashboardLayout(size: size, panes: model.catalog.families.map { ($0, model.catalog.metrics(in: $0).count) })
        guard !layout.isTooSmall else {
            TooSmallView(size: size, minimum: DashboardLayout.minimumSize, theme: context.theme, glyphs: context.glyphs)
                .render(in: buffer.area, buffer: &buffer)
            return buffer
        }
        HeaderView(model: model, context: context).render(in: layout.header, buffer: &buffer)
        var footer = FooterView.of(model, context: context)
        if let screen = model.topScreen {
            ScreenView(screen: screen, model: model, context: context).render(in: layout.body, buffer: &buffer)
        } else {
            footer.hiddenPanesBelow = PanesView(model: model, layout: layout, context: context).render(buffer: &buffer)
        }
        footer.render(in: layout.footer, buffer: &buffer)
        if let help = model.help {
            HelpOverlay(
                help: help, keyMap: keyMap ?? KeyMap(families: model.catalog.families), screen: model.screenKind,
                hasMouse: appearance.hasMouse, context: context)
                .render(in: layout.body, buffer: &buffer)
        }
        if let palette = model.palette { PaletteOverlay(palette: palette, context: context).render(in: layout.body, buffer: &buffer) }
        return buffer
    }
}

/// The screen opened over the panes, each drawn by its own view from its own model.
struct ScreenView: ClickableView {
    let screen: Screen
    let model: AppModel
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        view.render(in: area, buffer: &buffer)
    }

    func clickRegions(in area: Rect) -> ClickRegions {
        ClickRegions(of: view, in: area)
    }

    /// The view that draws the screen.
    private var view: any Widget {
        switch screen {
        case .detail(let detail):
            DetailView(
                detail: detail, definition: model.catalog[detail.metric], annotations: model.dashboard.snapshot?.annotations ?? [],
                context: context)
        case .errors(let errors):
            ErrorsView(errors: errors, context: context)
        case .collectors(let collectors):
            CollectorsView(
                collectors: collectors.visibleCollectors(model.session.collectors), configProblems: model.session.configProblems,
                freshness: collectors,
                context: context)
        case .map(let map):
            MapView(model: map, owners: model.session.owners, context: context)
        case .governance(let governance):
            GovernanceView(governance: governance, context: context)
        case .review(let review):
            ReviewView(review: review, context: context)
        case .alerts(let alerts):
            AlertsView(alerts: alerts, catalog: model.catalog, context: context)
        }
    }
}

/// A one-line message in place of a screen's data: still reading, or why the read failed.
struct LoadingNotice: Widget {
    let what: String
    let error: LoadFailure?
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let message = error.map { "cannot read \(what): " + TerminalText.sanitize($0.description) }
            ?? "reading \(what)" + context.glyphs.ellipsis
        buffer.write(message, x: area.x + 1, y: area.y, style: context.theme.style(error == nil ? .muted : .critical), limit: area.maxX)
    }
}
