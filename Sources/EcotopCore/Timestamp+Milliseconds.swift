extension Timestamp {
    /// The millisecond a time falls in, as the store keeps times and `/metrics` exposes them:
    /// sub-millisecond input is cut down, never rounded up (so `2099-12-31T23:59:59.9999Z`
    /// stays in 2099). The product is first rounded to the microsecond, the most a `Double` of
    /// seconds holds near 2100, so that `.123` read as `0.12299999...` is still the 123rd
    /// millisecond.
    @inlinable public static func millisecond(of seconds: Double) -> Double {
        ((seconds * 1_000_000).rounded() / 1000).rounded(.down)
    }
}
