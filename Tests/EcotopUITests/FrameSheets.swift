import EcotopUI

/// One character per cell of `region` (the whole buffer by default) naming the cell's style
/// by `legend`: `.` for the plain style and `?` for a style the legend does not name, so a
/// test can state which cells are coloured how, e.g. `"ffff····"` for a gauge's fill.
func styleMap(of buffer: FrameBuffer, in region: Rect? = nil, legend: [Character: Style]) -> String {
    var names: [Style: Character] = [.plain: "."]
    for (letter, style) in legend {
        precondition(names[style] == nil || style == .plain, "two letters name the same style")
        names[style] = letter
    }
    let area = (region ?? buffer.area).intersection(buffer.area)
    return (area.y..<area.maxY).map { y in
        String((area.x..<area.maxX).map { x in names[buffer[x, y].style] ?? "?" })
    }.joined(separator: "\n")
}

/// A fresh buffer of `width`×`height` with `widget` drawn over all of it.
func frame(width: Int, height: Int, _ widget: some Widget) -> FrameBuffer {
    var buffer = FrameBuffer(size: Size(width: width, height: height))
    widget.render(in: buffer.area, buffer: &buffer)
    return buffer
}

/// One-row widgets side by side for one snapshot: each drawn into its own row of `width`
/// columns and shown as `label |row|`, so that the snapshot shows where the area ends.
func rowSheet(width: Int, _ rows: [(label: String, widget: any Widget)]) -> String {
    let labelWidth = rows.map(\.label.count).max() ?? 0
    return rows.map { row in
        let text = frame(width: width, height: 1, row.widget).text
        let label = row.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
        return label + " |" + text + String(repeating: " ", count: width - text.terminalWidth) + "|"
    }.joined(separator: "\n")
}
