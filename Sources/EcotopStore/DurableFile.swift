/// Small whole files written the store's durable way, for the parts of Ecotop that keep files
/// beside the store (review sessions): a directory created 0700, a file replaced through a
/// temporary file, fsync, rename and a directory fsync, and read back refusing symbolic links,
/// devices and files larger than a limit. Errors are `StoreError`s naming the path.
public enum DurableFile {
    /// Creates `path` and its missing parents with mode 0700.
    public static func createDirectory(_ path: String) throws {
        try StoreFileSystem.createDirectory(path)
    }

    /// Replaces `path` with `bytes` so that a crash leaves either the old or the new content.
    public static func replace(_ path: String, with bytes: [UInt8]) throws {
        try StoreFileSystem.replaceAtomically(path, with: bytes)
    }

    /// The whole content of the file at `path` (at most `limit` bytes, or refused), or nil when
    /// it does not exist.
    public static func contents(of path: String, atMost limit: Int) throws -> [UInt8]? {
        try StoreFileSystem.contents(of: path, atMost: limit)
    }

    /// `stem`, or `stem-2`, `stem-3`... the first that no file `NAME` + `suffix` in `directory`
    /// has yet: a new file never replaces one written in the same second.
    public static func unusedStem(_ stem: String, suffix: String, in directory: String) -> String {
        let taken = Set(entries(of: directory))
        var candidate = stem, counter = 1
        while taken.contains(candidate + suffix) {
            counter += 1
            candidate = "\(stem)-\(counter)"
        }
        return candidate
    }

    /// The names in a directory, sorted; empty when it does not exist.
    public static func entries(of path: String) -> [String] {
        StoreFileSystem.entries(of: path)
    }
}
