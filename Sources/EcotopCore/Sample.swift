/// One measured value of one series at one moment.
public struct Sample: Hashable, Sendable {
    public var key: SeriesKey
    /// Seconds since the Unix epoch.
    public var timestamp: Double
    public var value: Double

    public init(key: SeriesKey, timestamp: Double, value: Double) {
        self.key = key
        self.timestamp = timestamp
        self.value = value
    }
}

/// A point of a series without its key, as returned by range queries.
public struct SeriesPoint: Hashable, Sendable {
    /// Seconds since the Unix epoch.
    public var timestamp: Double
    public var value: Double

    public init(timestamp: Double, value: Double) {
        self.timestamp = timestamp
        self.value = value
    }
}
