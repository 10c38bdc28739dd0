/// What `ecotop doctor` learns about the terminal it runs in, as plain values: from the
/// environment (`TERM`, `COLORTERM`, `NO_COLOR`), the locale, the terminfo entry and the
/// window size. EcotopTerminal's `TerminalProbe` reads them; this turns them into findings.
public struct TerminalFacts: Sendable {
    /// Whether standard output is a terminal (false when piped or redirected).
    public var isTerminal: Bool
    /// `TERM`, if set.
    public var term: String?
    /// Whether terminfo has an entry for `term`.
    public var hasTerminfo: Bool
    /// The terminfo `colors` capability; nil without an entry or without colours.
    public var colors: Int?
    /// `COLORTERM`, if set (`truecolor` or `24bit` announce 24-bit colour).
    public var colorTerm: String?
    /// Whether `NO_COLOR` is set to a non-empty value (https://no-color.org).
    public var noColor: Bool
    /// The locale's character set after `setlocale(LC_ALL, "")`, e.g. `UTF-8`.
    public var codeset: String
    /// The window's size in columns and rows; nil when no terminal is attached.
    public var size: (width: Int, height: Int)?
    /// Whether terminfo describes mouse input (`kmous`).
    public var hasMouse: Bool

    public init(
        isTerminal: Bool, term: String?, hasTerminfo: Bool, colors: Int?, colorTerm: String?, noColor: Bool, codeset: String,
        size: (width: Int, height: Int)?, hasMouse: Bool
    ) {
        self.isTerminal = isTerminal
        self.term = term
        self.hasTerminfo = hasTerminfo
        self.colors = colors
        self.colorTerm = colorTerm
        self.noColor = noColor
        self.codeset = codeset
        self.size = size
        self.hasMouse = hasMouse
    }
}

extension TerminalFacts {
    /// The terminal's findings: the connection, `TERM`, colours, UTF-8, size and mouse.
    ///
    /// - Parameter minimumSize: the smallest window the dashboard draws in.
    public func findings(minimumSize: (width: Int, height: Int)) -> [DoctorFinding] {
        [connection, termEntry, colours, characterSet, windowSize(minimum: minimumSize), mouse]
    }

    /// Not being on a terminal is no failure of doctor's, but the dashboard needs one.
    private var connection: DoctorFinding {
        isTerminal
            ? DoctorFinding(.ok, "terminal", "standard output is a terminal")
            : DoctorFinding(
                .warn, "terminal", "standard output is not a terminal (piped or redirected): the lines below describe TERM, not a screen",
                hint: "run `ecotop doctor` without a pipe in the terminal the dashboard will use")
    }

    /// Without a terminfo entry the dashboard cannot start; when doctor is piped that is a warning only.
    private var termEntry: DoctorFinding {
        let missing: DoctorFinding.Status = isTerminal ? .fail : .warn
        guard let term, !term.isEmpty else {
            return DoctorFinding(missing, "TERM", "not set", hint: "set TERM to your terminal's type, e.g. TERM=xterm-256color")
        }
        guard hasTerminfo else {
            return DoctorFinding(
                missing, "TERM", "no terminfo entry for '\(term)'",
                hint: "install the entry (Debian: ncurses-term) or set TERM=xterm-256color")
        }
        return DoctorFinding(.ok, "TERM", term)
    }

    /// The colours the dashboard draws with here: the one decision `TerminalScreen` makes too.
    public var colorDepth: ColorDepth { ColorDepth(noColor: noColor, terminalColors: colors ?? 0) }

    private var colours: DoctorFinding {
        let announcesTruecolor = colorTerm.map { ["truecolor", "24bit"].contains($0.lowercased()) } ?? false
        switch colorDepth {
        case .none where noColor:
            return DoctorFinding(.ok, "colours", "none: NO_COLOR is set (selection and focus are shown by reverse video and bold)")
        case .none:
            return DoctorFinding(
                .warn, "colours", "none (terminfo has no colours for this TERM)",
                hint: "use a TERM with colours, e.g. xterm-256color; NO_COLOR=1 says no colour on purpose")
        case .eight, .sixteen:
            return DoctorFinding(
                .warn, "colours", "\(colorDepth) (terminfo): themes are drawn in their nearest ANSI colours",
                hint: "if the terminal can do more, set TERM=xterm-256color")
        case .palette256 where announcesTruecolor:
            return DoctorFinding(
                .ok, "colours", "256 colours (terminfo); COLORTERM=\(colorTerm ?? "") needs a direct-colour TERM to reach 24-bit",
                hint: "for 24-bit colour set TERM=xterm-direct (Debian: ncurses-term)")
        case .palette256, .truecolor:
            return DoctorFinding(.ok, "colours", "\(colorDepth) (terminfo)")
        }
    }

    private var characterSet: DoctorFinding {
        let normalized = codeset.uppercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "UTF8"
            ? DoctorFinding(.ok, "UTF-8", "locale character set \(codeset)")
            : DoctorFinding(
                .warn, "UTF-8", "locale character set \(codeset.isEmpty ? "unknown" : codeset): lines and charts are drawn in ASCII",
                hint: "set LANG=C.UTF-8 (or another UTF-8 locale) in the shell")
    }

    private func windowSize(minimum: (width: Int, height: Int)) -> DoctorFinding {
        guard let size else {
            return DoctorFinding(.warn, "size", "unknown: no terminal attached", hint: "run `ecotop doctor` in a terminal")
        }
        guard size.width >= minimum.width, size.height >= minimum.height else {
            return DoctorFinding(
                .warn, "size", "\(size.width)x\(size.height), smaller than the dashboard's \(minimum.width)x\(minimum.height)",
                hint: "enlarge the window or make the font smaller")
        }
        return DoctorFinding(.ok, "size", "\(size.width)x\(size.height)")
    }

    private var mouse: DoctorFinding {
        hasMouse
            ? DoctorFinding(.ok, "mouse", "terminfo describes mouse input (kmous)")
            : DoctorFinding(
                .warn, "mouse", "terminfo for \(term ?? "this TERM") has no mouse input (kmous)",
                hint: "the keyboard does everything; for the mouse use a TERM such as xterm-256color")
    }
}
