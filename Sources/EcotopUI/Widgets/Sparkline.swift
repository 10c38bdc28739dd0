/// A one-row chart of a series with block glyphs, newest value on the right.
///
/// When there are more values than columns, consecutive values are averaged so the whole
/// series fits; missing values (nil) stay blank. Each column is coloured by its height along
/// the theme's chart gradient when `gradient` is given.
///
/// The scale says something: it spans at least `minimumSpan` (for a metric, the distance
/// between its warning and critical thresholds: the size of a change that matters), centred
/// on the values, so a 0.1 % wobble stays a nearly flat line instead of full swings.
public struct Sparkline: Widget {
    public var values: [Double?]
    public var style: Style
    public var gradient: [Color]
    public var glyphs: GlyphSet
    /// The smallest span of the scale, in the values' unit; 0 scales from the lowest value to
    /// the highest.
    public var minimumSpan: Double
    /// Where the scale starts, when it must include a value (0 for counts, so that a quiet
    /// stretch sits at the bottom); nil scales from the lowest value.
    public var floor: Double?

    public init(values: [Double?], style: Style, gradient: [Color] = [], glyphs: GlyphSet, minimumSpan: Double = 0) {
        self.values = values
        self.style = style
        self.gradient = gradient
        self.glyphs = glyphs
        self.minimumSpan = minimumSpan
    }

    public func render(in area: Rect, buffer: inout FrameBuffer) {
        guard !area.isEmpty else { return }
        let columns = Self.resample(values, to: area.width)
        let present = columns.compactMap { $0 }.filter(\.isFinite)
        guard let (low, high) = scale(of: present) else { return }
        let levels = glyphs.sparkLevels
        let start = area.maxX - columns.count
        for (offset, value) in columns.enumerated() {
            guard let value, let position = Self.position(of: value, low: low, high: high) else { continue }
            let level = min(levels.count - 1, Int(position * Double(levels.count - 1) + 0.5))
            var cellStyle = style
            if let color = gradient.color(at: position) { cellStyle.foreground = color }
            buffer.set(levels[level], x: start + offset, y: area.y, style: cellStyle)
        }
    }

    /// The low and high ends of the scale for `values`: their lowest and highest, widened
    /// around their middle to `minimumSpan` when narrower.
    func scale(of values: [Double]) -> (low: Double, high: Double)? {
        guard var low = values.min(), var high = values.max() else { return nil }
        if let floor {
            low = min(low, floor)
            if high <= low { high = low + 1 }
        }
        guard high - low < minimumSpan, minimumSpan.isFinite else { return (low, high) }
        let middle = low / 2 + high / 2
        return (middle - minimumSpan / 2, middle + minimumSpan / 2)
    }

    /// A sparkline of counts per bucket, scaled from zero.
    public static func counts(_ counts: [Int], style: Style, glyphs: GlyphSet) -> Sparkline {
        var sparkline = Sparkline(values: counts.map { Double($0) }, style: style, glyphs: glyphs)
        sparkline.floor = 0
        return sparkline
    }

    /// Where a value sits between `low` and `high`, 0...1 (0.5 when they are equal); nil for
    /// values that cannot be placed (NaN, or infinite spans from values near ±Double.greatestFiniteMagnitude
    /// are halved first so that their difference stays finite).
    static func position(of value: Double, low: Double, high: Double) -> Double? {
        guard value.isFinite, low.isFinite, high.isFinite else { return nil }
        guard high > low else { return 0.5 }
        let position = (value / 2 - low / 2) / (high / 2 - low / 2)
        return position.isFinite ? min(1, max(0, position)) : nil
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
