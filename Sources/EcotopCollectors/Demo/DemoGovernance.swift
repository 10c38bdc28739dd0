import EcotopCore

/// The demo ecosystem's data governance, so that the governance screen is meaningful out of
/// the box: the CRM's customer count against the analytics platform's (the reference text's
/// example), which have drifted apart past their 2 % tolerance; owners for a few data types
/// and components; and a storefront release every few hours, as an annotation.
public enum DemoGovernance {
    /// The CRM's customer count.
    public static let crmCustomers = "crm.customers"
    /// The analytics platform's customer count, which should match the CRM's.
    public static let analyticsCustomers = "analytics.customers"
    /// Hours between two storefront releases.
    static let releaseInterval: Double = 3 * 3_600
    /// Seconds past a multiple of `releaseInterval` at which a release goes out.
    static let releaseOffset: Double = 2 * 3_600 + 40 * 60

    /// The agreement and the owners of the demo.
    public static let governance = Governance(
        agreements: [
            SourceAgreement(
                name: "customer count", reference: SeriesSelector(name: crmCustomers),
                compared: SeriesSelector(name: analyticsCustomers), tolerance: .relative(0.02)),
        ],
        owners: Ownership([
            Ownership.Entry(subject: "usage.transactions", owner: "Payments team"),
            Ownership.Entry(subject: "participation", owner: "Partnerships"),
            Ownership.Entry(subject: "value", owner: "Finance"),
            Ownership.Entry(subject: "crm", owner: "Sales operations"),
            Ownership.Entry(subject: "cdp", owner: "Data platform team"),
        ]))

    /// The customer counts of both platforms at `time`: the analytics platform misses about
    /// 4.5 % of the CRM's customers (a broken consent sync), twice the tolerance.
    static func customers(of name: String, simulator: DemoSimulator, at time: Double) -> Double? {
        guard name == crmCustomers || name == analyticsCustomers else { return nil }
        let users = simulator.value(of: "usage.active_users", at: time) ?? 0
        let crm = (52_400 + 0.02 * users).rounded()
        return name == crmCustomers ? crm : (crm * 0.955).rounded()
    }

    /// The storefront releases of `from..<to`, oldest first.
    static func annotations(from: Double, to: Double) -> [Annotation] {
        guard to > from else { return [] }
        var annotations: [Annotation] = []
        var release = ((from - releaseOffset) / releaseInterval).rounded(.up) * releaseInterval + releaseOffset
        while release < to {
            let number = Int(release / releaseInterval) % 1_000
            annotations.append(Annotation(
                timestamp: release, kind: .deploy, text: "storefront release r\(number): checkout and search changes",
                component: "storefront"))
            release += releaseInterval
        }
        return annotations
    }
}

/// The demo's history with the two customer-count series of its agreement added: the demo
/// records only the catalog's metrics, so these are computed at each read.
public struct DemoGovernanceSource: SeriesSource {
    public let base: any SeriesSource
    public let simulator: DemoSimulator

    public init(base: any SeriesSource, simulator: DemoSimulator) {
        self.base = base
        self.simulator = simulator
    }

    public func points(of key: SeriesKey, from: Double, to: Double, buckets: Int, aggregation: Aggregation) throws -> [SeriesPoint] {
        guard key.labels.isEmpty, DemoGovernance.customers(of: key.name, simulator: simulator, at: to) != nil else {
            return try base.points(of: key, from: from, to: to, buckets: buckets, aggregation: aggregation)
        }
        guard buckets > 0, to > from else { return [] }
        let width = (to - from) / Double(buckets)
        return (1...buckets).compactMap { bucket in
            let end = from + width * Double(bucket)
            return DemoGovernance.customers(of: key.name, simulator: simulator, at: end).map { SeriesPoint(timestamp: end, value: $0) }
        }
    }

    public func latest(of key: SeriesKey, at time: Double, lookback: Double) throws -> SeriesPoint? {
        guard key.labels.isEmpty, let value = DemoGovernance.customers(of: key.name, simulator: simulator, at: time) else {
            return try base.latest(of: key, at: time, lookback: lookback)
        }
        return SeriesPoint(timestamp: time, value: value)
    }

    public func seriesKeys(named name: String) throws -> [SeriesKey] {
        name == DemoGovernance.crmCustomers || name == DemoGovernance.analyticsCustomers
            ? [SeriesKey(name: name)] : try base.seriesKeys(named: name)
    }
}

/// The demo's events with its storefront releases added as annotations.
public struct DemoAnnotatedEvents: EventSource {
    public let base: any EventSource

    public init(base: any EventSource) {
        self.base = base
    }

    public func events(from: Double, to: Double) throws -> [IntegrationEvent] {
        let annotations = DemoGovernance.annotations(from: from, to: to).map(\.event)
        return (try base.events(from: from, to: to) + annotations).enumerated()
            .sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }.map(\.element)
    }

    public func annotations(from: Double, to: Double) throws -> [Annotation] {
        (try base.annotations(from: from, to: to) + DemoGovernance.annotations(from: from, to: to)).sorted { $0.timestamp < $1.timestamp }
    }
}

extension DemoSimulator {
    /// The simulator writes no annotations (the demo's come from `DemoAnnotatedEvents`), so
    /// charts need not compute a month of error events to find none.
    public func annotations(from: Double, to: Double) -> [Annotation] { [] }
}
