import Foundation
import Testing

/// Waits until `condition` holds, checking it every `interval`, for what a test cannot be
/// told about: a file that appears, a process that ends, a screen that shows a text. A fixed
/// sleep is too short on a loaded machine and too long everywhere else; this returns as soon
/// as the condition holds.
///
/// When `timeout` passes first, records an issue at the caller saying "timed out after
/// TIMEOUT waiting for WHAT" and throws, so the test stops at the wait that failed rather
/// than at an expectation about a state that never came. The default timeout is generous
/// because it costs nothing when the condition comes: in the full suite, synchronous tests
/// can hold every thread of the concurrency pool for many seconds, and a task that a test
/// waits on runs only when one is free.
///
/// - Parameters:
///   - what: what the test waits for, worded to follow "waiting for", e.g. "the plugin to
///     start". Evaluated only on failure, so it can show the last state the condition saw.
///   - condition: checked at once, then after each interval until the timeout.
@_disfavoredOverload  // in an async test, the async form below, even for a synchronous condition
public func wait(
    for what: @autoclosure () -> String, timeout: Duration = .seconds(60), pollingEvery interval: Duration = .milliseconds(10),
    sourceLocation: SourceLocation = #_sourceLocation, until condition: () throws -> Bool
) throws {
    let deadline = ContinuousClock.now + timeout
    while try !condition() {
        let withinTimeout = ContinuousClock.now < deadline
        try #require(withinTimeout, "timed out after \(timeout) waiting for \(what())", sourceLocation: sourceLocation)
        Thread.sleep(forTimeInterval: Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18)
    }
}

/// `wait(for:timeout:pollingEvery:until:)` for an async test or an async condition: sleeps
/// with `Task.sleep`, so the wait holds no thread of the concurrency pool.
public func wait(
    for what: @autoclosure () -> String, timeout: Duration = .seconds(60), pollingEvery interval: Duration = .milliseconds(10),
    sourceLocation: SourceLocation = #_sourceLocation, until condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        let withinTimeout = ContinuousClock.now < deadline
        try #require(withinTimeout, "timed out after \(timeout) waiting for \(what())", sourceLocation: sourceLocation)
        try await Task.sleep(for: interval)
    }
}
