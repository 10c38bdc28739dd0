import EcotopCore
import EcotopEngine

/// Everything a frame is drawn from, as plain values: the session in force, the shared view
/// settings (range, clock, pause, theme), the family panes, the screens opened over them and
/// the help overlay. `update` is the only place that changes it; it never reads or waits, it
/// returns effects for the loop to run.
public struct AppModel: Sendable {
    public var session: SessionStatus
    /// Seconds since the Unix epoch at which the frame is drawn; frozen while paused.
    public var now: Double
    /// When the user paused; nil while live.
    public var pausedAt: Double?
    public var range: TimeRange
    /// The names of the themes `t` cycles through, and the one in use.
    public var themeNames: [String]
    public var themeIndex: Int
    /// A short note for the footer, e.g. which theme was just chosen.
    public var notice: String?
    public var dashboard: DashboardModel
    /// Screens opened over the panes, the top one last; empty on the dashboard.
    public var screens: [Screen] = []
    /// The help overlay, when open.
    public var help: HelpModel?
    /// Whether the overlay of frame timings and memory is shown (F12, `--debug`).
    public var showsTimings = false
    /// The terminal's columns, which set the detail chart's resolution.
    public var columns = 80
    /// The line being typed, when one is (a filter, a comment, an owner); every key edits it
    /// until Enter or Esc.
    public var textEntry: TextEntry?
    /// The last filter typed, which `/` brings back.
    public var lastFilter = ""
    /// The command palette, when open (`:`); every key edits its query until Enter or Esc.
    public var palette: PaletteModel?
    /// The actions run from the palette, most recent first, which it lists first.
    public var recentActions: [String] = []

    public init(session: SessionStatus, now: Double, range: TimeRange = .oneHour, themeNames: [String] = ["dark"], themeIndex: Int = 0) {
        self.session = session
        self.now = now
        self.range = range
        self.themeNames = themeNames.isEmpty ? ["dark"] : themeNames
        self.themeIndex = min(max(0, themeIndex), self.themeNames.count - 1)
        dashboard = DashboardModel(focus: session.catalog.families.first ?? .participation)
    }

    public var isPaused: Bool { pausedAt != nil }

    /// The catalog in force: it drives the panes, their rows and the pane keys.
    public var catalog: MetricCatalog { session.catalog }

    /// The screen on top, nil on the dashboard.
    public var topScreen: Screen? { screens.last }

    /// Whether keys are text being typed rather than commands.
    public var isEditingText: Bool { textEntry != nil || palette != nil }

    /// The `/` filter being typed, when one is.
    public var filterEditor: LineEditor? { textEntry?.purpose == .filter ? textEntry?.editor : nil }

    /// The kind of the screen in view.
    public var screenKind: ScreenKind { topScreen?.kind ?? .dashboard }

    /// The summary of the focused pane's selected metric, once data has arrived.
    public var selectedSummary: MetricSummary? {
        guard let metric = dashboard.selectedMetric(in: dashboard.focus, catalog: catalog) else { return nil }
        return dashboard.snapshot?.summaries.first { $0.definition.id == metric.id }
    }

    /// The reads of the first frame: a quick one without anomaly detection, then the full one.
    public mutating func start() -> [AppEffect] {
        [.load(LoadRequest(.dashboard(range, detectingAnomalies: false), at: now))] + reload()
    }

    /// Applies an action at `time` (the wall clock; ignored while paused) and returns what the
    /// loop must do about it.
    public mutating func update(_ action: AppAction, at time: Double) -> [AppEffect] {
        if !isPaused { now = time }
        switch action {
        case .command(let command):
            notice = nil
            return perform(command, at: time)
        case .tick:
            return isPaused ? [.load(LoadRequest(.status, at: time))] : reload()
        case let .resized(columns, _):
            self.columns = columns
            return topScreen.map { _ in reload() } ?? []
        case .loaded(let result):
            let bells = session.alertBells
            receive(result)
            receiveSave(result)
            let effects = receiveReview(result, at: time)
            return session.alertBells > bells ? effects + [.bell] : effects
        case .edit(let edit):
            if palette != nil { return editPalette(edit, at: time) }
            switch textEntry?.purpose {
            case .filter?:
                editFilter(edit)
                return []
            case .annotation(let annotation)?:
                return editAnnotation(edit, annotating: annotation)
            default:
                return editReviewText(edit, at: time)
            }
        case .openPalette(let keyed):
            notice = nil
            openPalette(keyed: keyed)
            return []
        }
    }

    /// Everything the screens on view read at a refresh: the panes and header, and the top
    /// screen's own data.
    func reload() -> [AppEffect] {
        var kinds: [LoadRequest.Kind] = [.dashboard(range, detectingAnomalies: true)]
        kinds += topScreen?.loads(range: range, columns: columns) ?? []
        return kinds.map { .load(LoadRequest($0, at: now)) }
    }

    private mutating func perform(_ command: Command, at time: Double) -> [AppEffect] {
        if help != nil, let effects = performInHelp(command) { return effects }
        if let effects = performOnMap(command) { return effects }
        if let effects = performOnReview(command, at: time) { return effects }
        switch command {
        case .quit:
            return [.quit]
        case .toggleHelp:
            help = HelpModel()
        case .back:
            if clearFilter() { return [] }
            if case .errors(var model)? = topScreen, model.goUp() {
                screens[screens.count - 1] = .errors(model)
                return []
            }
            guard !screens.isEmpty else { return [] }
            screens.removeLast()
            return reload()
        case .showErrors:
            return open(.errors(ErrorsModel()))
        case .showCollectors:
            return open(.collectors(CollectorsModel()))
        case .showMap:
            return open(.map(MapModel()))
        case .showGovernance:
            return open(.governance(GovernanceModel()))
        case .showReview:
            return open(.review(ReviewModel()))
        case .review, .selectComponent:
            return []
        case .showAlerts:
            return open(.alerts(AlertsModel()))
        case .acknowledgeAlert, .silenceAlert:
            return changeSelectedAlert(command)
        case .openDetail:
            if case .alerts? = topScreen { return openAlertContext() }
            if case .errors(var model)? = topScreen {
                if model.drillDown() { screens[screens.count - 1] = .errors(model) }
                return []
            }
            guard screens.isEmpty, let metric = dashboard.selectedMetric(in: dashboard.focus, catalog: catalog) else { return [] }
            screens.append(.detail(DetailModel(metric: metric.id)))
            return reload()
        case .selectPrevious, .selectNext:
            return moveSelection(by: command == .selectNext ? 1 : -1)
        case .selectRow(let row) where screens.isEmpty:
            dashboard.selectRow(row, catalog: catalog)
        case .selectRow(let row):
            selectRowOnScreen(row)
        case .focusNext where screens.isEmpty:
            dashboard.moveFocus(by: 1, catalog: catalog)
        case .focusPrevious where screens.isEmpty:
            dashboard.moveFocus(by: -1, catalog: catalog)
        case .focusFamily(let index) where screens.isEmpty:
            if catalog.families.indices.contains(index) { dashboard.focus = catalog.families[index] }
        case .focusNext, .focusPrevious, .focusFamily:
            return []
        case .togglePause where isPaused:
            pausedAt = nil
            now = time
            notice = "live"
            return reload()
        case .togglePause:
            pausedAt = now
            notice = "paused"
        case .refreshNow:
            return reload()
        case .longerRange:
            return changeRange(to: range.longer)
        case .shorterRange:
            return changeRange(to: range.shorter)
        case .nextTheme:
            themeIndex = (themeIndex + 1) % themeNames.count
            notice = "theme \(themeNames[themeIndex])"
        case .startFilter:
            startFilter()
        case .cycleSort:
            cycleSort()
        case .splitMetric:
            guard case .detail(var model)? = topScreen else { return [] }
            model.cycleSplit()
            screens[screens.count - 1] = .detail(model)
            notice = model.split.map { "by \($0)" } ?? "undivided"
            return reload()
        case .toggleTimings:
            showsTimings.toggle()
        case .openPalette:
            // The palette opens through `AppAction.openPalette`, which carries the keys in force.
            return []
        case .showDashboard:
            guard !screens.isEmpty else { return [] }
            screens.removeAll()
            return reload()
        case .useTheme(let name):
            guard let index = themeNames.firstIndex(of: name) else { return [] }
            themeIndex = index
            notice = "theme \(name)"
        case .useRange(let newRange):
            return changeRange(to: newRange)
        case .applyFilter(let text):
            applyFilter(text)
        case .startNewReview:
            screens = [.review(ReviewModel(start: .new(.standard)))]
            return reload()
        case .annotate(let annotation):
            textEntry = TextEntry(.annotation(annotation))
        case .exportScreen(let format):
            return [.exportScreen(format)]
        }
        return []
    }

    /// Keys while the help overlay is open: it scrolls, closes, or lets the user quit; every
    /// other key is swallowed. Nil for quit, which the overlay passes on.
    private mutating func performInHelp(_ command: Command) -> [AppEffect]? {
        switch command {
        case .quit:
            return nil
        case .toggleHelp, .back:
            help = nil
        case .selectNext:
            help?.offset += 1
        case .selectPrevious:
            if let offset = help?.offset { help?.offset = max(0, offset - 1) }
        default:
            break
        }
        return []
    }

    /// Opens a top-level screen in place of whatever screens are open.
    mutating func open(_ screen: Screen) -> [AppEffect] {
        if let top = topScreen, top.isSameKind(as: screen) { return [] }
        screens = [screen]
        return reload()
    }

    private mutating func moveSelection(by step: Int) -> [AppEffect] {
        switch topScreen {
        case nil:
            dashboard.moveSelection(by: step, catalog: catalog)
        case .errors(var model):
            guard let report = model.report else { return [] }
            model.updateTop { $0.moveSelection(by: step, in: report) }
            screens[screens.count - 1] = .errors(model)
        case .detail:
            // The detail follows the selection through its family, reading the new metric.
            dashboard.moveSelection(by: step, catalog: catalog)
            guard let metric = dashboard.selectedMetric(in: dashboard.focus, catalog: catalog) else { return [] }
            screens[screens.count - 1] = .detail(DetailModel(metric: metric.id))
            return reload()
        case .governance(var model):
            model.moveSelection(by: step)
            screens[screens.count - 1] = .governance(model)
        case .alerts(var model):
            model.moveSelection(by: step)
            screens[screens.count - 1] = .alerts(model)
        case .collectors, .map, .review:
            break
        }
        return []
    }

    private mutating func changeRange(to newRange: TimeRange) -> [AppEffect] {
        guard newRange != range else { return [] }
        range = newRange
        notice = "range \(range.label)"
        return reload()
    }
}
