import EcotopApp
import EcotopTerminal
import Testing

/// The colour depth from the environment and the terminal description's `colors`.
@Suite struct ColorDepthTests {
    @Test func theTerminalsColourCountDecides() {
        #expect(ColorDepth.detect(environment: [:], terminalColors: 256) == .palette256)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 88) == .sixteen)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 16) == .sixteen)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 8) == .eight)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 16_777_216) == .truecolor)
    }

    @Test func aTerminalWithoutColoursHasNone() {
        // vt100's description has no `colors`: tigetnum answers -1.
        #expect(ColorDepth.detect(environment: [:], terminalColors: -1) == .none)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 0) == .none)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 2) == .none)
    }

    @Test func anyNonEmptyNoColorTurnsColourOff() {
        #expect(ColorDepth.detect(environment: ["NO_COLOR": "1"], terminalColors: 256) == .none)
        #expect(ColorDepth.detect(environment: ["NO_COLOR": "0"], terminalColors: 16_777_216) == .none)
        #expect(ColorDepth.detect(environment: ["NO_COLOR": ""], terminalColors: 256) == .palette256)
    }

    @Test func colortermAloneCannotGiveTruecolorThroughA256ColourDescription() {
        #expect(ColorDepth.detect(environment: ["COLORTERM": "truecolor"], terminalColors: 256) == .palette256)
        #expect(ColorDepth.detect(environment: ["COLORTERM": "truecolor"], terminalColors: 16_777_216) == .truecolor)
    }
}
