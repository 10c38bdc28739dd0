#if canImport(Glibc)
import Glibc
#endif

/// Reads the complete lines of a store file a chunk at a time, so that memory stays bounded
/// whatever the file's size: a segment of many gigabytes is streamed, and one that is not what a
/// writer makes (a sparse file of zeros, a line of gigabytes) is refused at its first overlong
/// line rather than read whole.
///
/// No line of a store file is longer than `longestLine` (writers refuse records that would make
/// one), so the buffer never needs more than that plus a chunk.
struct BoundedLineReader {
    /// The longest line a store file may hold, its `\n` not counted: 64 MiB.
    static let longestLine = 64 << 20
    /// How much is read at a time: 1 MiB.
    static let chunkSize = 1 << 20

    let chunkSize: Int
    let longestLine: Int
    /// The bytes read and not yet handed out, reused from file to file.
    private var buffer: [UInt8] = []

    /// - Parameters: smaller values than the defaults are for tests of the chunking itself.
    init(chunkSize: Int = Self.chunkSize, longestLine: Int = Self.longestLine) {
        precondition(chunkSize > 0 && chunkSize <= longestLine)
        self.chunkSize = chunkSize
        self.longestLine = longestLine
    }

    /// Where the complete lines of a file ended.
    struct End: Equatable {
        /// The offset just past the last `\n` read (the offset reading started at when none was).
        var completeLength: Int
        /// The bytes after it: a line still being written, or torn by a crash.
        var tail: Int
    }

    /// Calls `body` with each complete line of `file` from `offset` (the start of a line) up to
    /// the size the file had when reading began, without its `\n`, and with its number counted
    /// from 1 at `offset`. Bytes after the last `\n` are not a line yet and are left out.
    ///
    /// - Throws: `StoreError.corrupt` naming the file and line when a line is longer than
    ///   `longestLine`: ecotop did not write that file as it is.
    @discardableResult @inline(__always)
    mutating func forEachLine(
        in file: PosixFile, from offset: Int = 0, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void
    ) throws -> End {
        let end = try file.size()
        var start = offset
        var filled = 0
        var lines = 0
        if buffer.count < chunkSize { buffer = Self.uninitialized(chunkSize) }
        while start + filled < end {
            if filled == buffer.count { buffer += Self.uninitialized(Swift.min(buffer.count, longestLine + 1 - buffer.count)) }
            let wanted = Swift.min(buffer.count - filled, end - start - filled)
            let got = try buffer.withUnsafeMutableBytes {
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled..<(filled + wanted)]), at: start + filled)
            }
            if got == 0 { break }
            let complete = try buffer.withUnsafeBufferPointer { whole -> Int in
                // The bytes kept from the last read hold no `\n`, so the last one is in the new bytes.
                var complete = filled + got
                while complete > filled, whole[complete - 1] != 0x0A { complete -= 1 }
                guard complete > filled else { return 0 }
                var handedOut = 0
                try SegmentLines.forEach(in: UnsafeBufferPointer(rebasing: whole[0..<complete])) { line, number in
                    try body(line, lines + number)
                    handedOut = number
                }
                lines += handedOut
                return complete
            }
            filled += got
            if complete > 0 {
                buffer.withUnsafeMutableBufferPointer { bytes in
                    bytes.baseAddress!.update(from: bytes.baseAddress! + complete, count: filled - complete)
                }
                start += complete
                filled -= complete
            }
            if filled > longestLine { throw overlong(file, line: lines + 1) }
        }
        return End(completeLength: start, tail: filled)
    }

    /// The offset just past the last `\n` of `file`, found by reading back from its end at most
    /// `longestLine + 1` bytes: 0 when a file no longer than `longestLine` has none.
    ///
    /// - Throws: `StoreError.corrupt` when the bytes after the last `\n` are longer than a line
    ///   can be, so they are not a line a crashed writer left unfinished.
    func endOfLastLine(in file: PosixFile) throws -> Int {
        let size = try file.size()
        if try size == 0 || file.read(at: size - 1, count: 1) == [0x0A] { return size }
        // A tail of at most `longestLine` bytes has its `\n` within the last `longestLine + 1`.
        let floor = Swift.max(0, size - longestLine - 1)
        var end = size
        var chunk = [UInt8](repeating: 0, count: Swift.min(chunkSize, 1 << 16))
        while end > floor {
            let start = Swift.max(floor, end - chunk.count)
            let count = try chunk.withUnsafeMutableBytes {
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<(end - start)]), at: start)
            }
            if let index = chunk[0..<count].lastIndex(of: 0x0A) { return start + index + 1 }
            end = start
        }
        guard floor > 0 else { return 0 }
        throw StoreError(.corrupt, path: file.path,
            "the last \(size - floor) bytes hold no line break: longer than \(longestLine >> 20) MiB, the longest a store line may be, so not a line a writer left unfinished; move the file out of the store")
    }

    private func overlong(_ file: PosixFile, line: Int) -> StoreError {
        StoreError(.corrupt, path: file.path, line: line,
            "a line longer than \(longestLine >> 20) MiB, the longest a store line may be: ecotop did not write this file; move it out of the store")
    }

    private static func uninitialized(_ count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
}
