/// A failure of the store, saying where (a file, and a line when there is one) and what.
public struct StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, in the categories a caller may want to tell apart.
    public enum Kind: Sendable, Equatable {
        /// A system call failed; `errno` is kept for callers that care.
        case io(errno: Int32)
        /// The content of a file is not what the format says.
        case corrupt
        /// Another process holds the writer lock.
        case locked(pid: Int32?)
        /// The store was written by a format version this build does not read.
        case unsupportedVersion
        /// A request (a selector, a time, an option) does not make sense.
        case invalidRequest
        /// A path the store will not use: not a regular file (or not a real directory), a
        /// symbolic link, or owned by another user or writable by others.
        case unsafePath
    }

    public var kind: Kind
    /// The file the error is about, if any.
    public var path: String?
    /// The 1-based line of `path` the error is about, if any.
    public var line: Int?
    /// What happened, and when it helps, what to do about it.
    public var message: String

    public init(_ kind: Kind, path: String? = nil, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: message`, leaving out the parts that are unknown.
    public var description: String {
        switch (path, line) {
        case let (path?, line?): "\(path):\(line): \(message)"
        case let (path?, nil): "\(path): \(message)"
        default: message
        }
    }
}
