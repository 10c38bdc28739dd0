import ArgumentParser
import EcotopApp
import EcotopCore
import EcotopUI

/// What the shells complete for our options whose values are not an `ExpressibleByArgument`
/// enum (those complete their `allValueStrings` by themselves): `--range`, read through
/// `TimeRange.argument`, `--theme`, a name from the theme catalog, and `--config`, a YAML file.
extension CompletionKind {
    /// The labels `--range` accepts: 15m, 1h, 6h, 24h, 7d, 30d.
    static var timeRanges: CompletionKind { .list(TimeRange.allCases.map(\.label)) }

    /// The themes `ecotop themes` lists, the user's own included, asked of `ecotop` when the
    /// shell completes; the built-in names if the catalog cannot be read.
    static var themeNames: CompletionKind {
        .custom { _, _, _ in
            let directory = ThemeCatalog.userDirectory(environment: ProcessEnvironment.current)
            return (try? ThemeCatalog.load(userDirectory: directory).themes.map(\.name)) ?? ThemeCatalog.builtInOrder
        }
    }

    /// `--config`: YAML files.
    static var configFiles: CompletionKind { .file(extensions: ["yaml", "yml"]) }
}
