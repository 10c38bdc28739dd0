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

/// A small deterministic random generator, so failures reproduce.
public struct SeededGenerator: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    public mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        var value = state
        value ^= value >> 33
        value &*= 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        return value
    }
}

public func key(_ name: String, _ labels: [String: String] = [:]) -> SeriesKey {
    SeriesKey(name: name, labels: labels)
}
