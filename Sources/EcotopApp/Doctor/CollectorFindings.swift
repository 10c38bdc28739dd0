import EcotopCollectors
import EcotopCore

/// The collectors' findings for `ecotop doctor`: each collector's health after one run, as
/// `ecotop collectors` (`CollectorScheduler.runOnce`, `CollectorHealthTable`) reports it.
public enum CollectorFindings {
    /// One finding per collector; one warning when none is configured.
    public static func findings(_ health: [CollectorHealth]) -> [DoctorFinding] {
        guard !health.isEmpty else {
            return [DoctorFinding(
                .warn, "collectors", "none configured: nothing feeds the store",
                hint: "add a collectors: section (docs/collectors.md); `ecotop init` writes a starter")]
        }
        return health.map(finding)
    }

    private static func finding(_ entry: CollectorHealth) -> DoctorFinding {
        let subject = "collector \(entry.name)"
        switch entry.status {
        case .pending:
            return DoctorFinding(.warn, subject, "\(entry.type): did not finish a run", hint: "`ecotop collectors` runs it alone")
        case .failing:
            return DoctorFinding(
                .fail, subject, "\(entry.type): failed: \(entry.lastError ?? "no reason given")",
                hint: "`ecotop collectors` shows its rejected lines; docs/collectors.md and docs/plugins.md the contract")
        case .ok where entry.recordsBad > 0:
            return DoctorFinding(
                .warn, subject,
                "\(entry.type): \(counted(entry.recordsOK, "record")) read, \(entry.recordsBad) rejected: \(entry.problems.first ?? "")",
                hint: "`ecotop collectors` lists every rejected line with why")
        case .ok:
            return DoctorFinding(.ok, subject, "\(entry.type): \(counted(entry.recordsOK, "record")) read")
        }
    }
}
