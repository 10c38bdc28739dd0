import EcotopCore

/// `ecotop review list`: one line per session file, with its state; a file that is not a
/// session says why, sanitized.
public enum ReviewListText {
    public static func text(_ listings: [ReviewArchive.Listing]) -> String {
        let rows = [["ID", "STATE", "PERIOD", "ITEMS", "DECIDED", "STARTED"]] + listings.map { listing in
            switch listing.session {
            case .success(let session):
                [
                    session.id, session.isFinished ? "finished" : "open at item \(session.position + 1)", session.period.label,
                    "\(session.entries.count)", "\(session.decidedCount)", Timestamp(seconds: session.started).rfc3339,
                ]
            case .failure(let error):
                [listing.id, "unreadable: \(error)"]
            }
        }
        let widths = (0..<6).map { column in rows.filter { $0.count == 6 }.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.offset == row.count - 1 ? $0.element : $0.element.padding(to: widths[$0.offset]) }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
