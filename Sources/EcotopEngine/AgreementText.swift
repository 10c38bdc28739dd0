import EcotopCore

extension AgreementCheck.Divergence {
    /// How far apart the two sides are, as the governance screen and `ecotop report` show it:
    /// `-4.5%`, or the difference itself (`+12`) when the reference is 0.
    public var text: String {
        guard share.isFinite else { return (difference > 0 ? "+" : "") + NumberFormat.compact(difference) }
        let sign = difference < 0 ? "-" : (difference > 0 ? "+" : "")
        return sign + NumberFormat.fixed(share * 100, decimals: 1) + "%"
    }
}

extension SourceAgreement.Tolerance {
    /// The allowed divergence as the governance screen and `ecotop report` show it: `2%` or `150`.
    public var text: String {
        switch self {
        case .relative(let share): NumberFormat.compact(share * 100) + "%"
        case .absolute(let difference): NumberFormat.compact(difference)
        }
    }
}
