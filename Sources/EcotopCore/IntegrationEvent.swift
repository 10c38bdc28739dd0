/// Something that happened on one integration: a failed call or a delivery.
public struct IntegrationEvent: Hashable, Sendable {
    /// What kind of event this is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case error
        case delivery
    }

    /// Seconds since the Unix epoch.
    public var timestamp: Double
    public var kind: Kind
    /// The integration as `from->to`, e.g. `storefront->stripe`.
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
