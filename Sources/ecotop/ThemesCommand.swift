import ArgumentParser
import EcotopApp
import EcotopUI

/// `ecotop themes`: the themes `--theme` accepts, built-in and the user's own.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes (built-in, then those in $XDG_CONFIG_HOME/ecotop/themes)."
    )

    func run() throws {
        let directory = ThemeCatalog.userDirectory(environment: ProcessEnvironment.current)
        let catalog = try ThemeCatalog.load(userDirectory: directory)
        let width = catalog.themes.map(\.name.count).max() ?? 0
        for (index, theme) in catalog.themes.enumerated() {
            let origin = ThemeCatalog.builtInOrder.contains(theme.name) ? "" : "  (user)"
            let marker = index == 0 ? "*" : " "
            print("\(marker) \(theme.name.padding(to: width))  \(theme.summary)\(origin)")
        }
        for problem in catalog.problems {
            print("warning: skipped \(problem)")
        }
        if let directory { print("\nUser themes: \(directory.path)/NAME.yaml (see Themes/ for the format); * is the default.") }
    }
}
