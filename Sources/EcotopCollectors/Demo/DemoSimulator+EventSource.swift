import EcotopCore

/// The simulator answers event queries directly, computing the events of any range.
extension DemoSimulator: EventSource {}
