import EcotopTerminal
import Testing

/// Where frames are wrapped in synchronized output (DECSET 2026).
@Suite struct SynchronizedOutputTests {
    @Test func aDescriptionWithSyncOrAKnownEmulatorGetsIt() {
        #expect(SynchronizedOutput.isSupported(environment: ["TERM": "xterm-256color"], terminfoHasSync: true))
        #expect(SynchronizedOutput.isSupported(environment: ["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"], terminfoHasSync: false))
        #expect(SynchronizedOutput.isSupported(environment: ["TERM": "xterm-kitty"], terminfoHasSync: false))
        #expect(SynchronizedOutput.isSupported(environment: ["TERM": "foot-extra"], terminfoHasSync: false))
    }

    @Test func anUnknownTerminalDoesNot() {
        #expect(!SynchronizedOutput.isSupported(environment: ["TERM": "xterm-256color"], terminfoHasSync: false))
        #expect(!SynchronizedOutput.isSupported(environment: ["TERM": "vt100", "TERM_PROGRAM": "Apple_Terminal"], terminfoHasSync: false))
        #expect(!SynchronizedOutput.isSupported(environment: [:], terminfoHasSync: false))
    }

    @Test func theSequencesAreDecset2026() {
        #expect(SynchronizedOutput.begin == "\u{1B}[?2026h")
        #expect(SynchronizedOutput.end == "\u{1B}[?2026l")
    }
}
