extension AppModel {
    /// The list state of the list on view, when the screen on top shows one that `/` and `s`
    /// apply to.
    public var topList: ListState? {
        if case .map(let model)? = topScreen { return model.isListFocused ? model.list : nil }
        guard case .errors(let model)? = topScreen, model.top.hasList else { return nil }
        return model.top.list
    }

    /// Changes the list state of the list on view; false when there is none.
    @discardableResult
    mutating func updateTopList(_ change: (inout ListState) -> Void) -> Bool {
        if case .map(var model)? = topScreen, model.isListFocused {
            change(&model.list)
            screens[screens.count - 1] = .map(model)
            return true
        }
        guard case .errors(var model)? = topScreen, model.top.hasList else { return false }
        model.updateTop { change(&$0.list) }
        screens[screens.count - 1] = .errors(model)
        return true
    }

    /// `/`: starts typing a filter for the list on view, from the last one typed.
    mutating func startFilter() {
        guard topList != nil else {
            notice = "nothing to filter here"
            return
        }
        let recalled = ListFilter(lastFilter)
        filterEditor = LineEditor(recalled.text)
        updateTopList { $0.filter = recalled }
    }

    /// A key while the filter is typed: the list follows the text as it changes; Enter keeps
    /// it, Esc drops it.
    mutating func editFilter(_ edit: TextEdit) {
        guard var editor = filterEditor else { return }
        switch edit {
        case .submit:
            filterEditor = nil
            lastFilter = editor.text
            if let problem = ListFilter(editor.text).problem { notice = problem }
        case .cancel:
            filterEditor = nil
            updateTopList { $0.filter = ListFilter("") }
        default:
            editor.apply(edit)
            filterEditor = editor
            updateTopList { $0.filter = ListFilter(editor.text) }
        }
    }

    /// Esc on a filtered list clears its filter; false when there was none to clear.
    mutating func clearFilter() -> Bool {
        guard let list = topList, !list.filter.isEmpty else { return false }
        return updateTopList { $0.filter = ListFilter("") }
    }

    /// `s`: the next order of the list on view.
    mutating func cycleSort() {
        if case .map? = topScreen, updateTopList({ $0.cycleSort(of: ErrorsLists.integrations) }) { return }
        guard case .errors(var model)? = topScreen, model.top.hasList else {
            notice = "nothing to sort here"
            return
        }
        model.updateTop { $0.cycleSort() }
        screens[screens.count - 1] = .errors(model)
    }
}
