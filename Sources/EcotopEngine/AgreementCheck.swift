import EcotopCore

/// Whether two sources of one truth agree (`SourceAgreement`): both values, how far apart they
/// are, and whether that is past the tolerance. The governance screen lists these and a breach
/// is a problem in the header.
public struct AgreementCheck: Sendable, Hashable {
    public var agreement: SourceAgreement
    /// The reference side's value; nil when none of its series has a point within the lookback.
    public var reference: Double?
    /// The compared side's value; nil likewise.
    public var compared: Double?
    /// How far apart the two are, once both have a value.
    public var divergence: Divergence?

    /// How far the compared value is from the reference value.
    public struct Divergence: Sendable, Hashable {
        /// `compared - reference`, in the series' unit.
        public var difference: Double
        /// `|difference| / |reference|`: 0.04 is 4 %; infinite when the reference is 0 and the
        /// compared value is not.
        public var share: Double
        /// Whether the divergence is past the tolerance (a divergence equal to it is not).
        public var isBreach: Bool
    }

    /// Whether the two sides disagree past the tolerance; false while either has no value.
    public var isBreached: Bool { divergence?.isBreach ?? false }

    /// The one rule for how far apart two values are and whether that breaks `tolerance`.
    public static func divergence(reference: Double, compared: Double, tolerance: SourceAgreement.Tolerance) -> Divergence {
        let difference = compared - reference
        let share = reference == 0 ? (difference == 0 ? 0 : .infinity) : abs(difference) / abs(reference)
        let isBreach = switch tolerance {
        case .relative(let allowed): share > allowed
        case .absolute(let allowed): abs(difference) > allowed
        }
        return Divergence(difference: difference, share: share, isBreach: isBreach)
    }

    /// Checks `agreement` with the newest point of each side's series in `source` at `time`,
    /// looking back at most `lookback` seconds.
    public init(agreement: SourceAgreement, source: any SeriesSource, at time: Double, lookback: Double) throws {
        self.agreement = agreement
        reference = try Self.value(of: agreement.reference, in: source, at: time, lookback: lookback)
        compared = try Self.value(of: agreement.compared, in: source, at: time, lookback: lookback)
        if let reference, let compared {
            divergence = Self.divergence(reference: reference, compared: compared, tolerance: agreement.tolerance)
        }
    }

    /// The sum of the newest points of the series `selector` picks; nil when none has one.
    static func value(of selector: SeriesSelector, in source: any SeriesSource, at time: Double, lookback: Double) throws -> Double? {
        let points = try keys(of: selector, in: source).compactMap { try source.latest(of: $0, at: time, lookback: lookback) }
        return points.isEmpty ? nil : points.reduce(0) { $0 + $1.value }
    }

    /// The series of `source` that `selector` picks: one side of an agreement.
    public static func keys(of selector: SeriesSelector, in source: any SeriesSource) throws -> [SeriesKey] {
        guard let name = selector.name else { return [] }
        return try source.seriesKeys(named: name).filter(selector.matches)
    }

    /// The checks of every agreement of `governance`, in its order.
    public static func checks(of governance: Governance, source: any SeriesSource, at time: Double, lookback: Double) throws -> [AgreementCheck] {
        try governance.agreements.map { try AgreementCheck(agreement: $0, source: source, at: time, lookback: lookback) }
    }
}
