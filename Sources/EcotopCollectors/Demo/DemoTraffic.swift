import EcotopCore

/// The demo's successful calls: `delivery` events on the integrations that report them (the
/// payment gateways and the webhooks), so their failure rates, latencies and delivery funnels
/// are known. One delivery per integration every 15 seconds stands for the traffic; during an
/// incident some succeed only on a later attempt. FedEx answers slowly all the time.
struct DemoTraffic: Sendable {
    let noise: DeterministicNoise

    /// The seconds between two deliveries of one integration.
    static let interval: Double = 15
    private static let stream: UInt64 = 0xDE11

    /// Whether the demo reports deliveries for `integration`.
    static func reportsDeliveries(_ integration: Integration) -> Bool {
        integration.to == "stripe" || integration.to == "paypal" || integration.to == "fedex" || integration.transport == .webhook
    }

    /// The deliveries of `integration` (at `position` in the ecosystem) in `from..<to`.
    func deliveries(of integration: Integration, position: Int, from: Double, to: Double, incidents: DemoIncidentTimeline) -> [IntegrationEvent] {
        guard Self.reportsDeliveries(integration) else { return [] }
        var events: [IntegrationEvent] = []
        var slot = (from / Self.interval).rounded(.down)
        while slot * Self.interval < to {
            let index = DeterministicNoise.index(slot) &* 64 &+ Int64(position)
            let at = slot * Self.interval + Self.interval * noise.unit(Self.stream, index)
            slot += 1
            guard at >= from, at < to else { continue }
            let severity = incidents.severity(at: at) { $0.integration == integration }
            let retries = noise.unit(Self.stream &+ 1, index) < 0.6 * severity ? 1 + Int(noise.unit(Self.stream &+ 2, index) * 3) : 0
            let base = integration.to == "fedex" ? 1_800.0 : 120
            let latency = base * (1 + 0.8 * noise.unit(Self.stream &+ 3, index)) * Double(1 + retries)
            events.append(IntegrationEvent(
                timestamp: at, kind: .delivery, integration: integration.id, code: "200", message: "delivered",
                latencyMilliseconds: latency.rounded(),
                attributes: ["transport": integration.transport.rawValue, "attempts": "\(1 + retries)"]))
        }
        return events
    }
}

/// A failure mode that was not there before: every six hours, from 5:20 past the start of the
/// slot, the CRM's pushes to Mailchimp fail validation for 100 minutes, one every four minutes
/// or so. In a range that covers its start, its group is new.
struct DemoNewFailure: Sendable {
    let noise: DeterministicNoise

    static let integration = "crm->mailchimp"
    static let period: Double = 6 * 3_600
    static let offset: Double = 5 * 3_600 + 20 * 60
    static let duration: Double = 100 * 60
    private static let stream: UInt64 = 0x0EEF

    /// Its error events in `from..<to`.
    func events(from: Double, to: Double) -> [IntegrationEvent] {
        var events: [IntegrationEvent] = []
        var start = ((from - Self.offset - Self.duration) / Self.period).rounded(.down) * Self.period + Self.offset
        while start < to {
            var at = start
            var step: Int64 = 0
            while at < start + Self.duration {
                if at >= from, at < to {
                    events.append(IntegrationEvent(
                        timestamp: at, kind: .error, integration: Self.integration, code: "400",
                        message: "Bad Request: required field 'consent_source' is missing for list 'newsletter'",
                        latencyMilliseconds: 140, attributes: ["transport": "native", "endpoint": "/3.0/lists/newsletter/members"]))
                }
                step += 1
                at += 120 + 240 * noise.unit(Self.stream, DeterministicNoise.index(start) &* 1_000 &+ step)
            }
            start += Self.period
        }
        return events
    }
}
