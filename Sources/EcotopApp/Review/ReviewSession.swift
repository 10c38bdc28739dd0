import EcotopEngine

/// One review as it is walked through and kept on disk: its agenda, where the reviewer is,
/// and each item's decision, owner and comment. Saved whole after every change
/// (`ReviewArchive`), so it can be resumed at the item where it stopped.
public struct ReviewSession: Sendable, Hashable, Codable {
    /// One agenda item with what the review made of it.
    public struct Entry: Sendable, Hashable, Codable {
        /// The item with the figures, chart and error groups it was shown with.
        public var item: ReviewItem
        public var decision: ReviewDecision?
        public var owner: String?
        public var comment: String?
        /// When the item was first on screen (seconds since the epoch); nil while never shown.
        public var shownAt: Double?
        /// The last review's open action on the same item, carried over.
        public var carried: CarriedAction?

        public init(item: ReviewItem, carried: CarriedAction? = nil) {
            self.item = item
            self.carried = carried
            owner = carried?.owner
        }
    }

    /// An open action (watch or fix) of an earlier review, with its owner and comment.
    public struct CarriedAction: Sendable, Hashable, Codable {
        public var review: String
        public var decision: ReviewDecision
        public var owner: String?
        public var comment: String?

        public init(review: String, decision: ReviewDecision, owner: String?, comment: String?) {
            self.review = review
            self.decision = decision
            self.owner = owner
            self.comment = comment
        }
    }

    /// The file format's version; a file of another version is refused by name.
    public static let formatVersion = 1

    public var version = ReviewSession.formatVersion
    /// The file name's stem, e.g. `20261202-063000`.
    public var id: String
    public var ecosystem: String
    public var period: ReviewPeriod
    /// When it started, and when it was finished (nil while open).
    public var started: Double
    public var finished: Double?
    /// The index of the item on screen.
    public var position: Int
    public var entries: [Entry]
    /// What changed since the last finished review; nil for a first review.
    public var sinceLast: ReviewChanges?
    /// Each component's value (`ComponentScorecard.value`), for the next review's "scores up or down".
    public var scores: [String: Double]
    /// Every component's scorecard, in the ecosystem's order; nil in sessions saved before
    /// reviews kept them.
    public var scorecards: [ReviewScorecardRow]?

    public init(
        id: String, ecosystem: String, period: ReviewPeriod, started: Double, entries: [Entry], sinceLast: ReviewChanges? = nil,
        scores: [String: Double] = [:], scorecards: [ReviewScorecardRow]? = nil
    ) {
        self.id = id
        self.ecosystem = ecosystem
        self.period = period
        self.started = started
        position = 0
        self.entries = entries
        self.sinceLast = sinceLast
        self.scores = scores
        self.scorecards = scorecards
    }

    public var isFinished: Bool { finished != nil }

    /// The entry on screen; nil for an empty agenda.
    public var current: Entry? { entries.indices.contains(position) ? entries[position] : nil }

    /// The entries decided so far.
    public var decidedCount: Int { entries.count { $0.decision != nil } }

    /// Changes the entry on screen.
    mutating func updateCurrent(_ change: (inout Entry) -> Void) {
        guard entries.indices.contains(position) else { return }
        change(&entries[position])
    }

    /// Moves to the item `step` away, staying within the agenda; true when it moved.
    mutating func move(by step: Int) -> Bool {
        let target = min(max(0, position + step), max(0, entries.count - 1))
        guard target != position else { return false }
        position = target
        return true
    }

    /// Whether any item was on screen before: the session was opened earlier and is resumed.
    public var wasShown: Bool { entries.contains { $0.shownAt != nil } }

    /// Notes that the entry on screen is shown at `time`, the first time only.
    mutating func markShown(at time: Double) -> Bool {
        guard let entry = current, entry.shownAt == nil else { return false }
        updateCurrent { $0.shownAt = time }
        return true
    }
}
