import EcotopStore

/// The actions the command palette ran, most recent first, kept between runs so that it lists
/// them first next time: one action name per line in `$XDG_STATE_HOME/ecotop/palette-history`
/// (else `~/.local/state/ecotop/palette-history`), as shells keep their history there. History
/// is a convenience: a missing or damaged file reads as no history, a damaged line is skipped,
/// and of two dashboards open at once the one that quits last keeps its history.
public struct PaletteHistory: Sendable {
    /// The longest file read; a larger one is not Ecotop's.
    static let largestFile = 64 * 1_024
    /// The longest action name kept (a filter's text is part of its name).
    static let longestName = 512

    /// The history file.
    public let path: String

    /// The history kept at `path`.
    public init(path: String) {
        self.path = path
    }

    /// The history of the user's state directory as `environment` gives it.
    public init(environment: [String: String]) {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? ".") + "/.local/state"
        self.init(path: state + "/ecotop/palette-history")
    }

    /// The names saved, most recent first, at most `AppModel.recentLimit`.
    public func load() -> [String] {
        guard let bytes = try? DurableFile.contents(of: path, atMost: Self.largestFile) else { return [] }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        return Array(lines.filter(Self.isKept).prefix(AppModel.recentLimit))
    }

    /// Replaces the history with `actions` (most recent first), written the store's durable way.
    public func save(_ actions: [String]) throws {
        try DurableFile.createDirectory(String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]))
        let kept = actions.filter(Self.isKept).prefix(AppModel.recentLimit)
        try DurableFile.replace(path, with: Array(kept.map { $0 + "\n" }.joined().utf8))
    }

    /// Whether a name can be kept: not empty, not too long, no control characters (which
    /// also keeps one name to a line).
    private static func isKept(_ name: String) -> Bool {
        !name.isEmpty && name.count <= longestName && !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
