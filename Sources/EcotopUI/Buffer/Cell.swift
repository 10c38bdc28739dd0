/// One column of one row of the screen.
public struct Cell: Hashable, Sendable {
    /// What the cell shows. A double-width character sits in its first cell; the second
    /// cell is a continuation and shows nothing of its own.
    public var scalar: Unicode.Scalar
    public var style: Style
    /// Whether this cell is the right half of a double-width character to its left.
    public var isContinuation: Bool

    public init(_ scalar: Unicode.Scalar = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.scalar = scalar
        self.style = style
        self.isContinuation = isContinuation
    }

    /// An empty cell with the default look.
    public static let blank = Cell()
}
