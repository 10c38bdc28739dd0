import EcotopApp
import EcotopCore
import EcotopEngine

/// Which screen fills the body of the dashboard.
public enum DashboardScreen: Hashable, Sendable {
    /// The four family panes.
    case overview
    /// One metric's large chart.
    case detail
    /// Integration health and error groups.
    case errors
    /// Each collector's health.
    case collectors
}

/// Everything a dashboard frame is drawn from, as plain values. `reduce` is the only place
/// that changes it in response to the user; the loop feeds it data and time.
public struct DashboardState: Sendable {
    public var ecosystemName: String
    /// The newest data; nil until the first read finishes.
    public var snapshot: EcosystemSnapshot?
    /// Why the last read failed, shown instead of stale numbers being passed off as fresh.
    public var dataError: String?
    /// Seconds since the Unix epoch at which the frame is drawn.
    public var now: Double
    public var range: TimeRange
    public var focus: MetricFamily
    /// The selected row of each family's pane.
    public var selection: [MetricFamily: Int]
    public var screen: DashboardScreen
    public var isHelpVisible: Bool
    public var isPaused: Bool
    public var themes: [Theme]
    public var themeIndex: Int
    public var glyphs: GlyphSet
    /// A short note for the footer, e.g. which theme was just chosen.
    public var notice: String?
    /// The errors view's data; read only while that view is open.
    public var errors: IntegrationErrorsReport?
    /// The selected error group in the errors view.
    public var errorSelection: Int
    /// The configured collectors' health; empty on the demo.
    public var collectors: [CollectorStatus]
    /// How current each source's data is; read only while the collectors view is open.
    public var freshness: DataFreshness?
    /// The integrations' health over the last hour, for the header; nil until measured.
    public var integrationHealth: IntegrationHealth?
    /// Why the configuration file could not be (re)loaded, each as `file:line:column: why`;
    /// empty when the configuration in force is the file's.
    public var configProblems: [String]

    public init(
        ecosystemName: String, now: Double, range: TimeRange = .oneHour, themes: [Theme], themeIndex: Int = 0,
        glyphs: GlyphSet = .unicode
    ) {
        self.ecosystemName = ecosystemName
        self.now = now
        self.range = range
        self.focus = .participation
        self.selection = [:]
        self.screen = .overview
        self.isHelpVisible = false
        self.isPaused = false
        self.errorSelection = 0
        self.collectors = []
        self.configProblems = []
        self.themes = themes.isEmpty ? [.monochrome] : themes
        self.themeIndex = min(max(0, themeIndex), self.themes.count - 1)
        self.glyphs = glyphs
    }

    /// The theme in use.
    public var theme: Theme { themes[themeIndex] }

    /// The selected row of the focused pane.
    public var selectedRow: Int { selection[focus] ?? 0 }

    /// The summary of the selected metric, once data has arrived.
    public var selectedSummary: MetricSummary? {
        guard let rows = snapshot?.summaries(in: focus), !rows.isEmpty else { return nil }
        return rows[min(selectedRow, rows.count - 1)]
    }

    /// Applies a user action and returns what the loop must do about it.
    public mutating func reduce(_ action: DashboardAction) -> [DashboardEffect] {
        notice = nil
        if isHelpVisible, action != .quit {
            if action == .toggleHelp || action == .back { isHelpVisible = false }
            return []
        }
        switch action {
        case .quit:
            return [.quit]
        case .toggleHelp:
            isHelpVisible = true
        case .back:
            guard screen != .overview else { return [] }
            screen = .overview
            errors = nil
            freshness = nil
            return [.reload]
        case .showErrors:
            guard screen != .errors else { return [] }
            screen = .errors
            errorSelection = 0
            return [.reload]
        case .showCollectors:
            guard screen != .collectors else { return [] }
            screen = .collectors
            return [.reload]
        case .selectPrevious where screen == .errors:
            errorSelection = max(0, errorSelection - 1)
        case .selectNext where screen == .errors:
            errorSelection = min(max(0, (errors?.fingerprints.count ?? 1) - 1), errorSelection + 1)
        case .focusNext:
            moveFocus(by: 1)
        case .focusPrevious:
            moveFocus(by: -1)
        case let .focusFamily(index):
            if MetricFamily.allCases.indices.contains(index) { focus = MetricFamily.allCases[index] }
        case .selectPrevious:
            selection[focus] = max(0, selectedRow - 1)
        case .selectNext:
            selection[focus] = min(rowCount(of: focus) - 1, selectedRow + 1)
        case .openDetail:
            guard selectedSummary != nil, screen == .overview else { return [] }
            screen = .detail
            return [.reload]
        case .togglePause:
            isPaused.toggle()
            notice = isPaused ? "paused" : "live"
            return isPaused ? [] : [.reload]
        case .refreshNow:
            return [.reload]
        case .longerRange:
            return changeRange(to: range.longer)
        case .shorterRange:
            return changeRange(to: range.shorter)
        case .nextTheme:
            themeIndex = (themeIndex + 1) % themes.count
            notice = "theme \(theme.name)"
        }
        return []
    }

    private mutating func moveFocus(by step: Int) {
        let families = MetricFamily.allCases
        focus = families[(focus.index + step + families.count) % families.count]
    }

    private func rowCount(of family: MetricFamily) -> Int {
        max(1, snapshot?.summaries(in: family).count ?? MetricCatalog.standard.metrics(in: family).count)
    }

    private mutating func changeRange(to newRange: TimeRange) -> [DashboardEffect] {
        guard newRange != range else { return [] }
        range = newRange
        notice = "range \(range.label)"
        return [.reload]
    }
}
