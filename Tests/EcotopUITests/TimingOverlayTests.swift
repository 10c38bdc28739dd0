import EcotopApp
import EcotopCore
import EcotopTestSupport
import EcotopUI
import Testing

/// The F12 overlay of frame timings and memory, drawn over a frame.
@Suite struct TimingOverlayTests {
    private func appearance() throws -> Appearance { Appearance(themes: try ThemeCatalog.builtIn().themes) }

    @Test func showsEachPhasesStatisticsAndTheMemory() throws {
        var timings = FrameTimings()
        for millisecond in 1...200 {
            for phase in FrameTimings.Phase.allCases { timings.record(phase, seconds: Double(millisecond) / 1_000) }
        }
        timings.residentBytes = 25 * 1_048_576 + 419_430
        var frame = FrameBuffer(size: Size(width: 80, height: 24))
        TimingOverlay(timings: timings, appearance: try appearance(), themeIndex: 0).render(into: &frame)
        assertSnapshot(frame.text, named: "timing-overlay-80x24")
        // The last 120 samples are 81...200 ms: min 81, mean 140.5, max 200, p95 the 114th = 194.
        #expect(frame.text.contains("render     81.0   140.5   200.0   194.0"), "\(frame.text)")
        #expect(frame.text.contains("200 frames, last 120"))
        #expect(frame.text.contains("RSS 25.4 MiB"))
    }

    @Test func phasesWithoutSamplesShowDashes() throws {
        var frame = FrameBuffer(size: Size(width: 80, height: 24))
        TimingOverlay(timings: FrameTimings(), appearance: try appearance(), themeIndex: 0).render(into: &frame)
        #expect(frame.text.contains("load         --      --      --      --"), "\(frame.text)")
        #expect(frame.text.contains("RSS unknown"))
    }

    @Test func aTerminalTooSmallForTheBoxKeepsTheFrame() throws {
        var frame = FrameBuffer(size: Size(width: 40, height: 8))
        let before = frame.text
        TimingOverlay(timings: FrameTimings(), appearance: try appearance(), themeIndex: 0).render(into: &frame)
        #expect(frame.text == before)
    }

    @Test func f12TogglesTheOverlayInTheModel() throws {
        var model = try DemoDashboard.model()
        #expect(KeyMap.standard.command(for: .function(12)) == .toggleTimings)
        _ = model.update(.command(.toggleTimings), at: DemoDashboard.time)
        #expect(model.showsTimings)
        _ = model.update(.command(.toggleTimings), at: DemoDashboard.time)
        #expect(!model.showsTimings)
    }
}
