import Foundation
import Testing

/// Whether `ECOTOP_RECORD_SNAPSHOTS=1` asks to re-record every snapshot a test run compares.
private var isRecording: Bool {
    ProcessInfo.processInfo.environment["ECOTOP_RECORD_SNAPSHOTS"] == "1"
}

/// Compares `text` with `Snapshots/<named>.txt` in the directory of the calling test's file,
/// e.g. `Tests/EcotopUITests/Snapshots/`; exclude that folder from the test target.
///
/// When the file is missing, or `ECOTOP_RECORD_SNAPSHOTS=1` is set, writes `text` there and
/// fails, saying so, so that a recorded snapshot is always looked at before it is committed.
/// Otherwise records an issue with a line-by-line diff when the two differ.
public func assertSnapshot(
    _ text: String, named name: String, filePath: StaticString = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let snapshotDirectory = URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent().appendingPathComponent("Snapshots")
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
public func lineDiff(expected: String, actual: String) -> String {
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
