import Foundation
import Testing
import EcotopTestSupport

/// docs/ecotop.1, the man page swift-argument-parser's `generate-manual` plugin writes from the
/// commands, kept in step with them: regenerated with the plugin's tool and compared, at the
/// date the committed page carries. `ECOTOP_RECORD_SNAPSHOTS=1` rewrites it.
///
/// The tool is built by the plugin, not by `swift build`: run
/// `swift package --disable-sandbox plugin generate-manual --configuration debug` once (.ci/run does).
@Suite(.enabled(if: generateManualTool != nil, "generate-manual-tool is not built; run `swift package plugin generate-manual` once"))
struct ManualPageTests {

    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/ecotop.1").path

    @Test func theManualPageMatchesTheCommands() throws {
        let committed = (try? String(contentsOfFile: Self.page, encoding: .utf8)) ?? ""
        // `.Dd December 2, 2026` back to the tool's 2026-12-02.
        let dated = committed.split(separator: "\n").first { $0.hasPrefix(".Dd ") }.map { String($0.dropFirst(4)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMMM d, yyyy"
        let day = dated.flatMap(formatter.date(from:)) ?? Date()
        formatter.dateFormat = "yyyy-MM-dd"
        let files = TemporaryStore()
        let output = files.root
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let run = try ChildProcess(
            [try #require(generateManualTool), try BuiltExecutable.path(of: "ecotop"), "--date", formatter.string(from: day),
             "--authors", "The Ecotop authors", "--output-directory", output])
        #expect(run.waitForExit().shellStatus == 0)
        let generated = try String(contentsOfFile: output + "/ecotop.1", encoding: .utf8).trimmingCharacters(in: .newlines) + "\n"
        if ProcessInfo.processInfo.environment["ECOTOP_RECORD_SNAPSHOTS"] == "1", generated != committed {
            try generated.write(toFile: Self.page, atomically: true, encoding: .utf8)
        }
        #expect(generated == committed, "docs/ecotop.1 differs from the commands; ECOTOP_RECORD_SNAPSHOTS=1 rewrites it")
        #expect(generated.contains(".It Em doctor"))
    }
}

/// The `generate-manual` plugin's tool, next to the test bundle where the plugin builds it.
let generateManualTool: String? = {
    guard let bundle = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
    let path = URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("generate-manual-tool").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}()
