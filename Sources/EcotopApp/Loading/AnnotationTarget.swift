import EcotopCore
import EcotopStore

/// Where an annotation is recorded: through the store writer this process already holds (its
/// collectors' or the demo recorder's), or by opening the store's writer for the one append,
/// as `ecotop annotate` does; that fails with the lock's holder named while another process
/// writes the store.
public enum AnnotationTarget {
    /// The dashboard's own collectors' writer.
    case runtime(CollectorRuntime)
    /// The demo recorder's writer.
    case recorder(DemoRecorder)
    /// A store no process here writes: opened for the one append.
    case store(StoreLayout)

    /// Appends `annotation` to the store's events log.
    public func record(_ annotation: Annotation) throws {
        switch self {
        case .runtime(let runtime):
            try runtime.record(events: [annotation.event])
        case .recorder(let recorder):
            try recorder.record(events: [annotation.event])
        case .store(let layout):
            let writer = try StoreWriter(layout: layout, clock: SystemWallClock())
            do {
                try writer.append(samples: [], events: [annotation.event])
            } catch {
                try? writer.close()
                throw error
            }
            try writer.close()
        }
    }
}
