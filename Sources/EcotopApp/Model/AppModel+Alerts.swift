import EcotopCore

extension AppModel {
    /// Enter on the alerts screen: the selected alert's context over it — the metric's detail,
    /// the integration's errors, the collectors and their sources' freshness, or governance.
    mutating func openAlertContext() -> [AppEffect] {
        guard case .alerts(let model)? = topScreen, let alert = model.selectedAlert else { return [] }
        switch alert.kind {
        case .metric:
            let id = MetricID(rawValue: alert.subject)
            guard catalog[id] != nil else {
                notice = "metric \(TerminalText.sanitize(alert.subject)) is no longer in the catalog"
                return []
            }
            screens.append(.detail(DetailModel(metric: id)))
        case .integration:
            screens.append(.errors(ErrorsModel(integration: alert.subject)))
        case .freshness:
            var collectors = CollectorsModel()
            collectors.list.filter = ListFilter(alert.subject)
            screens.append(.collectors(collectors))
        case .divergence:
            screens.append(.governance(GovernanceModel()))
        }
        return reload()
    }

    /// `A` and `S` on the alerts screen: acknowledge the selected alert, or step its silence.
    mutating func changeSelectedAlert(_ command: Command) -> [AppEffect] {
        guard case .alerts(let model)? = topScreen else { return [] }
        guard let alert = model.selectedAlert, alert.isOpen else {
            notice = "no open alert selected"
            return []
        }
        guard model.read?.isRecording == true else {
            notice = "alerts are recorded by the process that runs the collectors; change them there"
            return []
        }
        let change: AlertChange = command == .acknowledgeAlert
            ? .acknowledge(id: alert.id)
            : .silence(id: alert.id, seconds: AlertsModel.nextSilence(of: alert, at: now))
        return [.load(LoadRequest(.changeAlert(change), at: now))]
    }
}
