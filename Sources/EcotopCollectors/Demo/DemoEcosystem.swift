import EcotopCore

extension Ecosystem {
    /// The built-in demo: an online shop whose storefront, CRM and CDP hubs connect payment
    /// gateways, shipping carriers, analytics, email, reviews, loyalty and a few partner apps,
    /// after the ecommerce example of the reference text.
    public static let demo = Ecosystem(
        name: "Acme Outdoor (demo)",
        components: [
            Component(id: "storefront", name: "Storefront", kind: .storefront, role: .hub, cost: ComponentCost(amount: 4_000)),
            Component(id: "crm", name: "CRM", kind: .crm, role: .hub),
            Component(id: "cdp", name: "Customer data platform", kind: .cdp, role: .hub),
            Component(id: "stripe", name: "Stripe", kind: .payments, role: .endpoint),
            Component(id: "paypal", name: "PayPal", kind: .payments, role: .endpoint),
            Component(id: "fedex", name: "FedEx", kind: .shipping, role: .endpoint),
            Component(id: "ups", name: "UPS", kind: .shipping, role: .endpoint),
            Component(id: "google-analytics", name: "Google Analytics", kind: .analytics, role: .endpoint),
            Component(id: "mailchimp", name: "Mailchimp", kind: .email, role: .endpoint),
            Component(id: "google-ads", name: "Google Ads", kind: .advertising, role: .endpoint),
            Component(id: "trustpilot", name: "Trustpilot", kind: .reviews, role: .endpoint),
            Component(id: "loyalty", name: "Loyalty platform", kind: .loyalty, role: .endpoint, cost: ComponentCost(amount: 1_500)),
            Component(id: "returns-portal", name: "Returns portal", kind: .partnerApp, role: .endpoint, cost: ComponentCost(amount: 400)),
            Component(id: "bundle-builder", name: "Bundle builder", kind: .partnerApp, role: .endpoint),
            Component(id: "gear-rental", name: "Gear rental", kind: .partnerApp, role: .endpoint, cost: ComponentCost(amount: 10_800, per: .year)),
        ],
        integrations: [
            Integration(from: "storefront", to: "stripe", transport: .api, isCritical: true),
            Integration(from: "storefront", to: "paypal", transport: .api, isCritical: true),
            Integration(from: "storefront", to: "fedex", transport: .api, isCritical: true),
            Integration(from: "storefront", to: "ups", transport: .api, isCritical: true),
            Integration(from: "storefront", to: "crm", transport: .middleware, isCritical: false),
            Integration(from: "storefront", to: "cdp", transport: .webhook, isCritical: false),
            Integration(from: "cdp", to: "google-analytics", transport: .native, isCritical: false),
            Integration(from: "cdp", to: "mailchimp", transport: .native, isCritical: false),
            Integration(from: "cdp", to: "google-ads", transport: .native, isCritical: false),
            Integration(from: "crm", to: "mailchimp", transport: .native, isCritical: false),
            Integration(from: "storefront", to: "trustpilot", transport: .webhook, isCritical: false),
            Integration(from: "storefront", to: "loyalty", transport: .api, isCritical: false),
            Integration(from: "crm", to: "loyalty", transport: .api, isCritical: false),
            Integration(from: "storefront", to: "returns-portal", transport: .webhook, isCritical: false),
            Integration(from: "storefront", to: "bundle-builder", transport: .api, isCritical: false),
            Integration(from: "storefront", to: "gear-rental", transport: .api, isCritical: false),
        ],
        partners: [
            Partner(id: "stripe", name: "Stripe", tier: .strategic, components: ["stripe"]),
            Partner(id: "paypal", name: "PayPal", tier: .strategic, components: ["paypal"]),
            Partner(id: "fedex", name: "FedEx", tier: .strategic, components: ["fedex"]),
            Partner(id: "ups", name: "UPS", tier: .strategic, components: ["ups"]),
            Partner(id: "google", name: "Google", tier: .technology, components: ["google-analytics", "google-ads"]),
            Partner(id: "mailchimp", name: "Mailchimp", tier: .technology, components: ["mailchimp"]),
            Partner(id: "trustpilot", name: "Trustpilot", tier: .technology, components: ["trustpilot"]),
            Partner(id: "loyalty-co", name: "Loyalty Co", tier: .technology, components: ["loyalty"]),
            Partner(id: "returnly-labs", name: "Returnly Labs", tier: .reseller, components: ["returns-portal"]),
            Partner(id: "bundle-works", name: "Bundle Works", tier: .community, components: ["bundle-builder"]),
            Partner(id: "trailshare", name: "TrailShare", tier: .community, components: ["gear-rental"]),
        ]
    )
}
