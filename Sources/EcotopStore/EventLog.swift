import EcotopCore

extension StoreReader {
    /// The integration events with a time in `from..<to` (the `EventSource` contract, so that
    /// consecutive windows never share an event), in time order (equal times in the order they
    /// were appended). Unreadable lines are skipped and counted like damaged segment lines.
    public func events(from: Double, to: Double) throws -> [IntegrationEvent] {
        let length = manifest.ladder.eventSegmentSeconds
        var events: [IntegrationEvent] = []
        var damaged = 0
        var lines = BoundedLineReader()
        for segment in StoreLayout.segments(in: layout.eventDirectory)
        where segment.start + length > Self.milliseconds(from, .down) / 1000 && Double(segment.start) < to {
            guard let file = try PosixFile.openForReading(segment.path) else { continue }
            try lines.forEachLine(in: file) { line, _ in
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
}
