import EcotopCore
import Foundation
import Synchronization
@testable import EcotopCollectors

/// Executable scripts in a fresh temporary directory, for running real plugin subprocesses.
struct PluginScripts {
    let directory: String

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecotop-plugins-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// Writes an executable `name` with `body` and returns its path.
    ///
    /// Written through a close-on-exec descriptor: a plugin spawned by a concurrent test
    /// would otherwise inherit it open for writing, and running the script would then fail
    /// with ETXTBSY ("text file busy").
    func script(_ name: String, _ body: String) -> String {
        let path = directory + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        precondition(descriptor >= 0, "cannot create \(path)")
        let bytes = Array(body.utf8)
        precondition(write(descriptor, bytes, bytes.count) == bytes.count)
        close(descriptor)
        return path
    }

    /// Plugins/examples in this repository.
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Plugins/examples").path
}

/// Short limits so fault tests finish quickly.
func quickLimits(grace: Double = 0.3) -> PluginLimits {
    var limits = PluginLimits()
    limits.grace = grace
    return limits
}

/// A clock a test moves by hand.
final class ManualClock: WallClock {
    private let time: Mutex<(now: Double, reads: Int)>
    init(_ start: Double) { time = Mutex((start, 0)) }
    func now() -> Double {
        time.withLock { time in
            time.reads += 1
            return time.now
        }
    }
    func advance(to value: Double) { time.withLock { $0.now = value } }
    /// How many times `now()` has been called: how often the code under test looked at the clock.
    var reads: Int { time.withLock { $0.reads } }
}

/// A sink that keeps what it is given.
final class MemorySink: RecordSink {
    private let records = Mutex<(samples: [Sample], events: [IntegrationEvent])>(([], []))
    func append(samples: [Sample], events: [IntegrationEvent]) throws {
        records.withLock { $0.samples += samples; $0.events += events }
    }
    var samples: [Sample] { records.withLock { $0.samples } }
}
