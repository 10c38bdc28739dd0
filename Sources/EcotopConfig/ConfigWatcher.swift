#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Notices when the configuration file changes and reloads it; a new file with errors is
/// rejected and the configuration in force stays.
///
/// Polling, not inotify: the dashboard already wakes on its refresh tick, `stat` costs
/// microseconds, and polling also sees a file replaced by rename (as editors save) or on a
/// network file system. A change is a different modification time, size or inode.
///
/// Generic over what a load produces so the caller decides how far validation goes: the
/// configuration alone (`ConfigFile.load`) or the configuration with its collectors built.
public final class ConfigWatcher<Loaded> {
    /// What a poll found.
    public enum Change {
        /// The file is as it was.
        case unchanged
        /// The file changed and the new configuration is now in force.
        case reloaded(Loaded)
        /// The file changed but cannot be used; the previous configuration stays in force.
        case rejected(ConfigErrors)
    }

    public let path: String
    /// The configuration in force.
    public private(set) var current: Loaded
    private let load: (String) throws(ConfigErrors) -> Loaded
    private var fingerprint: FileFingerprint?

    /// A watcher of `path` whose configuration in force is `current` (already loaded from it).
    public init(path: String, current: Loaded, load: @escaping (String) throws(ConfigErrors) -> Loaded) {
        self.path = path
        self.current = current
        self.load = load
        self.fingerprint = FileFingerprint(path: path)
    }

    /// Reloads when the file changed since the last poll or reload.
    public func poll() -> Change {
        let now = FileFingerprint(path: path)
        guard now != fingerprint else { return .unchanged }
        return reload()
    }

    /// Reloads unconditionally (on SIGHUP, or a key press).
    public func reload() -> Change {
        fingerprint = FileFingerprint(path: path)
        do {
            current = try load(path)
            return .reloaded(current)
        } catch {
            return .rejected(error)
        }
    }
}

/// What identifies one version of a file cheaply; nil fields when the file is missing.
struct FileFingerprint: Equatable {
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modifiedSeconds = Int(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
    }
}

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
