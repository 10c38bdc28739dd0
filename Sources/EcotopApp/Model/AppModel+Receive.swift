import EcotopCore

extension AppModel {
    /// Takes in a finished load: the session's status always, the data where the screen that
    /// asked for it is still open and the range still the one asked for.
    mutating func receive(_ result: LoadResult) {
        receive(result.status)
        let request = result.request
        // A paused frame keeps its values: only reads asked for while paused (a range or a
        // screen the user chose) are taken in, not those that were in flight at the pause.
        if let pausedAt, request.time < pausedAt { return }
        switch (request.kind, result.outcome) {
        case let (.dashboard(range, _), .success(.dashboard(snapshot, health))) where range == self.range:
            dashboard.receive(snapshot, integrationHealth: health)
        case let (.dashboard(range, _), .failure(failure)) where range == self.range:
            dashboard.error = failure
        case let (.metric(id, range, _), outcome) where range == self.range:
            updateTop { screen in
                guard case .detail(var model) = screen, model.metric == id else { return }
                switch outcome {
                case .success(.metric(let summary)): model.summary = summary; model.error = nil
                case .failure(let failure): model.error = failure
                default: return
                }
                screen = .detail(model)
            }
        case let (.breakdown(id, label, range, _), outcome) where range == self.range:
            updateTop { screen in
                guard case .detail(var model) = screen, model.metric == id, model.split == label else { return }
                switch outcome {
                case .success(.breakdown(let breakdown)): model.breakdown = breakdown
                case .failure(let failure): model.error = failure
                default: return
                }
                screen = .detail(model)
            }
        case let (.errors(range), outcome) where range == self.range:
            updateTop { screen in
                guard case .errors(var model) = screen else { return }
                switch outcome {
                case .success(.errors(let report)): model.receive(report)
                case .failure(let failure): model.error = failure
                default: return
                }
                screen = .errors(model)
            }
        case let (.map(range), outcome) where range == self.range:
            updateTop { screen in
                guard case .map(var model) = screen else { return }
                switch outcome {
                case .success(.map(let map)): model.receive(map)
                case .failure(let failure): model.error = failure
                default: return
                }
                screen = .map(model)
            }
        case let (.governance(range), outcome) where range == self.range:
            updateTop { screen in
                guard case .governance(var model) = screen else { return }
                switch outcome {
                case .success(.governance(let report)): model.receive(report)
                case .failure(let failure): model.error = failure
                default: return
                }
                screen = .governance(model)
            }
        case (.alerts, let outcome), (.changeAlert, let outcome):
            updateTop { screen in
                guard case .alerts(var model) = screen else { return }
                switch outcome {
                case .success(.alerts(let read)): model.receive(read)
                case .failure(let failure): model.error = failure
                default: return
                }
                screen = .alerts(model)
            }
            if case .success(.alerts(let read)) = result.outcome, let message = read.message { notice = message }
        case let (.freshness, outcome):
            updateTop { screen in
                guard case .collectors(var model) = screen else { return }
                switch outcome {
                case .success(.freshness(let freshness)): model.freshness = freshness; model.error = nil
                case .failure(let failure): model.error = failure
                default: return
                }
                screen = .collectors(model)
            }
        default:
            break
        }
    }

    private mutating func receive(_ status: SessionStatus) {
        if status.configurationVersion > session.configurationVersion { notice = "configuration reloaded" }
        session = status
        if !catalog.families.contains(dashboard.focus), let first = catalog.families.first { dashboard.focus = first }
    }

    private mutating func updateTop(_ change: (inout Screen) -> Void) {
        guard var top = screens.last else { return }
        change(&top)
        screens[screens.count - 1] = top
    }
}
