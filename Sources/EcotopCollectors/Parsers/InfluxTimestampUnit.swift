extension InfluxLineParser.Precision {
    /// The times a timestamp is plausibly meant to be: 1971 up to 2100, in Unix seconds.
    private static let plausibleSeconds = 31_536_000.0..<4_102_444_800.0

    /// A warning when every timestamp written in an input falls before 1971 or after 2100
    /// as read in this precision, which suggests the writer used another unit (seconds read
    /// as nanoseconds land in 1970), naming the precisions that would place them all in
    /// 1971–2100; nil when some timestamp is plausible or none was written.
    /// - Parameter seconds: the explicit timestamps, as read with this precision.
    public func unitWarning(forTimestamps seconds: [Double]) -> String? {
        guard !seconds.isEmpty, !seconds.contains(where: Self.plausibleSeconds.contains) else { return nil }
        let ticks = seconds.map { $0 * Double(ticksPerSecond) }
        let fitting = Self.allCases.filter { precision in
            precision != self && ticks.allSatisfy { Self.plausibleSeconds.contains($0 / Double(precision.ticksPerSecond)) }
        }
        let read = "every timestamp falls before 1971 or after 2100 when read in \(rawValue)"
        guard !fitting.isEmpty else {
            return "\(read); check the unit its writer uses (--precision s, ms, us or ns)"
        }
        return "\(read); they look like \(fitting.map(\.rawValue).joined(separator: " or ")): pass --precision \(fitting[0].rawValue)"
    }
}
