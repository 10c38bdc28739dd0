import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// A store holding points of series `m` in one hour, closed cleanly, with a copy of every file
/// it held then: tests of hostile input refuse something and then prove that nothing already
/// stored was lost or rewritten.
struct FilledStore {
    /// The start of the hour before the current one: the points fall in it, so the commands
    /// the tests run, which use the real clock, find them within every retention.
    static let hour = Double(Int(Date().timeIntervalSince1970) / 3_600 * 3_600 - 3_600)
    /// The clock of writers opened on it: within the hour, so nothing has expired.
    static let now = hour + 1_800

    let store: TemporaryStore
    /// Every file by its path inside the store, as the writer left it.
    let files: [String: [UInt8]]

    var root: String { store.root }
    var layout: StoreLayout { store.layout }
    /// The raw segment of `hour`, relative to the store.
    var rawSegment: String { "raw/\(Int(Self.hour)).jsonl" }
    /// The raw segment of the hour after, which does not exist.
    var nextRawSegment: String { "raw/\(Int(Self.hour) + 3_600).jsonl" }

    /// Writes `count` points of `m` (values 0..<count, one a second from `hour`).
    init(points count: Int = 100) throws {
        store = TemporaryStore()
        let writer = try store.writer(now: Self.now)
        try writer.append(samples: (0..<count).map { Sample(key: key("m"), timestamp: Self.hour + Double($0), value: Double($0)) })
        try writer.close()
        var files: [String: [UInt8]] = [:]
        for relative in try FileManager.default.subpathsOfDirectory(atPath: store.root) where !relative.hasSuffix("LOCK") {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: store.path(relative), isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = try store.bytes(relative)
            }
        }
        self.files = files
    }

    /// A writer on the store with the test clock.
    func writer() throws -> StoreWriter {
        try store.writer(now: Self.now)
    }

    /// The values of `m` a reader finds.
    func values() throws -> [Double] {
        try store.reader().rawPoints(series: [0], from: 0, to: 1e10)[0].map(\.value)
    }

    /// The files whose content is no longer what the writer left (missing ones included).
    func changedFiles() -> [String] {
        files.filter { relative, bytes in
            FileManager.default.contents(atPath: store.path(relative)).map { [UInt8]($0) } != bytes
        }.keys.sorted()
    }

    /// `ecotop ingest` of one more point of `m` in the same hour, as a user would run it.
    static let ingestInput = #"{"ts":\#(Int(hour) + 200),"name":"m","value":200}"# + "\n"

    /// The command lines of the commands that open every file of the store: check, repair,
    /// ingest and a raw query over the hour and the one after.
    func commandsReadingEveryFile() -> [(name: String, arguments: [String], input: String)] {
        [
            ("check", ["store", "check", "--store", root], ""),
            ("repair", ["store", "repair", "--store", root], ""),
            ("ingest", ["ingest", "--store", root, "-"], Self.ingestInput),
            ("query", ["query", "--store", root, "--series", "m", "--raw", "--from", "\(Int(Self.hour))", "--to", "\(Int(Self.hour) + 7_200)"], ""),
        ]
    }
}
