#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file descriptor with the few operations the store needs. Closes itself on deinit.
///
/// Files are created with mode 0600: a store holds business data.
final class PosixFile {
    let descriptor: Int32
    let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Opens `path` for appending, creating it (0600) when missing.
    static func openForAppend(_ path: String) throws -> PosixFile {
        try open(path, flags: O_WRONLY | O_APPEND | O_CREAT)
    }

    /// Opens `path` for reading; nil when it does not exist.
    static func openForReading(_ path: String) throws -> PosixFile? {
        do {
            return try open(path, flags: O_RDONLY)
        } catch let error as StoreError where error.kind == .io(errno: ENOENT) {
            return nil
        }
    }

    /// Opens `path` with `flags`, refusing what `StorePathPolicy` refuses: a symbolic link is not
    /// followed (`O_NOFOLLOW`), and a FIFO, device, socket or directory is refused after an open
    /// that cannot block (`O_NONBLOCK`, which changes nothing for a regular file) and before any
    /// byte is read or written.
    static func open(_ path: String, flags: Int32) throws -> PosixFile {
        let descriptor = Glibc.open(path, flags | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0o600)
        guard descriptor >= 0 else {
            let failure = StoreError.system("cannot open", path: path)
            throw StorePathPolicy.refusalAfterFailedOpen(path) ?? failure
        }
        let file = PosixFile(descriptor: descriptor, path: path)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw StoreError.system("cannot stat", path: path) }
        try StorePathPolicy.checkFile(info, path: path)
        return file
    }

    /// Writes all of `bytes`, retrying after short writes and interrupts.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw StoreError.system("cannot write", path: path)
            }
            offset += written
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Flushes the file's data to stable storage.
    func sync() throws {
        guard fdatasync(descriptor) == 0 else { throw StoreError.system("cannot fsync", path: path) }
    }

    /// The file's size in bytes.
    func size() throws -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw StoreError.system("cannot stat", path: path) }
        return Int(info.st_size)
    }

    /// Cuts the file to `length` bytes.
    func truncate(to length: Int) throws {
        guard ftruncate(descriptor, off_t(length)) == 0 else {
            throw StoreError.system("cannot truncate", path: path)
        }
    }

    /// Reads `count` bytes at `offset` (fewer at the end of the file).
    func read(at offset: Int, count: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = try read(into: UnsafeMutableRawBufferPointer(buffer), at: offset)
        }
    }

    /// Fills `buffer` from `offset`, retrying after short reads and interrupts; returns how many
    /// bytes were read (fewer at the end of the file).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        var initialized = 0
        while initialized < buffer.count {
            let got = pread(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized, off_t(offset + initialized))
            if got < 0 {
                if errno == EINTR { continue }
                throw StoreError.system("cannot read", path: path)
            }
            if got == 0 { break }
            initialized += got
        }
        return initialized
    }

    /// Whether the file holds exactly `bytes`, compared a chunk at a time.
    func holds(_ bytes: [UInt8]) throws -> Bool {
        guard try size() == bytes.count else { return false }
        let chunk = BoundedLineReader.chunkSize
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            let end = Swift.min(start + chunk, bytes.count)
            guard try read(at: start, count: end - start).elementsEqual(bytes[start..<end]) else { return false }
        }
        return true
    }

    /// Reads the whole file as it is now, refusing one larger than `limit` bytes: for the small
    /// files (the manifest) that are read whole.
    func readAll(atMost limit: Int) throws -> [UInt8] {
        let size = try size()
        guard size <= limit else {
            throw StoreError(.corrupt, path: path, "\(size) bytes, more than such a file can be (\(limit)); it is not one ecotop wrote")
        }
        return try read(at: 0, count: size)
    }
}

extension StoreError {
    /// An error for the failed system call that just set `errno`.
    static func system(_ what: String, path: String) -> StoreError {
        let code = errno
        return StoreError(.io(errno: code), path: path, "\(what): \(String(cString: strerror(code)))")
    }
}
