#if canImport(Glibc)
import Glibc
#endif

/// What the store accepts at a path before reading or writing there: a regular file (a real
/// directory for directories), not a symbolic link.
///
/// A FIFO would block a reader forever, a device would be read or written as if it held data,
/// and a link would send writes to a file outside the store. The checks cost one `fstat` per
/// opened file and one `lstat` per directory when a store is opened.
enum StorePathPolicy {
    /// Refuses the file at `path`, opened and described by `info`, unless it is a regular file.
    static func checkFile(_ info: stat, path: String) throws {
        guard info.st_mode & S_IFMT == S_IFREG else { throw refusal(path, kind: info.st_mode, expected: "regular file") }
    }

    /// Refuses the directory at `path` unless it is a real directory, not a symbolic link to
    /// one; a missing directory is fine (it is created when needed, with mode 0700).
    static func checkDirectory(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw StoreError.system("cannot stat", path: path)
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw refusal(path, kind: info.st_mode, expected: "directory") }
    }

    /// Why opening `path` failed when it is not a regular file (a link refused by `O_NOFOLLOW`,
    /// a socket, a directory opened for writing); nil when it is one or is missing.
    static func refusalAfterFailedOpen(_ path: String) -> StoreError? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG else { return nil }
        return refusal(path, kind: info.st_mode, expected: "regular file")
    }

    private static func refusal(_ path: String, kind mode: mode_t, expected: String) -> StoreError {
        let what: String
        switch mode & S_IFMT {
        case S_IFLNK:
            return StoreError(.unsafePath, path: path,
                "a symbolic link, which the store does not follow inside it; put the \(expected) itself in its place")
        case S_IFIFO: what = "a FIFO"
        case S_IFCHR: what = "a character device"
        case S_IFBLK: what = "a block device"
        case S_IFSOCK: what = "a socket"
        case S_IFDIR: what = "a directory"
        default: what = "a regular file"
        }
        return StoreError(.unsafePath, path: path, "\(what), not a \(expected); move it out of the store")
    }
}
