import EcotopEngine

/// What changed since the last finished review: the items it had that this one does not
/// (resolved), the items this one has that it did not (new), and the components whose value
/// went up or down, so a quarter-on-quarter view exists.
public struct ReviewChanges: Sendable, Hashable, Codable {
    /// The id of the last finished review.
    public var previousReview: String
    /// Item ids (`ReviewItem.id`), in agenda order.
    public var resolved: [String]
    public var new: [String]
    /// Component ids whose value rose or fell since then.
    public var scoresUp: [String]
    public var scoresDown: [String]

    /// The changes from `last` to a review of `items` and `scores`.
    init(from last: ReviewSession, to items: [ReviewItem], scores: [String: Double]) {
        let before = last.entries.map(\.item).filter { $0.kind != .carriedOver }
        let beforeIDs = Set(before.map(\.id)), nowIDs = Set(items.map(\.id))
        previousReview = last.id
        resolved = before.map(\.id).filter { !nowIDs.contains($0) }
        new = items.map(\.id).filter { !beforeIDs.contains($0) }
        let compared = scores.keys.sorted().compactMap { id in last.scores[id].map { (id, $0, scores[id]!) } }
        scoresUp = compared.filter { $0.2 > $0.1 }.map(\.0)
        scoresDown = compared.filter { $0.2 < $0.1 }.map(\.0)
    }
}

extension ReviewSession {
    /// Severities of carried-over actions the data did not raise again: a fix outranks a
    /// warning metric, a watch ranks with new integrations.
    static let carriedFixSeverity = 65
    static let carriedWatchSeverity = 25

    /// A new review of `agenda` that starts from `last`, the last finished review: its open
    /// actions (watch, fix) come along, on the same item when the agenda raises it again, else
    /// as an item of their own; an item raised again keeps its owner; and what changed since is
    /// noted.
    public static func start(
        id: String, ecosystem: String, period: ReviewPeriod, at time: Double, agenda: ReviewAgenda, after last: ReviewSession?
    ) -> ReviewSession {
        var carried: [String: CarriedAction] = [:]
        var owners: [String: String] = [:]
        var leftOver: [Entry] = []
        for entry in last?.entries ?? [] {
            if let owner = entry.owner, entry.item.kind != .carriedOver { owners[entry.item.id] = owner }
            guard let decision = entry.decision, decision.isOpenAction, let last else { continue }
            let action = CarriedAction(review: last.id, decision: decision, owner: entry.owner, comment: entry.comment)
            let subject = entry.item.kind == .carriedOver ? entry.item.subject : entry.item.id
            if agenda.items.contains(where: { $0.id == subject }) {
                carried[subject] = action
            } else {
                var item = entry.item
                item.kind = .carriedOver
                item.subject = subject
                item.reason = "open \(decision.rawValue) from review \(last.id); this period's data did not raise it again"
                item.severity = decision == .fix ? carriedFixSeverity : carriedWatchSeverity
                leftOver.append(Entry(item: item, carried: action))
            }
        }
        let entries = agenda.items.map { item in
            var entry = Entry(item: item, carried: carried[item.id])
            entry.owner = entry.owner ?? owners[item.id]
            return entry
        } + leftOver
        var scores: [String: Double] = [:]
        for card in agenda.scorecards { scores[card.id] = card.value }
        return ReviewSession(
            id: id, ecosystem: ecosystem, period: period, started: time,
            entries: entries.enumerated().sorted { ($0.element.item.severity, -$0.offset) > ($1.element.item.severity, -$1.offset) }.map(\.element),
            sinceLast: last.map { ReviewChanges(from: $0, to: agenda.items, scores: scores) }, scores: scores,
            scorecards: agenda.scorecards.map(ReviewScorecardRow.init))
    }
}
