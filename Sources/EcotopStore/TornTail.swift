#if canImport(Glibc)
import Glibc
#endif

/// Cutting an unterminated last line off a segment: what a crash in the middle of an append
/// leaves. The line was never acknowledged, since acknowledgement waits for the whole batch.
enum TornTail {
    /// Truncates `path` after its last `\n` and returns how many bytes were cut (0 when the file
    /// ends with `\n`, is empty or does not exist).
    static func truncate(_ path: String) throws -> Int {
        guard StoreFileSystem.exists(path) else { return 0 }
        let file = try PosixFile.open(path, flags: O_RDWR)
        let size = try file.size()
        guard size > 0 else { return 0 }
        if try file.read(at: size - 1, count: 1) == [0x0A] { return 0 }
        var end = size
        let chunk = 1 << 16
        var keep = 0
        search: while end > 0 {
            let start = max(0, end - chunk)
            let bytes = try file.read(at: start, count: end - start)
            for index in stride(from: bytes.count - 1, through: 0, by: -1) where bytes[index] == 0x0A {
                keep = start + index + 1
                break search
            }
            end = start
        }
        try file.truncate(to: keep)
        try file.sync()
        return size - keep
    }
}
