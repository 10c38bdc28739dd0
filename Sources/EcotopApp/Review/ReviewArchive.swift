import EcotopCore
import EcotopStore
import Foundation

/// Where review sessions are kept: one JSON file per session, `ID.json`, under
/// `$XDG_DATA_HOME/ecotop/reviews/` (else `~/.local/share/ecotop/reviews/`). Each save replaces
/// the file atomically (temporary file, fsync, rename; symbolic links refused), so a killed
/// terminal leaves the last saved state whole. A file that is not a session is named in the
/// error, never a crash.
public struct ReviewArchive: Sendable {
    public let directory: String

    /// The largest session file read: far more than any agenda of thousands of items.
    public static let largestFile = 16 << 20

    public init(directory: String) {
        self.directory = directory
    }

    /// The archive of the user's data directory as `environment` gives it.
    public init(environment: [String: String]) {
        self.init(directory: StoreLayout.defaultRoot(environment: environment) + "/reviews")
    }

    /// One file of the archive: its session, or why it could not be read.
    public struct Listing: Sendable {
        public var id: String
        public var session: Result<ReviewSession, ReviewArchiveError>
    }

    /// Saves `session` as `ID.json`, replacing the last save.
    public func save(_ session: ReviewSession) throws {
        try Self.checkID(session.id)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(session)
        try DurableFile.createDirectory(directory)
        try DurableFile.replace(path(of: session.id), with: Array(data))
    }

    /// The session `id`.
    public func load(_ id: String) throws -> ReviewSession {
        try Self.checkID(id)
        let path = path(of: id)
        let bytes: [UInt8]?
        do {
            bytes = try DurableFile.contents(of: path, atMost: Self.largestFile)
        } catch {
            throw ReviewArchiveError.unreadable(path: path, reason: "\(error)")
        }
        guard let bytes else { throw ReviewArchiveError.noSuchReview(id: id, directory: directory) }
        let session: ReviewSession
        do {
            session = try JSONDecoder().decode(ReviewSession.self, from: Data(bytes))
        } catch {
            throw ReviewArchiveError.notASession(path: path, reason: Self.describe(error))
        }
        guard session.version == ReviewSession.formatVersion else {
            throw ReviewArchiveError.notASession(path: path, reason: "format version \(session.version), expected \(ReviewSession.formatVersion)")
        }
        guard session.id == id else { throw ReviewArchiveError.notASession(path: path, reason: "it names itself '\(session.id.prefix(40))'") }
        guard session.entries.isEmpty ? session.position == 0 : session.entries.indices.contains(session.position) else {
            throw ReviewArchiveError.notASession(path: path, reason: "position \(session.position) is outside its \(session.entries.count) items")
        }
        return session
    }

    /// Every session file, oldest id first.
    public func list() -> [Listing] {
        DurableFile.entries(of: directory).filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.filter { Self.isValidID($0) }.map { id in
            Listing(id: id, session: Result { try load(id) }.mapError { $0 as? ReviewArchiveError ?? .unreadable(path: path(of: id), reason: "\($0)") })
        }
    }

    /// The newest session that is not finished; unreadable files are skipped.
    public func latestUnfinished() -> ReviewSession? {
        list().compactMap { try? $0.session.get() }.filter { !$0.isFinished }.max { $0.started < $1.started }
    }

    /// The newest finished session; unreadable files are skipped.
    public func lastFinished() -> ReviewSession? {
        list().compactMap { try? $0.session.get() }.filter(\.isFinished).max { ($0.finished ?? 0) < ($1.finished ?? 0) }
    }

    /// A new session id from `time`, `YYYYMMDD-HHMMSS` in UTC, with a suffix when taken.
    public func newID(at time: Double) -> String {
        DurableFile.unusedStem(Self.stamp(time), suffix: ".json", in: directory)
    }

    func path(of id: String) -> String { directory + "/" + id + ".json" }

    /// Ids are file name stems: letters, digits, `-` and `_`, which keeps them inside the directory.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
    }

    static func checkID(_ id: String) throws {
        guard isValidID(id) else { throw ReviewArchiveError.badID(id) }
    }

    /// `20261202-101500`: the UTC time of `time` as file names carry it.
    static func stamp(_ time: Double) -> String {
        let days = Int((time / 86_400).rounded(.down)), seconds = Int(time) - days * 86_400
        let day = CalendarDay(daysSinceEpoch: days)
        return String(format: "%04d%02d%02d-%02d%02d%02d", day.year, day.month, day.day, seconds / 3_600, seconds / 60 % 60, seconds % 60)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return Self.at(context) + context.debugDescription
        case DecodingError.keyNotFound(let key, let context):
            return Self.at(context) + "missing field '\(key.stringValue)'"
        default:
            return "\(error)"
        }
    }

    private static func at(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "" : "at \(path.drop { $0 == "." }): "
    }
}

/// Why a review session could not be read or written.
public enum ReviewArchiveError: Error, CustomStringConvertible, Equatable {
    case badID(String)
    case noSuchReview(id: String, directory: String)
    case unreadable(path: String, reason: String)
    case notASession(path: String, reason: String)
    case noUnfinishedReview(directory: String)
    case finished(id: String)

    /// The message, with any text that came from a file or argument sanitized.
    public var description: String { TerminalText.sanitize(message) }

    private var message: String {
        switch self {
        case .badID(let id): "review id '\(id.prefix(80))' is not one: expected letters, digits, '-' and '_' (see `ecotop review list`)"
        case let .noSuchReview(id, directory): "no review '\(id)' in \(directory) (see `ecotop review list`)"
        case let .unreadable(path, reason): "\(path): cannot read the review: \(reason)"
        case let .notASession(path, reason): "\(path): not a review session: \(reason)"
        case .noUnfinishedReview(let directory): "no unfinished review in \(directory) to resume; start one with `ecotop review`"
        case .finished(let id): "review \(id) is finished; `ecotop review export \(id)` writes its report"
        }
    }
}
