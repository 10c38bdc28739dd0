import ArgumentParser
import Foundation
import EcotopApp
import EcotopCollectors
import EcotopConfig

/// `ecotop config`: working with the configuration file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the configuration file.",
        subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a configuration file and list every problem as FILE:LINE:COLUMN: field: what was expected.",
            discussion: "Runs nothing. Exits with status 1 when the file has any problem.")

        @Argument(help: "The file (default: $XDG_CONFIG_HOME/ecotop/config.yaml, else ~/.config/ecotop/config.yaml).")
        var file: String?

        func run() throws {
            let options = try ConfigOptions.parse(file.map { ["--config", $0] } ?? [])
            let configured = try options.load()
            let ecosystem = configured.configuration.ecosystem
            print("\(options.path): ok (\(ecosystem.components.count) components, \(ecosystem.integrations.count) integrations, \(configured.collectors.count) collectors)")
            let collectors = configured.configuration.collectors, environment = ProcessEnvironment.current
            let warnings = Self.unsetVariables(in: collectors, environment: environment)
                + Self.missingPrograms(in: collectors, environment: environment)
                + Self.missingHook(in: configured.configuration.alerts, environment: environment)
            for warning in warnings {
                printError("warning: \(warning)")
            }
        }

        /// Plugins whose program cannot be found now (not executable, or not on PATH): the file
        /// is valid, but those collectors would fail when they run from this environment.
        static func missingPrograms(in collectors: [CollectorConfig], environment: [String: String]) -> [String] {
            collectors.enumerated().compactMap { index, collector in
                guard collector.type == .exec || collector.type == .daemon, let program = collector.argv.first else { return nil }
                let directory = collector.cwd.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
                return missing(program, in: directory, environment: environment).map { "collectors[\(index)].argv (\(collector.name)): \($0)" }
            }
        }

        /// The alert hook's program, when it cannot be found now: alerts would be recorded, the
        /// hook's runs would fail.
        static func missingHook(in settings: AlertSettings, environment: [String: String]) -> [String] {
            guard let program = settings.hook?.command.first else { return [] }
            return missing(program, in: "", environment: environment).map { ["alerts.on_alert.command: \($0)"] } ?? []
        }

        /// `no executable 'PROGRAM'` (`on PATH` for a bare name) when `program` is not an
        /// executable file at its path (relative to `directory`) or on PATH; nil when it is.
        private static func missing(_ program: String, in directory: String, environment: [String: String]) -> String? {
            let candidates = program.contains("/")
                ? [program.hasPrefix("/") ? program : directory + program]
                : (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/\(program)" }
            guard !candidates.contains(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
            return "no executable '\(program)'" + (program.contains("/") ? "" : " on PATH")
        }

        /// `${NAME}` secrets in collectors' URLs and headers whose variable is not set now: the
        /// file is valid, but those collectors would fail when they run from this environment.
        static func unsetVariables(in collectors: [CollectorConfig], environment: [String: String]) -> [String] {
            collectors.enumerated().flatMap { index, collector in
                let templates = (collector.url.map { [("url", $0)] } ?? []) + collector.headers.sorted { $0.key < $1.key }.map { ("headers.\($0.key)", $0.value) }
                return templates.flatMap { field, text in
                    SecretTemplate(text).variableNames.filter { environment[$0] == nil }.map { name in
                        "collectors[\(index)].\(field) (\(collector.name)) reads ${\(name)}, which is not set"
                    }
                }
            }
        }
    }
}

/// `ecotop init`: writes a commented starter configuration.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter configuration to edit.",
        discussion: "The starter describes a small ecosystem and one exec collector; `ecotop config check` accepts it as written.")

    @Flag(help: "Replace an existing file.")
    var force = false

    @Argument(help: "Where to write it (default: $XDG_CONFIG_HOME/ecotop/config.yaml, else ~/.config/ecotop/config.yaml).")
    var path: String?

    func run() throws {
        let target = path ?? ConfigFile.defaultPath(environment: ProcessEnvironment.current)
        do {
            try ConfigFile.save(StarterConfig.text, to: target, overwrite: force)
        } catch {
            printError("ecotop: \(error.message)")
            throw ExitCode.failure
        }
        print("wrote \(target); edit it, then run `ecotop config check \(target)`")
    }
}
