/// A key written twice in one object of a JSON text. RFC 8259 leaves what that means open, and
/// most readers (Foundation's among them) silently keep the last value: inputs that are records
/// of Ecotop's own shapes refuse it instead.
public struct JSONDuplicateKey: Sendable, Equatable {
    /// The byte offset of the second occurrence's opening quote.
    public var offset: Int
    public var key: String

    /// `duplicate key "x"`, the key's control characters escaped.
    public var message: String { "duplicate key \(JSONCursor.quoted(key))" }

    /// The first key of `bytes` that repeats an earlier key of its object, at any depth, in
    /// document order; nil when none does, or when `bytes` is not JSON (whose error the
    /// caller's parser reports).
    public static func first(in bytes: UnsafeBufferPointer<UInt8>) -> JSONDuplicateKey? {
        var cursor = JSONCursor(bytes)
        do {
            return try first(in: &cursor, depth: 0)
        } catch {
            return nil
        }
    }

    private static func first(in cursor: inout JSONCursor, depth: Int) throws(JSONSyntaxError) -> JSONDuplicateKey? {
        guard depth < 64 else { throw cursor.failure("nesting too deep") }
        cursor.skipWhitespace()
        switch cursor.current {
        case UInt8(ascii: "{"):
            cursor.position += 1
            if cursor.consume(UInt8(ascii: "}")) { return nil }
            var keys: Set<String> = []
            repeat {
                cursor.skipWhitespace()
                let offset = cursor.position
                let span = try cursor.stringSpan()
                let key = cursor.decodeString(span.range, escaped: span.escaped)
                guard keys.insert(key).inserted else { return JSONDuplicateKey(offset: offset, key: key) }
                try cursor.expect(UInt8(ascii: ":"), "':'")
                if let found = try first(in: &cursor, depth: depth + 1) { return found }
            } while cursor.consume(UInt8(ascii: ","))
            try cursor.expect(UInt8(ascii: "}"), "',' or '}'")
        case UInt8(ascii: "["):
            cursor.position += 1
            if cursor.consume(UInt8(ascii: "]")) { return nil }
            repeat {
                if let found = try first(in: &cursor, depth: depth + 1) { return found }
            } while cursor.consume(UInt8(ascii: ","))
            try cursor.expect(UInt8(ascii: "]"), "',' or ']'")
        default:
            try cursor.skipValue()
        }
        return nil
    }
}
