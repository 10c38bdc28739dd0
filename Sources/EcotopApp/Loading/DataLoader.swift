import EcotopCollectors
import EcotopConfig
import EcotopCore
import EcotopEngine
import EcotopStore

/// Answers `LoadRequest`s: the one place the dashboard reads its data. It owns where data
/// comes from (a snapshot builder over the store or the simulator, an event source), what
/// keeps the store current while the dashboard runs (the configured collectors, or the demo
/// recorder), and the configuration reloads. Used from one thread at a time: the refresher's
/// worker, or the caller of a synchronous session.
public final class DataLoader {
    private var builder: SnapshotBuilder
    private var events: any EventSource
    private var ecosystem: Ecosystem
    private var errorPolicy: ErrorPolicy
    private var governance: GovernanceReads
    private let runtime: CollectorRuntime?
    private let recorder: DemoRecorder?
    /// What the header says about where the data comes from.
    private let dataNote: String?
    private var configurationVersion = 0
    /// The configuration's `keys:` in force, for the key map.
    private var keyRemaps: [KeyRemap]
    /// When the header's integration health was last measured. Its window of events is read
    /// every 15 seconds, not at every refresh: the store keeps events in day-long segments.
    private var integrationHealthTime: Double?
    /// The last measurement, which caps the health score until the next.
    private var latestIntegrationHealth: IntegrationHealth?
    static let integrationHealthInterval: Double = 15
    /// The last dashboard read, reused while its source reports no change (`SeriesSource.revision`).
    private var lastDashboard: DashboardRead?
    /// The longest a dashboard read is reused: statuses that depend on the clock alone (STALE)
    /// and writes the revision does not see are taken up within this many seconds.
    static let longestReuse: Double = 10
    /// The last errors report, reused for reads of the same range within
    /// `integrationHealthInterval`: it reads up to two days of events, which a refresh every
    /// second or two should not repeat.
    private var lastErrors: IntegrationErrorsReport?
    private var lastErrorsRange: TimeRange?
    /// The map's last layout, reused while the ecosystem's components and integrations stay.
    private var lastMapLayout: MapLayout?
    /// Where review sessions are read and saved.
    public var reviewArchive = ReviewArchive(environment: ProcessEnvironment.current)
    /// Where screens saved from the palette go.
    public var savedScreens = SavedScreens(environment: ProcessEnvironment.current)
    /// Whether annotations from the palette are recorded; `ecotop screenshot` draws without
    /// writing to the store.
    public var recordsAnnotations = true
    /// The recorded alerts, when this loader reads a store (`DataLoader+Alerts.swift`).
    var alertReads: DataLoaderAlerts?
    /// The store this loader reads without writing it, where annotations are recorded.
    private var readStore: StoreLayout?

    /// A loader over `builder`'s source and `events`, with the collectors of `runtime` (which
    /// it stops on `close`) or a demo `recorder` (which it closes). `governance`'s agreements
    /// are read from `agreementSource`, by default the builder's source. `keyRemaps` is the
    /// configuration's `keys:`, which the session carries to the key map.
    public init(
        builder: SnapshotBuilder, events: any EventSource, ecosystem: Ecosystem, errorPolicy: ErrorPolicy = ErrorPolicy(),
        runtime: CollectorRuntime? = nil, recorder: DemoRecorder? = nil, dataNote: String? = nil, governance: Governance = Governance(),
        agreementSource: (any SeriesSource)? = nil, keyRemaps: [KeyRemap] = []
    ) {
        self.builder = builder
        self.events = events
        self.ecosystem = ecosystem
        self.errorPolicy = errorPolicy
        self.governance = GovernanceReads(governance: governance, agreementSource: agreementSource ?? builder.source)
        self.runtime = runtime
        self.recorder = recorder
        self.dataNote = dataNote
        self.keyRemaps = keyRemaps
    }

    /// The built-in demo ecosystem, its history read from `history` (the store) or, without
    /// one, computed by the simulator; `recorder` keeps a demo store growing.
    public static func demo(
        simulator: DemoSimulator, history: (any SeriesSource & EventSource)? = nil, recorder: DemoRecorder? = nil,
        dataNote: String? = nil
    ) -> DataLoader {
        let source: any SeriesSource = history.map { $0 as any SeriesSource } ?? DemoSeriesSource(simulator: simulator)
        let loader = DataLoader(
            builder: SnapshotBuilder(source: source), events: DemoAnnotatedEvents(base: history ?? simulator),
            ecosystem: simulator.ecosystem, recorder: recorder, dataNote: dataNote, governance: DemoGovernance.governance,
            agreementSource: DemoGovernanceSource(base: source, simulator: simulator))
        loader.readStore = (history as? StoreReader)?.layout
        loader.alertReads = recorder.map { DataLoaderAlerts(layout: $0.layout, monitor: $0.alerts) }
            ?? (history as? StoreReader).map { DataLoaderAlerts(layout: $0.layout) }
            ?? (history == nil ? DataLoaderAlerts(layout: nil, monitor: AlertMonitor(inMemory: AlertSettings())) : nil)
        return loader
    }

    /// A configured ecosystem read from its store without running its collectors (for a
    /// screenshot, or a dashboard whose collectors run elsewhere).
    public static func reading(_ configuration: EcotopConfiguration, from reader: StoreReader) -> DataLoader {
        let loader = DataLoader(
            builder: SnapshotBuilder(source: reader, configuration: configuration), events: reader,
            ecosystem: configuration.ecosystem, errorPolicy: configuration.errorPolicy, governance: configuration.governance,
            keyRemaps: configuration.keys)
        loader.readStore = reader.layout
        loader.alertReads = DataLoaderAlerts(layout: reader.layout)
        return loader
    }

    /// A store read without a configuration and without recording into it: the standard
    /// catalog, named after the store rather than passed off as the demo.
    public static func store(_ reader: StoreReader) -> DataLoader {
        let loader = DataLoader(
            builder: SnapshotBuilder(source: reader), events: reader,
            ecosystem: Ecosystem(name: "store " + reader.layout.root, components: [], integrations: [], partners: []),
            dataNote: "not demo data: shown as stored, nothing recorded")
        loader.readStore = reader.layout
        loader.alertReads = DataLoaderAlerts(layout: reader.layout)
        return loader
    }

    /// A configured ecosystem: history and events from the store its collectors write to.
    public static func configured(_ runtime: CollectorRuntime, reader: StoreReader) -> DataLoader {
        let configuration = runtime.configured.configuration
        let loader = DataLoader(
            builder: SnapshotBuilder(source: reader, configuration: configuration), events: reader,
            ecosystem: configuration.ecosystem, errorPolicy: configuration.errorPolicy, runtime: runtime,
            governance: configuration.governance, keyRemaps: configuration.keys)
        loader.alertReads = DataLoaderAlerts(layout: reader.layout, monitor: runtime.alerts, bell: configuration.alerts.bell)
        return loader
    }

    /// Where an annotation from the palette is recorded: through the writer this process
    /// holds, else into the store it reads; nil on the simulator and over Prometheus.
    var annotationTarget: AnnotationTarget? {
        guard recordsAnnotations else { return nil }
        return runtime.map(AnnotationTarget.runtime) ?? recorder.map(AnnotationTarget.recorder) ?? readStore.map(AnnotationTarget.store)
    }

    /// What alerts are evaluated from: the reads this loader makes.
    var alertInputs: AlertInputs { AlertInputs(builder: builder, events: events, ecosystem: ecosystem, governance: governance) }

    /// The session as it stands: ecosystem, catalog, collectors and configuration problems.
    public var status: SessionStatus {
        var status = SessionStatus(
            ecosystemName: ecosystem.name, catalog: builder.catalog,
            collectors: runtime?.health ?? [], configProblems: runtime?.problems ?? [],
            configurationVersion: configurationVersion, dataNote: dataNote, owners: governance.governance.owners)
        status.alertsNeedingAttention = alertReads?.needingAttention
        status.alertBells = alertReads?.bells ?? 0
        status.keyRemaps = keyRemaps
        return status
    }

    /// Reads what `request` asks for. A changed configuration is taken up first, so the data
    /// is read with the catalog now in force.
    public func load(_ request: LoadRequest) -> LoadResult {
        followConfiguration()
        let outcome: Result<LoadedData, LoadFailure>
        do {
            outcome = .success(try read(request))
        } catch {
            outcome = .failure(LoadFailure(error))
        }
        return LoadResult(request: request, outcome: outcome, status: status)
    }

    /// Stops the collectors (ending plugins in progress) and closes the store.
    public func close() throws {
        try recorder?.close()
        try runtime?.stop()
    }

    private func read(_ request: LoadRequest) throws -> LoadedData {
        let time = request.time
        switch request.kind {
        case let .dashboard(range, detectingAnomalies):
            try recorder?.record(upTo: time)
            let health = detectingAnomalies ? try integrationHealth(at: time) : nil
            let read = DashboardRead(
                range: range, detectingAnomalies: detectingAnomalies, revision: builder.source.revision(at: time), time: time)
            var snapshot: EcosystemSnapshot
            if let last = lastDashboard, last.canStand(for: read, longestReuse: Self.longestReuse), let reused = last.snapshot {
                snapshot = reused
                snapshot.time = time
            } else {
                var builder = builder
                if !detectingAnomalies { builder.anomalyDetector = nil }
                snapshot = try builder.snapshot(at: time, range: range, buckets: 60)
                lastDashboard = read.with(snapshot)
            }
            snapshot.agreements = try governance.agreements(at: time)
            // The quick first read leaves the annotations, like the anomalies, to the full one.
            snapshot.annotations = detectingAnomalies ? try governance.dashboardAnnotations(in: range, at: time, from: events) : []
            if detectingAnomalies { evaluateAlerts(at: time) }
            snapshot.health = HealthScore(
                summaries: snapshot.summaries, weights: builder.weights, metricWeights: builder.metricWeights,
                integrations: latestIntegrationHealth)
            return .dashboard(snapshot, integrationHealth: health)
        case let .metric(id, range, buckets):
            guard let metric = builder.catalog[id] else { throw LoadError.unknownMetric(id) }
            return .metric(try builder.summary(of: metric, at: time, range: range, buckets: buckets))
        case let .breakdown(id, label, range, buckets):
            guard let metric = builder.catalog[id] else { throw LoadError.unknownMetric(id) }
            return .breakdown(try MetricBreakdown(metric: metric, label: label, source: builder.source, at: time, range: range, buckets: buckets))
        case .errors(let range):
            return .errors(try errorsReport(range: range, at: time))
        case .freshness:
            return .freshness(try DataFreshness(keys: try catalogKeys(), source: builder.source, at: time, lookback: 86_400, policy: builder.staleness))
        case .map(let range):
            let report = try errorsReport(range: range, at: time)
            let map = EcosystemMap(ecosystem: ecosystem, report: report, reusing: lastMapLayout)
            lastMapLayout = map.layout
            return .map(map)
        case .governance(let range):
            let freshness = try governance.freshness(of: try catalogKeys(), at: time, policy: builder.staleness)
            return .governance(try governance.report(
                range: range, at: time, freshness: freshness, events: events, catalog: builder.catalog, ecosystem: ecosystem))
        case .alerts:
            return .alerts(try readAlerts(at: time, change: nil))
        case .changeAlert(let change):
            return .alerts(try readAlerts(at: time, change: change))
        case .status:
            return .status
        case .review(let start):
            return .review(try reviewSession(start, at: time))
        case .saveReview(let session):
            try reviewArchive.save(session)
            return .reviewSaved
        case .annotate(let annotation):
            guard let target = annotationTarget else { throw LoadError.noStoreToAnnotate }
            try target.record(annotation)
            return .annotated
        case .saveScreen(let screen):
            return .screenSaved(path: try savedScreens.save(screen, at: time))
        }
    }

    /// The errors report of `range` at `time`: the last one while it is younger than
    /// `integrationHealthInterval` and of the same range, else read anew.
    private func errorsReport(range: TimeRange, at time: Double) throws -> IntegrationErrorsReport {
        if let last = lastErrors, lastErrorsRange == range, time >= last.end, time - last.end < Self.integrationHealthInterval {
            return last
        }
        let report = try IntegrationErrorsReport(ecosystem: ecosystem, events: events, end: time, range: range, policy: errorPolicy)
        (lastErrors, lastErrorsRange) = (report, range)
        return report
    }

    /// The session a review screen opens: one resumed from the archive (the newest unfinished
    /// one for `.latest`), or a new one of its period built from the data, starting from the last finished review. The metric statuses
    /// are the dashboard's last snapshot's, else a snapshot of the default range.
    private func reviewSession(_ start: ReviewModel.Start, at time: Double) throws -> ReviewSession {
        switch start {
        case .resume(let id):
            guard let session = try id.map(reviewArchive.load) ?? reviewArchive.latestUnfinished() else {
                throw ReviewArchiveError.noUnfinishedReview(directory: reviewArchive.directory)
            }
            guard !session.isFinished else { throw ReviewArchiveError.finished(id: session.id) }
            return session
        case .latest(let period):
            return try reviewArchive.latestUnfinished() ?? reviewSession(.new(period), at: time)
        case .new(let period):
            let summaries = try lastDashboard?.snapshot?.summaries ?? builder.snapshot(at: time, range: .oneHour, buckets: 60).summaries
            let evidence = try ReviewEvidence.read(
                ecosystem: ecosystem, catalog: builder.catalog, source: builder.source, events: events, end: time, period: period,
                classifier: errorPolicy.classifier,
                freshness: try governance.freshness(of: try catalogKeys(), at: time, policy: builder.staleness),
                agreements: try governance.agreements(at: time), summaries: summaries)
            return ReviewSession.start(
                id: reviewArchive.newID(at: time), ecosystem: ecosystem.name, period: period, at: time,
                agenda: ReviewAgenda(evidence: evidence), after: reviewArchive.lastFinished())
        }
    }

    /// Every series of the catalog's metrics, whose freshness the collectors and governance screens show.
    private func catalogKeys() throws -> [SeriesKey] {
        try builder.catalog.metrics.flatMap { try builder.source.seriesKeys(named: $0.id.rawValue) }
    }

    /// The header's integration health, measured at most every `integrationHealthInterval`;
    /// nil when the last measurement is recent enough.
    private func integrationHealth(at time: Double) throws -> IntegrationHealth? {
        guard time - (integrationHealthTime ?? -.infinity) >= Self.integrationHealthInterval else { return nil }
        let health = IntegrationHealth(
            ecosystem: ecosystem, events: try events.events(from: time - IntegrationHealth.window, to: time), end: time)
        integrationHealthTime = time
        latestIntegrationHealth = health
        return health
    }

    /// Takes up a changed configuration: a new catalog, weights and ecosystem for every read
    /// from now on, including the one in progress.
    private func followConfiguration() {
        guard let runtime, let reloaded = runtime.reloadIfChanged() else { return }
        let configuration = reloaded.configuration
        builder = SnapshotBuilder(source: builder.source, configuration: configuration)
        ecosystem = configuration.ecosystem
        errorPolicy = configuration.errorPolicy
        governance = GovernanceReads(governance: configuration.governance, agreementSource: builder.source)
        integrationHealthTime = nil
        latestIntegrationHealth = nil
        lastDashboard = nil
        lastErrors = nil
        configurationVersion += 1
        alertReads?.bell = configuration.alerts.bell
        keyRemaps = configuration.keys
    }
}

/// Why a load could not be answered.
public enum LoadError: Error, CustomStringConvertible {
    /// The metric is no longer in the catalog (a configuration reload removed it).
    case unknownMetric(MetricID)
    /// An annotation with no store to go to: the simulated demo, or data read from Prometheus.
    case noStoreToAnnotate

    public var description: String {
        switch self {
        case .unknownMetric(let id): "metric \(id) is not in the configuration's catalog"
        case .noStoreToAnnotate:
            "nothing records annotations here (the simulated demo, Prometheus, a screenshot); `ecotop annotate --store DIR` writes to a store"
        }
    }
}
