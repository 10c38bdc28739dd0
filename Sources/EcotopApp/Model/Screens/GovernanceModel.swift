import EcotopCore
import EcotopEngine

/// The governance screen: freshness per source, the sources of truth, the owners and the
/// range's annotations, over one report read per refresh. The annotations are the screen's
/// list: ↑↓ select, `/` filters and `s` sorts it.
public struct GovernanceModel: Sendable {
    public var report: GovernanceReport?
    public var error: LoadFailure?
    /// The annotations list's selection, filter and order.
    public var annotations = ListState()

    public init() {}

    /// The annotations on view: those the filter keeps, in the chosen order.
    public func visibleAnnotations(of report: GovernanceReport) -> [Annotation] {
        annotations.visible(report.annotations, as: Self.annotationList)
    }

    mutating func receive(_ report: GovernanceReport) {
        self.report = report
        error = nil
    }

    /// Moves the annotation selection.
    mutating func moveSelection(by step: Int) {
        guard let report else { return }
        annotations.moveSelection(by: step, in: visibleAnnotations(of: report), as: Self.annotationList)
    }

    /// Selects the annotation at position `row` on view.
    mutating func selectRow(_ row: Int) {
        guard let report else { return }
        annotations.selectRow(row, in: visibleAnnotations(of: report), as: Self.annotationList)
    }

    /// The annotations list: newest first, or by kind, component.
    public static let annotationList = ListDescription<Annotation>(
        id: { "\($0.timestamp)\u{1F}\($0.text)" },
        text: { [$0.kind.rawValue, $0.component ?? "", $0.integration ?? "", $0.text].joined(separator: " ") },
        sorts: [
            ListSort("newest"),
            .ascending("kind") { $0.kind.rawValue },
            .ascending("component") { $0.component ?? "\u{10FFFF}" },
        ])
}
