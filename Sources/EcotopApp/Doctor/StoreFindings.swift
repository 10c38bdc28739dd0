import EcotopCore
import EcotopStore

#if canImport(Glibc)
import Glibc
#endif

/// The store's findings for `ecotop doctor`: whether it is there and can be read and written,
/// who holds its writer lock, and what `ecotop store check` (`StoreCheck`) finds wrong in it.
public enum StoreFindings {
    /// How many of `store check`'s problems are quoted; the rest are counted.
    static let quotedProblems = 3

    /// Looks at the store of `layout`; changes nothing and takes no lock.
    public static func findings(layout: StoreLayout) -> [DoctorFinding] {
        let root = layout.root
        guard access(root, F_OK) == 0 else {
            return [DoctorFinding(
                .warn, "store", "\(root) does not exist yet",
                hint: "`ecotop collect` (or the dashboard with --config) creates it; `ecotop demo backfill` fills one with demo data")]
        }
        do {
            _ = try StoreReader(layout: layout)
        } catch {
            return [DoctorFinding(.fail, "store", "\(error)", hint: "fix what the message names, then `ecotop store check`")]
        }
        let writable = access(root, W_OK | X_OK) == 0
        var findings = [
            writable
                ? DoctorFinding(.ok, "store", "\(root) can be read and written")
                : DoctorFinding(
                    .warn, "store", "\(root) can be read but not written by this user: collectors cannot store what they read",
                    hint: "run as the store's owner or give it write permission (chmod u+w)"),
        ]
        let writer = StoreCheck.activeWriter(layout: layout)
        findings.append(DoctorFinding(
            .ok, "store lock",
            writer.map { "process \($0) holds the writer lock (collectors or a dashboard are writing)" } ?? "no writer holds the lock"))
        findings.append(damage(layout: layout, writing: writer != nil))
        return findings
    }

    /// `store check`'s verdict. While a writer appends, the newest data may differ by what is in
    /// flight, so problems are then a warning to check again rather than a failure.
    private static func damage(layout: StoreLayout, writing: Bool) -> DoctorFinding {
        let problems: [StoreProblem]
        do {
            problems = try StoreCheck.run(layout: layout)
        } catch {
            return DoctorFinding(.fail, "store check", "\(error)", hint: "fix what the message names, then `ecotop store check`")
        }
        guard !problems.isEmpty else { return DoctorFinding(.ok, "store check", "no damage found") }
        let quoted = problems.prefix(quotedProblems).map(\.description).joined(separator: "; ")
        let more = problems.count > quotedProblems ? "; and \(problems.count - quotedProblems) more" : ""
        return writing
            ? DoctorFinding(
                .warn, "store check", "\(counted(problems.count, "problem")) while a writer appends: \(quoted)\(more)",
                hint: "run `ecotop store check` once the writer has stopped")
            : DoctorFinding(
                .fail, "store check", "\(counted(problems.count, "problem")): \(quoted)\(more)",
                hint: "`ecotop store repair` moves damaged lines to quarantine/ and rebuilds rollups")
    }
}
