/// A mark on the ecosystem's timeline: a deploy, a partner's onboarding, an incident or a note,
/// shown on every chart whose range holds it and listed on the governance screen.
///
/// Annotations are stored in the events log as events of their own kinds (docs/store-format.md
/// "Annotations"): the text is the event's `message`, the component its `component` attribute,
/// and the integration is empty unless the annotation concerns one.
public struct Annotation: Hashable, Sendable {
    /// The kinds of annotation, a subset of the event kinds.
    public enum Kind: String, Sendable, CaseIterable {
        case deploy, onboarding, incident, note

        /// The event kind the annotation is stored as.
        public var eventKind: IntegrationEvent.Kind {
            switch self {
            case .deploy: .deploy
            case .onboarding: .onboarding
            case .incident: .incident
            case .note: .note
            }
        }
    }

    /// The attribute that names the component an annotation concerns.
    public static let componentAttribute = "component"

    /// Seconds since the Unix epoch.
    public var timestamp: Double
    public var kind: Kind
    /// What happened, as written (sanitized before display).
    public var text: String
    /// The component it concerns, when one.
    public var component: String?
    /// The integration it concerns as `from->to`, when one.
    public var integration: String?

    public init(timestamp: Double, kind: Kind, text: String, component: String? = nil, integration: String? = nil) {
        self.timestamp = timestamp
        self.kind = kind
        self.text = text
        self.component = component
        self.integration = integration
    }

    /// The annotation an event records; nil for an error or a delivery.
    public init?(_ event: IntegrationEvent) {
        guard let kind = Kind(rawValue: event.kind.rawValue) else { return nil }
        self.init(
            timestamp: event.timestamp, kind: kind, text: event.message, component: event.attributes[Self.componentAttribute],
            integration: event.integration.isEmpty ? nil : event.integration)
    }

    /// The event that stores the annotation in the events log.
    public var event: IntegrationEvent {
        IntegrationEvent(
            timestamp: timestamp, kind: kind.eventKind, integration: integration ?? "", code: "", message: text,
            attributes: component.map { [Self.componentAttribute: $0] } ?? [:])
    }

    /// The annotations among `events`, in their order.
    public static func annotations(in events: [IntegrationEvent]) -> [Annotation] {
        events.compactMap(Annotation.init)
    }
}
