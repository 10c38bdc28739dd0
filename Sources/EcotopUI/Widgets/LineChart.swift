import EcotopCore

/// A line chart of one series with a labelled value axis, a time axis, horizontal threshold
/// lines and vertical marks at moments (annotations). Braille dots give 2×4 points per cell; ASCII terminals get one `*` per column.
public struct LineChart: Widget {
    /// A horizontal reference line, e.g. a warning threshold.
    public struct ReferenceLine: Sendable {
        public var value: Double
        public var label: String
        public var style: Style
        public init(value: Double, label: String, style: Style) {
            self.value = value
            self.label = label
            self.style = style
        }
    }

    /// A vertical mark at one moment: a line through the plot under the data, its letter on top.
    public struct Marker: Sendable {
        public var time: Double
        /// One column wide, e.g. `D` for a deploy.
        public var letter: Unicode.Scalar
        public var style: Style
        public init(time: Double, letter: Unicode.Scalar, style: Style) {
            self.time = time
            self.letter = letter
            self.style = style
        }
    }

    public var points: [SeriesPoint]
    /// The time span of the x axis, in epoch seconds.
    public var timeSpan: ClosedRange<Double>
    public var referenceLines: [ReferenceLine]
    public var lineStyle: Style
    public var axisStyle: Style
    public var glyphs: GlyphSet
    /// Formats a value-axis label, given the value and the distance between labels.
    public var formatValue: (Double, Double) -> String
    /// Formats time-axis labels.
    public var formatTime: (Double) -> String
    /// Moments marked on the chart; those outside `timeSpan` are left out.
    public var markers: [Marker] = []

    public init(
        points: [SeriesPoint], timeSpan: ClosedRange<Double>, referenceLines: [ReferenceLine], lineStyle: Style,
        axisStyle: Style, glyphs: GlyphSet, formatValue: @escaping (Double, Double) -> String,
        formatTime: @escaping (Double) -> String
    ) {
        self.points = points
        self.timeSpan = timeSpan
        self.referenceLines = referenceLines
        self.lineStyle = lineStyle
        self.axisStyle = axisStyle
        self.glyphs = glyphs
        self.formatValue = formatValue
        self.formatTime = formatTime
    }

    /// The value span the y axis covers: the data and the reference lines, padded by 5 %.
    public var valueSpan: ClosedRange<Double> {
        let values = points.map(\.value).filter(\.isFinite) + referenceLines.map(\.value)
        guard let low = values.min(), let high = values.max() else { return 0...1 }
        let padding = high > low ? (high - low) * 0.05 : max(abs(high) * 0.05, 1)
        return (low - padding)...(high + padding)
    }

    public func render(in area: Rect, buffer: inout FrameBuffer) {
        guard area.width >= 12, area.height >= 3 else { return }
        let span = valueSpan
        let step = (span.upperBound - span.lowerBound) / 2
        let labels = [span.upperBound, span.lowerBound + step, span.lowerBound].map { formatValue($0, step) }
        let labelWidth = labels.map(\.terminalWidth).max() ?? 0
        let plot = Rect(x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1, height: area.height - 1)
        guard plot.width > 1, plot.height > 0 else { return }

        drawValueAxis(labels: labels, labelWidth: labelWidth, plot: plot, area: area, buffer: &buffer)
        drawTimeAxis(plot: plot, row: area.maxY - 1, buffer: &buffer)
        for line in referenceLines { drawReference(line, label: false, span: span, plot: plot, buffer: &buffer) }
        for marker in markers { drawMarker(marker, letter: false, plot: plot, buffer: &buffer) }
        if glyphs.hasBraille {
            drawBraille(span: span, plot: plot, buffer: &buffer)
        } else {
            drawMarks(span: span, plot: plot, buffer: &buffer)
        }
        // Labels go over the data, so that a series running along a threshold cannot garble them.
        for line in referenceLines { drawReference(line, label: true, span: span, plot: plot, buffer: &buffer) }
        for marker in markers { drawMarker(marker, letter: true, plot: plot, buffer: &buffer) }
    }

    // MARK: - Parts

    private func drawValueAxis(labels: [String], labelWidth: Int, plot: Rect, area: Rect, buffer: inout FrameBuffer) {
        let rows = [plot.y, plot.y + (plot.height - 1) / 2, plot.maxY - 1]
        for (label, row) in zip(labels, rows) {
            buffer.write(label, x: area.x + labelWidth - label.terminalWidth, y: row, style: axisStyle)
        }
        for row in plot.y..<plot.maxY { buffer.set(glyphs.vertical, x: plot.x - 1, y: row, style: axisStyle) }
    }

    private func drawTimeAxis(plot: Rect, row: Int, buffer: inout FrameBuffer) {
        buffer.set(glyphs.bottomLeft, x: plot.x - 1, y: row, style: axisStyle)
        let start = formatTime(timeSpan.lowerBound)
        let middle = formatTime((timeSpan.lowerBound + timeSpan.upperBound) / 2)
        let end = formatTime(timeSpan.upperBound)
        buffer.write(start, x: plot.x, y: row, style: axisStyle, limit: plot.maxX)
        let middleX = plot.x + (plot.width - middle.terminalWidth) / 2
        if middleX > plot.x + start.terminalWidth + 1, middleX + middle.terminalWidth < plot.maxX - end.terminalWidth - 1 {
            buffer.write(middle, x: middleX, y: row, style: axisStyle)
        }
        let endX = plot.maxX - end.terminalWidth
        if endX > plot.x + start.terminalWidth { buffer.write(end, x: endX, y: row, style: axisStyle) }
    }

    /// Draws a reference line's dashes, or with `label` its label at the right end.
    private func drawReference(_ line: ReferenceLine, label: Bool, span: ClosedRange<Double>, plot: Rect, buffer: inout FrameBuffer) {
        let row = plot.y + Int(((span.upperBound - line.value) / (span.upperBound - span.lowerBound) * Double(plot.height - 1)).rounded())
        guard row >= plot.y, row < plot.maxY else { return }
        if label {
            let text = " \(line.label) "
            buffer.write(text, x: plot.maxX - text.terminalWidth, y: row, style: line.style)
        } else {
            for x in stride(from: plot.x, to: plot.maxX, by: 2) { buffer.set(glyphs.horizontal, x: x, y: row, style: line.style) }
        }
    }

    /// Draws a marker's line down the plot, or with `letter` its letter in the top row.
    private func drawMarker(_ marker: Marker, letter: Bool, plot: Rect, buffer: inout FrameBuffer) {
        let timeLength = max(timeSpan.upperBound - timeSpan.lowerBound, 1)
        guard timeSpan.contains(marker.time) else { return }
        let column = plot.x + Int(((marker.time - timeSpan.lowerBound) / timeLength * Double(plot.width - 1)).rounded())
        if letter {
            buffer.set(marker.letter, x: column, y: plot.y, style: marker.style)
        } else {
            for row in plot.y..<plot.maxY { buffer.set(glyphs.vertical, x: column, y: row, style: marker.style) }
        }
    }

    /// The dot or cell of a point; nil for points that cannot be placed (non-finite values or
    /// positions far outside the plot).
    private func position(of point: SeriesPoint, span: ClosedRange<Double>, width: Int, height: Int) -> (x: Int, y: Int)? {
        let timeLength = max(timeSpan.upperBound - timeSpan.lowerBound, 1)
        let across = (point.timestamp - timeSpan.lowerBound) / timeLength * Double(width - 1)
        guard let down = Sparkline.position(of: point.value, low: span.lowerBound, high: span.upperBound).map({ (1 - $0) * Double(height - 1) }),
              across.isFinite else { return nil }
        // Points far outside the time span are pulled to just outside it: the line towards them
        // keeps its direction across the plot, and line drawing never walks millions of dots.
        let clamped = min(max(across, -Double(width)), 2 * Double(width))
        return (Int(clamped.rounded()), Int(down.rounded()))
    }

    private func drawBraille(span: ClosedRange<Double>, plot: Rect, buffer: inout FrameBuffer) {
        var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
        let positions = points.compactMap {
            position(of: $0, span: span, width: canvas.dotWidth, height: canvas.dotHeight)
        }
        for (start, end) in zip(positions, positions.dropFirst()) { canvas.line(from: start, to: end) }
        if positions.count == 1 { canvas.set(x: positions[0].x, y: positions[0].y) }
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                if let dots = canvas.character(column: column, row: row) {
                    buffer.set(dots, x: plot.x + column, y: plot.y + row, style: lineStyle)
                }
            }
        }
    }

    private func drawMarks(span: ClosedRange<Double>, plot: Rect, buffer: inout FrameBuffer) {
        for point in points {
            guard let spot = position(of: point, span: span, width: plot.width, height: plot.height), spot.x >= 0, spot.x < plot.width, spot.y >= 0, spot.y < plot.height else { continue }
            buffer.set("*", x: plot.x + spot.x, y: plot.y + spot.y, style: lineStyle)
        }
    }
}
