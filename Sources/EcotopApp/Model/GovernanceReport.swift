import EcotopCore
import EcotopEngine

/// What the governance screen shows, read at each refresh: how fresh each source is, whether
/// the sources of truth agree, who owns what, and the annotations of the range.
public struct GovernanceReport: Sendable, Hashable {
    /// Seconds since the Unix epoch at which it was read.
    public var time: Double
    public var freshness: DataFreshness
    public var agreements: [AgreementCheck]
    /// The ownership map, each subject named with what it is.
    public var owners: [OwnedSubject]
    /// The annotations of the range, newest first.
    public var annotations: [Annotation]

    public init(time: Double, freshness: DataFreshness, agreements: [AgreementCheck], owners: [OwnedSubject], annotations: [Annotation]) {
        self.time = time
        self.freshness = freshness
        self.agreements = agreements
        self.owners = owners
        self.annotations = annotations
    }
}

/// One entry of the ownership map as the screen lists it.
public struct OwnedSubject: Sendable, Hashable {
    /// What kind of thing is owned.
    public enum Kind: String, Sendable, Hashable {
        case metric, family, component
    }

    /// The id as configured (`usage.transactions`, `usage`, `crm`).
    public var subject: String
    /// Its name as the dashboard shows it (`Transactions`, `Usage`, `CRM`).
    public var name: String
    public var kind: Kind
    public var owner: String

    public init(subject: String, name: String, kind: Kind, owner: String) {
        self.subject = subject
        self.name = name
        self.kind = kind
        self.owner = owner
    }

    /// The entries of `owners`, each named from the catalog or the ecosystem.
    public static func list(_ owners: Ownership, catalog: MetricCatalog, ecosystem: Ecosystem) -> [OwnedSubject] {
        owners.entries.map { entry in
            if let metric = catalog[MetricID(rawValue: entry.subject)] {
                return OwnedSubject(subject: entry.subject, name: metric.title, kind: .metric, owner: entry.owner)
            }
            if let family = catalog.families.first(where: { $0.id == entry.subject }) {
                return OwnedSubject(subject: entry.subject, name: family.title, kind: .family, owner: entry.owner)
            }
            let component = ecosystem.components.first { $0.id == entry.subject }
            return OwnedSubject(subject: entry.subject, name: component?.name ?? entry.subject, kind: .component, owner: entry.owner)
        }
    }
}
