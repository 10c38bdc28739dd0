/// The segment files a writer appends to: kept open between batches, and synced together.
final class SegmentFiles {
    private var open: [String: PosixFile] = [:]
    private var order: [String] = []
    /// Files written since their last fsync.
    private var unsynced: Set<String> = []
    /// Directories that gained a file since their last fsync.
    private var unsyncedDirectories: Set<String> = []
    private let limit: Int

    init(limit: Int = 64) {
        self.limit = limit
    }

    /// Appends `bytes` to `path`, creating the file (and remembering to sync its directory).
    func append(_ bytes: [UInt8], to path: String) throws {
        try file(path).write(bytes)
        unsynced.insert(path)
    }

    private func file(_ path: String) throws -> PosixFile {
        if let file = open[path] { return file }
        if open.count >= limit { try evictOldest() }
        let directory = StoreFileSystem.directoryName(of: path)
        if !StoreFileSystem.exists(path) {
            try StoreFileSystem.createDirectory(directory)
            unsyncedDirectories.insert(directory)
        }
        let file = try PosixFile.openForAppend(path)
        open[path] = file
        order.append(path)
        return file
    }

    private func evictOldest() throws {
        let path = order.removeFirst()
        if unsynced.remove(path) != nil { try open[path]?.sync() }
        open[path] = nil
    }

    /// Forces every written file, then the directories of new files, to stable storage.
    func sync() throws {
        for path in unsynced.sorted() { try open[path]?.sync() }
        unsynced.removeAll()
        for directory in unsyncedDirectories.sorted() { try StoreFileSystem.syncDirectory(directory) }
        unsyncedDirectories.removeAll()
    }

    /// Syncs and closes one file, before it is replaced by a rewrite; a later append reopens it.
    func close(_ path: String) throws {
        if unsynced.remove(path) != nil { try open[path]?.sync() }
        open[path] = nil
        order.removeAll { $0 == path }
    }

    /// Closes every file after syncing; later appends reopen them.
    func closeAll() throws {
        try sync()
        open.removeAll()
        order.removeAll()
    }
}
