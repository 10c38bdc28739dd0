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
        encoder.keyEncodingStrategy = .convertToSnakeCase
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
        let path = path(in: layout)
        guard let file = try PosixFile.openForReading(path) else { return Contents(history: AlertHistory(), damaged: []) }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var records: [AlertRecord] = []
        var damaged: [StoreError] = []
        var lines = BoundedLineReader()
        try lines.forEachLine(in: file) { line, number in
            do {
                records.append(try decoder.decode(AlertRecord.self, from: Data(line)))
            } catch {
                damaged.append(StoreError(.corrupt, path: path, line: number, "not an alert record; skipped"))
            }
        }
        return Contents(history: AlertHistory(records: records), damaged: damaged)
    }
}
