/// The warnings of `ingest` and `import` about samples the store does not keep.
public enum SkippedSampleReport {
    /// The most warnings printed one by one; the rest are counted in one line.
    public static let shown = 100

    /// Prints the first `shown` warnings on stderr, and how many more there were.
    public static func print(_ warnings: [String]) {
        for warning in warnings.prefix(shown) { printError(warning) }
        if warnings.count > shown { printError("... and \(warnings.count - shown) more skipped samples") }
    }
}
