/// A line of text being typed and what it is for: the `/` filter of the list on view, or the
/// comment (`c`) or owner (`o`) of the review item on screen. One editor serves all three.
public struct TextEntry: Sendable, Hashable {
    /// What the text becomes on Enter.
    public enum Purpose: Sendable, Hashable {
        case filter, comment, owner

        /// What the footer shows before the text.
        public var prompt: String {
            switch self {
            case .filter: "/"
            case .comment: "comment: "
            case .owner: "owner: "
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
