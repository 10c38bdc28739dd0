import EcotopCore

/// A group of integration errors that are the same failure: same integration, same code and
/// the same message once its varying parts are replaced (`ErrorMessageTemplate`). The errors
/// drill-down lists these instead of every single event.
public struct ErrorFingerprint: Sendable, Hashable, Identifiable {
    /// The integration as `from->to`.
    public var integration: String
    /// The protocol-level code, such as `429` or `ETIMEDOUT`.
    public var code: String
    /// The normalized message shared by the group.
    public var template: String
    /// How many error events the group holds.
    public var count: Int
    /// When the first event of the group happened (seconds since the Unix epoch).
    public var firstSeen: Double
    /// When the newest event of the group happened.
    public var lastSeen: Double
    /// The message of the newest event, as reported (sanitize before display).
    public var sampleMessage: String

    /// A stable identity: integration, code and template.
    public var id: String { "\(integration)\u{1F}\(code)\u{1F}\(template)" }

    public init(
        integration: String, code: String, template: String, count: Int, firstSeen: Double, lastSeen: Double,
        sampleMessage: String
    ) {
        self.integration = integration
        self.code = code
        self.template = template
        self.count = count
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.sampleMessage = sampleMessage
    }

    /// Groups the error events (deliveries are skipped), most frequent first; ties go to the
    /// group seen most recently, then to the integration, code and template in order.
    public static func group(_ events: [IntegrationEvent]) -> [ErrorFingerprint] {
        /// The three parts as they are: joined into `id`, an integration or code that contains
        /// the separator could make two groups one.
        struct Key: Hashable {
            var integration: String
            var code: String
            var template: String
        }
        var templates: [String: String] = [:]
        var groups: [Key: ErrorFingerprint] = [:]
        for event in events where event.kind == .error {
            let template = templates[event.message] ?? ErrorMessageTemplate.normalize(event.message)
            templates[event.message] = template
            let key = Key(integration: event.integration, code: event.code, template: template)
            if groups[key] == nil {
                groups[key] = ErrorFingerprint(
                    integration: event.integration, code: event.code, template: template, count: 1,
                    firstSeen: event.timestamp, lastSeen: event.timestamp, sampleMessage: event.message)
            } else {
                groups[key]?.absorb(event)
            }
        }
        return groups.values.sorted { lhs, rhs in
            if lhs.count != rhs.count { return lhs.count > rhs.count }
            if lhs.lastSeen != rhs.lastSeen { return lhs.lastSeen > rhs.lastSeen }
            return (lhs.integration, lhs.code, lhs.template) < (rhs.integration, rhs.code, rhs.template)
        }
    }

    /// Whether `event` is an error of this group.
    public func contains(_ event: IntegrationEvent) -> Bool {
        event.kind == .error && event.integration == integration && event.code == code
            && ErrorMessageTemplate.normalize(event.message) == template
    }

    /// Adds one more event of the same group.
    private mutating func absorb(_ event: IntegrationEvent) {
        count += 1
        firstSeen = min(firstSeen, event.timestamp)
        if event.timestamp >= lastSeen {
            lastSeen = event.timestamp
            sampleMessage = event.message
        }
    }
}
