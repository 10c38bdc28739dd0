import EcotopApp
import EcotopCore
import EcotopEngine

/// The governance screen: the sources of truth and whether they agree, how fresh each source
/// is, who owns what, and the range's annotations (the screen's list). Wide terminals show two
/// columns (freshness and owners on the left); narrow ones stack the sections.
struct GovernanceView: ClickableView {
    let governance: GovernanceModel
    let context: ViewContext

    /// The width from which the sections sit in two columns.
    static let twoColumnWidth = 120

    func render(in area: Rect, buffer: inout FrameBuffer) {
        guard let report = governance.report else {
            LoadingNotice(what: "governance data", error: governance.error, context: context).render(in: area, buffer: &buffer)
            return
        }
        let theme = context.theme
        let breached = report.agreements.filter(\.isBreached).count
        let stale = report.freshness.staleEntries.count
        var note: [Span] = []
        if breached > 0 { note.append(Span(" \(counted(breached, "source")) of truth diverged ", style: theme.style(.critical, .bold))) }
        if stale > 0 { note.append(Span(" \(stale) stale ", style: theme.style(.stale, .bold))) }
        Pane(
            title: [Span(" Data governance ", style: theme.style(.focus, .bold))], note: note, borderStyle: theme.style(.focus),
            glyphs: context.glyphs
        ).markingFocus(if: context.marksFocus).render(in: area, buffer: &buffer)
        let sections = GovernanceSections(report: report, governance: governance, context: context)
        let parts = Self.parts(of: area, sections: sections)
        FreshnessTable(freshness: report.freshness, context: context).render(in: parts.freshness, buffer: &buffer)
        sections.renderOwners(in: parts.owners, buffer: &buffer)
        sections.renderAgreements(in: parts.agreements, buffer: &buffer)
        sections.renderAnnotations(in: parts.annotations, buffer: &buffer)
    }

    func clickRegions(in area: Rect) -> ClickRegions {
        guard let report = governance.report else { return ClickRegions() }
        let sections = GovernanceSections(report: report, governance: governance, context: context)
        return ClickRegions(list: sections.annotationRows(in: Self.parts(of: area, sections: sections).annotations))
    }

    /// Where the sections go inside the screen's pane in `area`. Wide terminals: freshness and
    /// owners on the left, the agreements and annotations on the right. Narrow ones: the
    /// agreements whole, owners and annotations as much as they need within a share of the
    /// rest, and the freshness table (stalest first) what is left.
    private static func parts(of area: Rect, sections: GovernanceSections)
        -> (freshness: Rect, owners: Rect, agreements: Rect, annotations: Rect)
    {
        let inner = Pane.inner(area).inset(horizontal: 1)
        let freshnessNeeds = FreshnessTable(freshness: sections.report.freshness, context: sections.context).height
        let agreementsHeight = min(sections.agreementsHeight, max(3, inner.height / 3))
        if inner.width >= Self.twoColumnWidth {
            let left = Rect(x: inner.x, y: inner.y, width: min(inner.width * 2 / 5, 56), height: inner.height)
            let right = Rect(x: left.maxX + 2, y: inner.y, width: inner.maxX - left.maxX - 2, height: inner.height)
            // Owners right under the freshness table, which gives up rows when both do not fit.
            let ownersHeight = min(sections.ownersHeight, max(3, left.height / 3))
            let freshnessHeight = min(freshnessNeeds, left.height - ownersHeight - 1)
            return (
                left.top(freshnessHeight), left.dropTop(freshnessHeight + 1).top(ownersHeight), right.top(agreementsHeight),
                right.dropTop(agreementsHeight + 1))
        }
        let rest = inner.dropTop(agreementsHeight + 1)
        let ownersHeight = min(sections.ownersHeight, max(3, rest.height / 4))
        let annotationsHeight = min(sections.annotationsHeight, max(3, (rest.height - ownersHeight - 2) / 2))
        let freshnessHeight = max(0, rest.height - ownersHeight - annotationsHeight - 2)
        return (
            rest.top(freshnessHeight), rest.bottom(ownersHeight), inner.top(agreementsHeight),
            rest.dropTop(freshnessHeight + 1).top(annotationsHeight))
    }
}
