/// Percentiles by linear interpolation between closest ranks.
///
/// For `n` values sorted ascending, `x[0] ... x[n-1]`, the `p`-th quantile (`p` in 0...1)
/// lies at the fractional rank `h = (n - 1) * p`; the result is
/// `x[⌊h⌋] + (h - ⌊h⌋) * (x[⌊h⌋ + 1] - x[⌊h⌋])`. This is Hyndman and Fan's method 7, the
/// default of NumPy, R and spreadsheets' `PERCENTILE.INC`: p0 is the minimum, p100 the maximum,
/// p50 the usual median (the mean of the two middle values for an even count), and a single
/// value is every percentile of itself.
public enum Percentile {
    /// The `p`-th quantile (`p` clamped to 0...1) of values already sorted ascending; nil when empty.
    public static func interpolated(_ p: Double, sorted values: [Double]) -> Double? {
        guard let first = values.first else { return nil }
        guard values.count > 1 else { return first }
        let rank = Double(values.count - 1) * min(1, max(0, p))
        let lower = Int(rank.rounded(.down))
        let fraction = rank - Double(lower)
        guard lower + 1 < values.count, fraction > 0 else { return values[lower] }
        return values[lower] + fraction * (values[lower + 1] - values[lower])
    }

    /// The median of values in any order; nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        interpolated(0.5, sorted: values.sorted())
    }
}
