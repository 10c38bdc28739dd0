import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopEngine
import EcotopStore
import EcotopUI

/// The dashboard's state together with where its data comes from: the part of the
/// running program that is not drawing or reading keys.
struct DashboardSession {
    var state: DashboardState
    var builder: SnapshotBuilder
    /// Where the errors view reads integration events.
    let events: any EventSource
    var ecosystem: Ecosystem
    let clock: any WallClock
    /// When the header's integration health was last measured. An hour of events is read
    /// once a minute, not at every refresh: the store keeps events in day-long segments.
    private var integrationHealthTime: Double?
    static let integrationHealthInterval: Double = 60
    /// The configured collectors, when the dashboard runs on a configuration.
    var collectors: CollectorRuntime?
    /// Writes the simulator's data through the store as time passes, when the dashboard shows a
    /// demo store's history.
    var recorder: DemoRecorder?

    /// A session on the built-in demo ecosystem, its history read from `history` (the store)
    /// or, without one, computed by the simulator.
    static func demo(
        seed: UInt64, clock: any WallClock, themeName: String, glyphs: GlyphSet, history: (any SeriesSource)? = nil,
        events: (any EventSource)? = nil
    ) throws -> DashboardSession {
        let simulator = DemoSimulator(seed: seed)
        let themes = try loadThemes()
        let themeIndex = try themeIndex(of: themeName, in: themes)
        let state = DashboardState(
            ecosystemName: simulator.ecosystem.name, now: clock.now(), themes: themes.themes, themeIndex: themeIndex,
            glyphs: glyphs)
        return DashboardSession(
            state: state, builder: SnapshotBuilder(source: history ?? DemoSeriesSource(simulator: simulator)),
            events: events ?? simulator, ecosystem: simulator.ecosystem, clock: clock)
    }

    /// A session on a configured ecosystem: history and events from the store the collectors
    /// write to.
    static func configured(
        _ runtime: CollectorRuntime, reader: StoreReader, clock: any WallClock, themeName: String, glyphs: GlyphSet
    ) throws -> DashboardSession {
        let configuration = runtime.configured.configuration
        let themes = try loadThemes()
        let state = DashboardState(
            ecosystemName: configuration.ecosystem.name, now: clock.now(), themes: themes.themes,
            themeIndex: try themeIndex(of: themeName, in: themes), glyphs: glyphs)
        return DashboardSession(
            state: state, builder: SnapshotBuilder(source: reader, configuration: configuration), events: reader,
            ecosystem: configuration.ecosystem, clock: clock, collectors: runtime)
    }

    private static func loadThemes() throws -> ThemeCatalog {
        try ThemeCatalog.load(userDirectory: ThemeCatalog.userDirectory(environment: ProcessEnvironment.current))
    }

    private static func themeIndex(of name: String, in themes: ThemeCatalog) throws -> Int {
        guard let index = themes.themes.firstIndex(where: { $0.name == name }) else {
            throw SessionError.unknownTheme(
                name, available: themes.themes.map(\.name), problems: themes.problems.map(\.description))
        }
        return index
    }

    /// Reads fresh data for the current range at the clock's time. A failed read keeps the
    /// last snapshot on screen and says why.
    ///
    /// - Parameter detectingAnomalies: false for the first frame, which then appears without
    ///   reading a week of baseline history or the last hour's events; the next refresh adds
    ///   the ANOM verdicts and the integrations' health.
    mutating func reload(size: Size, detectingAnomalies: Bool = true) {
        state.now = clock.now()
        var builder = builder
        if !detectingAnomalies { builder.anomalyDetector = nil }
        followCollectors()
        do {
            try recorder?.record(upTo: state.now)
            state.snapshot = try builder.snapshot(at: state.now, range: state.range, buckets: buckets(for: size))
            if state.screen == .errors {
                state.errors = try IntegrationErrorsReport(ecosystem: ecosystem, events: events, end: state.now, range: state.range)
            }
            if detectingAnomalies, state.now - (integrationHealthTime ?? -.infinity) >= Self.integrationHealthInterval {
                state.integrationHealth = IntegrationHealth(
                    ecosystem: ecosystem, events: try events.events(from: state.now - 3_600, to: state.now), end: state.now,
                    length: 3_600)
                integrationHealthTime = state.now
            }
            if state.screen == .collectors {
                let keys = try builder.catalog.metrics.flatMap { try builder.source.seriesKeys(named: $0.id.rawValue) }
                state.freshness = try DataFreshness(
                    keys: keys, source: builder.source, at: state.now, lookback: 86_400, policy: builder.staleness)
            }
            state.dataError = nil
        } catch {
            state.dataError = "\(error)"
        }
    }

    /// Moves the clock shown in the header without reading data (while paused); collectors
    /// keep running and their health stays current.
    mutating func tick() {
        state.now = clock.now()
        followCollectors()
    }

    /// Takes up a changed configuration and the collectors' latest health.
    private mutating func followCollectors() {
        guard let collectors else { return }
        if let reloaded = collectors.reloadIfChanged() {
            let configuration = reloaded.configuration
            builder = SnapshotBuilder(source: builder.source, configuration: configuration)
            ecosystem = configuration.ecosystem
            state.ecosystemName = configuration.ecosystem.name
            state.notice = "configuration reloaded"
        }
        state.configProblems = collectors.problems
        state.collectors = collectors.health.map(CollectorStatus.init)
    }

    /// History points per metric: enough for the sparklines on the overview, one per
    /// braille dot column of the large chart in the detail view.
    private func buckets(for size: Size) -> Int {
        state.screen == .detail ? max(60, min(600, (size.width - 16) * 2)) : 60
    }
}

/// Why a dashboard session could not start.
enum SessionError: Error, CustomStringConvertible {
    case unknownTheme(String, available: [String], problems: [String])

    var description: String {
        switch self {
        case let .unknownTheme(name, available, problems):
            "unknown theme '\(name)'; available: \(available.joined(separator: ", ")) (see `ecotop themes`)"
                + problems.map { "\nskipped theme file \($0)" }.joined()
        }
    }
}
