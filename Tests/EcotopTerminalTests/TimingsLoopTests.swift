import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopEngine
import EcotopTerminal
import EcotopTestSupport
import EcotopUI
import Testing

/// The loop times its phases and F12 shows them over the frame it draws.
@Suite struct TimingsLoopTests {
    @Test func f12ShowsTheLoopsOwnTimings() throws {
        let running = try RunningDemoLoop()
        defer { running.stop() }
        let terminal = running.terminal
        try wait(for: "the first read to arrive") { terminal.frame(after: 0) { !$0.contains("waiting for data") } != nil }
        let typed = terminal.type(.function(12))
        try wait(for: "the overlay with a load timed") {
            terminal.frame(after: typed) { $0.contains("Timings") && !$0.contains("load         --") } != nil
        }
        let frame = try #require(terminal.frame(after: typed) { $0.contains("Timings") })
        for phase in ["load", "apply", "render", "flush"] { #expect(frame.text.contains("│ \(phase) "), "\(frame.text)") }
        #expect(frame.text.contains("RSS ") && frame.text.contains(" MiB"), "RSS read from /proc/self/statm: \(frame.text)")
        let hidden = terminal.type(.function(12))
        try wait(for: "the overlay to close") { terminal.frame(after: hidden) { !$0.contains("Timings") } != nil }
    }
}
