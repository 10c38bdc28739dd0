#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EcotopCore

/// Believable, time-varying values for all standard metrics of the demo ecosystem, and the
/// integration error events that go with them.
///
/// Everything is a pure function of the seed and the moment asked for, so the simulator can
/// answer for any point of the past without keeping history, and two runs with the same seed
/// and clock agree exactly.
public struct DemoSimulator: Sendable {
    public let seed: UInt64
    public let ecosystem: Ecosystem
    public let catalog: MetricCatalog
    private let noise: DeterministicNoise
    private let schedule: DemoIncidentSchedule
    private let signals: [MetricID: DemoSignal]
    /// Each metric's noise stream: its position in the catalog, found once rather than per value.
    private let streams: [MetricID: UInt64]

    public init(seed: UInt64 = 42, ecosystem: Ecosystem = .demo, catalog: MetricCatalog = .standard) {
        self.seed = seed
        self.ecosystem = ecosystem
        self.catalog = catalog
        self.noise = DeterministicNoise(seed: seed)
        self.schedule = DemoIncidentSchedule(noise: noise, integrations: ecosystem.integrations)
        self.signals = DemoSignal.standard
        var streams: [MetricID: UInt64] = [:]
        for (index, metric) in catalog.metrics.enumerated() where streams[metric.id] == nil {
            streams[metric.id] = UInt64(index) &+ 0x5EED
        }
        self.streams = streams
    }

    /// The incidents active at some moment of `from..<to`.
    public func incidents(from: Double, to: Double) -> [DemoIncident] {
        schedule.incidents(from: from, to: to)
    }

    /// The value of a metric at a moment, or nil for a metric the demo does not simulate.
    public func value(of metric: MetricID, at time: Double) -> Double? {
        values(of: metric, at: [time])?.first
    }

    /// The values of a metric at several moments (in any order), with its signal, stream and
    /// the incidents of the whole span looked up once; nil for a metric the demo does not
    /// simulate.
    public func values(of metric: MetricID, at times: [Double]) -> [Double]? {
        guard let signal = signals[metric], let first = times.min(), let last = times.max() else {
            return signals[metric] == nil ? nil : []
        }
        let active = DemoIncidentTimeline(incidents(from: first, to: last + 1))
        let stream = stream(for: metric)
        return times.map { value(of: signal, stream: stream, at: $0, incidents: active) }
    }

    /// The values of one series of a metric at several moments: the metric itself, or one of
    /// its labelled parts (`DemoBreakdown`); nil for a series the demo does not simulate.
    public func values(of key: SeriesKey, at times: [Double]) -> [Double]? {
        let metric = MetricID(rawValue: key.name)
        guard let totals = values(of: metric, at: times) else { return nil }
        guard !key.labels.isEmpty else { return totals }
        guard let unit = catalog[metric]?.unit else { return nil }
        let breakdown = DemoBreakdown(noise: noise)
        let parts = zip(times, totals).compactMap { breakdown.value(of: key, total: $1, at: $0, unit: unit) }
        return parts.count == times.count ? parts : nil
    }

    /// The series of a metric: the unlabelled total and its labelled parts.
    public func seriesKeys(of metric: MetricID) -> [SeriesKey] {
        signals[metric] == nil ? [] : [SeriesKey(name: metric.rawValue)] + DemoBreakdown.keys(of: metric)
    }

    /// One sample of every simulated series at a moment: each metric's total and its parts.
    public func samples(at time: Double) -> [Sample] {
        let active = DemoIncidentTimeline(incidents(from: time, to: time + 1))
        let breakdown = DemoBreakdown(noise: noise)
        return catalog.metrics.flatMap { metric -> [Sample] in
            guard let signal = signals[metric.id] else { return [] }
            let value = value(of: signal, stream: stream(for: metric.id), at: time, incidents: active)
            let parts = DemoBreakdown.keys(of: metric.id).compactMap { key in
                breakdown.value(of: key, total: value, at: time, unit: metric.unit).map { Sample(key: key, timestamp: time, value: $0) }
            }
            return [Sample(key: SeriesKey(name: metric.id.rawValue), timestamp: time, value: value)] + parts
        }
    }

    /// The integration events of `from..<to`, in time order: a trickle of background failures
    /// on every integration (each its own kind), bursts during incidents, a failure mode that
    /// appears every six hours (`DemoNewFailure`), and the deliveries of the integrations that
    /// report them (`DemoTraffic`).
    public func events(from: Double, to: Double) -> [IntegrationEvent] {
        guard to > from else { return [] }
        let bucket = 10.0
        let incidents = DemoIncidentTimeline(incidents(from: from, to: to))
        let traffic = DemoTraffic(noise: noise)
        var events = DemoNewFailure(noise: noise).events(from: from, to: to)
        for (position, integration) in ecosystem.integrations.enumerated() {
            events += traffic.deliveries(of: integration, position: position, from: from, to: to, incidents: incidents)
        }
        var start = (from / bucket).rounded(.down) * bucket
        while start < to {
            for (offset, integration) in ecosystem.integrations.enumerated() {
                let incident = incidents.incident(on: integration, at: start)
                let expected = incident.map { 0.5 + 4 * $0.severity(at: start) } ?? backgroundRate(of: integration)
                let index = DeterministicNoise.index(start / bucket) &* 64 &+ Int64(offset)
                let count = Int(expected + noise.unit(0xE7E7, index))
                for occurrence in 0..<count {
                    let at = start + bucket * noise.unit(0xE7E8, index &* 8 &+ Int64(occurrence))
                    guard at >= from, at < to else { continue }
                    events.append(event(at: at, integration: integration, position: offset, incident: incident, index: index))
                }
            }
            start += bucket
        }
        return events.sorted { $0.timestamp < $1.timestamp }
    }

    // MARK: - Signals

    private func stream(for metric: MetricID) -> UInt64 {
        streams[metric] ?? 0x5EED
    }

    private func value(of signal: DemoSignal, stream: UInt64, at time: Double, incidents: DemoIncidentTimeline) -> Double {
        let hourOfDay = (time.truncatingRemainder(dividingBy: 86_400) + 86_400).truncatingRemainder(dividingBy: 86_400) / 3_600
        let daily = signal.dailySwing * sin((hourOfDay - 8) / 24 * 2 * .pi)
        let wander = signal.wander * noise.smooth(stream, at: time, period: signal.wanderPeriod)
        let drift = signal.drift * noise.smooth(stream &+ 0x100, at: time, period: 23 * 86_400)
        let jitter = signal.jitter * noise.signed(stream &+ 0x200, DeterministicNoise.index(time))
        let severity = incidents.severity(at: time) { !signal.criticalIncidentsOnly || $0.integration.isCritical }
        var value = signal.base * (1 + daily + wander + drift + jitter + signal.incidentEffect * severity)
        if signal.isWhole { value = value.rounded() }
        return min(max(value, signal.bounds.lowerBound), signal.bounds.upperBound)
    }

    /// The expected background failures per 10 seconds: rarer where deliveries are counted
    /// (a failure rate is judged there), rarest on critical integrations, whose limits are strict.
    private func backgroundRate(of integration: Integration) -> Double {
        guard DemoTraffic.reportsDeliveries(integration) else { return 0.006 }
        return integration.isCritical ? 0.0005 : 0.001
    }

    /// One error: the incident's, or the integration's own background failure.
    private func event(at time: Double, integration: Integration, position: Int, incident: DemoIncident?, index: Int64) -> IntegrationEvent {
        let cause = incident?.cause ?? DemoIncident.Cause.allCases[Int(noise.hash(0xE7E9, Int64(position)) % 4)]
        let latency = cause == .timeout ? 10_000 : 80 + 900 * noise.unit(0xE7EA, index)
        return IntegrationEvent(
            timestamp: time, kind: .error, integration: integration.id, code: cause.code,
            message: cause.message, latencyMilliseconds: latency.rounded(),
            attributes: ["transport": integration.transport.rawValue])
    }
}
