import FoundationEssentials

/// `manifest.json`: what format a store directory is in, and its retention ladder.
public struct StoreManifest: Sendable, Hashable, Codable {
    /// The format this build writes and reads.
    public static let currentVersion = 1
    static let formatName = "ecotop-store"

    public var format: String
    public var version: Int
    public var ladder: RetentionLadder
    /// How often appends are flushed to stable storage.
    public var durability: Durability
    /// How many series ids were handed out: a writer raises it before it appends the lines of
    /// new series, so that ids stay unique when `series.jsonl` loses lines. Absent (0) in
    /// stores written before it was kept.
    public var nextSeriesID: UInt32

    private enum CodingKeys: String, CodingKey {
        case format, version, ladder, durability
        case nextSeriesID = "next_series_id"
    }

    public init(ladder: RetentionLadder = .standard, durability: Durability = .everyBatch) {
        self.format = Self.formatName
        self.version = Self.currentVersion
        self.ladder = ladder
        self.durability = durability
        self.nextSeriesID = 0
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        version = try container.decode(Int.self, forKey: .version)
        ladder = try container.decode(RetentionLadder.self, forKey: .ladder)
        durability = try container.decode(Durability.self, forKey: .durability)
        nextSeriesID = try container.decodeIfPresent(UInt32.self, forKey: .nextSeriesID) ?? 0
    }

    /// The most bytes a manifest may take; it holds a few hundred.
    static let largestSize = 1 << 20

    static func load(from path: String) throws -> StoreManifest? {
        guard let bytes = try StoreFileSystem.contents(of: path, atMost: largestSize) else { return nil }
        let manifest: StoreManifest
        do {
            manifest = try JSONDecoder().decode(StoreManifest.self, from: Data(bytes))
        } catch {
            throw StoreError(.corrupt, path: path, "not a valid manifest (\(error)); restore it from a backup or recreate the store")
        }
        guard manifest.format == formatName else {
            throw StoreError(.corrupt, path: path, "not an ecotop store manifest (format \"\(manifest.format)\")")
        }
        guard manifest.version <= currentVersion else {
            throw StoreError(.unsupportedVersion, path: path,
                "store format version \(manifest.version) is newer than this ecotop reads (\(currentVersion)); upgrade ecotop")
        }
        do {
            try manifest.ladder.validate()
        } catch let error as StoreError {
            throw StoreError(.corrupt, path: path, error.message)
        }
        return manifest
    }

    func save(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(self)
        try StoreFileSystem.replaceAtomically(path, with: Array(data) + [UInt8(ascii: "\n")])
    }
}

/// When appended data is forced to stable storage.
public enum Durability: Sendable, Hashable, Codable {
    /// fsync after every batch, before it is acknowledged: a power loss loses nothing acknowledged.
    case everyBatch
    /// fsync at most every `seconds`; a batch is acknowledged once written to the kernel, so a
    /// process crash loses nothing but a power loss may lose up to `seconds` of acknowledged data.
    case interval(seconds: Double)
}
