import EcotopCore
import FoundationEssentials

#if canImport(Glibc)
import Glibc
#endif

/// `alerts.jsonl` in the store directory: one `AlertRecord` per line, appended and never
/// rewritten (docs/alerts.md). Only the process holding the store's writer lock appends, so an
/// `AlertLog` is made from a `StoreWriter`; anyone may read.
///
/// Opening for appending cuts a torn last line (a crash mid-append) like the store's segments do.
/// Reading streams the file a chunk at a time (`BoundedLineReader`) and skips a line that is
/// not a record, reporting it by file and line: the records around it still count.
public final class AlertLog {
    private let file: PosixFile
    private let encoder: JSONEncoder

    /// The alerts file of `layout`'s store.
    public static func path(in layout: StoreLayout) -> String { layout.root + "/alerts.jsonl" }

    /// Opens the alerts file of `writer`'s store for appending, creating it when missing.
    public init(writer: StoreWriter) throws {
        let path = Self.path(in: writer.layout)
        _ = try TornTail.truncate(path)
        file = try PosixFile.openForAppend(path)
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
    }

    /// Appends `records`, one line each, and flushes them to stable storage: they are few
    /// (an alert changing), and a restart must find them.
    public func append(_ records: [AlertRecord]) throws {
        guard !records.isEmpty else { return }
        var bytes: [UInt8] = []
        for record in records {
            do {
                bytes += Array(try encoder.encode(record))
            } catch {
                throw StoreError(.invalidRequest, path: file.path, "cannot encode alert \(record.alert.id): \(error)")
            }
            bytes.append(0x0A)
        }
        try file.write(bytes)
        try file.sync()
    }

    /// What reading an alerts file found.
    public struct Contents: Sendable {
        /// Every alert, rebuilt from the records that could be read.
        public var history: AlertHistory
        /// One error per line that is not a record, naming the file and line.
        public var damaged: [StoreError]
    }

    /// Reads the alerts of `layout`'s store: empty when it has no alerts file. A line that is
    /// not a record is skipped and reported; a torn last line is not a line yet and is ignored.
    public static func read(_ layout: StoreLayout) throws -> Contents {
        let follower = AlertLogFollower(layout: layout)
        return try follower.refresh()
    }
}

/// Follows the alerts file another process appends to: each `refresh()` reads only the lines
/// appended since the last one, and reads the file again from its start when it was replaced
/// or cut. A dashboard that shows the alerts `collect` records refreshes every 15 seconds, and
/// a file of many records must not be read whole each time.
public final class AlertLogFollower {
    public let layout: StoreLayout
    private var contents = AlertLog.Contents(history: AlertHistory(), damaged: [])
    /// Where the complete lines read so far end, how many there were, and which file they were in.
    private var offset = 0
    private var lines = 0
    private var file: (device: UInt64, inode: UInt64)?
    private var reader = BoundedLineReader()
    private let decoder = JSONDecoder()

    public init(layout: StoreLayout) {
        self.layout = layout
    }

    /// The alerts as the file holds them now.
    public func refresh() throws -> AlertLog.Contents {
        let path = AlertLog.path(in: layout)
        guard let file = try PosixFile.openForReading(path) else {
            restart(nil)
            return contents
        }
        var info = stat()
        guard fstat(file.descriptor, &info) == 0 else { throw StoreError.system("cannot stat", path: path) }
        let identity = (UInt64(info.st_dev), UInt64(info.st_ino))
        if self.file.map({ $0 != identity }) ?? true || Int(info.st_size) < offset { restart(identity) }
        var damaged: [StoreError] = []
        let base = lines
        let end = try reader.forEachLine(in: file, from: offset) { line, number in
            lines = base + number
            do {
                contents.history.apply(try decoder.decode(AlertRecord.self, from: Data(line)))
            } catch {
                damaged.append(StoreError(.corrupt, path: path, line: base + number, "not an alert record; skipped"))
            }
        }
        offset = end.completeLength
        contents.damaged += damaged
        return contents
    }

    private func restart(_ identity: (device: UInt64, inode: UInt64)?) {
        file = identity
        offset = 0
        lines = 0
        contents = AlertLog.Contents(history: AlertHistory(), damaged: [])
    }
}
