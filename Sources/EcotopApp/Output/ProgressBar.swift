#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress bar on stderr, redrawn in place, shown only when stderr is a terminal
/// (a log file or a pipe gets no carriage-return noise).
public struct ProgressBar {
    private let label: String
    private let total: Int
    private let unit: String
    private let isVisible: Bool
    private var shownPercent = -1

    /// A bar for `total` things of `unit` (`bytes`, `samples`).
    public init(label: String, total: Int, unit: String, visible: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.total = max(total, 1)
        self.unit = unit
        isVisible = visible
    }

    /// Redraws the bar when the whole percentage changed.
    public mutating func update(_ done: Int) {
        let percent = min(100, done * 100 / total)
        guard isVisible, percent != shownPercent else { return }
        shownPercent = percent
        writeUnbuffered("\r" + Self.line(label: label, done: min(done, total), total: total, unit: unit), to: STDERR_FILENO)
    }

    /// Ends the bar's line.
    public mutating func finish() {
        update(total)
        if isVisible { writeUnbuffered("\n", to: STDERR_FILENO) }
    }

    /// `importing [##########----------]  50%  500/1000 samples`.
    public static func line(label: String, done: Int, total: Int, unit: String, width: Int = 30) -> String {
        let filled = done * width / max(total, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let percent = String(done * 100 / max(total, 1))
        return "\(label) [\(bar)] \(String(repeating: " ", count: 3 - percent.count))\(percent)%  \(done)/\(total) \(unit)"
    }
}
