#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// SIGHUP as "reload the configuration": the handler only records the signal, and the loop
/// that owns the `ConfigWatcher` calls `takePending()` on its next tick.
///
/// Installing it replaces any earlier SIGHUP handler (the terminal's termination handler
/// among them), so install it after those.
public enum ReloadSignal {
    private static let pending = Atomic<Bool>(false)

    /// Installs the SIGHUP handler.
    public static func install() {
        _ = pending.load(ordering: .relaxed)
        signal(SIGHUP) { _ in ReloadSignal.pending.store(true, ordering: .relaxed) }
    }

    /// Whether SIGHUP arrived since the last call; clears it.
    public static func takePending() -> Bool {
        pending.exchange(false, ordering: .relaxed)
    }
}
