import EcotopApp
import EcotopCore

/// A line being typed after its prompt (`/stripe`, `comment: ...`, the palette's query), with
/// a block cursor, the end of the text kept in view.
struct EditorLine: Widget {
    let prompt: String
    let editor: LineEditor
    let promptStyle: Style
    let textStyle: Style

    func render(in area: Rect, buffer: inout FrameBuffer) {
        guard !area.isEmpty else { return }
        let cursorStyle = textStyle.adding(.reverse)
        let characters = editor.characters.map { TerminalText.sanitize(String($0)) }
        let room = max(1, area.width - 1 - prompt.terminalWidth)
        let start = max(0, editor.cursor - room + 1)
        var x = buffer.write(prompt, x: area.x, y: area.y, style: promptStyle, limit: area.maxX)
        for (index, character) in characters.enumerated().dropFirst(start) where x < area.maxX - 1 {
            x = buffer.write(character, x: x, y: area.y, style: index == editor.cursor ? cursorStyle : textStyle, limit: area.maxX)
        }
        if editor.cursor == characters.count { buffer.write(" ", x: x, y: area.y, style: cursorStyle, limit: area.maxX) }
    }
}
