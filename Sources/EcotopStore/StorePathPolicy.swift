#if canImport(Glibc)
import Glibc
#endif

/// What the store accepts at a path before reading or writing there, judged the way ssh judges
/// a key file: a regular file (a real directory for directories), not a symbolic link, owned by
/// the user running ecotop or by root, and writable by no one else.
///
/// A FIFO would block a reader forever, a device would be read or written as if it held data,
/// a link would send writes to a file outside the store, and a file others can change lets them
/// change what ecotop reads and writes. The checks cost one `fstat` per opened file and one
/// `lstat` per directory when a store is opened.
enum StorePathPolicy {
    /// The user ecotop runs as.
    static let user = geteuid()

    /// Refuses the file at `path`, opened and described by `info`, unless it is a regular file
    /// the user may trust.
    static func checkFile(_ info: stat, path: String) throws {
        guard info.st_mode & S_IFMT == S_IFREG else { throw refusal(path, kind: info.st_mode, expected: "regular file") }
        try checkOwnerAndMode(info, path: path)
    }

    /// Refuses the directory at `path` unless it is a real directory the user may trust; a
    /// missing directory is fine (it is created when needed, with mode 0700).
    ///
    /// - Parameter followingLinks: whether `path` may be a symbolic link to a directory: the store
    ///   directory itself may (the user chose where the store lives), a directory inside it not.
    static func checkDirectory(_ path: String, followingLinks: Bool) throws {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else {
            if errno == ENOENT { return }
            throw StoreError.system("cannot stat", path: path)
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw refusal(path, kind: info.st_mode, expected: "directory") }
        try checkOwnerAndMode(info, path: path)
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

    private static func checkOwnerAndMode(_ info: stat, path: String) throws {
        guard info.st_uid == user || info.st_uid == 0 else {
            throw StoreError(.unsafePath, path: path,
                "owned by uid \(info.st_uid), not by you (uid \(user)) or root: its owner could change what ecotop reads and writes; run ecotop as that user, or take it over with `chown -R \(user) \(path)`")
        }
        let others = info.st_mode & (S_IWGRP | S_IWOTH)
        guard others == 0 else {
            let who = others == S_IWGRP ? "its group" : others == S_IWOTH ? "others" : "its group and others"
            let mode = String(info.st_mode & 0o7777, radix: 8)
            throw StoreError(.unsafePath, path: path,
                "writable by \(who) (mode \(String(repeating: "0", count: max(0, 4 - mode.count)) + mode)), who could change what ecotop reads and writes; fix it with `chmod go-w \(path)`")
        }
    }
}
