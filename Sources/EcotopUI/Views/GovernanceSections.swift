import EcotopApp
import EcotopCore
import EcotopEngine

/// The four sections of the governance screen, each a title line over a table, drawn into
/// whatever rectangle the layout gives it.
struct GovernanceSections {
    let report: GovernanceReport
    let governance: GovernanceModel
    let context: ViewContext

    /// Rows the agreements need: title, header, one per agreement (or the empty note).
    var agreementsHeight: Int { 2 + max(1, report.agreements.count) }
    /// Rows the annotations on view need.
    var annotationsHeight: Int { 2 + max(1, governance.visibleAnnotations(of: report).count) }
    /// Rows the owners need.
    var ownersHeight: Int { 2 + max(1, report.owners.count) }

    // MARK: - Sources of truth

    func renderAgreements(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        guard !title("Sources of truth", note: [], in: area, buffer: &buffer) else { return }
        guard !report.agreements.isEmpty else {
            return empty("No agreements: governance.agreements lists pairs of series that must agree (docs/config.md).", in: area, buffer: &buffer)
        }
        Table(
            columns: [
                TableColumn("State", width: .fixed(8)),
                TableColumn("Agreement", width: .fill(min: 14)),
                TableColumn("Reference", width: .fixed(9), alignment: .right),
                TableColumn("Compared", width: .fixed(9), alignment: .right),
                TableColumn("Diverged", width: .fixed(9), alignment: .right),
                TableColumn("Allowed", width: .fixed(7), alignment: .right, hidePriority: 1),
                TableColumn("Series", width: .fill(min: 36), hidePriority: 2),
            ],
            rows: report.agreements.map { check in
                let state: (String, ThemeRole) = check.divergence == nil ? ("NO DATA", .stale) : (check.isBreached ? ("DIVERGED", .critical) : ("AGREE", .ok))
                return [
                    .text(state.0, style: theme.style(state.1, .bold)),
                    .text(TerminalText.sanitize(check.agreement.name), style: theme.style(.text)),
                    .text(check.reference.map(NumberFormat.grouped) ?? "--", style: theme.style(.text)),
                    .text(check.compared.map(NumberFormat.grouped) ?? "--", style: theme.style(.text)),
                    .text(check.divergence.map(\.text) ?? "--", style: theme.style(check.isBreached ? .critical : .muted, check.isBreached ? .bold : [])),
                    .text(check.agreement.tolerance.text, style: theme.style(.muted)),
                    .text(TerminalText.sanitize("\(check.agreement.reference) vs \(check.agreement.compared)"), style: theme.style(.muted)),
                ]
            },
            selected: nil, headerStyle: theme.style(.muted), selectionStyle: .plain, glyphs: context.glyphs
        ).render(in: area.dropTop(1), buffer: &buffer)
    }

    // MARK: - Owners

    func renderOwners(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        guard !title("Owners", note: [], in: area, buffer: &buffer) else { return }
        guard !report.owners.isEmpty else {
            return empty("No owners: governance.owners maps a metric, family or component to its owner.", in: area, buffer: &buffer)
        }
        Table(
            columns: [
                TableColumn("Data or component", width: .fill(min: 16, weight: 2)),
                TableColumn("Kind", width: .fixed(9), hidePriority: 1),
                TableColumn("Owner", width: .fill(min: 12, weight: 2)),
            ],
            rows: report.owners.map { owned in
                [
                    .text(TerminalText.sanitize(owned.name), style: theme.style(.text)),
                    .text(owned.kind.rawValue, style: theme.style(.muted)),
                    .text(TerminalText.sanitize(owned.owner), style: theme.style(.accent)),
                ]
            },
            selected: nil, headerStyle: theme.style(.muted), selectionStyle: .plain, glyphs: context.glyphs
        ).render(in: area.dropTop(1), buffer: &buffer)
    }

    // MARK: - Annotations

    func renderAnnotations(in area: Rect, buffer: inout FrameBuffer) {
        let theme = context.theme
        let list = governance.annotations
        let visible = governance.visibleAnnotations(of: report)
        var note = [Span("\(visible.count) in \(context.range.label)", style: theme.style(.muted))]
        if !list.filter.isEmpty { note.append(Span("  /\(TerminalText.sanitize(list.filter.text))", style: theme.style(.warn, .bold))) }
        note.append(Span("  sort \(GovernanceModel.annotationList.sortName(list))", style: theme.style(.muted)))
        guard !title("Annotations", note: note, in: area, buffer: &buffer) else { return }
        guard !visible.isEmpty else {
            let text = report.annotations.isEmpty
                ? "No annotations in this range: ecotop annotate \"text\" --kind deploy adds one."
                : "No annotation matches the filter; Esc clears it."
            return empty(text, in: area, buffer: &buffer)
        }
        Table(
            columns: [
                TableColumn("Time", width: .fixed(14)),
                TableColumn("Kind", width: .fixed(10)),
                TableColumn("Component", width: .fixed(14), hidePriority: 1),
                TableColumn("Annotation", width: .fill(min: 16)),
            ],
            rows: visible.map { annotation in
                [
                    .text(context.clock.monthDay(annotation.timestamp) + " " + context.clock.timeOfDay(annotation.timestamp, withSeconds: false),
                          style: theme.style(.muted)),
                    .text(annotation.kind.rawValue, style: theme.style(AnnotationStyle.role(of: annotation.kind), .bold)),
                    .text(TerminalText.sanitize(annotation.component ?? annotation.integration ?? "-"), style: theme.style(.muted)),
                    .text(TerminalText.sanitize(annotation.text), style: theme.style(.text)),
                ]
            },
            selected: list.selectedRow(in: visible, as: GovernanceModel.annotationList), headerStyle: theme.style(.muted),
            selectionStyle: context.selectionStyle, glyphs: context.glyphs
        ).render(in: Self.table(in: area), buffer: &buffer)
    }

    /// Where the annotations' rows are when the section is drawn in `area`; nil when none are.
    func annotationRows(in area: Rect) -> ClickRegions.ListRegion? {
        ClickRegions.ListRegion(
            table: Self.table(in: area), listing: governance.visibleAnnotations(of: report), state: governance.annotations,
            as: GovernanceModel.annotationList)
    }

    // MARK: - Parts

    /// Where a section's table goes in its `area`: under its title line.
    private static func table(in area: Rect) -> Rect {
        area.dropTop(1)
    }

    /// Draws a section's title line; true when the area has no room for more.
    private func title(_ text: String, note: [Span], in area: Rect, buffer: inout FrameBuffer) -> Bool {
        guard !area.isEmpty else { return true }
        TextLine([Span(text + "  ", style: context.theme.style(.title, .bold))] + note).render(in: area.top(1), buffer: &buffer)
        return area.height < 2
    }

    private func empty(_ text: String, in area: Rect, buffer: inout FrameBuffer) {
        buffer.write(
            Truncation.truncate(text, width: area.width, ellipsis: context.glyphs.ellipsis), x: area.x, y: area.y + 1,
            style: context.theme.style(.muted), limit: area.maxX)
    }
}

/// How an annotation kind is coloured wherever it is drawn: the list and the chart marks.
enum AnnotationStyle {
    /// The letter that marks the kind on a chart.
    static func letter(of kind: Annotation.Kind) -> Unicode.Scalar {
        switch kind {
        case .deploy: "D"
        case .onboarding: "O"
        case .incident: "I"
        case .note: "N"
        }
    }

    /// The colour of the kind.
    static func role(of kind: Annotation.Kind) -> ThemeRole {
        switch kind {
        case .incident: .critical
        case .deploy: .accent
        case .onboarding: .ok
        case .note: .muted
        }
    }
}
