/// Something that happened on one integration (a failed call or a delivery), or an annotation
/// of the ecosystem's timeline (a deploy, an onboarding, an incident, a note; see `Annotation`).
public struct IntegrationEvent: Hashable, Sendable {
    /// What kind of event this is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case error
        case delivery
        case deploy
        case onboarding
        case incident
        case note

        /// Whether events of this kind annotate the timeline rather than report on an
        /// integration: they need no `integration`, and charts mark them.
        public var isAnnotation: Bool {
            switch self {
            case .error, .delivery: false
            case .deploy, .onboarding, .incident, .note: true
            }
        }
    }

    /// Seconds since the Unix epoch.
    public var timestamp: Double
    public var kind: Kind
    /// The integration as `from->to`, e.g. `storefront->stripe`; empty for an annotation that
    /// concerns none.
    public var integration: String
    /// A protocol-level code such as `429`, `401` or `ETIMEDOUT`.
    public var code: String
    /// The message as the integration reported it (sanitized before display).
    public var message: String
    /// How long the call took, when known.
    public var latencyMilliseconds: Double?
    /// Further details, e.g. `endpoint`, `request_id`.
    public var attributes: [String: String]

    public init(
        timestamp: Double, kind: Kind, integration: String, code: String, message: String,
        latencyMilliseconds: Double? = nil, attributes: [String: String] = [:]
    ) {
        self.timestamp = timestamp
        self.kind = kind
        self.integration = integration
        self.code = code
        self.message = message
        self.latencyMilliseconds = latencyMilliseconds
        self.attributes = attributes
    }
}
