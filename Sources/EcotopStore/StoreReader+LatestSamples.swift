import EcotopCore

extension StoreReader {
    /// The newest raw point of every series with one in `from...to` (seconds), as samples:
    /// what an exposition starts from before the collectors write again. Reads only the raw
    /// segments that overlap the range.
    public func latestSamples(from: Double, to: Double) throws -> [Sample] {
        let keys = try seriesKeys()
        var newest: [Int: (time: Int64, value: Double)] = [:]
        let selected = keys.map { $0 != nil }
        try scanRaw(selected: selected, from: Self.milliseconds(from, .up), to: Self.milliseconds(to, .down)) { series, time, value in
            if time >= newest[series]?.time ?? .min { newest[series] = (time, value) }
        }
        return newest.compactMap { series, point in
            keys[series].map { Sample(key: $0, timestamp: Double(point.time) / 1000, value: point.value) }
        }
    }
}
