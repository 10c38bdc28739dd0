import EcotopUI

/// What the dashboard loop needs of a terminal: its size, the next input within a timeout,
/// and a way to show a frame. `TerminalScreen` is the ncurses one; tests drive the loop with
/// their own.
public protocol TerminalDevice: AnyObject {
    var size: Size { get }
    /// The next key or resize, or nil when `timeoutMilliseconds` pass without one.
    func readInput(timeoutMilliseconds: Int32) -> TerminalScreen.Input?
    func draw(_ frame: FrameBuffer)
    /// Rings the terminal's bell (an alert opened, with `alerts.bell` on).
    func ringBell()
}

extension TerminalDevice {
    /// A terminal without a bell stays silent.
    public func ringBell() {}
}

extension TerminalScreen: TerminalDevice {}
