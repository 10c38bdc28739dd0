import EcotopCore
import EcotopEngine

/// One metric on its own, charted at the terminal's resolution.
public struct DetailModel: Sendable {
    public var metric: MetricID
    /// The metric's summary at the detail chart's resolution; nil until read.
    public var summary: MetricSummary?
    public var error: LoadFailure?

    public init(metric: MetricID) {
        self.metric = metric
    }

    /// What the screen reads: its metric with one point per braille dot column of the chart.
    func load(range: TimeRange, columns: Int) -> LoadRequest.Kind {
        .metric(metric, range, buckets: max(60, min(600, (columns - 16) * 2)))
    }
}
