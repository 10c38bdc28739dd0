import EcotopCore
import EcotopCollectors
import EcotopStore

/// The text table of collector health that `ecotop collect --once` and `ecotop collectors`
/// print, followed by each collector's error and rejected lines, which come from plugins and
/// are sanitized: no control character or escape sequence reaches the terminal.
public enum CollectorHealthTable {
    public static func render(_ health: [CollectorHealth]) -> String {
        var rows = [["NAME", "TYPE", "STATUS", "LAST RUN", "DURATION", "OK", "BAD", "NEXT RUN"]]
        for entry in health {
            rows.append([
                TerminalText.sanitize(entry.name), entry.type, entry.status.rawValue, entry.lastRun.map(TimeExpression.rfc3339) ?? "-",
                entry.lastDuration.map { String(format3: $0) + " s" } ?? "-", String(entry.recordsOK), String(entry.recordsBad),
                entry.nextRun.map(TimeExpression.rfc3339) ?? "-",
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            zip(row, widths).map { $0.padding(to: $1) }.joined(separator: "  ").trimmingTrailingSpaces
        }
        for entry in health {
            if let error = entry.lastError { lines.append(TerminalText.sanitize("\(entry.name): error: \(error)")) }
            for problem in entry.problems { lines.append("  " + TerminalText.sanitize(problem)) }
        }
        return lines.joined(separator: "\n")
    }
}

private extension String {
    init(format3 value: Double) {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        self = "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
