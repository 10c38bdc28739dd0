import Testing
@testable import EcotopConfig

/// `alerts:` gives the bell, the hold-down and the hook, each problem reported where it is.
@Suite struct AlertsConfigTests {
    @Test func theSectionIsRead() throws {
        let configuration = try ConfigTestDocument.validate("""
            alerts:
              bell: true
              resolve_after: 2m
              on_alert: {command: [notify-send, "ecotop alert"], timeout: 3s}
            """).get()
        #expect(configuration.alerts == AlertSettings(bell: true, hook: AlertHook(command: ["notify-send", "ecotop alert"], timeout: 3), resolveAfter: 120))
    }

    @Test func withoutTheSectionThereIsNoBellNorHook() throws {
        #expect(try ConfigTestDocument.validate("").get().alerts == AlertSettings())
    }

    @Test func problemsAreReportedWithTheirPositions() {
        #expect(ConfigTestDocument.problems("""
            alerts:
              bel: true
              on_alert: {command: "notify-send ecotop", timeout: -1}
            """) == """
            eco.yaml:3:3: alerts.bel: unknown key 'bel'; did you mean 'bell'?
            eco.yaml:4:24: alerts.on_alert.command: expected a list, found a scalar
            eco.yaml:4:54: alerts.on_alert.timeout: expected a positive duration such as 500ms, 30s, 5m or 1h (a bare number is seconds), found '-1'
            """)
        #expect(ConfigTestDocument.problems("alerts:\n  on_alert: {command: []}\n") == """
            eco.yaml:3:23: alerts.on_alert.command: expected the program and its arguments, such as [notify-send, ecotop]
            """)
    }
}
