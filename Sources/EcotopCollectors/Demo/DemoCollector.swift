import EcotopCore

/// The `demo` collector: the simulator's samples for the moment of each collection, and the
/// integration events since the previous one.
public struct DemoCollector: Collector {
    public let name: String
    public let simulator: DemoSimulator
    public let interval: Double

    public init(name: String, simulator: DemoSimulator, interval: Double) {
        self.name = name
        self.simulator = simulator
        self.interval = interval
    }

    public func collect(at time: Double) async throws -> CollectionResult {
        CollectionResult(samples: simulator.samples(at: time), events: simulator.events(from: time - interval, to: time))
    }
}
