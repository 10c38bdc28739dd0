extension AppModel {
    /// Opens a review as the only screen: `ecotop review` starts the dashboard this way, and
    /// then finishing the review leaves Ecotop.
    public mutating func openReview(_ start: ReviewModel.Start, exitsOnFinish: Bool) {
        screens = [.review(ReviewModel(start: start, exitsOnFinish: exitsOnFinish))]
    }

    /// Keys on the review screen: moves, decisions (each moves on to the next item), the
    /// comment and owner editors, and finishing. Every change is saved at once. Nil for the
    /// keys every screen shares, and when the review is not on view.
    mutating func performOnReview(_ command: Command, at time: Double) -> [AppEffect]? {
        guard case .review(var model)? = topScreen, case .review(let key) = command else { return nil }
        guard var session = model.session else { return [] }
        switch key {
        case .next, .previous:
            guard session.move(by: key == .next ? 1 : -1) else {
                notice = key == .next ? "last item" : "first item"
                return []
            }
            _ = session.markShown(at: time)
        case .decide(let decision):
            session.updateCurrent { $0.decision = decision }
            notice = decision.rawValue
            if session.move(by: 1) { _ = session.markShown(at: time) }
        case .scorecards:
            model.showsScorecards.toggle()
            screens[screens.count - 1] = .review(model)
            return []
        case .comment:
            textEntry = TextEntry(.comment, text: session.current?.comment ?? "")
            return []
        case .owner:
            textEntry = TextEntry(.owner, text: session.current?.owner ?? "")
            return []
        case .finish:
            session.finished = time
            model.session = session
            if model.exitsOnFinish {
                // Ecotop ends once the save is done (`receiveReview`), so it is not dropped.
                screens[screens.count - 1] = .review(model)
                notice = "finishing the review"
                return [save(session)]
            }
            screens.removeLast()
            notice = "review \(session.id) finished"
            return [save(session)] + reload()
        }
        model.session = session
        model.showsScorecards = false
        screens[screens.count - 1] = .review(model)
        return [save(session)]
    }

    /// A key while a review comment or owner is typed: Enter keeps it on the item on screen
    /// (empty text removes it) and saves, Esc drops it.
    mutating func editReviewText(_ edit: TextEdit, at time: Double) -> [AppEffect] {
        guard let entry = textEntry else { return [] }
        switch edit {
        case .submit:
            textEntry = nil
            guard case .review(var model)? = topScreen, var session = model.session else { return [] }
            let text = entry.editor.trimmedText
            session.updateCurrent { current in
                switch entry.purpose {
                case .comment: current.comment = text.isEmpty ? nil : text
                case .owner: current.owner = text.isEmpty ? nil : text
                case .filter, .annotation: break
                }
            }
            model.session = session
            screens[screens.count - 1] = .review(model)
            return [save(session)]
        case .cancel:
            textEntry = nil
        default:
            textEntry?.editor.apply(edit)
        }
        return []
    }

    /// Takes in a review read or save: a session arriving is shown at its item (a resumed one
    /// says so) and saved (a new one exists on disk from then on); a failed save is shown until a save succeeds; a
    /// finished review of `ecotop review` ends Ecotop once saved.
    mutating func receiveReview(_ result: LoadResult, at time: Double) -> [AppEffect] {
        switch (result.request.kind, result.outcome) {
        case let (.review(start), outcome):
            guard case .review(var model)? = topScreen, model.start == start, model.session == nil else { return [] }
            switch outcome {
            case .success(.review(var session)):
                model.isResumed = session.wasShown
                if model.isResumed {
                    notice = "resumed review \(session.id) at item \(session.position + 1); `ecotop review --new` starts a fresh one"
                }
                _ = session.markShown(at: time)
                model.session = session
                model.error = nil
                screens[screens.count - 1] = .review(model)
                return [save(session)]
            case .failure(let failure):
                model.error = failure
                screens[screens.count - 1] = .review(model)
            default:
                break
            }
        case let (.saveReview(saved), outcome):
            let failure: String? = if case .failure(let error) = outcome { "review not saved: \(error)" } else { nil }
            if let failure { notice = failure }
            guard case .review(var model)? = topScreen, model.session?.id == saved.id else { return [] }
            model.saveError = failure
            screens[screens.count - 1] = .review(model)
            if failure == nil, saved.isFinished, model.exitsOnFinish { return [.quit] }
        default:
            break
        }
        return []
    }

    private func save(_ session: ReviewSession) -> AppEffect {
        .load(LoadRequest(.saveReview(session), at: now))
    }
}
