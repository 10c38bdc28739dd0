/// A bordered box with a title on its top edge and an optional note on the right of it. The
/// title comes first: the note is cut to the room the title leaves, and left out when that is
/// too little to read, so the two never run into each other.
public struct Pane: Widget {
    public var title: [Span]
    public var note: [Span]
    public var borderStyle: Style
    public var glyphs: GlyphSet
    /// Whether the pane shows its focus with glyphs and attributes (a double border, a marker
    /// and a reversed title), for terminals that show no colour.
    public var marksFocus = false

    public init(title: [Span], note: [Span] = [], borderStyle: Style, glyphs: GlyphSet) {
        self.title = title
        self.note = note
        self.borderStyle = borderStyle
        self.glyphs = glyphs
    }

    /// This pane, marking its focus without colour when `condition` holds.
    public func markingFocus(if condition: Bool) -> Pane {
        var pane = self
        pane.marksFocus = condition
        return pane
    }

    /// The fewest columns worth giving a note.
    static let shortestNote = 8

    /// The area inside the border.
    public static func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    public func render(in area: Rect, buffer: inout FrameBuffer) {
        guard area.width >= 2, area.height >= 2 else { return }
        let glyphs = marksFocus ? self.glyphs.focused : self.glyphs
        let title = marksFocus
            ? [Span(glyphs.focusMarker, style: borderStyle.adding(.bold))] + self.title.map { Span($0.text, style: $0.style.adding([.bold, .reverse])) }
            : self.title
        buffer.fill(area, style: Style(background: borderStyle.background))
        for x in area.x + 1..<area.maxX - 1 {
            buffer.set(glyphs.horizontal, x: x, y: area.y, style: borderStyle)
            buffer.set(glyphs.horizontal, x: x, y: area.maxY - 1, style: borderStyle)
        }
        for y in area.y + 1..<area.maxY - 1 {
            buffer.set(glyphs.vertical, x: area.x, y: y, style: borderStyle)
            buffer.set(glyphs.vertical, x: area.maxX - 1, y: y, style: borderStyle)
        }
        buffer.set(glyphs.topLeft, x: area.x, y: area.y, style: borderStyle)
        buffer.set(glyphs.topRight, x: area.maxX - 1, y: area.y, style: borderStyle)
        buffer.set(glyphs.bottomLeft, x: area.x, y: area.maxY - 1, style: borderStyle)
        buffer.set(glyphs.bottomRight, x: area.maxX - 1, y: area.maxY - 1, style: borderStyle)

        let noteLine = TextLine(note).truncated(to: max(0, area.width - 4 - TextLine(title).width - 1), ellipsis: glyphs.ellipsis)
        let room = area.width - 4 - TextLine(title).width - 1
        let noteWidth = note.isEmpty || room < Self.shortestNote ? 0 : noteLine.width
        let titleLimit = area.maxX - 2 - (noteWidth > 0 ? noteWidth + 1 : 0)
        TextLine(title).render(in: Rect(x: area.x + 2, y: area.y, width: titleLimit - area.x - 2, height: 1), buffer: &buffer)
        if noteWidth > 0 {
            noteLine.render(in: Rect(x: area.maxX - 2 - noteWidth, y: area.y, width: noteWidth, height: 1), buffer: &buffer)
        }
    }
}
