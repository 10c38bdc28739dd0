import EcotopCore

extension StoreReader {
    /// The integration events with a time in `from..<to` (the `EventSource` contract, so that
    /// consecutive windows never share an event), in time order (equal times in the order they
    /// were appended). Unreadable lines are skipped and counted like damaged segment lines.
    public func events(from: Double, to: Double) throws -> [IntegrationEvent] {
        try events(from: from, to: to) { _ in false }
    }

    /// The annotations with a time in `from..<to`, in time order. Error and delivery lines, the
    /// bulk of the log, are told by their first bytes and never decoded, so that a chart over 30
    /// days reads its annotations in about the time it takes to read the segments.
    public func annotations(from: Double, to: Double) throws -> [Annotation] {
        try events(from: from, to: to, skipping: Self.isIntegrationEventLine).compactMap(Annotation.init)
    }

    private func events(from: Double, to: Double, skipping skipped: (UnsafeBufferPointer<UInt8>) -> Bool) throws -> [IntegrationEvent] {
        let length = manifest.ladder.eventSegmentSeconds
        var events: [IntegrationEvent] = []
        var damaged = 0
        var lines = BoundedLineReader()
        for segment in StoreLayout.segments(in: layout.eventDirectory)
        where segment.start + length > Self.milliseconds(from, .down) / 1000 && Double(segment.start) < to {
            guard let file = try PosixFile.openForReading(segment.path) else { continue }
            try lines.forEachLine(in: file) { line, _ in
                guard !skipped(line) else { return }
                do throws(RecordError) {
                    let event = try JSONLinesFormat.event(line: line)
                    if event.timestamp >= from, event.timestamp < to { events.append(event) }
                } catch {
                    damaged += 1
                }
            }
        }
        if damaged > 0 { recordDamagedLines(damaged) }
        return events.enumerated().sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }.map(\.element)
    }

    /// Whether a segment line is an `error` or `delivery` event as the writer encodes it:
    /// `{"t":DIGITS,"kind":"error"` or `..."kind":"delivery"`. A line of any other shape is not
    /// skipped, so it is decoded (and counted when damaged) as before.
    static func isIntegrationEventLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let start: StaticString = #"{"t":"#
        guard line.starts(with: UnsafeBufferPointer(start: start.utf8Start, count: start.utf8CodeUnitCount)) else { return false }
        var index = start.utf8CodeUnitCount
        if index < line.count, line[index] == UInt8(ascii: "-") { index += 1 }
        while index < line.count, line[index] &- 0x30 < 10 { index += 1 }
        let rest = UnsafeBufferPointer(rebasing: line[index...])
        return [#","kind":"error""#, #","kind":"delivery""#].contains { (kind: StaticString) in
            rest.starts(with: UnsafeBufferPointer(start: kind.utf8Start, count: kind.utf8CodeUnitCount))
        }
    }
}
