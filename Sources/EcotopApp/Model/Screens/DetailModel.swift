import EcotopCore
import EcotopEngine

/// One metric on its own, charted at the terminal's resolution.
public struct DetailModel: Sendable {
    public var metric: MetricID
    /// The metric's summary at the detail chart's resolution; nil until read.
    public var summary: MetricSummary?
    public var error: LoadFailure?
    /// The label the metric is divided by (`b`), when it is.
    public var split: String?
    /// The metric divided by `split`; nil until read.
    public var breakdown: MetricBreakdown?

    /// The labels `b` divides a metric by, in turn.
    public static let splitLabels = ["component", "partner"]

    public init(metric: MetricID) {
        self.metric = metric
    }

    /// What the screen reads: its metric with one point per braille dot column of the chart,
    /// and its parts when divided.
    func load(range: TimeRange, columns: Int) -> [LoadRequest.Kind] {
        let chart = LoadRequest.Kind.metric(metric, range, buckets: max(60, min(600, (columns - 16) * 2)))
        guard let split else { return [chart] }
        return [chart, .breakdown(metric, label: split, range, buckets: 60)]
    }

    /// `b`: divides by the next label, then not at all.
    mutating func cycleSplit() {
        let next = split.flatMap { Self.splitLabels.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        split = next < Self.splitLabels.count ? Self.splitLabels[next] : nil
        breakdown = nil
    }
}
