import EcotopApp
import CNcursesw
import EcotopUI

#if canImport(Glibc)
import Glibc
#endif

/// The ncurses terminal: the one place that touches it. It draws frame buffers, reads keys
/// and resizes, and always gives the terminal back in the state it found it.
public final class TerminalScreen {
    /// What the terminal can show, decided once at start-up.
    public struct Capabilities: Sendable {
        /// Whether the locale's character set is UTF-8; when not, only ASCII is drawn.
        public var isUnicode: Bool
        /// The colours drawn with: none under `NO_COLOR` or on a terminal without colours.
        public var colorDepth: ColorDepth
        /// Whether frames are wrapped in synchronized output (DECSET 2026).
        public var synchronizedOutput: Bool
        /// Whether the terminal reports clicks and the wheel: asked for (not `--no-mouse`) and
        /// granted.
        public var hasMouse: Bool

        /// Whether colours are used (the terminal has them and `NO_COLOR` is not set).
        public var hasColor: Bool { colorDepth != .none }
    }

    /// Something the user did.
    public enum Input: Equatable, Sendable {
        case key(Key)
        case resize(Size)
        /// A click or a turn of the wheel (when mouse reporting is on).
        case mouse(MouseEvent)
    }

    public let capabilities: Capabilities
    private let window: UnsafeMutablePointer<WINDOW>
    private var colorPairs: [ColorPairKey: Int32] = [:]
    /// The colour number of each colour met so far: the nearest-colour search runs once each.
    private var colorNumbers: [Color: Int32] = [:]
    private let colorMapper: TerminalColorMapper
    private var isActive = true
    /// The frame on screen, so the next draw touches only the rows that changed.
    private var shown: FrameBuffer?
    private let screen: OpaquePointer

    private struct ColorPairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// Sets up the terminal: locale, raw mode, keypad, hidden cursor, colours, mouse.
    /// - Parameters:
    ///   - environment: the process environment, for `NO_COLOR`, `TERM` and
    ///     `TERM_PROGRAM` (`ColorDepth`, `SynchronizedOutput`).
    ///   - mouse: whether to ask the terminal to report clicks and the wheel (`--no-mouse`
    ///     turns it off, leaving the terminal's own text selection).
    public init(environment: [String: String], mouse: Bool = true) throws {
        setlocale(LC_ALL, "")
        let codeset = String(cString: ecotop_codeset())
        let term = getenv("TERM").map { String(cString: $0) }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        guard let screen = ecotop_newterm() else { throw TerminalError.cannotInitialize(term: term) }
        guard ecotop_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            throw TerminalError.cannotMoveTheCursor(term: term ?? "")
        }
        self.screen = screen
        guard let window = ecotop_stdscr() else { throw TerminalError.cannotInitialize(term: nil) }
        self.window = window
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        leaveok(window, true)
        let hasMouse = mouse && ecotop_enable_mouse() != 0
        let depth = ColorDepth.detect(environment: environment, terminalColors: has_colors() ? Int(ecotop_terminal_colors()) : 0)
        if depth != .none {
            start_color()
            use_default_colors()
        }
        capabilities = Capabilities(
            isUnicode: codeset.uppercased().replacingDash() == "UTF8", colorDepth: depth,
            synchronizedOutput: SynchronizedOutput.isSupported(environment: environment, terminfoHasSync: ecotop_has_sync() != 0),
            hasMouse: hasMouse)
        colorMapper = TerminalColorMapper(depth: depth)
    }

    deinit { restore() }

    /// The terminal's size now.
    public var size: Size {
        Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// Gives the terminal back (endwin). Safe to call more than once.
    public func restore() {
        guard isActive else { return }
        isActive = false
        endwin()
        delscreen(screen)
    }

    /// Draws a frame: rewrites the rows that differ from the frame on screen (all of them after
    /// a resize), and ncurses sends the terminal only the cells that changed.
    public func draw(_ frame: FrameBuffer) {
        let columns = min(frame.size.width, size.width), rows = min(frame.size.height, size.height)
        let previous = shown?.size == frame.size ? shown : nil
        if previous == nil { werase(window) }
        var changed = previous == nil
        var text: [wchar_t] = []
        text.reserveCapacity(columns + 1)
        for y in 0..<rows {
            let row = y * frame.size.width..<(y + 1) * frame.size.width
            if let previous, previous.cells[row] == frame.cells[row] { continue }
            changed = true
            var x = 0
            while x < columns {
                let style = frame[x, y].style
                let start = x
                text.removeAll(keepingCapacity: true)
                while x < columns, frame[x, y].style == style {
                    let cell = frame[x, y]
                    if !cell.isContinuation {
                        text.append(wchar_t(bitPattern: displayable(cell.scalar).value))
                    } else if !capabilities.isUnicode {
                        text.append(wchar_t(UInt8(ascii: " ")))
                    }
                    x += 1
                }
                apply(style)
                _ = mvwaddnwstr(window, Int32(y), Int32(start), text, Int32(text.count))
            }
        }
        shown = frame
        wnoutrefresh(window)
        guard changed, capabilities.synchronizedOutput else {
            doupdate()
            return
        }
        // doupdate ends by writing out ncurses' buffer, so the marks bracket exactly its output.
        writeToTerminal(SynchronizedOutput.begin)
        doupdate()
        writeToTerminal(SynchronizedOutput.end)
    }

    private func writeToTerminal(_ sequence: String) {
        var bytes = Array(sequence.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    /// Waits up to `timeoutMilliseconds` for a key or a resize; nil on timeout or when a
    /// signal interrupted the wait.
    /// Rings the bell (or flashes the screen where the terminal has no bell).
    public func ringBell() {
        beep()
    }

    public func readInput(timeoutMilliseconds: Int32) -> Input? {
        wtimeout(window, timeoutMilliseconds)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        switch result {
        case KEY_CODE_YES:
            if Int32(character) == KEY_RESIZE { return .resize(size) }
            if Int32(character) == KEY_MOUSE { return readMouse() }
            return KeyDecoder.functionKey(Int32(character)).map(Input.key)
        case OK:
            return KeyDecoder.character(UInt32(character)).map(Input.key)
        default:
            return nil
        }
    }

    /// The mouse event behind a KEY_MOUSE; nil for one the dashboard does not use.
    private func readMouse() -> Input? {
        var x: Int32 = 0, y: Int32 = 0
        let kinds: [Int32: MouseEvent.Kind] = [1: .press, 2: .release, 3: .wheelUp, 4: .wheelDown]
        return kinds[ecotop_read_mouse(&x, &y)].map { .mouse(MouseEvent($0, x: Int(x), y: Int(y))) }
    }

    // MARK: - Styles

    private func displayable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        capabilities.isUnicode || scalar.isASCII ? scalar : "?"
    }

    private func apply(_ style: Style) {
        var attributes = ecotop_attr_normal()
        if style.modifiers.contains(.bold) { attributes |= ecotop_attr_bold() }
        if style.modifiers.contains(.dim) { attributes |= ecotop_attr_dim() }
        if style.modifiers.contains(.italic) { attributes |= ecotop_attr_italic() }
        if style.modifiers.contains(.underline) { attributes |= ecotop_attr_underline() }
        if style.modifiers.contains(.reverse) { attributes |= ecotop_attr_reverse() }
        guard capabilities.hasColor else {
            // Without colour, a highlighted background (selection) shows as reverse video.
            if style.background != .default { attributes |= ecotop_attr_reverse() }
            _ = ecotop_set_attributes(window, attributes, 0)
            return
        }
        _ = ecotop_set_attributes(window, attributes, pair(for: style))
    }

    private func pair(for style: Style) -> Int32 {
        let key = ColorPairKey(foreground: number(for: style.foreground), background: number(for: style.background))
        if key.foreground == -1, key.background == -1 { return 0 }
        if let pair = colorPairs[key] { return pair }
        let next = Int32(colorPairs.count + 1)
        guard next < ecotop_color_pairs(), init_extended_pair(next, key.foreground, key.background) == OK else { return 0 }
        colorPairs[key] = next
        return next
    }

    private func number(for color: Color) -> Int32 {
        if let number = colorNumbers[color] { return number }
        let number = colorMapper.number(for: color)
        colorNumbers[color] = number
        return number
    }
}

/// Why the terminal could not be used.
public enum TerminalError: Error, CustomStringConvertible {
    /// ncurses could not start: no terminal description for TERM.
    case cannotInitialize(term: String?)
    /// Standard input or output is not a terminal (redirected to a file or a pipe, or no
    /// terminal at all, as under cron).
    case notATerminal
    /// The terminal type cannot move the cursor (TERM=dumb, a printing terminal).
    case cannotMoveTheCursor(term: String)

    /// Where to turn instead: the commands that need no terminal.
    static let alternatives = "for one frame as text or SVG use `ecotop screenshot`; for numbers in scripts, `ecotop query`"

    public var description: String {
        switch self {
        case let .cannotInitialize(term?):
            "cannot use the terminal: no terminal description for TERM=\(term) (try TERM=xterm-256color, or install ncurses-term)"
        case .cannotInitialize(term: nil):
            "cannot use the terminal: TERM is not set"
        case .notATerminal:
            "the dashboard needs an interactive terminal, and standard input or output is not one; " + Self.alternatives
        case .cannotMoveTheCursor(let term):
            "the terminal type '\(term)' cannot move the cursor, which the dashboard needs (try TERM=xterm-256color); "
                + Self.alternatives
        }
    }
}

extension String {
    fileprivate func replacingDash() -> String { filter { $0 != "-" } }
}
