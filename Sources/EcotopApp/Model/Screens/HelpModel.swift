/// The `?` overlay: how far its text is scrolled.
public struct HelpModel: Sendable, Hashable {
    /// The first line shown; the view keeps it within the text.
    public var offset = 0

    public init() {}
}
