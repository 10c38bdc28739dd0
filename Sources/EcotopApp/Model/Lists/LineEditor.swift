/// One line of text being typed, with a cursor: the `/` filter now, comments later. Works on
/// characters (grapheme clusters), so UTF-8 text edits as the user sees it.
public struct LineEditor: Sendable, Hashable {
    public private(set) var characters: [Character]
    /// The cursor's position: the index of the character it stands before.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// The text without the spaces around it, as Enter keeps a comment or an annotation.
    public var trimmedText: String {
        String(characters.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// Applies one editing key. Submit and cancel change nothing here: the owner of the
    /// editor handles them.
    public mutating func apply(_ edit: TextEdit) {
        switch edit {
        case .insert(let character):
            characters.insert(character, at: cursor)
            cursor += 1
        case .backspace where cursor > 0:
            cursor -= 1
            characters.remove(at: cursor)
        case .delete where cursor < characters.count:
            characters.remove(at: cursor)
        case .left:
            cursor = max(0, cursor - 1)
        case .right:
            cursor = min(characters.count, cursor + 1)
        case .home:
            cursor = 0
        case .end:
            cursor = characters.count
        case .deleteWord:
            // As readline's Ctrl-W: the spaces before the cursor, then the word before them.
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .clear:
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .backspace, .delete, .submit, .cancel, .previousChoice, .nextChoice, .choose:
            break
        }
    }
}

/// A key while a line of text is being typed; the terminal loop turns key presses into these.
public enum TextEdit: Hashable, Sendable {
    case insert(Character)
    case backspace, delete
    case left, right, home, end
    /// Ctrl-W: delete the word before the cursor.
    case deleteWord
    /// Ctrl-U: delete everything before the cursor.
    case clear
    /// Enter: keep the text.
    case submit
    /// Esc: drop the text.
    case cancel
    /// Up or Ctrl-P: the choice above, where the text picks from a list (the palette).
    case previousChoice
    /// Down or Ctrl-N: the choice below.
    case nextChoice
    /// A click on the choice at this position.
    case choose(Int)
}
