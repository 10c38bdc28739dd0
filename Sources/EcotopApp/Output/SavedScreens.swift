import EcotopStore

/// Where screens saved from the palette go: `$XDG_DATA_HOME/ecotop/screenshots/` (else
/// `~/.local/share/ecotop/screenshots/`), one file per save named after the screen and the
/// UTC time, written the store's durable way.
public struct SavedScreens: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The directory of the user's data directory as `environment` gives it.
    public init(environment: [String: String]) {
        self.init(directory: StoreLayout.defaultRoot(environment: environment) + "/screenshots")
    }

    /// Writes `contents` as the screen `screen` saved at `time` in `format`; returns its path.
    /// A second save within the same second gets a counter rather than replacing the first.
    public func save(_ contents: String, screen: ScreenKind, format: ScreenExportFormat, at time: Double) throws -> String {
        try DurableFile.createDirectory(directory)
        let stem = "ecotop-\(screen)-\(ReviewArchive.stamp(time))"
        let taken = Set(DurableFile.entries(of: directory))
        var name = "\(stem).\(format.fileExtension)", counter = 1
        while taken.contains(name) {
            counter += 1
            name = "\(stem)-\(counter).\(format.fileExtension)"
        }
        let path = directory + "/" + name
        try DurableFile.replace(path, with: Array(contents.utf8))
        return path
    }
}

extension ScreenExportFormat {
    /// The saved file's extension.
    public var fileExtension: String {
        switch self {
        case .svg: "svg"
        case .text: "txt"
        }
    }
}
