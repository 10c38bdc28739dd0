import EcotopCore
import EcotopEngine
import Foundation

/// The report of a review (`ecotop review export ID --format markdown|json`): each item with
/// its decision, owner, comment and the figures that were on screen, and what changed since
/// the last review. Text that came from the session file is sanitized: control characters and
/// escape sequences never reach whoever reads the report in a terminal.
public enum ReviewExport {
    /// The report formats.
    public enum Format: String, CaseIterable, Sendable {
        case markdown, json
    }

    /// The report of `session` in `format`.
    public static func text(of session: ReviewSession, format: Format) -> String {
        switch format {
        case .markdown: markdown(session)
        case .json: json(session)
        }
    }

    static func markdown(_ session: ReviewSession) -> String {
        var lines = [
            "# Review \(session.id): \(inline(session.ecosystem))",
            "",
            "- Period: \(session.period.label) ending \(Timestamp(seconds: session.started).rfc3339)",
            "- State: " + (session.finished.map { "finished \(Timestamp(seconds: $0).rfc3339)" } ?? "unfinished, at item \(session.position + 1)"),
            "- Decided: \(session.decidedCount) of \(session.entries.count) items",
        ]
        if let changes = session.sinceLast {
            lines += [
                "", "## Since review \(inline(changes.previousReview))", "",
                "- Resolved: " + list(changes.resolved), "- New: " + list(changes.new),
                "- Value up: " + list(changes.scoresUp), "- Value down: " + list(changes.scoresDown),
            ]
        }
        if let scorecards = session.scorecards, !scorecards.isEmpty {
            lines += ["", "## Scorecards", "", row(ReviewScorecardText.header), "|---|---|" + String(repeating: "---:|", count: ReviewScorecardText.header.count - 2)]
            lines += scorecards.map { row(ReviewScorecardText.cells($0)) }
        }
        for (index, entry) in session.entries.enumerated() {
            let item = entry.item
            lines += ["", "## \(index + 1). \(item.kind.title): \(inline(item.subject))", "", inline(item.reason), ""]
            lines.append("- Decision: " + (entry.decision?.rawValue ?? "none"))
            lines.append("- Owner: " + (entry.owner.map(inline) ?? "none"))
            lines.append("- Comment: " + (entry.comment.map(inline) ?? "none"))
            if let carried = entry.carried {
                lines.append("- Carried over from review \(inline(carried.review)): \(carried.decision.rawValue)" + (carried.comment.map { " (\(inline($0)))" } ?? ""))
            }
            if !item.figures.isEmpty {
                lines += ["", "| Figure | This period | Period before | Change |", "|---|---:|---:|---:|"]
                lines += item.figures.map { figure in
                    row([
                        figure.name, ReviewFigureText.value(figure.current, unit: figure.unit),
                        ReviewFigureText.value(figure.previous, unit: figure.unit), ReviewFigureText.change(of: figure),
                    ])
                }
            }
            if !item.errorGroups.isEmpty {
                lines += ["", "Recent error groups:", ""] + item.errorGroups.map { "- `\(inline($0).replacingOccurrences(of: "`", with: "'"))`" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ session: ReviewSession) -> String {
        let items = session.entries.enumerated().map { index, entry in
            let item = entry.item
            let figures = item.figures.map(figure)
            let carried = entry.carried.map { carried in
                "{\"review\":\(quoted(carried.review)),\"decision\":\(quoted(carried.decision.rawValue)),"
                    + "\"owner\":\(optional(carried.owner)),\"comment\":\(optional(carried.comment))}"
            } ?? "null"
            return "{\"position\":\(index + 1),\"id\":\(quoted(item.id)),\"kind\":\(quoted(item.kind.rawValue)),"
                + "\"subject\":\(quoted(item.subject)),\"reason\":\(quoted(item.reason)),\"severity\":\(item.severity),"
                + "\"decision\":\(optional(entry.decision?.rawValue)),\"owner\":\(optional(entry.owner)),"
                + "\"comment\":\(optional(entry.comment)),\"carried\":\(carried),\"figures\":[\(figures.joined(separator: ","))],"
                + "\"error_groups\":[\(item.errorGroups.map(quoted).joined(separator: ","))]}"
        }
        let scorecards = session.scorecards.map { rows in
            "[" + rows.map { row in
                "{\"component\":\(quoted(row.component)),\"role\":\(quoted(row.role.rawValue)),\"degree\":\(row.degree),"
                    + "\"critical_edges\":\(row.criticalEdges),\"value\":\(figure(row.value)),\"monthly_cost\":\(JSONText.number(row.monthlyCost)),"
                    + "\"value_per_cost\":\(figure(row.valuePerCost)),\"failures\":\(figure(row.failures)),"
                    + "\"failure_rate\":\(JSONText.number(row.failureRate)),\"stale_sources\":\(row.staleSources)}"
            }.joined(separator: ",") + "]"
        } ?? "null"
        let changes = session.sinceLast.map { changes in
            "{\"previous_review\":\(quoted(changes.previousReview)),\"resolved\":\(strings(changes.resolved)),"
                + "\"new\":\(strings(changes.new)),\"value_up\":\(strings(changes.scoresUp)),\"value_down\":\(strings(changes.scoresDown))}"
        } ?? "null"
        return "{\"id\":\(quoted(session.id)),\"ecosystem\":\(quoted(session.ecosystem)),\"period\":\(quoted(session.period.label)),"
            + "\"started\":\(quoted(Timestamp(seconds: session.started).rfc3339)),"
            + "\"finished\":\(optional(session.finished.map { Timestamp(seconds: $0).rfc3339 })),"
            + "\"since_last\":\(changes),\"scorecards\":\(scorecards),\"items\":[\(items.joined(separator: ","))]}\n"
    }

    /// A figure with its raw numbers and its unit's name.
    private static func figure(_ figure: ReviewFigure) -> String {
        "{\"name\":\(quoted(figure.name)),\"current\":\(JSONText.number(figure.current)),"
            + "\"previous\":\(JSONText.number(figure.previous)),\"unit\":\(quoted(figure.unit.name))}"
    }

    /// A Markdown table row of `cells`.
    private static func row(_ cells: [String]) -> String {
        "| " + cells.map(cell).joined(separator: " | ") + " |"
    }

    /// Session text on one line, sanitized.
    private static func inline(_ text: String) -> String {
        TerminalText.sanitize(text).replacingOccurrences(of: "\n", with: " ")
    }

    /// Session text in a table cell: its bars escaped.
    private static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    private static func list(_ ids: [String]) -> String {
        ids.isEmpty ? "none" : ids.map(inline).joined(separator: ", ")
    }

    private static func quoted(_ text: String) -> String { JSONText.quoted(text) }
    private static func optional(_ text: String?) -> String { text.map(quoted) ?? "null" }
    private static func strings(_ texts: [String]) -> String { "[" + texts.map(quoted).joined(separator: ",") + "]" }
}
