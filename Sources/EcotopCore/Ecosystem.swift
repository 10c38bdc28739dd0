/// The map of an ecosystem: its components, the integrations between them, and its partners.
public struct Ecosystem: Sendable, Hashable {
    public var name: String
    public var components: [Component]
    public var integrations: [Integration]
    public var partners: [Partner]

    public init(name: String, components: [Component], integrations: [Integration], partners: [Partner]) {
        self.name = name
        self.components = components
        self.integrations = integrations
        self.partners = partners
    }

    /// The component with the given id.
    public func component(_ id: String) -> Component? {
        components.first { $0.id == id }
    }
}

/// A platform, service or app that takes part in the ecosystem.
public struct Component: Sendable, Hashable, Identifiable {
    /// What the component does for the business.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case storefront, crm, cdp, payments, shipping, analytics, email, advertising, reviews, loyalty
        case partnerApp = "partner_app"
        case other
    }

    /// Hubs connect many others (storefront, CRM, CDP); endpoints connect to a hub.
    public enum Role: String, Sendable, Codable, CaseIterable {
        case hub, endpoint
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var role: Role
    /// What it costs, when the configuration says; reviews weigh its value against it.
    public var cost: ComponentCost?

    public init(id: String, name: String, kind: Kind, role: Role, cost: ComponentCost? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.role = role
        self.cost = cost
    }
}

/// A connection through which data flows from one component to another.
public struct Integration: Sendable, Hashable, Identifiable {
    /// How the two components are connected (the `protocol` field in configuration).
    public enum Transport: String, Sendable, Codable, CaseIterable {
        case api, webhook, native, middleware
    }

    public var from: String
    public var to: String
    public var transport: Transport
    /// Whether the business stops when this integration stops (payments, checkout, shipping).
    public var isCritical: Bool
    /// Limits set in the configuration; nil for the defaults of its criticality.
    public var configuredLimits: IntegrationLimits?

    /// `from->to`, the name integration events use.
    public var id: String { "\(from)->\(to)" }

    /// When it counts as unhealthy: the configured limits, else the critical or standard ones.
    public var limits: IntegrationLimits {
        configuredLimits ?? (isCritical ? .critical : .standard)
    }

    public init(from: String, to: String, transport: Transport, isCritical: Bool, limits: IntegrationLimits? = nil) {
        self.from = from
        self.to = to
        self.transport = transport
        self.isCritical = isCritical
        self.configuredLimits = limits
    }
}

/// An organisation that takes part in the ecosystem.
public struct Partner: Sendable, Hashable, Identifiable {
    /// The partner's relationship to the business.
    public enum Tier: String, Sendable, Codable, CaseIterable {
        case strategic, technology, reseller, community
    }

    public var id: String
    public var name: String
    public var tier: Tier
    /// Components this partner provides or operates.
    public var components: [String]

    public init(id: String, name: String, tier: Tier, components: [String]) {
        self.id = id
        self.name = name
        self.tier = tier
        self.components = components
    }
}
