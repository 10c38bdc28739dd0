import EcotopApp
import EcotopCore
import EcotopTerminal
import EcotopUI

/// The dashboard's event loop: wait for a key, a resize or the next refresh, update the
/// state, and redraw only when something changed.
struct DashboardLoop {
    let screen: TerminalScreen
    /// Seconds between data refreshes.
    let refreshInterval: Double
    var keyMap = KeyMap.standard

    /// Runs until the user quits or a termination signal arrives; returns that signal.
    func run(_ session: inout DashboardSession) -> Int32? {
        var size = screen.size
        session.reload(size: size, detectingAnomalies: false)
        screen.draw(DashboardView.render(session.state, size: size, keyMap: keyMap))
        var nextRefresh = session.clock.now() + refreshInterval
        while true {
            if let signal = TerminationSignal.received { return signal }
            let wait = max(0, nextRefresh - session.clock.now())
            let input = screen.readInput(timeoutMilliseconds: Int32(min(wait, 1) * 1_000))
            var needsDraw = false
            switch input {
            case let .key(key)?:
                guard let action = keyMap.action(for: key) else { continue }
                let effects = session.state.reduce(action)
                if effects.contains(.quit) { return nil }
                if effects.contains(.reload) {
                    session.reload(size: size)
                    nextRefresh = session.clock.now() + refreshInterval
                }
                needsDraw = true
            case let .resize(newSize)?:
                size = newSize
                session.reload(size: size)
                needsDraw = true
            case nil:
                guard session.clock.now() >= nextRefresh else { continue }
                if session.state.isPaused { session.tick() } else { session.reload(size: size) }
                nextRefresh = session.clock.now() + refreshInterval
                needsDraw = true
            }
            if needsDraw { screen.draw(DashboardView.render(session.state, size: size, keyMap: keyMap)) }
        }
    }
}
