import ArgumentParser
import EcotopApp
import EcotopConfig
import EcotopCore
import EcotopStore

/// `ecotop annotate "text"`: writes an annotation (a deploy, an onboarding, an incident or a
/// note) to the store's events log, for every chart of its range to mark.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Mark a moment on every chart: a deploy, an onboarding, an incident or a note.",
        discussion: """
            The annotation goes to the store's events log (docs/store-format.md, "Annotations"); the dashboard \
            marks it on the charts of its range and lists it on the governance screen (g).
            """)

    @Argument(help: "What happened, e.g. \"checkout v2 released\".") var text: String

    @Option(help: "The kind of annotation.") var kind: Annotation.Kind = .note

    @Option(help: ArgumentHelp("The component it concerns (an id of the configuration's ecosystem).", valueName: "id"))
    var component: String?

    @Option(help: ArgumentHelp("The integration it concerns, as from->to.", valueName: "id")) var integration: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("When it happened (now, -15m, unix seconds, RFC 3339).", valueName: "time"))
    var at = "now"

    @Option(help: ArgumentHelp("Check --component against this configuration's ecosystem and write to its store.", valueName: "file"), completion: .configFiles)
    var config: String?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard !text.allSatisfy(\.isWhitespace) else { throw ValidationError("the annotation's text is empty") }
        if component?.isEmpty == true { throw ValidationError("--component is empty; leave it out for no component") }
        if integration?.isEmpty == true { throw ValidationError("--integration is empty; leave it out for no integration") }
    }

    func run() throws {
        var layout = storeOptions.layout
        if let config {
            let configuration = try ConfigOptions.load(config).configuration
            layout = storeOptions.layout(configured: configuration.store)
            try check(component, among: configuration.ecosystem.components.map(\.id), option: "--component", file: config)
            try check(integration, among: configuration.ecosystem.integrations.map(\.id), option: "--integration", file: config)
        }
        let clock = SystemWallClock()
        try reportingStoreErrors {
            let time = try TimeExpression.time(at, now: clock.now())
            let annotation = Annotation(timestamp: time, kind: kind, text: text, component: component, integration: integration)
            try AnnotationTarget.store(layout).record(annotation)
        }
    }

    private func check(_ id: String?, among known: [String], option: String, file: String) throws {
        guard let id, !known.contains(id) else { return }
        throw ValidationError("\(option) '\(TerminalText.sanitize(id))' is not in \(file)\(Suggestion.hint(for: id, among: known))")
    }
}

extension Annotation.Kind: ExpressibleByArgument {}
