import EcotopCore

/// Aligned plain-text columns for the commands that print tables (`errors`, `alerts`).
public enum PlainTable {
    /// The header (upper-cased) and rows in columns two spaces apart, the last column not
    /// padded, every cell's outside text shown escaped; each line ends with `\n`.
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
