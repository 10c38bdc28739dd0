import EcotopCore

extension AppModel {
    /// A key while an annotation is typed (opened from the palette): Enter records it with the
    /// text at the time on view, about what the palette named, Esc drops it; an empty text
    /// records nothing.
    mutating func editAnnotation(_ edit: TextEdit, annotating template: Annotation) -> [AppEffect] {
        guard let entry = textEntry else { return [] }
        switch edit {
        case .submit:
            textEntry = nil
            let text = entry.editor.trimmedText
            guard !text.isEmpty else {
                notice = "no text: nothing recorded"
                return []
            }
            var annotation = template
            (annotation.timestamp, annotation.text) = (now, text)
            return [.load(LoadRequest(.annotate(annotation), at: now))]
        case .cancel:
            textEntry = nil
        default:
            textEntry?.editor.apply(edit)
        }
        return []
    }

    /// What an annotation typed now concerns: the integration open in the errors drill-down or
    /// selected in the map's list, else the component selected on the map; nothing elsewhere.
    var annotationSubject: (component: String?, integration: String?) {
        switch topScreen {
        case .errors(let model)?:
            for level in model.levels.reversed() {
                if case .integration(let id) = level.kind { return (nil, id) }
            }
        case .map(let model)?:
            if model.isListFocused, let integration = model.selectedIntegration { return (nil, integration.id) }
            return (model.selectedComponent?.id, nil)
        default:
            break
        }
        return (nil, nil)
    }

    /// Says what came of the palette's writes: an annotation recorded (which the screens show
    /// from their next read) or a screen saved.
    mutating func receiveSave(_ result: LoadResult) {
        switch (result.request.kind, result.outcome) {
        case (.annotate, .failure(let failure)): notice = "annotation not recorded: \(failure)"
        case (.annotate(let annotation), _): notice = "recorded \(annotation.kind.rawValue): \(annotation.text)"
        case (.saveScreen, .failure(let failure)): notice = "screen not saved: \(failure)"
        case (.saveScreen, .success(.screenSaved(let path))): notice = "saved \(path)"
        default: break
        }
    }
}
