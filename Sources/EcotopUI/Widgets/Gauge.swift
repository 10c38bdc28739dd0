/// A horizontal bar filled to a ratio, in eighths of a cell where the glyphs allow.
public struct Gauge: Widget {
    /// How full the bar is, 0...1 (clamped).
    public var ratio: Double
    public var fillStyle: Style
    public var emptyStyle: Style
    public var glyphs: GlyphSet

    public init(ratio: Double, fillStyle: Style, emptyStyle: Style, glyphs: GlyphSet) {
        self.ratio = ratio
        self.fillStyle = fillStyle
        self.emptyStyle = emptyStyle
        self.glyphs = glyphs
    }

    public func render(in area: Rect, buffer: inout FrameBuffer) {
        guard !area.isEmpty else { return }
        let clamped = ratio.isFinite ? min(1, max(0, ratio)) : 0
        let steps = glyphs.barFill.count
        let filledSteps = Int((clamped * Double(area.width * steps)).rounded())
        for column in 0..<area.width {
            let stepsHere = min(steps, max(0, filledSteps - column * steps))
            let x = area.x + column
            if stepsHere == 0 {
                buffer.set(glyphs.barEmpty, x: x, y: area.y, style: emptyStyle)
            } else {
                buffer.set(glyphs.barFill[stepsHere - 1], x: x, y: area.y, style: fillStyle)
            }
        }
    }
}
