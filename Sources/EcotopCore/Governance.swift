/// The configuration's data governance (`governance:` in docs/config.md): which pairs of series
/// must agree, and who owns which data and which components.
public struct Governance: Sendable, Hashable {
    /// Pairs of series that are two sources of one truth.
    public var agreements: [SourceAgreement]
    public var owners: Ownership

    public init(agreements: [SourceAgreement] = [], owners: Ownership = Ownership()) {
        self.agreements = agreements
        self.owners = owners
    }
}

/// Two series that must agree within a tolerance: the reference text's "the CRM's customer
/// count against the analytics platform's". Each side is the sum of the newest points of the
/// series its selector picks.
public struct SourceAgreement: Sendable, Hashable {
    /// What is compared, as the screen names it (`customer count`).
    public var name: String
    /// The side taken as the source of truth.
    public var reference: SeriesSelector
    /// The side checked against it.
    public var compared: SeriesSelector
    public var tolerance: Tolerance

    /// How far two values may be apart.
    public enum Tolerance: Sendable, Hashable {
        /// A share of the reference value (0.02 is 2 %).
        case relative(Double)
        /// A difference in the series' own unit.
        case absolute(Double)
    }

    public init(name: String, reference: SeriesSelector, compared: SeriesSelector, tolerance: Tolerance) {
        self.name = name
        self.reference = reference
        self.compared = compared
        self.tolerance = tolerance
    }
}

/// Who owns what: a data type (a metric id or a family id) or a component, mapped to an owner
/// (a team, a person, an address), in the configuration's order.
public struct Ownership: Sendable, Hashable {
    /// One entry of the map.
    public struct Entry: Sendable, Hashable {
        /// What is owned: a metric id, a family id or a component id.
        public var subject: String
        public var owner: String

        public init(subject: String, owner: String) {
            self.subject = subject
            self.owner = owner
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// The owner of a component, when one is named.
    public func owner(ofComponent id: String) -> String? {
        entries.first { $0.subject == id }?.owner
    }

    /// The owner of a metric: its own, else its family's.
    public func owner(of metric: MetricDefinition) -> String? {
        entries.first { $0.subject == metric.id.rawValue }?.owner ?? entries.first { $0.subject == metric.family.id }?.owner
    }
}
