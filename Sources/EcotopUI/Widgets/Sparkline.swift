/// A one-row chart of a series with block glyphs, newest value on the right.
///
/// When there are more values than columns, consecutive values are averaged so the whole
/// series fits; missing values (nil) stay blank. Each column is coloured by its height along
/// the theme's chart gradient when `gradient` is given.
public struct Sparkline: Widget {
    public var values: [Double?]
    public var style: Style
    public var gradient: [Color]
    public var glyphs: GlyphSet

    public init(values: [Double?], style: Style, gradient: [Color] = [], glyphs: GlyphSet) {
        self.values = values
        self.style = style
        self.gradient = gradient
        self.glyphs = glyphs
    }

    public func render(in area: Rect, buffer: inout FrameBuffer) {
        guard !area.isEmpty else { return }
        let columns = Self.resample(values, to: area.width)
        let present = columns.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else { return }
        let levels = glyphs.sparkLevels
        let start = area.maxX - columns.count
        for (offset, value) in columns.enumerated() {
            guard let value else { continue }
            let position = high > low ? (value - low) / (high - low) : 0.5
            let level = min(levels.count - 1, Int(position * Double(levels.count - 1) + 0.5))
            var cellStyle = style
            if !gradient.isEmpty {
                cellStyle.foreground = gradient[min(gradient.count - 1, Int(position * Double(gradient.count - 1) + 0.5))]
            }
            buffer.set(levels[level], x: start + offset, y: area.y, style: cellStyle)
        }
    }

    /// Averages runs of values so at most `width` remain; nil only where a whole run is nil.
    public static func resample(_ values: [Double?], to width: Int) -> [Double?] {
        guard width > 0 else { return [] }
        guard values.count > width else { return values }
        return (0..<width).map { column in
            let lower = column * values.count / width
            let upper = (column + 1) * values.count / width
            let run = values[lower..<max(upper, lower + 1)].compactMap { $0 }
            return run.isEmpty ? nil : run.reduce(0, +) / Double(run.count)
        }
    }
}
