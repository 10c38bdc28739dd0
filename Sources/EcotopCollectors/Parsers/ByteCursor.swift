/// A read position in a UTF-8 input that knows its line, so that every parser reports
/// errors as `line:column` the same way.
///
/// The cursor borrows the bytes; it is only valid inside the closure that lent them
/// (see `withContiguousBytes(of:_:)`).
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    var index: Int = 0
    /// The 1-based number of the line that holds `index`.
    private(set) var line: Int = 1
    /// The offset of the first byte of the current line.
    private(set) var lineStart: Int = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index >= bytes.count }

    /// The next byte, or nil at the end of the input.
    @inline(__always)
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// True at the end of the input or on a line feed.
    @inline(__always)
    var isAtLineEnd: Bool { index >= bytes.count || bytes[index] == UInt8(ascii: "\n") }

    /// Consumes `byte` if it is next.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Consumes `byte` or fails with "expected <what>".
    @inline(__always)
    mutating func expect(_ byte: UInt8, _ what: String) throws(ParseError) {
        guard consume(byte) else { throw failure("expected \(what)") }
    }

    /// Consumes `literal` if the input continues with exactly those bytes.
    mutating func consume(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
        index += count
        return true
    }

    /// Consumes bytes while they are in `set` and returns their range.
    @inline(__always)
    mutating func scan(while set: ByteSet) -> Range<Int> {
        let start = index
        while index < bytes.count, set.contains(bytes[index]) { index += 1 }
        return start..<index
    }

    /// Consumes bytes until one in `set` (or the end) and returns their range.
    @inline(__always)
    mutating func scan(until set: ByteSet) -> Range<Int> {
        let start = index
        while index < bytes.count, !set.contains(bytes[index]) { index += 1 }
        return start..<index
    }

    /// Consumes the line feed at the cursor (or accepts the end of input) and moves to
    /// the next line; anything else is an error.
    mutating func finishLine(_ what: String = "end of line") throws(ParseError) {
        if index >= bytes.count { return }
        guard bytes[index] == UInt8(ascii: "\n") else { throw failure("expected \(what)") }
        passLineFeed()
    }

    /// Moves past the line feed at the cursor, which starts a new line: at the end of a line,
    /// or inside a token that may span lines (an Influx string field).
    @inline(__always)
    mutating func passLineFeed() {
        index += 1
        line += 1
        lineStart = index
    }

    /// Where the cursor is, to report an error there after reading on.
    var mark: Mark { Mark(line: line, lineStart: lineStart, offset: index) }

    /// A remembered position: its line, where that line starts and the byte offset.
    struct Mark {
        let line: Int
        let lineStart: Int
        let offset: Int
    }

    /// The bytes of `range` as a buffer.
    @inline(__always)
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    /// The bytes of `range` as a string; fails at the range's start if they are not UTF-8.
    @inline(__always)
    func string(_ range: Range<Int>) throws(ParseError) -> String {
        guard let decoded = Self.string(from: slice(range)) else {
            throw failure("invalid UTF-8", at: range.lowerBound)
        }
        return decoded
    }

    /// Decodes UTF-8, returning nil for invalid sequences; ASCII takes a fast path.
    static func string(from bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// An error at `offset` (by default, the cursor) on the current line.
    func failure(_ reason: String, at offset: Int? = nil) -> ParseError {
        failure(reason, at: Mark(line: line, lineStart: lineStart, offset: offset ?? index))
    }

    /// An error at a remembered position.
    func failure(_ reason: String, at mark: Mark) -> ParseError {
        ParseError(line: mark.line, column: Self.column(of: mark.offset, lineStart: mark.lineStart, in: bytes), reason: reason)
    }

    /// The 1-based column, in Unicode scalars, of the byte at `offset` on the line starting at
    /// `lineStart`; one past the last character when `offset` is the end of the input.
    static func column(of offset: Int, lineStart: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let end = min(offset, bytes.count)
        var column = 1
        var position = lineStart
        while position < end {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return column
    }
}

/// Lends the bytes of `input` as one contiguous buffer, copying only when the collection
/// does not store them contiguously.
func withContiguousBytes<Input: Collection, Result>(
    of input: Input,
    _ body: (UnsafeBufferPointer<UInt8>) throws(ParseError) -> Result
) throws(ParseError) -> Result where Input.Element == UInt8 {
    let lent: Swift.Result<Result, ParseError>? = input.withContiguousStorageIfAvailable { buffer in
        do throws(ParseError) { return .success(try body(buffer)) } catch { return .failure(error) }
    }
    if let lent { return try lent.get() }
    let copy = Array(input)
    return try copy.withUnsafeBufferPointer { buffer throws(ParseError) in try body(buffer) }
}
