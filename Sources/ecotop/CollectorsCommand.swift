import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopCore

/// `ecotop collectors`: runs each configured collector once and prints its health.
struct CollectorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collectors",
        abstract: "Run each configured collector once and print its health; nothing is stored.",
        discussion: """
            A collector's health is not kept between runs, so this runs every collector once, \
            at the same time, and shows what it came to: records read and rejected, how long it \
            took, and its error. Nothing is written to the store. Exits with status 1 if any failed.
            """)

    @OptionGroup var configOptions: ConfigOptions

    func run() async throws {
        let configured = try configOptions.load()
        let scheduler = configured.makeScheduler(sink: DiscardingSink(), clock: SystemWallClock())
        let health = await scheduler.runOnce()
        await scheduler.stop()
        print(CollectorHealthTable.render(health))
        if health.contains(where: { $0.status == .failing }) { throw ExitCode.failure }
    }
}

/// A sink that keeps nothing, for trying collectors out.
struct DiscardingSink: RecordSink {
    func append(samples: [Sample], events: [IntegrationEvent]) throws {}
}
