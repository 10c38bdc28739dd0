import EcotopCore

extension AppModel {
    /// How many actions the palette remembers as recently used.
    public static let recentLimit = 20

    /// Actions an empty query lists last, in this order, and which are never remembered as
    /// recently used: Enter on an empty query must not quit, in this run or the next.
    static let lastListed = ["help", "back", "review_quit", "quit"]

    /// `:`: opens the palette over the screen in view, offering `keyed` (the key map's actions
    /// there) and the palette's own entries. An empty query lists the other screens first, then
    /// the actions in the key map's order and the palette's own, then help, back and quit.
    mutating func openPalette(keyed: [PaletteEntry]) {
        help = nil
        textEntry = nil
        let keyedActions = Set(keyed.map(\.action))
        let offered = keyed + ownPaletteEntries.filter { !keyedActions.contains($0.action) }
        let screens = offered.filter { $0.command.openedScreen != nil }
        let rest = offered.filter { $0.command.openedScreen == nil && !Self.lastListed.contains($0.action) }
        let last = Self.lastListed.compactMap { action in offered.first { $0.action == action } }
        palette = PaletteModel(entries: screens + rest + last, recent: recentActions.filter { !Self.lastListed.contains($0) })
    }

    /// A key while the palette is open: Enter closes it and runs the selected entry (which
    /// becomes the most recently used), Esc closes it, anything else edits the query or moves
    /// the selection.
    mutating func editPalette(_ edit: TextEdit, at time: Double) -> [AppEffect] {
        switch edit {
        case .submit:
            let entry = palette?.selected
            palette = nil
            guard let entry else { return [] }
            if !Self.lastListed.contains(entry.action) {
                recentActions = [entry.action] + recentActions.filter { $0 != entry.action }.prefix(Self.recentLimit - 1)
            }
            return update(.command(entry.command), at: time)
        case .cancel:
            palette = nil
        default:
            palette?.apply(edit)
        }
        return []
    }

    /// What the palette offers beyond keys: the panes when a screen is open, every other theme
    /// and range, filters of the list on view, a new review, annotations and saving the screen.
    var ownPaletteEntries: [PaletteEntry] {
        var entries: [PaletteEntry] = []
        if !screens.isEmpty { entries.append(entry(.showDashboard, "dashboard: close every screen and show the panes")) }
        entries += themeNames.indices.filter { $0 != themeIndex }.map { entry(.useTheme(themeNames[$0]), "theme: \(themeNames[$0])") }
        entries += TimeRange.allCases.filter { $0 != range }.map { entry(.useRange($0), "time range: the last \($0.label)") }
        entries += filterEntries
        entries.append(entry(.startNewReview, "review: start a new review of the last 30 days"))
        let subject = annotationSubject
        let about = (subject.integration ?? subject.component).map { " of \(TerminalText.sanitize($0))" } ?? ""
        entries += Annotation.Kind.allCases.map { kind in
            let annotation = Annotation(timestamp: 0, kind: kind, text: "", component: subject.component, integration: subject.integration)
            return entry(.annotate(annotation), "annotate: record \(kind.article) \(kind.rawValue)\(about) at the time on view")
        }
        entries += ScreenExportFormat.allCases.map { entry(.exportScreen($0), "export: save this screen as \($0.title)") }
        return entries
    }

    /// Filters of the list on view: the last one typed, problems only on the panes, and
    /// clearing the filter in force.
    private var filterEntries: [PaletteEntry] {
        guard let list = topList else { return [] }
        var entries: [PaletteEntry] = []
        if !list.filter.isEmpty { entries.append(entry(.applyFilter(""), "filter: clear \(list.filter.text)")) }
        if screens.isEmpty {
            entries.append(entry(.applyFilter("!OK"), "filter: metrics that are not OK (!OK)"))
            entries.append(entry(.applyFilter("CRIT"), "filter: critical metrics (CRIT)"))
        }
        if !lastFilter.isEmpty, lastFilter != list.filter.text, !entries.contains(where: { $0.command == .applyFilter(lastFilter) }) {
            entries.append(entry(.applyFilter(lastFilter), "filter: \(lastFilter) (the last one typed)"))
        }
        return entries
    }

    private func entry(_ command: Command, _ summary: String) -> PaletteEntry {
        PaletteEntry(action: command.name, summary: summary, command: command)
    }
}

extension Annotation.Kind {
    /// "a" or "an", as the palette writes "record an incident".
    fileprivate var article: String { self == .incident || self == .onboarding ? "an" : "a" }
}

extension ScreenExportFormat {
    /// The form's name in the palette.
    var title: String {
        switch self {
        case .svg: "SVG"
        case .text: "text"
        }
    }
}
