import EcotopCore

/// A simulated outage or degradation of one integration.
public struct DemoIncident: Sendable, Hashable {
    /// What went wrong, with the code and message the integration reports.
    public enum Cause: CaseIterable, Sendable {
        case rateLimited, authExpired, timeout, schemaMismatch

        var code: String {
            switch self {
            case .rateLimited: "429"
            case .authExpired: "401"
            case .timeout: "504"
            case .schemaMismatch: "422"
            }
        }

        var message: String {
            switch self {
            case .rateLimited: "Too Many Requests: rate limit exceeded, retry after 30s"
            case .authExpired: "Unauthorized: OAuth access token expired"
            case .timeout: "Gateway Timeout: upstream did not answer within 10000 ms"
            case .schemaMismatch: "Unprocessable Entity: unexpected field 'shipping_rate.currency'"
            }
        }
    }

    public var integration: Integration
    public var cause: Cause
    /// Seconds since the Unix epoch.
    public var start: Double
    public var duration: Double

    public var end: Double { start + duration }

    /// How strongly the incident acts at a moment: 0 outside, ramping up over two minutes
    /// and down over three, 1 in between.
    public func severity(at time: Double) -> Double {
        guard time >= start, time < end else { return 0 }
        let rampUp = min(1, (time - start) / 120)
        let rampDown = min(1, (end - time) / 180)
        return min(rampUp, rampDown)
    }
}

/// Decides, deterministically from the seed, when and where incidents happen.
struct DemoIncidentSchedule: Sendable {
    let noise: DeterministicNoise
    let integrations: [Integration]

    /// Incidents are drawn per three-hour slot.
    static let slotLength: Double = 3 * 3_600
    static let longestDuration: Double = 48 * 60
    private static let stream: UInt64 = 0x1C1D

    /// The incidents that are active at some moment of `from..<to`.
    func incidents(from: Double, to: Double) -> [DemoIncident] {
        guard !integrations.isEmpty, to > from else { return [] }
        let first = DeterministicNoise.index((from - Self.longestDuration) / Self.slotLength)
        let last = DeterministicNoise.index(to / Self.slotLength)
        return (first...last).compactMap(incident(inSlot:)).filter { $0.end > from && $0.start < to }
    }

    private func incident(inSlot slot: Int64) -> DemoIncident? {
        let draw = noise.hash(Self.stream, slot)
        guard draw % 100 < 45 else { return nil }
        let integration = integrations[Int((draw >> 8) % UInt64(integrations.count))]
        let cause = DemoIncident.Cause.allCases[Int((draw >> 20) % 4)]
        let startOffset = Double((draw >> 24) % 120) * 60
        let duration = Double(8 + (draw >> 32) % 40) * 60
        return DemoIncident(
            integration: integration, cause: cause,
            start: Double(slot) * Self.slotLength + startOffset, duration: duration)
    }
}
