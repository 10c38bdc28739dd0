import Foundation

/// A fresh directory under the system's temporary directory, removed when dropped.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "ecotop-collectors-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The path of a file in the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Writes a whole file, replacing it.
    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
    }

    /// Appends to a file, creating it when missing.
    func append(_ name: String, _ text: String) throws {
        guard let handle = FileHandle(forWritingAtPath: file(name)) else { return try write(name, text) }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
}
