import EcotopCore

/// Aligned plain-text columns for the commands that print tables (`errors`, `report`): an
/// upper-case header line, then one line per row, columns two spaces apart, the last column
/// unpadded. Text from outside is shown escaped.
public enum TextTable {
    /// The table of `rows` under `header`; every row has one field per header column.
    public static func render(_ header: [String], _ rows: [[String]]) -> String {
        let safe = rows.map { $0.map { TerminalText.escaped($0) } }
        let widths = header.indices.map { column in ([header[column]] + safe.map { $0[column] }).map(\.count).max() ?? 0 }
        let lines = ([header.map { $0.uppercased() }] + safe).map { row in
            row.enumerated().map { $0.offset == row.count - 1 ? $0.element : $0.element.padding(to: widths[$0.offset]) }
                .joined(separator: "  ")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
