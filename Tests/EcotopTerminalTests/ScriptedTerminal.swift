import Dispatch
import EcotopTerminal
import EcotopUI
import Foundation
import Synchronization

/// A terminal for the dashboard loop that a test types into and reads frames from, from
/// another thread. Each frame is kept with the monotonic time it was drawn.
final class ScriptedTerminal: TerminalDevice, Sendable {
    struct Frame {
        var text: String
        /// Seconds on the monotonic clock.
        var drawnAt: Double
    }

    let size: Size
    private let pending = Mutex<[TerminalScreen.Input]>([])
    private let frames = Mutex<[Frame]>([])
    private let typed = DispatchSemaphore(value: 0)

    init(size: Size) {
        self.size = size
    }

    /// Queues a key for the loop's next read; returns when it was queued.
    @discardableResult
    func type(_ key: Key) -> Double {
        pending.withLock { $0.append(.key(key)) }
        typed.signal()
        return Self.monotonicNow()
    }

    func readInput(timeoutMilliseconds: Int32) -> TerminalScreen.Input? {
        if let input = next() { return input }
        _ = typed.wait(timeout: .now() + .milliseconds(Int(timeoutMilliseconds)))
        return next()
    }

    func draw(_ frame: FrameBuffer) {
        let text = frame.text
        frames.withLock { $0.append(Frame(text: text, drawnAt: Self.monotonicNow())) }
    }

    /// The first frame drawn at or after `time` whose text satisfies `condition`.
    func frame(after time: Double, where condition: (String) -> Bool) -> Frame? {
        frames.withLock { frames in frames.first { $0.drawnAt >= time && condition($0.text) } }
    }

    var frameCount: Int { frames.withLock { $0.count } }

    private func next() -> TerminalScreen.Input? {
        pending.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }

    static func monotonicNow() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
