/// Synchronized output (DECSET 2026): between `begin` and `end` the terminal holds the screen
/// and shows the whole frame at once, so a redraw never shows half-drawn rows (flicker).
///
/// Terminals that do not know the mode ignore it, but the dashboard only sends it where it is
/// known to work: when the terminal description has the `Sync` capability (an extended
/// capability some entries carry) or the emulator is one that implements the mode. Asking the
/// terminal (DECRQM `\e[?2026$p`) would mean reading its answer past ncurses' key input, so
/// it is not asked. tmux 3.3a, which the end-to-end tests run in, is not on the list.
public enum SynchronizedOutput {
    /// Holds the screen until `end`.
    public static let begin = "\u{1B}[?2026h"
    /// Shows what was drawn since `begin`.
    public static let end = "\u{1B}[?2026l"

    /// Emulators that implement mode 2026, by `TERM_PROGRAM`.
    static let knownPrograms: Set<String> = ["WezTerm", "iTerm.app", "ghostty", "vscode", "contour", "rio"]
    /// Terminal types, by the start of `TERM`, whose emulators implement it.
    static let knownTerminalPrefixes = ["xterm-kitty", "foot", "alacritty", "wezterm", "contour", "xterm-ghostty"]

    /// Whether to wrap frames in synchronized output here.
    /// - Parameters:
    ///   - environment: the process environment (`TERM`, `TERM_PROGRAM`).
    ///   - terminfoHasSync: whether TERM's description has the `Sync` string capability.
    public static func isSupported(environment: [String: String], terminfoHasSync: Bool) -> Bool {
        if terminfoHasSync { return true }
        if let program = environment["TERM_PROGRAM"], knownPrograms.contains(program) { return true }
        let term = environment["TERM"] ?? ""
        return knownTerminalPrefixes.contains { term.hasPrefix($0) }
    }
}
