import EcotopCore

/// One line of `ecotop doctor`: what was looked at, what was found, and what to do about it.
public struct DoctorFinding: Sendable, Hashable {
    /// How the thing looked at is doing.
    public enum Status: String, Sendable, Hashable, Comparable {
        case ok = "OK"
        case warn = "WARN"
        case fail = "FAIL"

        public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }

        private var rank: Int {
            switch self {
            case .ok: 0
            case .warn: 1
            case .fail: 2
            }
        }
    }

    public var status: Status
    /// What was looked at, e.g. `terminal colours` or `store lock`.
    public var subject: String
    /// What was found.
    public var detail: String
    /// What to do about it, in one line; nil when there is nothing to do.
    public var hint: String?

    public init(_ status: Status, _ subject: String, _ detail: String, hint: String? = nil) {
        self.status = status
        self.subject = subject
        self.detail = detail
        self.hint = hint
    }
}

/// The findings of `ecotop doctor` as text: one line each, `OK`/`WARN`/`FAIL` first, the hint
/// indented on the line below. Details and hints often quote files, plugins and servers, so
/// every line is sanitized: no control character or escape sequence reaches the terminal.
public enum DoctorReport {
    /// The findings as lines of text, in the order given.
    public static func render(_ findings: [DoctorFinding]) -> String {
        var lines: [String] = []
        for finding in findings {
            let status = finding.status.rawValue.padding(to: 5)
            lines.append(TerminalText.sanitize("\(status)\(finding.subject): \(finding.detail)"))
            if let hint = finding.hint { lines.append(TerminalText.sanitize("     hint: \(hint)")) }
        }
        return lines.joined(separator: "\n")
    }

    /// The closing line: how many findings of each status.
    public static func summary(_ findings: [DoctorFinding]) -> String {
        let count = { (status: DoctorFinding.Status) in findings.filter { $0.status == status }.count }
        return "\(count(.ok)) ok, \(count(.warn)) \(count(.warn) == 1 ? "warning" : "warnings"), \(count(.fail)) failed"
    }

    /// The worst status among the findings (`OK` when there are none).
    public static func worst(_ findings: [DoctorFinding]) -> DoctorFinding.Status {
        findings.map(\.status).max() ?? .ok
    }
}
