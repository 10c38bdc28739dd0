#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Directory and whole-file operations, done the durable way: new directories are 0700,
/// rewrites go through a temporary file, fsync, rename and a directory fsync.
enum StoreFileSystem {
    /// Creates `path` and its missing parents with mode 0700.
    static func createDirectory(_ path: String) throws {
        if isDirectory(path) { return }
        let parent = directoryName(of: path)
        if parent != path, !parent.isEmpty, !isDirectory(parent) { try createDirectory(parent) }
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            throw StoreError.system("cannot create directory", path: path)
        }
        if !parent.isEmpty { try syncDirectory(parent) }
    }

    /// Makes a directory's entries (new, renamed or removed files) durable.
    static func syncDirectory(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.system("cannot open directory", path: path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw StoreError.system("cannot fsync directory", path: path) }
    }

    /// Replaces `path` with `bytes` so that a crash leaves either the old or the new content.
    static func replaceAtomically(_ path: String, with bytes: [UInt8]) throws {
        try replaceAtomically(path) { try $0.write(bytes) }
    }

    /// Replaces `path` with what `write` writes to a new file, so that a crash leaves either the
    /// old or the new content; a rewrite too large to build in memory streams through here.
    static func replaceAtomically(_ path: String, writing write: (PosixFile) throws -> Void) throws {
        let temporary = path + ".tmp"
        unlink(temporary)
        let file = try PosixFile.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
        try write(file)
        try file.sync()
        guard rename(temporary, path) == 0 else { throw StoreError.system("cannot rename \(temporary) to", path: path) }
        try syncDirectory(directoryName(of: path))
    }

    /// The whole content of the small file at `path` (at most `limit` bytes, or refused), or nil
    /// when it does not exist.
    static func contents(of path: String, atMost limit: Int) throws -> [UInt8]? {
        try PosixFile.openForReading(path)?.readAll(atMost: limit)
    }

    /// The names in a directory, sorted; empty when it does not exist.
    static func entries(of path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether anything is at `path`, a symbolic link included (even one that points nowhere),
    /// so that opening it is what refuses it.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The modification time in seconds, or nil when the file does not exist.
    static func modificationTime(of path: String) -> Double? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }

    static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// Removes a file; a missing file is not an error.
    static func remove(_ path: String) throws {
        if unlink(path) != 0, errno != ENOENT { throw StoreError.system("cannot remove", path: path) }
    }

    static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
