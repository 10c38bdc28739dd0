import EcotopApp

/// Turns a key press into what it means for the model: a command through the key map, or,
/// while a line of text is typed, an edit of that text, so that no key is a command then.
public enum KeyInput {
    /// The action of `key` for `model` as it is now; nil for a key that means nothing.
    public static func action(for key: Key, in model: AppModel, keyMap: KeyMap) -> AppAction? {
        guard model.isEditingText else {
            let command = keyMap.command(for: key, on: model.screenKind)
            if command == .openPalette { return .openPalette(keyed: PaletteEntry.all(in: keyMap, on: model.screenKind)) }
            return command.map(AppAction.command)
        }
        return edit(for: key).map(AppAction.edit)
    }

    /// The edit a key makes to a line of text.
    static func edit(for key: Key) -> TextEdit? {
        switch key {
        case .character(let character): .insert(character)
        case .backspace, .control("h"): .backspace
        case .left, .control("b"): .left
        case .right, .control("f"): .right
        case .home, .control("a"): .home
        case .end, .control("e"): .end
        case .control("d"): .delete
        case .control("w"): .deleteWord
        case .control("u"): .clear
        case .up, .control("p"): .previousChoice
        case .down, .control("n"): .nextChoice
        case .enter: .submit
        case .escape, .control("c"), .control("g"): .cancel
        default: nil
        }
    }
}

extension AppModel {
    /// Starts the model and types `keys` one by one, each read answered before the next key,
    /// as `ecotop screenshot --keys` and the frame tests do.
    public mutating func start(typing keys: [Key], after actions: [AppAction] = [], keyMap: KeyMap, at time: Double, loader: DataLoader) {
        start(applying: actions, at: time, loader: loader)
        for key in keys {
            guard let action = KeyInput.action(for: key, in: self, keyMap: keyMap) else { continue }
            run([action], at: time, loader: loader)
        }
    }
}
