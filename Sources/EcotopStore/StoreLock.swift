#if canImport(Glibc)
import Glibc
#endif

/// The writer's exclusive lock: `flock` on the store's `LOCK` file, which holds the writer's pid
/// while it runs and `clean` once it closed properly.
///
/// The kernel drops the lock when the process dies, however it dies, so a crashed writer never
/// blocks the next one; the `pid` left in the file tells the next writer to recover.
final class StoreLock {
    /// How the previous writer left the store.
    enum PreviousWriter: Equatable {
        /// No writer ever ran, or it closed cleanly.
        case clean
        /// The writer with this pid stopped without closing; it had opened the store at `openedAt`
        /// (file-system time, seconds).
        case crashed(pid: Int32?, openedAt: Double)
    }

    private let file: PosixFile
    let previousWriter: PreviousWriter

    private init(file: PosixFile, previousWriter: PreviousWriter) {
        self.file = file
        self.previousWriter = previousWriter
    }

    /// Takes the lock or fails with an error naming the process that holds it.
    static func acquire(_ layout: StoreLayout) throws -> StoreLock {
        let file = try PosixFile.open(layout.lock, flags: O_RDWR | O_CREAT)
        if flock(file.descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else { throw StoreError.system("cannot lock", path: layout.lock) }
            let pid = holder(in: try file.read(at: 0, count: 32))
            let who = pid.map { "process \($0)" } ?? "another process"
            throw StoreError(.locked(pid: pid), path: layout.root,
                "the store is being written by \(who); only one writer (ingest, demo backfill, store repair or compact, the dashboard with collectors) may run at a time")
        }
        let content = try file.read(at: 0, count: 32)
        var previous = PreviousWriter.clean
        if let pid = holder(in: content) {
            previous = .crashed(pid: pid, openedAt: StoreFileSystem.modificationTime(of: layout.lock) ?? 0)
        }
        try file.truncate(to: 0)
        try file.write(Array("pid \(getpid())\n".utf8))
        try file.sync()
        return StoreLock(file: file, previousWriter: previous)
    }

    /// Records a clean close and releases the lock.
    func release() throws {
        try file.truncate(to: 0)
        _ = lseek(file.descriptor, 0, SEEK_SET)
        try file.write(Array("clean\n".utf8))
        try file.sync()
        flock(file.descriptor, LOCK_UN)
    }

    private static func holder(in content: [UInt8]) -> Int32? {
        let text = String(decoding: content, as: UTF8.self)
        guard text.hasPrefix("pid ") else { return nil }
        return Int32(text.dropFirst(4).prefix { $0.isNumber })
    }
}
