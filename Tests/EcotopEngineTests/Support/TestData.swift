import EcotopCollectors
import EcotopCore

/// Moments the tests build their series around.
enum TestTime {
    /// Midnight UTC, 2026-11-20: synthetic series and demo windows start here.
    static let midnight = 1_795_132_800.0
    static let day = 86_400.0
}

/// Integration events of the demo simulator, shared by tests that want realistic bursts.
enum DemoEvents {
    static let simulator = DemoSimulator(seed: 42)
    static let start = TestTime.midnight
    static let sixHours = simulator.events(from: start, to: start + 6 * 3_600)
}

/// A small seeded generator (SplitMix64) so "random" test data is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
