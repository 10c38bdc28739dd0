#if canImport(Glibc)
import Glibc
#endif

/// The writer's exclusive lock: `flock` on the store directory itself, kept open for the
/// writer's life, plus the `LOCK` file, which says `pid N` while a writer runs and `clean` once
/// it closed properly.
///
/// The lock is on the directory, not on `LOCK`, because a file can be deleted (`LOCK` looks like
/// a stale pidfile an admin would remove) and a second writer would then lock a new file of
/// the same name while the first still writes. Nothing deletes the directory of a store in use.
/// The kernel drops the lock when the process dies, however it dies, so a crashed writer never
/// blocks the next one; the `pid` left in `LOCK` tells the next writer to recover.
final class StoreLock {
    /// How the previous writer left the store.
    enum PreviousWriter: Equatable {
        /// No writer ever ran, or it closed cleanly.
        case clean
        /// The writer with this pid stopped without closing; it had opened the store at `openedAt`
        /// (file-system time, seconds).
        case crashed(pid: Int32?, openedAt: Double)
    }

    /// The store directory, open for as long as the lock is held.
    private let directory: Int32
    private let file: PosixFile
    let previousWriter: PreviousWriter

    private init(directory: Int32, file: PosixFile, previousWriter: PreviousWriter) {
        self.directory = directory
        self.file = file
        self.previousWriter = previousWriter
    }

    deinit { close(directory) }

    /// Takes the lock or fails with an error naming the process that holds it.
    static func acquire(_ layout: StoreLayout) throws -> StoreLock {
        let directory = open(layout.root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { throw StoreError.system("cannot open", path: layout.root) }
        do {
            if flock(directory, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK else { throw StoreError.system("cannot lock", path: layout.root) }
                let pid = holder(of: layout.root)
                let who = pid.map { "process \($0)" } ?? "another process"
                throw StoreError(.locked(pid: pid), path: layout.root,
                    "the store is being written by \(who); only one writer (ingest, demo backfill, store repair or compact, the dashboard with collectors) may run at a time")
            }
            let file = try PosixFile.open(layout.lock, flags: O_RDWR | O_CREAT)
            var previous = PreviousWriter.clean
            if let pid = pid(in: try file.read(at: 0, count: 32)) {
                previous = .crashed(pid: pid, openedAt: StoreFileSystem.modificationTime(of: layout.lock) ?? 0)
            }
            try file.truncate(to: 0)
            try file.write(Array("pid \(getpid())\n".utf8))
            try file.sync()
            return StoreLock(directory: directory, file: file, previousWriter: previous)
        } catch {
            close(directory)
            throw error
        }
    }

    /// Records a clean close and releases the lock.
    func release() throws {
        try file.truncate(to: 0)
        _ = lseek(file.descriptor, 0, SEEK_SET)
        try file.write(Array("clean\n".utf8))
        try file.sync()
        flock(directory, LOCK_UN)
    }

    private static func pid(in content: [UInt8]) -> Int32? {
        let text = String(decoding: content, as: UTF8.self)
        guard text.hasPrefix("pid ") else { return nil }
        return Int32(text.dropFirst(4).prefix { $0.isNumber })
    }

    /// The pid of the process holding the writer lock of the store at `root`, from the kernel's
    /// table of locks (`/proc/locks`); nil when no process holds it.
    static func holder(of root: String) -> Int32? {
        var info = stat()
        guard stat(root, &info) == 0, let table = procLocks() else { return nil }
        let device = UInt64(info.st_dev)
        let major = (device >> 8) & 0xfff | (device >> 32) & ~0xfff
        let minor = device & 0xff | (device >> 12) & ~0xff
        let inode = "\(hex(major)):\(hex(minor)):\(info.st_ino)"
        // Lines read `1: FLOCK  ADVISORY  WRITE 4242 fe:00:1234 0 EOF`; waiters have `->` after the number.
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count > 5, fields[1] == "FLOCK", fields[5] == inode, let pid = Int32(fields[4]) { return pid }
        }
        return nil
    }

    /// Two lowercase hex digits at least, as /proc/locks prints device numbers.
    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return digits.count < 2 ? "0" + digits : digits
    }

    /// The text of /proc/locks, whose size `stat` reports as 0, so it is read to its end.
    private static func procLocks() -> String? {
        let descriptor = open("/proc/locks", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
