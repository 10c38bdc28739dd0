import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Whether `pid` is a process that has not ended: it exists and is not a zombie.
public func processIsRunning(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else {
        return false
    }
    return !stat[stat.index(after: close)...].hasPrefix(" Z")
}

/// Waits until `pid`, a process some code under test should stop, has ended; kills it if it
/// still runs at the timeout, so that a failing test leaves nothing behind.
///
/// - Parameter reaped: also wait until it is no zombie either: whoever became its parent
///   collected its exit.
public func waitUntilEnded(
    _ pid: pid_t, _ what: String, reaped: Bool = false, timeout: Duration = .seconds(15), sourceLocation: SourceLocation = #_sourceLocation
) throws {
    do {
        try wait(for: "\(what) (pid \(pid)) to end\(reaped ? " and be reaped" : "")", timeout: timeout, sourceLocation: sourceLocation) {
            reaped ? kill(pid, 0) == -1 && errno == ESRCH : !processIsRunning(pid)
        }
    } catch {
        if processIsRunning(pid) { kill(pid, SIGKILL) }
        throw error
    }
}

/// The pid a process under test wrote to `file` (a shell's `echo $! > file`).
public func pid(writtenTo file: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> pid_t {
    let text = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    return try #require(pid_t(text), "a pid in \(file), found '\(text)'", sourceLocation: sourceLocation)
}
