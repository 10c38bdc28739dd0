import EcotopStore

/// A screen as drawn, to be saved: its text or SVG, which screen it is and in which form.
public struct SavedScreen: Hashable, Sendable {
    /// The frame as SVG or text.
    public var contents: String
    /// The screen drawn, which names the file.
    public var screen: ScreenKind
    public var format: ScreenExportFormat

    /// A frame drawn as `contents`.
    public init(contents: String, screen: ScreenKind, format: ScreenExportFormat) {
        self.contents = contents
        self.screen = screen
        self.format = format
    }
}

/// Where screens saved from the palette go: `$XDG_DATA_HOME/ecotop/screenshots/` (else
/// `~/.local/share/ecotop/screenshots/`), one file per save named after the screen and the
/// UTC time, written the store's durable way.
public struct SavedScreens: Sendable {
    /// The directory the files go to, created 0700 on the first save.
    public let directory: String

    /// Screens saved to `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// The directory of the user's data directory as `environment` gives it.
    public init(environment: [String: String]) {
        self.init(directory: StoreLayout.defaultRoot(environment: environment) + "/screenshots")
    }

    /// Writes `saved` as the screen drawn at `time`; returns its path. A second save within
    /// the same second gets a counter rather than replacing the first.
    public func save(_ saved: SavedScreen, at time: Double) throws -> String {
        try DurableFile.createDirectory(directory)
        let suffix = "." + saved.format.fileExtension
        let path = directory + "/" + DurableFile.unusedStem("ecotop-\(saved.screen)-\(ReviewArchive.stamp(time))", suffix: suffix, in: directory) + suffix
        try DurableFile.replace(path, with: Array(saved.contents.utf8))
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
