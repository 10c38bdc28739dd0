#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Catches SIGINT, SIGTERM and SIGHUP so the dashboard can restore the terminal and exit
/// cleanly instead of dying with the screen in raw mode. The handler only records the
/// signal; the input loop, woken by the interrupted read, acts on it.
public enum TerminationSignal {
    private static let caught = Atomic<Int32>(0)

    /// Installs the handlers. Call before the terminal is set up.
    public static func install() {
        _ = caught.load(ordering: .relaxed)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { number in TerminationSignal.caught.store(number, ordering: .relaxed) }
        }
    }

    /// The signal received since `install`, if any.
    public static var received: Int32? {
        let number = caught.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
