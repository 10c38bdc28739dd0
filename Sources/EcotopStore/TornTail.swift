#if canImport(Glibc)
import Glibc
#endif

/// Cutting an unterminated last line off a segment: what a crash in the middle of an append
/// leaves. The line was never acknowledged, since acknowledgement waits for the whole batch.
enum TornTail {
    /// Truncates `path` after its last `\n` and returns how many bytes were cut (0 when the file
    /// ends with `\n`, is empty or does not exist).
    ///
    /// - Throws: when the bytes after the last `\n` are longer than a line can be: a crash leaves
    ///   at most one unfinished line, so anything longer is not a torn tail and is left alone.
    static func truncate(_ path: String) throws -> Int {
        guard StoreFileSystem.exists(path) else { return 0 }
        let file = try PosixFile.open(path, flags: O_RDWR)
        let size = try file.size()
        let keep = try BoundedLineReader().endOfLastLine(in: file)
        guard keep < size else { return 0 }
        try file.truncate(to: keep)
        try file.sync()
        return size - keep
    }
}
