/// The `alerts:` section: how the dashboard and `collect` tell someone an alert opened.
public struct AlertSettings: Sendable, Hashable {
    /// Ring the terminal bell in the dashboard when an alert opens (`bell: true`).
    public var bell: Bool
    /// The program run when an alert opens, escalates or resolves (`on_alert:`); nil runs none.
    public var hook: AlertHook?
    /// How long a condition must be gone before its alert resolves (`resolve_after:`).
    public var resolveAfter: Double

    public init(bell: Bool = false, hook: AlertHook? = nil, resolveAfter: Double = 60) {
        self.bell = bell
        self.hook = hook
        self.resolveAfter = resolveAfter
    }
}

/// A program run for each alert change, as argv (never through a shell), with the alert in its
/// environment, and killed after `timeout` seconds.
public struct AlertHook: Sendable, Hashable {
    /// The program and its arguments; the program is looked up on `PATH` when it has no `/`.
    public var command: [String]
    public var timeout: Double

    public init(command: [String], timeout: Double = 10) {
        self.command = command
        self.timeout = timeout
    }
}
