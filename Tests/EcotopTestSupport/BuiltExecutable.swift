import Foundation
import Testing

/// The executables this package builds, for the test targets that run them.
///
/// SwiftPM builds an executable target before any test target that depends on it, into the
/// directory that holds the test bundle; the bundle is the running process, so its directory
/// is read from `/proc/self/exe` (this package is Linux only).
public enum BuiltExecutable {
    /// The path of the executable product `name`; fails the test when it was not built.
    public static func path(of name: String) throws -> String {
        let bundle = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let path = URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent(name).path
        try #require(
            FileManager.default.isExecutableFile(atPath: path),
            "no \(name) executable at \(path); does this test target depend on the '\(name)' target?")
        return path
    }
}
