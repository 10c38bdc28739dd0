import EcotopApp
import EcotopCore
import EcotopEngine

/// The fourth level: one group's events, newest first, with the selected one's attributes.
struct EventsLevelView: ClickableView {
    let report: IntegrationErrorsReport
    let detail: ErrorGroupDetail
    let level: ErrorsLevel
    let frame: ErrorsFrame
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        let events = level.events(of: detail)
        frame.pane(note: [Span(" \(events.count) of \(detail.events.count) ", style: theme.style(.muted))]).render(in: area, buffer: &buffer)
        let parts = Self.parts(of: area)
        guard !events.isEmpty else {
            let inner = parts.table
            buffer.write("No event matches the filter.", x: inner.x, y: inner.y, style: theme.style(.muted), limit: inner.maxX)
            return
        }
        let selected = level.list.selectedRow(in: events, as: ErrorsLists.events)
        Table(
            columns: [
                TableColumn("Time", width: .fixed(19)),
                TableColumn("Code", width: .fixed(6)),
                TableColumn("Latency", width: .fixed(7), alignment: .right, hidePriority: 1),
                TableColumn("Message", width: .fill(min: 20)),
            ],
            rows: events.map { event in
                [
                    .text(context.clock.date(event.timestamp) + " " + context.clock.timeOfDay(event.timestamp), style: theme.style(.muted)),
                    .text(event.code.isEmpty ? "-" : TerminalText.sanitize(event.code), style: theme.style(.critical)),
                    .text(event.latencyMilliseconds.map(IntegrationStyle.milliseconds) ?? "-", style: theme.style(.muted)),
                    .text(TerminalText.sanitize(event.message), style: theme.style(.text)),
                ]
            },
            selected: selected, headerStyle: theme.style(.muted), selectionStyle: context.selectionStyle, glyphs: context.glyphs
        ).render(in: parts.table, buffer: &buffer)
        if let area = parts.details {
            for x in area.x..<area.maxX { buffer.set(context.glyphs.horizontal, x: x, y: area.y, style: theme.style(.border)) }
            let attributes = EventText.attributes(of: events[selected])
            buffer.write(
                attributes.isEmpty ? "no attributes · Enter: the whole event" : attributes + " · Enter: the whole event",
                x: area.x, y: area.y + 1, style: theme.style(.muted), limit: area.maxX)
        }
    }

    func clickRegions(in area: Rect) -> ClickRegions {
        ClickRegions(
            list: .init(table: Self.parts(of: area).table, listing: level.events(of: detail), state: level.list, as: ErrorsLists.events))
    }

    /// Inside the level's pane in `area`: the table, and under it the selected event's
    /// attributes when the pane is tall enough.
    static func parts(of area: Rect) -> (table: Rect, details: Rect?) {
        ErrorsFrame.parts(of: area, details: 2, from: 10)
    }
}

/// The fifth level: one event, whole, its message wrapped; arrows scroll it.
struct EventLevelView: Widget {
    let event: IntegrationEvent
    let scroll: Int
    let frame: ErrorsFrame
    let context: ViewContext

    func render(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        frame.pane(note: []).render(in: area, buffer: &buffer)
        let inner = Pane.inner(area).inset(horizontal: 1)
        let lines = EventText.lines(of: event, clock: context.clock, glyphs: context.glyphs, width: inner.width)
        let offset = min(scroll, max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(offset).prefix(inner.height).enumerated() {
            TextLine(line.map { Span($0.text, style: theme.style($0.role, $0.isLabel ? [] : .bold)) })
                .render(in: Rect(x: inner.x, y: inner.y + row, width: inner.width, height: 1), buffer: &buffer)
        }
    }
}

/// An event as lines of labelled text.
enum EventText {
    struct Piece {
        var text: String
        var role: ThemeRole
        var isLabel = false
    }

    /// `endpoint=/v1/charges  request_id=req_1`, sorted by name and sanitized.
    static func attributes(of event: IntegrationEvent) -> String {
        event.attributes.sorted { $0.key < $1.key }
            .map { TerminalText.sanitize($0.key) + "=" + TerminalText.sanitize($0.value) }.joined(separator: "  ")
    }

    static func lines(of event: IntegrationEvent, clock: ClockFormat, glyphs: GlyphSet, width: Int) -> [[Piece]] {
        let label = { (text: String) in Piece(text: text.padding(to: 12), role: .muted, isLabel: true) }
        var lines: [[Piece]] = [
            [label("time"), Piece(text: clock.date(event.timestamp) + " " + clock.timeOfDay(event.timestamp) + " " + clock.zoneName(at: event.timestamp), role: .text)],
            [label("integration"), Piece(text: ErrorsWindow.arrowed(event.integration, glyphs: glyphs), role: .accent)],
            [label("kind"), Piece(text: event.kind.rawValue, role: .text)],
            [label("code"), Piece(text: event.code.isEmpty ? "-" : TerminalText.sanitize(event.code), role: .critical)],
            [label("latency"), Piece(text: event.latencyMilliseconds.map(IntegrationStyle.milliseconds) ?? "not reported", role: .text)],
            [label("message")],
        ]
        lines += TextWrap.lines(TerminalText.sanitize(event.message), width: max(1, width - 2)).map { [Piece(text: "  " + $0, role: .text)] }
        if !event.attributes.isEmpty {
            lines.append([label("attributes")])
            for (key, value) in event.attributes.sorted(by: { $0.key < $1.key }) {
                let text = TerminalText.sanitize(key) + " = " + TerminalText.sanitize(value)
                lines += TextWrap.lines(text, width: max(1, width - 2)).map { [Piece(text: "  " + $0, role: .text)] }
            }
        }
        return lines
    }
}
