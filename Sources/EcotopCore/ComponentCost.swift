/// What a component costs, as the configuration gives it (`components[].cost: {amount, per: month}`).
public struct ComponentCost: Sendable, Hashable, Codable {
    /// The period an amount is paid for.
    public enum Period: String, Sendable, Hashable, Codable, CaseIterable {
        case month, year
    }

    /// The amount, in the currency the value metrics are in.
    public var amount: Double
    public var per: Period

    public init(amount: Double, per: Period = .month) {
        self.amount = amount
        self.per = per
    }

    /// The cost of one month.
    public var monthly: Double {
        switch per {
        case .month: amount
        case .year: amount / 12
        }
    }
}
