/// Why a built-in collector's collection failed as a whole: the endpoint was down, answered
/// an error status, sent something unreadable, or the file could not be read.
///
/// The message never holds a secret: URLs appear as configured (`${TOKEN}` unexpanded) and
/// anything echoed by a server is redacted.
public struct CollectionFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The whole message, e.g. `GET http://127.0.0.1:9100/metrics: connection refused`.
    public var message: String

    /// A failure with this message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
