#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Follows a growing file by its path, like `tail -F`: across rotation (the file renamed and
/// a new one created at the path) and truncation (`copytruncate`), with bounded memory.
///
/// Each `read()` returns the complete lines written since the last one, at most
/// `maxBytesPerRead` bytes of them; the rest waits for the next call. A last line without
/// its line feed is kept until the line feed comes (or until rotation ends the file).
struct FileFollower {
    /// What one read found.
    struct Chunk {
        /// Complete lines, without line breaks (a `\r` before `\n` is dropped).
        var lines: [String] = []
        /// How many lines were skipped for being longer than `maxLineBytes`.
        var skippedLongLines = 0
    }

    let path: String
    let maxBytesPerRead: Int
    let maxLineBytes: Int
    private var start: LogTailStart
    private var descriptor: Int32 = -1
    private var identity: (device: UInt64, inode: UInt64)?
    private var offset: Int64 = 0
    private var partial: [UInt8] = []
    private var skippingLongLine = false

    init(path: String, start: LogTailStart, maxBytesPerRead: Int, maxLineBytes: Int) {
        self.path = path
        self.start = start
        self.maxBytesPerRead = maxBytesPerRead
        self.maxLineBytes = maxLineBytes
    }

    /// Closes the file.
    mutating func closeFile() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    /// Reads what was appended since the last call; a missing file reads as nothing.
    mutating func read() throws(CollectionFailure) -> Chunk {
        var chunk = Chunk()
        var budget = maxBytesPerRead
        if descriptor < 0, !openFile() {
            start = .beginning  // a file that appears later is new: all of it is unread
            return chunk
        }
        while budget > 0 {
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { throw failure("cannot stat") }
            if Int64(info.st_size) < offset {  // truncated in place (copytruncate): start over
                offset = 0
                partial.removeAll()
                skippingLongLine = false
            }
            let count = try readAvailable(budget: budget, into: &chunk)
            budget -= count
            if count > 0 { continue }
            // At the end of the file we have: has another file taken its place?
            guard let current = Self.identity(of: path), current != identity! else { break }
            flushPartial(into: &chunk)
            closeFile()
            guard openFile() else { break }
        }
        return chunk
    }

    /// Opens the file at the path; false when there is none yet.
    private mutating func openFile() -> Bool {
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { return false }
        var info = stat()
        fstat(opened, &info)
        descriptor = opened
        identity = (UInt64(info.st_dev), UInt64(info.st_ino))
        offset = start == .end ? Int64(info.st_size) : 0
        start = .beginning  // the next file at the path (after rotation) is read whole
        return true
    }

    /// Reads up to `budget` bytes at the offset and splits them into lines; returns the count.
    private mutating func readAvailable(budget: Int, into chunk: inout Chunk) throws(CollectionFailure) -> Int {
        var buffer = [UInt8](repeating: 0, count: min(budget, 1 << 16))
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, off_t(offset)) }
        guard count >= 0 else { throw failure("cannot read") }
        offset += Int64(count)
        var lineStart = 0
        for index in 0..<count where buffer[index] == 0x0A {
            append(buffer[lineStart..<index], into: &chunk)
            flushPartial(into: &chunk)
            lineStart = index + 1
        }
        append(buffer[lineStart..<count], into: &chunk)
        return count
    }

    /// Adds bytes to the line being read, dropping a line that grows past `maxLineBytes`.
    private mutating func append(_ bytes: ArraySlice<UInt8>, into chunk: inout Chunk) {
        guard !skippingLongLine else { return }
        partial += bytes
        if partial.count > maxLineBytes {
            chunk.skippedLongLines += 1
            partial.removeAll()
            skippingLongLine = true
        }
    }

    /// Ends the line being read: at a line feed, or at the end of a rotated file.
    private mutating func flushPartial(into chunk: inout Chunk) {
        if !skippingLongLine {
            if partial.last == 0x0D { partial.removeLast() }
            if !partial.isEmpty { chunk.lines.append(String(decoding: partial, as: UTF8.self)) }
        }
        partial.removeAll(keepingCapacity: true)
        skippingLongLine = false
    }

    private static func identity(of path: String) -> (device: UInt64, inode: UInt64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }

    private func failure(_ what: String) -> CollectionFailure {
        CollectionFailure("\(path): \(what): \(String(cString: strerror(errno)))")
    }
}
