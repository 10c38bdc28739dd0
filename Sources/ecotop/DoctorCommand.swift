import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopConfig
import EcotopCore
import EcotopStore
import EcotopTerminal
import EcotopUI

#if canImport(Glibc)
import Glibc
#endif

/// `ecotop doctor`: whether everything the dashboard needs is in order, one line per thing
/// looked at, each `OK`, `WARN` or `FAIL` with a hint of what to do.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the terminal, configuration, store, collectors and data; say what to fix.",
        discussion: """
            Looks at the terminal (TERM, colours, UTF-8, size, mouse), the configuration (as \
            `ecotop config check`), the store (as `ecotop store check`, plus permissions and the \
            writer lock), runs each collector once (as `ecotop collectors`; nothing is stored), \
            reads the newest point of every catalog metric, and asks Prometheus when series come \
            from there. Works piped, and says so. Exits with status 1 when anything FAILs.
            """)

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var sourceOptions: SourceOptions

    func run() async throws {
        let environment = ProcessEnvironment.current
        let minimum = DashboardLayout.minimumSize
        var findings = TerminalProbe.facts(environment: environment).findings(minimumSize: (minimum.width, minimum.height))
        let configured = configurationFindings(into: &findings)
        let layout = configured.map { storeOptions.layout(configured: $0.configuration.store) } ?? storeOptions.layout
        findings += StoreFindings.findings(layout: layout)
        if let configured {
            let scheduler = configured.makeScheduler(sink: DiscardingSink(), clock: SystemWallClock())
            findings += CollectorFindings.findings(await scheduler.runOnce())
            await scheduler.stop()
        }
        findings += dataFindings(configuration: configured?.configuration, layout: layout)
        print(DoctorReport.render(findings))
        print(DoctorReport.summary(findings))
        if DoctorReport.worst(findings) == .fail { throw ExitCode.failure }
    }

    /// The configuration's findings, as `ecotop config check` judges it; the configuration when it is valid.
    private func configurationFindings(into findings: inout [DoctorFinding]) -> ConfiguredCollectors? {
        let path = configOptions.path
        guard configOptions.config != nil || access(path, F_OK) == 0 else {
            findings.append(DoctorFinding(
                .warn, "configuration", "none at \(path): the dashboard shows the demo ecosystem",
                hint: "`ecotop init` writes a starter to edit"))
            return nil
        }
        let configured: ConfiguredCollectors
        do {
            configured = try ConfigOptions.read(path)
        } catch {
            findings += error.diagnostics.map {
                DoctorFinding(.fail, "configuration", $0.description, hint: "`ecotop config check` lists every problem; docs/config.md")
            }
            return nil
        }
        let ecosystem = configured.configuration.ecosystem
        findings.append(DoctorFinding(
            .ok, "configuration",
            "\(path) (\(counted(ecosystem.components.count, "component")), \(counted(ecosystem.integrations.count, "integration")), \(counted(configured.collectors.count, "collector")))"))
        let collectors = configured.configuration.collectors, environment = ProcessEnvironment.current
        findings += (ConfigCommand.Check.unsetVariables(in: collectors, environment: environment)
            + ConfigCommand.Check.missingPrograms(in: collectors, environment: environment)).map {
                DoctorFinding(.warn, "configuration", $0, hint: "that collector fails when run from this environment")
            }
        return configured
    }

    /// Prometheus's answer, when series come from there, and the freshness of every catalog
    /// metric, read as the dashboard's collectors screen reads it.
    private func dataFindings(configuration: EcotopConfiguration?, layout: StoreLayout) -> [DoctorFinding] {
        let loader: DataLoader, prometheus: String?
        do {
            if let reading = try sourceOptions.prometheus(configuration: configuration) {
                (loader, prometheus) = (reading.loader(configuration: configuration, events: nil), reading.settings.url)
            } else {
                guard let reader = try? StoreReader(layout: layout) else { return [] }
                (loader, prometheus) = (configuration.map { DataLoader.reading($0, from: reader) } ?? DataLoader.store(reader), nil)
            }
        } catch {
            return [DoctorFinding(.fail, "data", "\(error)", hint: "see `ecotop doctor --help`")]
        }
        defer { try? loader.close() }
        let result = loader.load(LoadRequest(.freshness, at: SystemWallClock().now()))
        switch result.outcome {
        case .failure(let failure):
            return [DoctorFinding(
                .fail, prometheus.map { "prometheus \($0)" } ?? "data", "\(failure)",
                hint: prometheus == nil ? "`ecotop store check` tells more" : "is the server up and the URL right (source.url)? try curl URL/-/ready")]
        case .success(.freshness(let freshness)):
            let answered = prometheus.map { [DoctorFinding(.ok, "prometheus \($0)", "answered")] } ?? []
            return answered + FreshnessFindings.findings(freshness, catalog: result.status.catalog)
        case .success:
            return []
        }
    }
}
