import EcotopApp
import EcotopCore
import EcotopEngine

/// The errors drill-down: the level on view, its pane titled with the breadcrumb of the
/// levels opened and noting the list's filter and sort order.
struct ErrorsView: ClickableView {
    let errors: ErrorsModel
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        levelView.render(in: area, buffer: &buffer)
    }

    func clickRegions(in area: Rect) -> ClickRegions {
        ClickRegions(of: levelView, in: area)
    }

    /// The view of the level on view; a notice while the report is read, or when the range no
    /// longer holds what the level showed.
    private var levelView: any Widget {
        guard let report = errors.report else { return LoadingNotice(what: "events", error: errors.error, context: context) }
        let level = errors.top
        let frame = ErrorsFrame(levels: errors.levels, report: report, context: context)
        let gone = { (what: String) in GoneNotice(what: what, report: report, frame: frame, context: context) }
        switch level.kind {
        case .integrations:
            return IntegrationsLevelView(report: report, level: level, frame: frame, context: context)
        case .integration(let id):
            guard let detail = report.detail(ofIntegration: id) else { return gone("integration") }
            return IntegrationLevelView(report: report, detail: detail, level: level, frame: frame, context: context)
        case .group(let id):
            guard let detail = report.detail(ofGroup: id) else { return gone("error group") }
            return GroupLevelView(report: report, detail: detail, frame: frame, context: context)
        case .events(let id):
            guard let detail = report.detail(ofGroup: id) else { return gone("error group") }
            return EventsLevelView(report: report, detail: detail, level: level, frame: frame, context: context)
        case let .event(group, event, _):
            guard let found = report.detail(ofGroup: group)?.events.first(where: { ErrorsLists.eventID($0) == event }) else {
                return gone("event")
            }
            return EventLevelView(event: found, scroll: level.scroll, frame: frame, context: context)
        }
    }
}

/// What is left of a level when the range no longer holds what it showed.
private struct GoneNotice: Widget {
    let what: String
    let report: IntegrationErrorsReport
    let frame: ErrorsFrame
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        frame.pane(note: []).render(in: area, buffer: &buffer)
        let inner = Pane.inner(area).inset(horizontal: 1)
        buffer.write(
            "This \(what) has nothing in \(ErrorsWindow.label(of: report)); Esc goes back.", x: inner.x, y: inner.y,
            style: context.theme.style(.muted), limit: inner.maxX)
    }
}

/// The frame of a level's main pane: the breadcrumb `Errors › storefront→stripe › 429 Too
/// many requests › events` as its title, the list's filter and sort order in its note.
struct ErrorsFrame {
    let title: [Span]
    let listNote: [Span]
    let context: ViewContext

    init(levels: [ErrorsLevel], report: IntegrationErrorsReport, context: ViewContext) {
        let theme = context.theme
        let separator = context.glyphs.hasBraille ? " › " : " > "
        var title = [Span(" ", style: theme.style(.focus))]
        for (index, level) in levels.enumerated() {
            if index > 0 { title.append(Span(separator, style: theme.style(.muted))) }
            let isLast = index == levels.count - 1
            title.append(Span(Self.name(of: level, report: report, context: context), style: theme.style(isLast ? .focus : .accent, .bold)))
        }
        title.append(Span(" ", style: theme.style(.focus)))
        self.title = title
        let top = levels[levels.count - 1]
        var note: [Span] = []
        if top.hasList {
            if !top.list.filter.isEmpty {
                note.append(Span(" /\(TerminalText.sanitize(top.list.filter.text)) ", style: theme.style(.warn, .bold)))
            }
            note.append(Span(" sort \(Self.sortName(of: top)) ", style: theme.style(.muted)))
        }
        listNote = note
        self.context = context
    }

    /// The level's main pane, with `note` (its own counts) before the list's note.
    func pane(note: [Span]) -> Pane {
        Pane(title: title, note: note + listNote, borderStyle: context.theme.style(.focus), glyphs: context.glyphs)
            .markingFocus(if: context.marksFocus)
    }

    /// Inside a level's pane in `area`: its table, and under it (after a blank row) `details`
    /// rows about the selected row, when the pane has at least `minimumHeight` rows inside.
    static func parts(of area: Rect, details: Int, from minimumHeight: Int) -> (table: Rect, details: Rect?) {
        let inner = Pane.inner(area).inset(horizontal: 1)
        guard inner.height >= minimumHeight else { return (inner, nil) }
        return (inner.dropBottom(details + 1), inner.bottom(details))
    }

    private static func name(of level: ErrorsLevel, report: IntegrationErrorsReport, context: ViewContext) -> String {
        switch level.kind {
        case .integrations:
            return "Errors"
        case .integration(let id):
            return ErrorsWindow.arrowed(id, glyphs: context.glyphs)
        case .group(let id):
            guard let group = report.fingerprints.first(where: { $0.id == id }) else { return "group" }
            return Truncation.truncate(
                TerminalText.sanitize("\(group.code) \(group.template)"), width: 32, ellipsis: context.glyphs.ellipsis)
        case .events:
            return "events"
        case .event(_, _, let time):
            return context.clock.timeOfDay(time)
        }
    }

    private static func sortName(of level: ErrorsLevel) -> String {
        switch level.kind {
        case .integrations: ErrorsLists.integrations.sortName(level.list)
        case .integration: ErrorsLists.groups.sortName(level.list)
        default: ErrorsLists.events.sortName(level.list)
        }
    }
}

/// Shared wording of the errors levels.
enum ErrorsWindow {
    /// `the last 1h`, or `the window` for a length that is no standard range.
    static func label(of report: IntegrationErrorsReport?) -> String {
        guard let report else { return "the window" }
        return TimeRange.allCases.first { $0.seconds == report.length }.map { "the last \($0.label)" } ?? "the window"
    }

    /// `storefront→stripe` with the glyph set's arrow, sanitized.
    static func arrowed(_ integration: String, glyphs: GlyphSet) -> String {
        let text = TerminalText.sanitize(integration)
        return glyphs.hasBraille ? text.replacing("->", with: "→") : text
    }
}
