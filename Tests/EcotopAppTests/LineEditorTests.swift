import EcotopApp
import Testing

@Suite struct LineEditorTests {
    func edited(_ text: String, _ edits: [TextEdit]) -> LineEditor {
        var editor = LineEditor(text)
        for edit in edits { editor.apply(edit) }
        return editor
    }

    @Test func insertsAtTheCursorAndMovesIt() {
        let editor = edited("stripe", [.home, .insert("!"), .end, .insert("s")])
        #expect(editor.text == "!stripes")
        #expect(editor.cursor == 8)
    }

    @Test func backspaceAndDeleteStopAtTheEnds() {
        #expect(edited("ab", [.backspace, .backspace, .backspace]).text == "")
        #expect(edited("ab", [.delete]).text == "ab")
        #expect(edited("ab", [.home, .delete]).text == "b")
    }

    @Test func controlWDeletesTheWordBeforeTheCursorAsReadlineDoes() {
        #expect(edited("storefront stripe  ", [.deleteWord]).text == "storefront ")
        #expect(edited("storefront stripe", [.left, .left, .deleteWord]).text == "storefront pe")
        #expect(edited("one two", [.clear]).text == "")
    }

    @Test func editsWholeCharactersOfUTF8Text() {
        let editor = edited("café→", [.backspace, .backspace, .insert("e")])
        #expect(editor.text == "cafe")
        #expect(edited("👩‍💻x", [.left, .backspace]).text == "x")
    }
}
