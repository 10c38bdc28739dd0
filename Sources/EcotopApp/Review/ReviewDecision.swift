/// What a review decided about an item (keys `k`, `w`, `f`, `x`, `a`).
public enum ReviewDecision: String, Sendable, Hashable, Codable, CaseIterable {
    case keep, watch, fix, retire, acknowledge

    /// Whether the decision leaves something to do, which the next review carries over.
    public var isOpenAction: Bool { self == .watch || self == .fix }
}
