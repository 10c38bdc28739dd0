#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The source of "now", injected everywhere time matters so that refresh ticks, windows
/// and anomaly detection are deterministic in tests.
///
/// Named to avoid clashing with the standard library's `Clock` protocol.
public protocol WallClock: Sendable {
    /// Seconds since the Unix epoch.
    func now() -> Double
}

/// The real time of day.
public struct SystemWallClock: WallClock {
    public init() {}

    public func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
    }
}

/// A clock that always tells the same time, for tests, screenshots and replays.
public struct FixedWallClock: WallClock {
    public var time: Double
    public init(_ time: Double) { self.time = time }
    public func now() -> Double { time }
}
