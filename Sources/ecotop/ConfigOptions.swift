import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopConfig
import EcotopCore
import EcotopStore
import EcotopUI

/// `--config FILE`, shared by the commands that run configured collectors.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The configuration file (default: $XDG_CONFIG_HOME/ecotop/config.yaml, else ~/.config/ecotop/config.yaml).",
        valueName: "file"), completion: .configFiles)
    var config: String?

    /// The file named by `--config`, or the default location.
    var path: String { config ?? ConfigFile.defaultPath(environment: ProcessEnvironment.current) }

    /// The configuration with its collectors built; prints every problem and exits 1 when
    /// the file has any.
    func load() throws -> ConfiguredCollectors {
        try Self.load(path)
    }

    /// The configuration at `path` with its collectors built; prints every problem and exits 1
    /// when the file has any, its `keys:` included (which the key map checks).
    static func load(_ path: String) throws -> ConfiguredCollectors {
        do {
            return try read(path)
        } catch {
            printConfigErrors(error)
            throw ExitCode.failure
        }
    }

    /// The configuration at `path` with its collectors built, judged as every command and
    /// reload judges it: `keys:` included, which the key map checks.
    static func read(_ path: String) throws(ConfigErrors) -> ConfiguredCollectors {
        try ConfiguredCollectors.load(path, home: ProcessEnvironment.current["HOME"], checks: KeyMap.problems(of:))
    }
}

/// Prints configuration problems on stderr, one per line, with a count.
func printConfigErrors(_ errors: ConfigErrors) {
    for diagnostic in errors.diagnostics { printError(diagnostic.description) }
    printError("\(counted(errors.diagnostics.count, "problem")) in the configuration")
}

extension StoreOptions {
    /// The store `--store` names, else the configuration's `store.path`, else the default.
    func layout(configured settings: StoreSettings) -> StoreLayout {
        settings.layout(named: named, else: defaultLayout)
    }
}
