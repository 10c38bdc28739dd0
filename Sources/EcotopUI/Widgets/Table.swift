/// A column of a `Table`.
public struct TableColumn: Hashable, Sendable {
    /// How wide a column is.
    public enum Width: Hashable, Sendable {
        /// Exactly this many columns.
        case fixed(Int)
        /// At least `min` columns plus a share of what is left, by weight.
        case fill(min: Int, weight: Int = 1)

        var minimum: Int {
            switch self {
            case let .fixed(width): width
            case let .fill(min, _): min
            }
        }
    }

    public enum Alignment: Hashable, Sendable { case left, right }

    public var title: String
    public var width: Width
    public var alignment: Alignment
    /// Columns with a higher value are hidden first when the table is too narrow;
    /// 0 is never hidden.
    public var hidePriority: Int

    public init(_ title: String, width: Width, alignment: Alignment = .left, hidePriority: Int = 0) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.hidePriority = hidePriority
    }
}

/// A table cell: spans of text, or a widget drawn into the cell's rectangle (a sparkline).
public enum TableCell {
    case text([Span])
    /// The first of several wordings (longest first) that fits the column, e.g. a full and a
    /// short title; the last is truncated when none fits.
    case fitting([String], style: Style)
    case widget(any Widget)

    /// Plain text in one style.
    public static func text(_ text: String, style: Style) -> TableCell { .text([Span(text, style: style)]) }
}

/// Rows of cells under a header, with a selected row and ellipsis truncation.
/// The table scrolls so the selected row stays visible.
public struct Table: Widget {
    public var columns: [TableColumn]
    public var rows: [[TableCell]]
    public var selected: Int?
    public var headerStyle: Style?
    public var selectionStyle: Style
    public var glyphs: GlyphSet
    public var gap = 1

    public init(
        columns: [TableColumn], rows: [[TableCell]], selected: Int?, headerStyle: Style?, selectionStyle: Style,
        glyphs: GlyphSet
    ) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.headerStyle = headerStyle
        self.selectionStyle = selectionStyle
        self.glyphs = glyphs
    }

    /// The x offset and width of each column for a total width; hidden columns get nil.
    public func layout(width: Int) -> [(x: Int, width: Int)?] {
        var visible = Set(columns.indices)
        func minimum() -> Int {
            visible.reduce(0) { $0 + columns[$1].width.minimum } + gap * max(0, visible.count - 1)
        }
        while minimum() > width, let drop = visible.filter({ columns[$0].hidePriority > 0 })
            .max(by: { columns[$0].hidePriority < columns[$1].hidePriority })
        {
            visible.remove(drop)
        }
        let spare = max(0, width - minimum())
        let totalWeight = visible.reduce(0) { total, index in
            if case let .fill(_, weight) = columns[index].width { return total + weight }
            return total
        }
        var x = 0
        var handedOut = 0
        var seenWeight = 0
        return columns.indices.map { index in
            guard visible.contains(index) else { return nil }
            var columnWidth = columns[index].width.minimum
            if case let .fill(_, weight) = columns[index].width, totalWeight > 0 {
                seenWeight += weight
                let share = spare * seenWeight / totalWeight - handedOut
                handedOut += share
                columnWidth += share
            }
            // Never past the table's width, even when columns that cannot hide do not fit.
            columnWidth = min(columnWidth, width - x)
            guard columnWidth > 0 else { return nil }
            defer { x += columnWidth + gap }
            return (x, columnWidth)
        }
    }

    public func render(in area: Rect, buffer: inout FrameBuffer) {
        guard !area.isEmpty else { return }
        let slots = layout(width: area.width)
        var body = area
        if let headerStyle {
            for (column, slot) in zip(columns, slots) {
                guard let slot else { continue }
                let cell = Rect(x: area.x + slot.x, y: area.y, width: slot.width, height: 1)
                draw([Span(column.title, style: headerStyle)], alignment: column.alignment, in: cell, buffer: &buffer)
            }
            body = area.dropTop(1)
        }
        let selected = selected.map { min($0, rows.count - 1) }
        let offset = Self.firstRow(selected: selected, height: body.height)
        for (line, rowIndex) in (offset..<rows.count).prefix(body.height).enumerated() {
            let y = body.y + line
            if rowIndex == selected {
                buffer.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: selectionStyle)
            }
            for (columnIndex, slot) in slots.enumerated() {
                guard let slot, columnIndex < rows[rowIndex].count else { continue }
                let cellArea = Rect(x: body.x + slot.x, y: y, width: slot.width, height: 1)
                switch rows[rowIndex][columnIndex] {
                case let .text(spans):
                    let spans = rowIndex == selected ? spans.map { Self.onSelection($0, selectionStyle) } : spans
                    draw(spans, alignment: columns[columnIndex].alignment, in: cellArea, buffer: &buffer)
                case let .fitting(variants, style):
                    let text = variants.first { $0.terminalWidth <= cellArea.width } ?? variants.last ?? ""
                    let span = Span(text, style: style)
                    draw([rowIndex == selected ? Self.onSelection(span, selectionStyle) : span],
                         alignment: columns[columnIndex].alignment, in: cellArea, buffer: &buffer)
                case let .widget(widget):
                    widget.render(in: cellArea, buffer: &buffer)
                    if rowIndex == selected {
                        buffer.restyle(cellArea) { $0.background(selectionStyle.background) }
                    }
                }
            }
        }
    }

    /// The row drawn first in a body `height` rows tall: the table scrolls just far enough
    /// for the selected row to be the last one shown.
    static func firstRow(selected: Int?, height: Int) -> Int {
        selected.map { max(0, $0 - height + 1) } ?? 0
    }

    private static func onSelection(_ span: Span, _ selection: Style) -> Span {
        Span(span.text, style: span.style.background(selection.background).adding(selection.modifiers))
    }

    private func draw(_ spans: [Span], alignment: TableColumn.Alignment, in cell: Rect, buffer: inout FrameBuffer) {
        let total = spans.reduce(0) { $0 + $1.text.terminalWidth }
        if total <= cell.width {
            let start = alignment == .right ? cell.maxX - total : cell.x
            TextLine(spans).render(in: Rect(x: start, y: cell.y, width: total, height: 1), buffer: &buffer)
        } else {
            let joined = spans.map(\.text).joined()
            let style = spans.first?.style ?? .plain
            buffer.write(Truncation.truncate(joined, width: cell.width, ellipsis: glyphs.ellipsis), x: cell.x, y: cell.y, style: style, limit: cell.maxX)
        }
    }
}
