/// Reads `alerts:`: `bell`, `resolve_after` and `on_alert: {command: [argv...], timeout}`.
enum AlertsSection {
    static func read(_ fields: ConfigFields) -> AlertSettings {
        defer { fields.finish() }
        var settings = AlertSettings()
        if let bell = fields.bool("bell") { settings.bell = bell }
        if let resolveAfter = fields.duration("resolve_after") { settings.resolveAfter = resolveAfter }
        if let hook = fields.mapping("on_alert") {
            defer { hook.finish() }
            let command = hook.strings("command", required: true)
            let timeout = hook.duration("timeout") ?? 10
            if let command, command.isEmpty || command[0].isEmpty, let mark = hook.value("command")?.mark {
                fields.issues.report(mark, field: hook.field("command"), "expected the program and its arguments, such as [notify-send, ecotop]")
            } else if let command {
                settings.hook = AlertHook(command: command, timeout: timeout)
            }
        }
        return settings
    }
}
