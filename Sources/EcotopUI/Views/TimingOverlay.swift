import EcotopApp
import EcotopCore

/// The `--debug` (F12) overlay: per-phase frame timings over the kept frames (minimum, mean,
/// maximum, 95th percentile, in milliseconds) and the resident memory, in a box at the top
/// right of the body, over whatever screen is shown.
public struct TimingOverlay {
    public let timings: FrameTimings
    let theme: Theme
    let glyphs: GlyphSet

    /// Columns of the box: phase name, then four values.
    static let width = 45
    static let height = FrameTimings.Phase.allCases.count + 4

    public init(timings: FrameTimings, appearance: Appearance, themeIndex: Int) {
        self.timings = timings
        theme = appearance.theme(at: themeIndex)
        glyphs = appearance.glyphs
    }

    /// Draws the box into `frame` below its first (header) row, where it fits.
    public func render(into frame: inout FrameBuffer) {
        let area = frame.area
        guard area.width >= Self.width + 2, area.height >= Self.height + 2 else { return }
        let box = Rect(x: area.maxX - Self.width - 1, y: area.y + 1, width: Self.width, height: Self.height)
        Pane(
            title: [Span(" Timings ", style: theme.style(.focus, .bold))],
            note: [Span(" F12 hides ", style: theme.style(.muted))], borderStyle: theme.style(.focus), glyphs: glyphs
        ).render(in: box, buffer: &frame)
        let inner = Pane.inner(box).inset(horizontal: 1)
        frame.fill(inner, style: theme.style(.text))
        _ = frame.write(Self.row("ms", ["min", "avg", "max", "p95"]), x: inner.x, y: inner.y, style: theme.style(.muted))
        for (offset, phase) in FrameTimings.Phase.allCases.enumerated() {
            let values = timings.statistics(of: phase).map { [$0.minimum, $0.mean, $0.maximum, $0.p95].map(Self.milliseconds) }
            _ = frame.write(
                Self.row(phase.rawValue, values ?? ["--", "--", "--", "--"]), x: inner.x, y: inner.y + 1 + offset,
                style: theme.style(.text))
        }
        _ = frame.write(footer, x: inner.x, y: inner.maxY - 1, style: theme.style(.muted), limit: inner.maxX)
    }

    /// `1234 frames, last 120 · RSS 23.4 MiB`.
    var footer: String {
        let memory = timings.residentBytes.map { "RSS " + NumberFormat.fixed(Double($0) / 1_048_576, decimals: 1) + " MiB" } ?? "RSS unknown"
        let kept = timings.statistics(of: .flush)?.count ?? 0
        return "\(timings.frames) frames, last \(kept) \(glyphs.flat) \(memory)"
    }

    private static func row(_ name: String, _ values: [String]) -> String {
        name.padding(to: 7) + values.map { String(repeating: " ", count: max(0, 8 - $0.count)) + $0 }.joined()
    }

    /// Milliseconds, with two decimals below 10 ms, where the render loop's times fall.
    private static func milliseconds(_ seconds: Double) -> String {
        let milliseconds = seconds * 1_000
        return NumberFormat.fixed(milliseconds, decimals: milliseconds < 10 ? 2 : 1)
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
