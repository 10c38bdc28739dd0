import EcotopApp
import EcotopCore
import EcotopUI

/// The dashboard's event loop: wait for a key, a resize, a finished load or the next refresh;
/// update the model; redraw when something changed. Reads run on the refresher's worker, so a
/// key is answered while a read is in flight. Each phase is timed (`FrameTimings`) for the
/// F12 overlay.
public struct DashboardLoop<Device: TerminalDevice> {
    let device: Device
    let refresher: Refresher
    let clock: any WallClock
    /// Seconds between data refreshes.
    let refreshInterval: Double
    let appearance: Appearance
    /// How often the loop looks for finished loads while one is in flight, in milliseconds.
    static var busyPollMilliseconds: Int32 { 15 }

    public init(device: Device, refresher: Refresher, clock: any WallClock, refreshInterval: Double, appearance: Appearance) {
        self.device = device
        self.refresher = refresher
        self.clock = clock
        self.refreshInterval = refreshInterval
        self.appearance = appearance
    }

    /// Runs until the user quits or `stop` returns a signal; returns that signal, nil on quit.
    /// It returns at once on quit, without waiting for a read in flight: the caller restores the
    /// terminal and then closes the refresher.
    public func run(_ model: inout AppModel, stop: () -> Int32? = { TerminationSignal.received }) -> Int32? {
        var size = device.size
        var timings = FrameTimings()
        var keys = ConfiguredKeyMap()
        var mouse = MouseInput()
        _ = model.update(.resized(columns: size.width, rows: size.height), at: clock.now())
        perform(model.start())
        draw(model, size: size, keyMap: keys.map(for: model.session), timings: &timings)
        var nextRefresh = clock.now() + refreshInterval
        while true {
            if let signal = stop() { return signal }
            var changed = false
            for result in refresher.takeResults() {
                timings.record(.load, seconds: result.loadSeconds)
                let start = ContinuousClock.now
                // A load can end the session too: a finished review of `ecotop review`, once saved.
                let effects = model.update(.loaded(result), at: clock.now())
                timings.record(.apply, seconds: (ContinuousClock.now - start).inSeconds)
                if effects.contains(.quit) { return nil }
                perform(effects)
                changed = true
            }
            let now = clock.now()
            let wait = refresher.isBusy ? Double(Self.busyPollMilliseconds) / 1_000 : min(max(0, nextRefresh - now), 1)
            switch device.readInput(timeoutMilliseconds: Int32(wait * 1_000)) {
            case .key(let key)?:
                let keyMap = keys.map(for: model.session)
                guard let action = KeyInput.action(for: key, in: model, keyMap: keyMap) else { break }
                if apply([action], to: &model, size: size, keyMap: keyMap, nextRefresh: &nextRefresh) { return nil }
                changed = true
            case .mouse(let event)?:
                let regions = ClickRegions(model: model, size: size, appearance: appearance)
                let keyMap = keys.map(for: model.session)
                let actions = mouse.actions(for: event, regions: regions, in: model, keyMap: keyMap, at: clock.now())
                guard !actions.isEmpty else { break }
                if apply(actions, to: &model, size: size, keyMap: keyMap, nextRefresh: &nextRefresh) { return nil }
                changed = true
            case .resize(let newSize)?:
                size = newSize
                perform(model.update(.resized(columns: size.width, rows: size.height), at: clock.now()))
                changed = true
            case nil:
                guard clock.now() >= nextRefresh else { break }
                perform(model.update(.tick, at: clock.now()))
                nextRefresh = clock.now() + refreshInterval
                changed = true
            }
            if changed { draw(model, size: size, keyMap: keys.map(for: model.session), timings: &timings) }
        }
    }

    /// Applies what the user did; true when it quits. A reload it asks for restarts the
    /// refresh interval; a screen to save is drawn now, on `size`, and saved by the loader.
    private func apply(_ actions: [AppAction], to model: inout AppModel, size: Size, keyMap: KeyMap, nextRefresh: inout Double) -> Bool {
        for action in actions {
            let effects = model.update(action, at: clock.now())
            if effects.contains(.quit) { return true }
            if effects.contains(where: { if case .load = $0 { true } else { false } }) {
                nextRefresh = clock.now() + refreshInterval
            }
            perform(effects)
            for case .exportScreen(let format) in effects {
                refresher.submit(LoadRequest(.saveScreen(drawn(model, as: format, size: size, keyMap: keyMap)), at: clock.now()))
            }
        }
        return false
    }

    /// The frame of `model` as `format`, to be saved.
    private func drawn(_ model: AppModel, as format: ScreenExportFormat, size: Size, keyMap: KeyMap) -> SavedScreen {
        let frame = DashboardView.render(model, size: size, appearance: appearance, keyMap: keyMap)
        let contents = switch format {
        case .svg: SVGFrameWriter.render(frame, theme: appearance.theme(at: model.themeIndex))
        case .text: frame.text + "\n"
        }
        return SavedScreen(contents: contents, screen: model.screenKind, format: format)
    }

    private func perform(_ effects: [AppEffect]) {
        for case .load(let request) in effects { refresher.submit(request) }
        if effects.contains(.bell) { device.ringBell() }
    }

    /// Renders and shows a frame, with the timings overlay when it is on, and times both.
    private func draw(_ model: AppModel, size: Size, keyMap: KeyMap, timings: inout FrameTimings) {
        let start = ContinuousClock.now
        var frame = DashboardView.render(model, size: size, appearance: appearance, keyMap: keyMap)
        if model.showsTimings {
            timings.residentBytes = ResidentMemory.current()
            TimingOverlay(timings: timings, appearance: appearance, themeIndex: model.themeIndex).render(into: &frame)
        }
        let rendered = ContinuousClock.now
        device.draw(frame)
        timings.record(.render, seconds: (rendered - start).inSeconds)
        timings.record(.flush, seconds: (ContinuousClock.now - rendered).inSeconds)
    }
}

extension DashboardLoop: Sendable where Device: Sendable {}
