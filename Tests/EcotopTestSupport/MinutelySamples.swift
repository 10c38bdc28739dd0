import EcotopCore
import EcotopStore

extension TemporaryStore {
    /// Writes one point a minute of each series at its value, the newest at `end`, `minutes`
    /// of them, with a writer whose clock is at `now` (by default `end`): a store whose
    /// statuses and values are known, for the report, check and export tests.
    public func writeMinutely(_ values: [SeriesKey: Double], until end: Double, minutes: Int = 60, now: Double? = nil) throws {
        let writer = try writer(now: now ?? end)
        let samples = values.flatMap { key, value in
            (0..<minutes).map { Sample(key: key, timestamp: end - Double($0) * 60, value: value) }
        }
        try writer.append(samples: samples.sorted { $0.timestamp < $1.timestamp })
        try writer.close()
    }
}
