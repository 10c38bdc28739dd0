import EcotopCore
import Foundation
@testable import EcotopStore
import Testing

/// A store in a fresh temporary directory, removed when the value is released.
public final class TemporaryStore {
    public let layout: StoreLayout
    public var root: String { layout.root }

    public init() {
        var template = Array((NSTemporaryDirectory() + "/ecotop-store-test.XXXXXX").utf8CString)
        let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        layout = StoreLayout(root: path + "/store")
    }

    deinit { try? FileManager.default.removeItem(atPath: StoreFileSystem.directoryName(of: layout.root)) }

    /// A writer with the given ladder and a clock fixed at `now` (by default early in 1970, so
    /// points at small timestamps are within every retention).
    public func writer(now: Double = 100_000, ladder: RetentionLadder = .standard) throws -> StoreWriter {
        try StoreWriter(layout: layout, clock: FixedWallClock(now), manifest: StoreManifest(ladder: ladder))
    }

    public func reader() throws -> StoreReader { try StoreReader(layout: layout) }

    public func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes `text` to a file named `name` beside the store, in the same temporary directory
    /// (so removed with it), and returns its path: an input or a configuration for a command.
    public func file(named name: String, containing text: String) throws -> String {
        let path = root + "-" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    public func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try #require(FileManager.default.contents(atPath: path(relative)), "no file \(relative)"))
    }

    public func write(_ relative: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path(relative)))
    }

    /// The only segment file in a directory of the store.
    public func onlySegment(in directory: String) throws -> String {
        let names = StoreFileSystem.entries(of: path(directory))
        try #require(names.count == 1, "expected one segment in \(directory), found \(names)")
        return directory + "/" + names[0]
    }
}

public func key(_ name: String, _ labels: [String: String] = [:]) -> SeriesKey {
    SeriesKey(name: name, labels: labels)
}
