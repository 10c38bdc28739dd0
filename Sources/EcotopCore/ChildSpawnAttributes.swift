#if canImport(Glibc)
import Glibc
#endif

/// `posix_spawn` attributes for a child that starts clean: in a process group of its own (so
/// a signal to the group reaches what it starts), with the default action for the signals a
/// terminal or its parent may have ignored, and no signal blocked. The plugin host and the
/// tests' child processes spawn with these. Destroyed with the object.
public final class ChildSpawnAttributes {
    /// Pass as `&attributes` to `posix_spawn` or `posix_spawnp`.
    public var attributes = posix_spawnattr_t()

    public init() {
        posix_spawnattr_init(&attributes)
        var defaults = sigset_t(), mask = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGPIPE, SIGHUP, SIGINT, SIGTERM, SIGQUIT] { sigaddset(&defaults, number) }
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    }

    deinit {
        posix_spawnattr_destroy(&attributes)
    }
}
