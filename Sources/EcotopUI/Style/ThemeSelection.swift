extension ThemeCatalog {
    /// The position of the theme called `name`, which the model cycles from.
    public func index(ofTheme name: String) throws(UnknownThemeError) -> Int {
        guard let index = themes.firstIndex(where: { $0.name == name }) else {
            throw UnknownThemeError(name: name, available: themes.map(\.name), skipped: problems.map(\.description))
        }
        return index
    }
}

/// A `--theme` that names no theme of the catalog.
public struct UnknownThemeError: Error, CustomStringConvertible {
    public var name: String
    public var available: [String]
    /// Theme files that were skipped, and why: often the reason a user's theme is missing.
    public var skipped: [String]

    public var description: String {
        "unknown theme '\(name)'; available: \(available.joined(separator: ", ")) (see `ecotop themes`)"
            + skipped.map { "\nskipped theme file \($0)" }.joined()
    }
}
