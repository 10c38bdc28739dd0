import ArgumentParser
import EcotopApp
import EcotopCore
import EcotopStore

/// `ecotop events`: reads the events log.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Read integration events (errors and deliveries) and annotations from the store.",
        discussion: "Times take RFC 3339, unix seconds, or relative times such as -30d, -15m and now. Oldest first.")

    @OptionGroup var origin: EventOriginOptions

    @Option(parsing: .unconditional, help: "The start of the range (-30d, unix seconds, RFC 3339).") var from = "-1h"

    @Option(parsing: .unconditional, help: "The end of the range.") var to = "now"

    @Option(help: ArgumentHelp("Only this integration, as from->to.", valueName: "id")) var integration: String?

    @Option(help: "Only events of this kind: error, delivery, deploy, onboarding, incident or note.") var kind: IntegrationEvent.Kind?

    @Option(help: "The output format.") var format: EventsOutputFormat = .jsonl

    func run() throws {
        let (_, source, _) = try origin.open()
        let now = SystemWallClock().now()
        let (start, end) = try reportingStoreErrors { (try TimeExpression.time(from, now: now), try TimeExpression.time(to, now: now)) }
        guard end >= start else { throw ValidationError("--from (\(from)) is after --to (\(to))") }
        // Annotations are read without decoding the error and delivery events around them.
        let read = try reportingStoreErrors {
            kind?.isAnnotation == true ? try source.annotations(from: start, to: end).map(\.event) : try source.events(from: start, to: end)
        }
        let events = read.filter { event in
            (integration.map { event.integration == $0 } ?? true) && (kind.map { event.kind == $0 } ?? true)
        }
        print(EventsOutput(format: format).render(events), terminator: "")
    }
}

extension EventsOutputFormat: ExpressibleByArgument {}
extension IntegrationEvent.Kind: ExpressibleByArgument {}
