extension AppModel {
    /// Applies `actions` in order at `time`, answering every load at once with `loader`
    /// instead of off the input thread: for `ecotop screenshot` and tests, which want the
    /// frame the live loop would show once its reads finish.
    public mutating func run(_ actions: [AppAction], at time: Double, loader: DataLoader) {
        for action in actions {
            settle(update(action, at: time), at: time, loader: loader)
        }
    }

    /// Starts the model (its first reads) and then applies `actions`, loading synchronously.
    public mutating func start(applying actions: [AppAction] = [], at time: Double, loader: DataLoader) {
        settle(start(), at: time, loader: loader)
        run(actions, at: time, loader: loader)
    }

    private mutating func settle(_ effects: [AppEffect], at time: Double, loader: DataLoader) {
        var waiting = effects
        while !waiting.isEmpty {
            guard case .load(let request) = waiting.removeFirst() else { continue }
            waiting += update(.loaded(loader.load(request)), at: time)
        }
    }
}
