import EcotopUI
import Foundation
import Testing

/// The directory holding the committed snapshot files, next to this source file.
private let snapshotDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

/// Whether `ECOTOP_RECORD_SNAPSHOTS=1` asks to re-record every snapshot a test run compares.
private var isRecording: Bool {
    ProcessInfo.processInfo.environment["ECOTOP_RECORD_SNAPSHOTS"] == "1"
}

/// Compares `text` with `Tests/EcotopUITests/Snapshots/<named>.txt`.
///
/// When the file is missing, or `ECOTOP_RECORD_SNAPSHOTS=1` is set, writes `text` there and
/// fails, saying so, so that a recorded snapshot is always looked at before it is committed.
/// Otherwise records an issue with a line-by-line diff when the two differ.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let file = snapshotDirectory.appendingPathComponent(name + ".txt")
    let recorded = try? String(contentsOf: file, encoding: .utf8)
    guard let recorded, !isRecording else {
        do {
            try FileManager.default.createDirectory(at: snapshotDirectory, withIntermediateDirectories: true)
            try (text + "\n").write(to: file, atomically: true, encoding: .utf8)
            Issue.record(
                "Recorded snapshot '\(name)' at \(file.path); review it and run again without ECOTOP_RECORD_SNAPSHOTS.",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("Cannot record snapshot '\(name)' at \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    let expected = recorded.hasSuffix("\n") ? String(recorded.dropLast()) : recorded
    guard expected != text else { return }
    Issue.record(
        """
        Snapshot '\(name)' differs (- recorded, + actual); \
        set ECOTOP_RECORD_SNAPSHOTS=1 to re-record if the change is intended.
        \(lineDiff(expected: expected, actual: text))
        """,
        sourceLocation: sourceLocation)
}

/// The lines that differ, by line number, each as `-` recorded and `+` actual between bars so
/// that leading and trailing spaces show.
func lineDiff(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var report: [String] = []
    for index in 0..<max(old.count, new.count) {
        let before = index < old.count ? old[index] : nil
        let after = index < new.count ? new[index] : nil
        guard before != after else { continue }
        report.append("line \(index + 1):")
        if let before { report.append("- |\(before)|") }
        if let after { report.append("+ |\(after)|") }
    }
    return report.joined(separator: "\n")
}

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
