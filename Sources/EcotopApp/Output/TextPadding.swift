extension String {
    /// The string padded with spaces to `width` characters, for plain-text tables.
    public func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
