import EcotopCore

/// A line of text being typed and what it is for: the `/` filter of the list on view, the
/// comment (`c`) or owner (`o`) of the review item on screen, or an annotation from the
/// palette. One editor serves them all.
public struct TextEntry: Sendable, Hashable {
    /// What the text becomes on Enter.
    public enum Purpose: Sendable, Hashable {
        case filter, comment, owner
        /// The text of this annotation: its kind and subject are chosen, its text and time not.
        case annotation(Annotation)

        /// What the footer shows before the text.
        public var prompt: String {
            switch self {
            case .filter: "/"
            case .comment: "comment: "
            case .owner: "owner: "
            case .annotation(let annotation): "\(annotation.kind.rawValue): "
            }
        }
    }

    public var purpose: Purpose
    public var editor: LineEditor

    public init(_ purpose: Purpose, text: String = "") {
        self.purpose = purpose
        editor = LineEditor(text)
    }
}
