/// The command palette as it is typed: what it offers, the query, the entries that match it
/// (best first, as `PaletteMatcher.rank` orders them) and the one selected, which Enter runs.
public struct PaletteModel: Sendable, Hashable {
    /// Everything the palette offers, in the order an empty query lists it before recent use.
    public let entries: [PaletteEntry]
    /// The actions used from the palette, most recent first.
    public let recent: [String]
    /// The query as typed.
    public private(set) var editor = LineEditor()
    /// The entries matching the query, best first.
    public private(set) var matches: [PaletteEntry]
    /// The position of the selected entry in `matches`.
    public private(set) var selection = 0

    /// A palette offering `entries`, the `recent` ones (most recent first) listed first.
    public init(entries: [PaletteEntry], recent: [String]) {
        self.entries = entries
        self.recent = recent
        matches = PaletteMatcher.rank(entries, query: "", recent: recent)
    }

    /// The entry Enter runs; nil when nothing matches.
    public var selected: PaletteEntry? {
        matches.indices.contains(selection) ? matches[selection] : nil
    }

    /// A key while the palette is open, other than Enter and Esc: Up and Down move the
    /// selection (wrapping around), a click chooses a match; anything else edits the query,
    /// and the matches follow it with the best one selected.
    mutating func apply(_ edit: TextEdit) {
        switch edit {
        case .choose(let position):
            if matches.indices.contains(position) { selection = position }
        case .previousChoice, .nextChoice:
            guard !matches.isEmpty else { return }
            selection = (selection + (edit == .nextChoice ? 1 : -1) + matches.count) % matches.count
        default:
            let query = editor.text
            editor.apply(edit)
            guard editor.text != query else { return }
            matches = PaletteMatcher.rank(entries, query: editor.text, recent: recent)
            selection = 0
        }
    }
}
