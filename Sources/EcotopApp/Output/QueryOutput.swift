import EcotopCore
import EcotopStore

/// How `ecotop query` prints points.
public enum QueryOutputFormat: String, CaseIterable, Sendable {
    /// One object per line in the ingest shape, so output can be ingested again.
    case jsonl
    /// `ts,series,value` with a header line.
    case csv
    /// Aligned columns for reading.
    case table
}

/// Writes query results in the chosen format, buffering stdout.
public struct QueryOutput {
    public let format: QueryOutputFormat
    private var buffer = ""
    private var rows: [(String, String, String)] = []

    public init(format: QueryOutputFormat) {
        self.format = format
        if format == .csv { buffer = "ts,series,value\n" }
    }

    public mutating func write(key: SeriesKey, point: SeriesPoint) {
        switch format {
        case .jsonl:
            buffer += "{\"ts\":\(number(point.timestamp)),\"name\":\(quoted(key.name)),\"labels\":{"
            buffer += key.labels.map { "\(quoted($0.name)):\(quoted($0.value))" }.joined(separator: ",")
            buffer += "},\"value\":\(number(point.value))}\n"
        case .csv:
            buffer += "\(number(point.timestamp)),\(CSVText.field(key.description)),\(number(point.value))\n"
        case .table:
            rows.append((TimeExpression.rfc3339(point.timestamp), TerminalText.escaped(key.description), number(point.value)))
        }
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    public mutating func finish() {
        if format == .table {
            let widths = (rows.map(\.0.count).max() ?? 0, max(6, rows.map(\.1.count).max() ?? 0))
            func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
            buffer += pad("TIME", widths.0) + "  " + pad("SERIES", widths.1) + "  VALUE\n"
            for row in rows { buffer += pad(row.0, widths.0) + "  " + pad(row.1, widths.1) + "  " + row.2 + "\n" }
        }
        flush()
    }

    private mutating func flush() {
        print(buffer, terminator: "")
        buffer = ""
    }

    private func number(_ value: Double) -> String { JSONText.number(value) }

    private func quoted(_ text: String) -> String { JSONText.quoted(text) }
}
