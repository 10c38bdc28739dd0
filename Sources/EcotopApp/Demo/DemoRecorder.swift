import EcotopCollectors
import EcotopConfig
import EcotopCore
import EcotopStore

/// Writes the demo simulator's samples and events through the store while the dashboard runs,
/// as real collectors will: the store keeps growing instead of going stale, and a restart shows
/// the history. A gap since the last run (up to `longestGap`) is filled in first, since the
/// simulator can answer for any moment.
///
/// Only a demo store is recorded into (every series a standard metric without labels, as
/// `ecotop demo backfill` writes), so demo data never mixes with ingested data.
public final class DemoRecorder {
    /// Seconds between recorded samples.
    public static let interval = 10.0
    /// The longest gap filled in when the dashboard starts; longer ones are left for
    /// `ecotop demo backfill`.
    public static let longestGap = 6 * 3_600.0

    private let writer: StoreWriter
    private let simulator: DemoSimulator
    private var recordedUpTo: Double
    /// The demo store's alerts, evaluated and recorded here: the recorder holds the writer lock.
    public let alerts: AlertMonitor

    /// The demo store.
    public var layout: StoreLayout { writer.layout }

    private init(writer: StoreWriter, simulator: DemoSimulator, recordedUpTo: Double) throws {
        self.writer = writer
        self.simulator = simulator
        self.recordedUpTo = recordedUpTo
        alerts = try AlertMonitor(writer: writer, settings: AlertSettings())
    }

    /// Whether a store can be recorded into, and why not.
    public enum Opening {
        case recording(DemoRecorder)
        /// The store holds series the simulator did not write: it is shown as it is.
        case notADemoStore
        /// Another process holds the store's write lock: the dashboard only reads.
        case writtenElsewhere
    }

    /// Whether every series of the store is one the simulator writes (a standard metric
    /// without labels, as `ecotop demo backfill` writes them).
    public static func isDemoStore(_ reader: StoreReader, simulator: DemoSimulator) throws -> Bool {
        let demoKeys = Set(simulator.catalog.metrics.flatMap { simulator.seriesKeys(of: $0.id) })
        return try reader.seriesKeys().allSatisfy { $0.map(demoKeys.contains) ?? true }
    }

    /// A recorder for the demo store at `layout`, or why there is none.
    public static func open(layout: StoreLayout, simulator: DemoSimulator, clock: any WallClock) throws -> Opening {
        let reader = try StoreReader(layout: layout)
        guard try isDemoStore(reader, simulator: simulator) else { return .notADemoStore }
        let writer: StoreWriter
        do {
            writer = try StoreWriter(layout: layout, clock: clock, durability: .interval(seconds: 5))
        } catch let error as StoreError {
            if case .locked = error.kind { return .writtenElsewhere }
            throw error
        }
        let now = clock.now()
        let probe = SeriesKey(name: simulator.catalog.metrics[0].id.rawValue)
        let last = try reader.latest(of: probe, at: now, lookback: longestGap)?.timestamp ?? now
        do {
            return .recording(try DemoRecorder(writer: writer, simulator: simulator, recordedUpTo: max(last, now - longestGap)))
        } catch {
            try? writer.close()
            throw error
        }
    }

    /// Appends one sample of every metric per interval, and the events, from the last recorded
    /// moment up to `now`.
    public func record(upTo now: Double) throws {
        var time = (recordedUpTo / Self.interval).rounded(.down) * Self.interval + Self.interval
        guard time <= now else { return }
        var batch = writer.makeBatch()
        do {
            while time <= now {
                for sample in simulator.samples(at: time) { try batch.append(sample) }
                time += Self.interval
            }
            let upTo = time - Self.interval
            for event in simulator.events(from: recordedUpTo, to: upTo) { try batch.append(event) }
            try writer.append(batch)
            recordedUpTo = upTo
        } catch let error as RecordError {
            throw StoreError(.invalidRequest, "demo recording: \(error.message)")
        }
    }

    /// Appends `events` (an annotation) beside the recorded demo.
    public func record(events: [IntegrationEvent]) throws {
        try writer.append(samples: [], events: events)
    }

    /// Syncs and releases the store.
    public func close() throws {
        try writer.close()
    }
}
