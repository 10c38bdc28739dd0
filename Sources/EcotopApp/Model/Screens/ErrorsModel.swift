import EcotopEngine

/// Integration health and the range's error groups. The selection follows the group (its
/// fingerprint), not the row number, across reloads and range changes.
public struct ErrorsModel: Sendable {
    public var report: IntegrationErrorsReport?
    public var error: LoadFailure?
    /// The fingerprint id of the selected group; the first group when absent.
    public var selectedGroup: String?

    public init() {}

    /// The row of the selected group in the report.
    public var selectedRow: Int {
        guard let report else { return 0 }
        return report.fingerprints.firstIndex { $0.id == selectedGroup } ?? 0
    }

    mutating func moveSelection(by step: Int) {
        guard let groups = report?.fingerprints, !groups.isEmpty else { return }
        selectedGroup = groups[min(max(0, selectedRow + step), groups.count - 1)].id
    }

    mutating func receive(_ report: IntegrationErrorsReport) {
        let selected = selectedGroup ?? self.report.flatMap { $0.fingerprints.first?.id }
        self.report = report
        selectedGroup = report.fingerprints.contains { $0.id == selected } ? selected : nil
        error = nil
    }
}
