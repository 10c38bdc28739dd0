import Foundation

/// The themes Ecotop can use: the built-in ones shipped in `Themes/`, then the user's own
/// from `$XDG_CONFIG_HOME/ecotop/themes` (else `~/.config/ecotop/themes`).
public struct ThemeCatalog: Sendable {
    public private(set) var themes: [Theme]
    /// Problems with user theme files; they are skipped, not fatal.
    public private(set) var problems: [ThemeError]

    /// The order built-in themes are listed and cycled in; the first is the default.
    public static let builtInOrder = ["dark", "light", "high-contrast", "nord", "gruvbox"]

    /// The built-in themes only, embedded in the binary at build time from Themes/.
    public static func builtIn() throws -> ThemeCatalog {
        let files = BuiltInThemes.files.sorted { first, second in
            let rank = { (name: String) in builtInOrder.firstIndex(of: name) ?? builtInOrder.count }
            return (rank(first.name), first.name) < (rank(second.name), second.name)
        }
        return ThemeCatalog(
            themes: try files.map { try ThemeLoader.parse($0.text, source: "Themes/\($0.name).yaml") }, problems: [])
    }

    /// The built-in themes plus the readable theme files of `directory`; a user theme with a
    /// built-in's name replaces it.
    public static func load(userDirectory directory: URL?) throws -> ThemeCatalog {
        var catalog = try builtIn()
        guard let directory,
            let files = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        else { return catalog }
        for file in files.filter({ $0.pathExtension == "yaml" || $0.pathExtension == "yml" }).sorted(by: { $0.path < $1.path }) {
            do {
                catalog.add(try loadFile(file))
            } catch let error as ThemeError {
                catalog.problems.append(error)
            }
        }
        return catalog
    }

    /// Reads one theme file.
    public static func loadFile(_ url: URL) throws -> Theme {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ThemeError(source: url.path, line: nil, message: "cannot read: \(error.localizedDescription)")
        }
        return try ThemeLoader.parse(text, source: url.path)
    }

    /// The user's theme directory from the environment.
    public static func userDirectory(environment: [String: String]) -> URL? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            return URL(fileURLWithPath: config).appendingPathComponent("ecotop/themes")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".config/ecotop/themes")
    }

    /// The theme with a name, if any.
    public func theme(named name: String) -> Theme? {
        themes.first { $0.name == name }
    }

    /// The theme after `name` in the catalog, wrapping around.
    public func theme(after name: String) -> Theme {
        guard let index = themes.firstIndex(where: { $0.name == name }) else { return themes[0] }
        return themes[(index + 1) % themes.count]
    }

    private mutating func add(_ theme: Theme) {
        if let index = themes.firstIndex(where: { $0.name == theme.name }) {
            themes[index] = theme
        } else {
            themes.append(theme)
        }
    }
}
