/// Where a parser read one sample: the byte offsets of its value and timestamp in the input,
/// so that a sample found wrong later (one the store cannot keep) is reported at
/// `line:column` like a parse error. Lines and columns are worked out only when asked for,
/// by `TextPositions`.
///
/// Parsers keep one per sample, so it is kept small (16 bytes): the timestamp is stored as
/// its distance after the value, which is never zero.
public struct SampleOrigin: Hashable, Sendable {
    /// The byte offset of the value's first character in the input.
    public let valueOffset: Int
    /// How far after the value the timestamp starts; 0 when the sample had no timestamp (or,
    /// past 4 GiB, one too far to record).
    private let timestampDistance: UInt32

    /// An origin with the value and timestamp at these offsets.
    public init(valueOffset: Int, timestampOffset: Int?) {
        self.valueOffset = valueOffset
        timestampDistance = timestampOffset.flatMap { UInt32(exactly: $0 - valueOffset) } ?? 0
    }

    /// The byte offset of the timestamp's first character; nil when the sample had none and
    /// took the parser's default timestamp.
    public var timestampOffset: Int? {
        timestampDistance == 0 ? nil : valueOffset + Int(timestampDistance)
    }

    /// The offset of the timestamp, or of the value when the sample had no timestamp.
    public var timestampOrValueOffset: Int { valueOffset + Int(timestampDistance) }
}

/// A 1-based line and column (in Unicode scalars) in a text input.
public struct TextPosition: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// Turns byte offsets into one input into 1-based `line:column` (the column in Unicode
/// scalars, as `ParseError` counts it). Offsets asked for in increasing order cost one pass
/// over the input in all; an earlier offset starts again from the beginning.
struct TextPositions {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    private var column = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The line and column of the byte at `target` (one past the last character when
    /// `target` is the end of the input).
    mutating func position(of target: Int) -> TextPosition {
        if target < offset { self = TextPositions(bytes) }
        let end = min(target, bytes.count)
        while offset < end {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return TextPosition(line: line, column: column)
    }
}
