#if canImport(Glibc)
import Glibc
#endif

/// Splitting a segment's bytes into lines.
enum SegmentLines {
    /// Calls `body` with each complete (`\n`-terminated) line, without its `\n`, and its 1-based
    /// number. Bytes after the last `\n` are a line still being written (or torn) and are skipped.
    @inline(__always)
    static func forEach(
        in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void
    ) rethrows {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        var number = 0
        while start < bytes.count {
            guard let newline = memchr(base + start, 0x0A, bytes.count - start) else { return }
            let end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            number += 1
            try body(UnsafeBufferPointer(start: base + start, count: end - start), number)
            start = end + 1
        }
    }

    /// The length of the complete lines at the start of `bytes` (up to and including the last `\n`).
    static func completeLength(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = bytes.count
        while end > 0, bytes[end - 1] != 0x0A { end -= 1 }
        return end
    }
}
