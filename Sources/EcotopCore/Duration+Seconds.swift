extension Duration {
    /// The duration in seconds, for timings measured with `ContinuousClock`.
    public var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
