/// Something that draws itself into a rectangle of a frame buffer (the ratatui model).
/// Widgets are values: build one from state, render it, throw it away.
public protocol Widget {
    /// Draws into `area`; anything outside `area` is left alone.
    func render(in area: Rect, buffer: inout FrameBuffer)
}

/// A run of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// Text truncation that keeps whole characters and marks the cut.
public enum Truncation {
    /// The text cut to at most `width` columns, ending in `ellipsis` when something was cut.
    public static func truncate(_ text: String, width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        guard text.terminalWidth > width else { return text }
        let room = width - ellipsis.terminalWidth
        guard room > 0 else { return String(ellipsis.prefix(width)) }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = character.unicodeScalars.reduce(0) { $0 + $1.terminalWidth }
            if used + characterWidth > room { break }
            result.append(character)
            used += characterWidth
        }
        return result + ellipsis
    }
}

/// Spans drawn left to right on one row, clipped at the area's edge.
public struct TextLine: Widget, Hashable, Sendable {
    public var spans: [Span]
    public init(_ spans: [Span]) { self.spans = spans }
    public init(_ text: String, style: Style = .plain) { self.spans = [Span(text, style: style)] }

    /// The columns the line takes.
    public var width: Int { spans.reduce(0) { $0 + $1.text.terminalWidth } }

    /// The line cut to `width` columns, its last visible character replaced by `ellipsis`
    /// when anything was cut.
    public func truncated(to width: Int, ellipsis: String) -> TextLine {
        guard self.width > width, width > 0 else { return width > 0 ? self : TextLine([]) }
        var kept: [Span] = []
        var room = width - ellipsis.terminalWidth
        for span in spans where room > 0 {
            let text = Truncation.truncate(span.text, width: room, ellipsis: "")
            kept.append(Span(text, style: span.style))
            room -= text.terminalWidth
        }
        kept.append(Span(ellipsis, style: kept.last?.style ?? spans.last?.style ?? .plain))
        return TextLine(kept)
    }

    public func render(in area: Rect, buffer: inout FrameBuffer) {
        guard !area.isEmpty else { return }
        var column = area.x
        for span in spans where column < area.maxX {
            column = buffer.write(span.text, x: column, y: area.y, style: span.style, limit: area.maxX)
        }
    }
}
