import EcotopCore
import EcotopEngine

/// What the errors view shows: each integration's health now (the same `IntegrationHealth`
/// as the header, over its recent window) and the range's errors grouped by fingerprint, most
/// frequent first.
public struct IntegrationErrorsReport: Sendable, Hashable {
    /// Seconds since the Unix epoch at the end of the window.
    public var end: Double
    /// The window's length in seconds.
    public var length: Double
    public var health: IntegrationHealth
    public var fingerprints: [ErrorFingerprint]

    /// The longest window the errors view reads: error events are many, and a day of them
    /// says what is failing now.
    public static let longestWindow: Double = 86_400

    public init(end: Double, length: Double, health: IntegrationHealth, fingerprints: [ErrorFingerprint]) {
        self.end = end
        self.length = length
        self.health = health
        self.fingerprints = fingerprints
    }

    /// Reads the events of the window ending at `end` (at most `longestWindow` long, and at
    /// least the health window) and assesses the ecosystem's integrations with them.
    public init(ecosystem: Ecosystem, events source: any EventSource, end: Double, range: TimeRange) throws {
        let length = max(IntegrationHealth.window, min(range.seconds, Self.longestWindow))
        let events = try source.events(from: end - length, to: end)
        self.init(
            end: end, length: length,
            health: IntegrationHealth(ecosystem: ecosystem, events: events, end: end),
            fingerprints: ErrorFingerprint.group(events))
    }
}
