extension AppModel {
    /// The list state of the list on view, when the screen on top shows one that `/` and `s`
    /// apply to.
    public var topList: ListState? {
        switch topScreen {
        case nil: dashboard.list
        case .errors(let model)? where model.top.hasList: model.top.list
        case .map(let model)? where model.isListFocused: model.list
        case .governance(let model)?: model.annotations
        case .collectors(let model)?: model.list
        case .alerts(let model)?: model.list
        default: nil
        }
    }

    /// Changes the list state of the list on view; false when there is none.
    @discardableResult
    mutating func updateTopList(_ change: (inout ListState) -> Void) -> Bool {
        switch topScreen {
        case nil:
            change(&dashboard.list)
        case .errors(var model)? where model.top.hasList:
            model.updateTop { change(&$0.list) }
            screens[screens.count - 1] = .errors(model)
        case .map(var model)? where model.isListFocused:
            change(&model.list)
            screens[screens.count - 1] = .map(model)
        case .governance(var model)?:
            change(&model.annotations)
            screens[screens.count - 1] = .governance(model)
        case .collectors(var model)?:
            change(&model.list)
            screens[screens.count - 1] = .collectors(model)
        case .alerts(var model)?:
            change(&model.list)
            screens[screens.count - 1] = .alerts(model)
        default:
            return false
        }
        return true
    }

    /// Selects row `row` of the list of the screen on top, in its order on view (a click).
    mutating func selectRowOnScreen(_ row: Int) {
        switch topScreen {
        case .errors(var model)?:
            guard let report = model.report else { return }
            model.updateTop { $0.selectRow(row, in: report) }
            screens[screens.count - 1] = .errors(model)
        case .governance(var model)?:
            model.selectRow(row)
            screens[screens.count - 1] = .governance(model)
        case .alerts(var model)?:
            model.selectRow(row)
            screens[screens.count - 1] = .alerts(model)
        default:
            break
        }
    }

    /// `/`: starts typing a filter for the list on view, from the last one typed.
    mutating func startFilter() {
        guard topList != nil else {
            notice = "nothing to filter here"
            return
        }
        let recalled = ListFilter(lastFilter)
        textEntry = TextEntry(.filter, text: recalled.text)
        updateTopList { $0.filter = recalled }
    }

    /// A key while the filter is typed: the list follows the text as it changes; Enter keeps
    /// it, Esc drops it.
    mutating func editFilter(_ edit: TextEdit) {
        guard var editor = filterEditor else { return }
        switch edit {
        case .submit:
            textEntry = nil
            lastFilter = editor.text
            if let problem = ListFilter(editor.text).problem { notice = problem }
        case .cancel:
            textEntry = nil
            updateTopList { $0.filter = ListFilter("") }
        default:
            editor.apply(edit)
            textEntry?.editor = editor
            updateTopList { $0.filter = ListFilter(editor.text) }
        }
    }

    /// Filters the list on view by `text` as if it were typed after `/` (empty clears it).
    mutating func applyFilter(_ text: String) {
        guard topList != nil else {
            notice = "nothing to filter here"
            return
        }
        if !text.isEmpty { lastFilter = text }
        let filter = ListFilter(text)
        updateTopList { $0.filter = filter }
        if let problem = filter.problem { notice = problem }
    }

    /// Esc on a filtered list clears its filter; false when there was none to clear.
    mutating func clearFilter() -> Bool {
        guard let list = topList, !list.filter.isEmpty else { return false }
        return updateTopList { $0.filter = ListFilter("") }
    }

    /// `s`: the next order of the list on view.
    mutating func cycleSort() {
        switch topScreen {
        case .errors(var model)? where model.top.hasList:
            model.updateTop { $0.cycleSort() }
            screens[screens.count - 1] = .errors(model)
        case .map(let model)? where model.isListFocused:
            updateTopList { $0.cycleSort(of: ErrorsLists.integrations) }
        case .governance:
            updateTopList { $0.cycleSort(of: GovernanceModel.annotationList) }
        case .alerts:
            updateTopList { $0.cycleSort(of: AlertsModel.alertList) }
        default:
            notice = "nothing to sort here"
        }
    }
}
