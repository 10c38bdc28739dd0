/// Counts of moments per equal bucket of a range, for the sparklines and histograms of the
/// errors drill-down.
public enum EventHistogram {
    /// How many of `times` fall in each of `buckets` equal parts of `from..<to`, oldest first.
    /// Times outside the range are not counted.
    public static func counts(of times: [Double], from: Double, to: Double, buckets: Int) -> [Int] {
        guard buckets > 0, to > from else { return [] }
        var counts = [Int](repeating: 0, count: buckets)
        let width = (to - from) / Double(buckets)
        for time in times where time >= from && time < to {
            counts[min(buckets - 1, Int((time - from) / width))] += 1
        }
        return counts
    }
}
