/// The metrics a dashboard shows, in display order: by default the twenty Ecotop knows out of
/// the box, five per standard family; a configuration may add metrics and families or replace
/// them (`EcotopConfiguration.metricCatalog`).
public struct MetricCatalog: Sendable {
    /// All definitions, grouped by family in pane order.
    public let metrics: [MetricDefinition]
    /// The families that have metrics, in the order their first metric appears: the panes.
    public let families: [MetricFamily]
    private let positions: [MetricID: Int]

    public init(metrics: [MetricDefinition]) {
        self.metrics = metrics
        var families: [MetricFamily] = []
        for metric in metrics where !families.contains(metric.family) { families.append(metric.family) }
        self.families = families
        var positions: [MetricID: Int] = [:]
        for (offset, metric) in metrics.enumerated() { positions[metric.id] = offset }
        self.positions = positions
    }

    /// The definition with the given id, if the catalog has one.
    public subscript(id: MetricID) -> MetricDefinition? {
        positions[id].map { metrics[$0] }
    }

    /// The metrics of one family, in display order.
    public func metrics(in family: MetricFamily) -> [MetricDefinition] {
        metrics.filter { $0.family == family }
    }

    /// The built-in catalog of the twenty standard ecosystem metrics.
    public static let standard = MetricCatalog(metrics: participation + usage + value + qualitative)
}

// MARK: - The standard metrics

extension MetricCatalog {
    private static let participation: [MetricDefinition] = [
        MetricDefinition(
            id: "participation.active_partners", family: .participation,
            title: "Active partners", shortTitle: "Active partners",
            unit: .count, direction: .higherIsBetter, aggregation: .last,
            thresholds: Thresholds(warn: 40, critical: 30),
            summary: "Partners with at least one live integration or transaction in the last 30 days."),
        MetricDefinition(
            id: "participation.integrated_services", family: .participation,
            title: "Integrated services and applications", shortTitle: "Integrated services",
            unit: .count, direction: .higherIsBetter, aggregation: .last,
            thresholds: Thresholds(warn: 18, critical: 12),
            summary: "Services and applications wired into the ecosystem through an API, webhook or connector."),
        MetricDefinition(
            id: "participation.connected_sources", family: .participation,
            title: "Connected applications and data sources", shortTitle: "Connected sources",
            unit: .count, direction: .higherIsBetter, aggregation: .last,
            thresholds: Thresholds(warn: 28, critical: 20),
            summary: "Applications and data sources that currently deliver data to the hubs (CRM, CDP)."),
        MetricDefinition(
            id: "participation.onboarding_velocity", family: .participation,
            title: "Partner onboarding velocity", shortTitle: "Onboarding velocity",
            unit: .perWeek, direction: .higherIsBetter, aggregation: .avg,
            thresholds: Thresholds(warn: 1.5, critical: 0.5),
            summary: "Partners that completed onboarding per week; falls when onboarding friction grows."),
        MetricDefinition(
            id: "participation.stakeholder_diversity", family: .participation,
            title: "Diverse stakeholders represented", shortTitle: "Stakeholder divers.",
            unit: .index, direction: .higherIsBetter, aggregation: .avg,
            thresholds: Thresholds(warn: 0.5, critical: 0.35),
            summary: "Evenness (0-1) of participants across stakeholder kinds: vendors, partners, developers, customers."),
    ]

    private static let usage: [MetricDefinition] = [
        MetricDefinition(
            id: "usage.transactions", family: .usage,
            title: "Transaction volume through ecosystem channels", shortTitle: "Transactions",
            unit: .perMinute, direction: .higherIsBetter, aggregation: .avg,
            thresholds: Thresholds(warn: 300, critical: 120),
            summary: "Orders, payments and bookings that flow through ecosystem channels, per minute."),
        MetricDefinition(
            id: "usage.active_users", family: .usage,
            title: "Active users engaging with ecosystem services", shortTitle: "Active users",
            unit: .count, direction: .higherIsBetter, aggregation: .avg,
            thresholds: Thresholds(warn: 2_000, critical: 800),
            summary: "Distinct users who used an ecosystem service in the last hour."),
        MetricDefinition(
            id: "usage.data_exchange_frequency", family: .usage,
            title: "Data exchange frequency between participants", shortTitle: "Data exchanges",
            unit: .perMinute, direction: .higherIsBetter, aggregation: .avg,
            thresholds: Thresholds(warn: 800, critical: 300),
            summary: "Syncs, webhooks and API calls exchanged between participants, per minute."),
        MetricDefinition(
            id: "usage.critical_uptime", family: .usage,
            title: "Uptime across critical services", shortTitle: "Critical uptime",
            unit: .percent, direction: .higherIsBetter, aggregation: .min,
            thresholds: Thresholds(warn: 99.9, critical: 99.5),
            summary: "Availability of the services flagged critical (payments, storefront, shipping)."),
        MetricDefinition(
            id: "usage.integration_error_rate", family: .usage,
            title: "Error rates in integrations", shortTitle: "Integration errors",
            unit: .percent, direction: .lowerIsBetter, aggregation: .max,
            thresholds: Thresholds(warn: 1, critical: 5),
            summary: "Share of integration calls that failed (timeouts, 4xx/5xx, rejected payloads)."),
    ]

    private static let value: [MetricDefinition] = [
        MetricDefinition(
            id: "value.ecosystem_revenue", family: .value,
            title: "Revenue attributed to ecosystem channels", shortTitle: "Ecosystem revenue",
            unit: .currency, direction: .higherIsBetter, aggregation: .avg,
            thresholds: Thresholds(warn: 250_000, critical: 150_000),
            summary: "Revenue of the last 24 hours attributed to partner and integration channels."),
        MetricDefinition(
            id: "value.cross_sell_rate", family: .value,
            title: "Cross-sell and upsell rates with partners", shortTitle: "Cross-sell rate",
            unit: .percent, direction: .higherIsBetter, aggregation: .avg,
            thresholds: Thresholds(warn: 5, critical: 3),
            summary: "Share of orders that include a partner's product or an upgrade offered through a partner."),
        MetricDefinition(
            id: "value.customer_lifetime_value", family: .value,
            title: "Customer lifetime value in ecosystem journeys", shortTitle: "Customer LTV",
            unit: .currency, direction: .higherIsBetter, aggregation: .avg,
            thresholds: Thresholds(warn: 1_400, critical: 1_100),
            summary: "Average lifetime value of customers whose journeys touch ecosystem services."),
        MetricDefinition(
            id: "value.integration_cost_savings", family: .value,
            title: "Cost savings from standardized integrations", shortTitle: "Integration savings",
            unit: .currency, direction: .higherIsBetter, aggregation: .last,
            thresholds: Thresholds(warn: 20_000, critical: 10_000),
            summary: "Monthly cost avoided by standard connectors instead of custom point-to-point code."),
        MetricDefinition(
            id: "value.new_revenue_streams", family: .value,
            title: "New revenue streams generated", shortTitle: "New revenue streams",
            unit: .count, direction: .higherIsBetter, aggregation: .last,
            thresholds: Thresholds(warn: 3, critical: 1),
            summary: "Revenue streams opened by the ecosystem this year (marketplace fees, partner bundles)."),
    ]

    private static let qualitative: [MetricDefinition] = [
        MetricDefinition(
            id: "qualitative.partner_satisfaction", family: .qualitative,
            title: "Partner satisfaction scores", shortTitle: "Partner satisfaction",
            unit: .score, direction: .higherIsBetter, aggregation: .avg,
            thresholds: Thresholds(warn: 7, critical: 6),
            summary: "Average partner survey score out of 10."),
        MetricDefinition(
            id: "qualitative.developer_activity", family: .qualitative,
            title: "Developer community activity", shortTitle: "Developer activity",
            unit: .perWeek, direction: .higherIsBetter, aggregation: .avg,
            thresholds: Thresholds(warn: 150, critical: 60),
            summary: "Forum posts, pull requests and new API keys from the developer community per week."),
        MetricDefinition(
            id: "qualitative.support_tickets", family: .qualitative,
            title: "Support ticket trends", shortTitle: "Support tickets",
            unit: .perDay, direction: .lowerIsBetter, aggregation: .avg,
            thresholds: Thresholds(warn: 60, critical: 90),
            summary: "Integration-related support tickets opened per day; rising tickets precede churn."),
        MetricDefinition(
            id: "qualitative.documentation_usage", family: .qualitative,
            title: "Integration documentation usage", shortTitle: "Docs usage",
            unit: .perDay, direction: .higherIsBetter, aggregation: .avg,
            thresholds: Thresholds(warn: 1_500, critical: 600),
            summary: "Views of integration guides and API reference pages per day."),
        MetricDefinition(
            id: "qualitative.partner_sentiment", family: .qualitative,
            title: "Ecosystem sentiment in partner feedback", shortTitle: "Partner sentiment",
            unit: .index, direction: .higherIsBetter, aggregation: .avg,
            thresholds: Thresholds(warn: 0.1, critical: -0.2),
            summary: "Mean sentiment (-1 to 1) of partner feedback, reviews and account-manager notes."),
    ]
}
