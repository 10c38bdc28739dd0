import Foundation

/// How a process's resident memory moves over a run: the least-squares line through samples
/// of `VmRSS`, for soak tests that must tell a flat profile from a slow leak.
public struct MemoryTrend: Sendable, Equatable {
    /// One reading: seconds since the start and resident memory in KiB.
    public struct Sample: Sendable, Equatable {
        public var seconds: Double
        public var kibibytes: Double

        public init(seconds: Double, kibibytes: Double) {
            self.seconds = seconds
            self.kibibytes = kibibytes
        }
    }

    /// The fitted growth in KiB per minute (negative when memory shrinks).
    public var kibibytesPerMinute: Double
    /// The lowest and highest reading.
    public var lowest: Double
    public var highest: Double

    /// Fits the samples; nil with fewer than two or all at one moment.
    public init?(_ samples: [Sample]) {
        guard samples.count >= 2 else { return nil }
        let count = Double(samples.count)
        let meanTime = samples.map(\.seconds).reduce(0, +) / count
        let meanSize = samples.map(\.kibibytes).reduce(0, +) / count
        let spread = samples.map { ($0.seconds - meanTime) * ($0.seconds - meanTime) }.reduce(0, +)
        guard spread > 0 else { return nil }
        let covariance = samples.map { ($0.seconds - meanTime) * ($0.kibibytes - meanSize) }.reduce(0, +)
        kibibytesPerMinute = covariance / spread * 60
        lowest = samples.map(\.kibibytes).min()!
        highest = samples.map(\.kibibytes).max()!
    }
}

/// The resident memory of process `pid` in KiB (`VmRSS` of /proc/PID/status); nil once it has exited.
public func residentKibibytes(of pid: Int32) -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
    return line.split(separator: " ").dropFirst().first.flatMap { Double($0) }
}
