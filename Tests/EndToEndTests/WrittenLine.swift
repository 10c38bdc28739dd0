import EcotopTestSupport
import Foundation
import Testing

/// The one line a process writes to the file at `path` (its pid, its exit status), trimmed,
/// once the line is complete; fails, naming the file, after `timeout`.
func writtenLine(
    at path: String, timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation
) async throws -> String {
    var text = ""
    try await wait(for: "a line in \(path)", timeout: timeout, pollingEvery: .milliseconds(20), sourceLocation: sourceLocation) {
        text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.hasSuffix("\n")
    }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
}
