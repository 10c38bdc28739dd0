import EcotopCore

extension AppModel {
    /// A key while an annotation is typed (opened from the palette): Enter records it at the
    /// time on view, Esc drops it; an empty text records nothing.
    mutating func editAnnotation(_ edit: TextEdit, kind: Annotation.Kind) -> [AppEffect] {
        guard let entry = textEntry else { return [] }
        switch edit {
        case .submit:
            textEntry = nil
            let text = entry.editor.trimmedText
            guard !text.isEmpty else {
                notice = "no text: nothing recorded"
                return []
            }
            let subject = annotationSubject
            let annotation = Annotation(timestamp: now, kind: kind, text: text, component: subject.component, integration: subject.integration)
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

    /// Says what came of recording an annotation; the screens show it from their next read.
    mutating func receiveAnnotation(_ result: LoadResult) {
        guard case .annotate(let annotation) = result.request.kind else { return }
        switch result.outcome {
        case .failure(let failure): notice = "annotation not recorded: \(failure)"
        default: notice = "recorded \(annotation.kind.rawValue): \(annotation.text)"
        }
    }
}
