import EcotopEngine

/// The review screen: one agenda item at a time, with its figures, chart and error groups,
/// and the decisions, owners and comments the reviewer gives them. The session arrives from
/// one load (a new review, or one resumed); every change after that is saved by an effect.
public struct ReviewModel: Sendable {
    /// Which review the screen opens.
    public enum Start: Hashable, Sendable {
        /// A new review of the period, starting from the last finished one.
        case new(ReviewPeriod)
        /// The review with this id, or without one the newest unfinished review.
        case resume(String?)
        /// The newest unfinished review, else a new one of the period (`r`, `ecotop review`):
        /// an interrupted review is not left behind by opening another.
        case latest(ReviewPeriod)
    }

    public var start: Start
    /// Whether finishing the review leaves Ecotop (`ecotop review`) rather than returning to
    /// the dashboard (`r`).
    public var exitsOnFinish: Bool
    public var session: ReviewSession?
    /// Why the session could not be read or built.
    public var error: LoadFailure?
    /// Why the last save failed; nil after a save that succeeded.
    public var saveError: String?
    /// Whether the session on screen was resumed rather than started now.
    public var isResumed = false
    /// Whether the scorecard overview (`v`) is on screen instead of the item.
    public var showsScorecards = false

    public init(start: Start = .latest(.standard), exitsOnFinish: Bool = false) {
        self.start = start
        self.exitsOnFinish = exitsOnFinish
    }

    /// What the screen still needs to read: its session, until it has one (or knows why not).
    var loads: [LoadRequest.Kind] {
        session == nil && error == nil ? [.review(start)] : []
    }
}

/// What a key does on the review screen.
public enum ReviewCommand: Hashable, Sendable {
    /// `n`/→ and `b`/←: the next or the previous item.
    case next, previous
    /// `k` keep, `w` watch, `f` fix, `x` retire, `a` acknowledge.
    case decide(ReviewDecision)
    /// `c`: write a comment; `o`: name an owner.
    case comment, owner
    /// `q`: finish the review.
    case finish
    /// `v`: the scorecard overview, or back to the item.
    case scorecards
}
