import EcotopCore
import EcotopStore

/// A store of integration events written by hand for the errors drill-down's end-to-end and
/// command-line tests, with a configuration whose ecosystem holds the integration, and error
/// messages that try to act on the terminal: a screen clear, a title change (OSC), a BEL, a
/// bidirectional override and a 10 kB line.
///
/// `storefront->payments` (critical) gets, over the 40 minutes before `now`, 30 deliveries (3 of
/// them on a second attempt, each 120 ms) and 10 errors in four groups, so it is unhealthy
/// (25 % of 40 attempts failed) and ranks first; `storefront->crm` has no events.
public struct HostileErrorsStore {
    /// The integration with the errors.
    public static let integration = "storefront->payments"
    public static let clearScreen = "card declined \u{1B}[2J for order "
    public static let titleChange = "gateway said \u{1B}]0;pwned\u{07} to ord_"
    public static let bidiOverride = "connection reset \u{202E}txt.exe\u{202C} with bell \u{07} after "
    public static let longLine = "huge body " + String(repeating: "x", count: 10_000)

    public let store = TemporaryStore()
    /// The configuration naming the ecosystem and the store.
    public let configuration: String
    /// The events as written, oldest first.
    public let events: [IntegrationEvent]

    /// - Parameter now: the end of the events; whole seconds keep the events as written and as
    ///   read back (to the millisecond) the same.
    public init(now: Double) throws {
        var events: [IntegrationEvent] = []
        for minute in 0..<30 {
            events.append(
                IntegrationEvent(
                    timestamp: now - 2_400 + Double(minute) * 60, kind: .delivery, integration: Self.integration, code: "200",
                    message: "delivered", latencyMilliseconds: 120, attributes: ["attempts": minute < 3 ? "2" : "1"]))
        }
        let errors: [(code: String, message: String, count: Int)] = [
            ("402", Self.clearScreen, 4), ("503", Self.titleChange, 3), ("ETIMEDOUT", Self.bidiOverride, 2), ("500", Self.longLine, 1),
        ]
        var second = 0.0
        for error in errors {
            for occurrence in 0..<error.count {
                second += 90
                let message = error.message == Self.longLine ? error.message : error.message + "\(1_000 + occurrence)"
                events.append(
                    IntegrationEvent(timestamp: now - 1_800 + second, kind: .error, integration: Self.integration, code: error.code, message: message))
            }
        }
        self.events = events.sorted { $0.timestamp < $1.timestamp }
        let writer = try store.writer(now: now)
        try writer.append(samples: [], events: self.events)
        try writer.close()
        configuration = try store.file(
            named: "errors.yaml",
            containing: """
                ecosystem:
                  name: Hostile shop
                  components:
                    - {id: storefront, name: Storefront, kind: storefront, role: hub}
                    - {id: payments, name: Payments, kind: payments, role: endpoint}
                    - {id: crm, name: CRM, kind: crm, role: hub}
                  integrations:
                    - {from: storefront, to: crm, protocol: api}
                    - {from: storefront, to: payments, protocol: api, critical: true}
                store: {path: \(store.root)}

                """)
    }
}
