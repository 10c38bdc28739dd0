import CNcursesw
import EcotopApp

#if canImport(Glibc)
import Glibc
#endif

/// Reads what the terminal can do without taking it over, for `ecotop doctor`: the terminfo
/// entry of `TERM` (colours, mouse), the locale's character set and the window size. Works
/// when standard output is piped: the size then comes from standard error or input, if either
/// is a terminal.
public enum TerminalProbe {
    /// The facts of the terminal this process runs in, with `environment`'s `TERM`,
    /// `COLORTERM` and `NO_COLOR`.
    public static func facts(environment: [String: String]) -> TerminalFacts {
        setlocale(LC_ALL, "")
        let term = environment["TERM"]
        let hasTerminfo = term.map { !$0.isEmpty && ecotop_load_terminfo($0) != 0 } ?? false
        let colors = hasTerminfo ? Int(tigetnum("colors")) : -1
        return TerminalFacts(
            isTerminal: isatty(STDOUT_FILENO) == 1, term: term, hasTerminfo: hasTerminfo, colors: colors > 0 ? colors : nil,
            colorTerm: environment["COLORTERM"], noColor: !(environment["NO_COLOR"] ?? "").isEmpty,
            codeset: String(cString: ecotop_codeset()), size: windowSize(),
            hasMouse: hasTerminfo && ecotop_has_string_capability("kmous") != 0)
    }

    /// The size of the first of standard output, error and input that is a terminal.
    private static func windowSize() -> (width: Int, height: Int)? {
        var columns: Int32 = 0, rows: Int32 = 0
        for descriptor in [STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO] where ecotop_window_size(descriptor, &columns, &rows) != 0 {
            return (Int(columns), Int(rows))
        }
        return nil
    }
}
