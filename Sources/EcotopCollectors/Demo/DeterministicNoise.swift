/// Pure, seedable noise: the same seed, stream and time always give the same number, so the
/// demo can be replayed for any moment without keeping state.
struct DeterministicNoise: Sendable {
    let seed: UInt64

    /// A well-mixed 64-bit hash of the seed, a stream id and an index (SplitMix64 finalizer).
    func hash(_ stream: UInt64, _ index: Int64) -> UInt64 {
        var z = seed &+ stream &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(bitPattern: index) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in 0..<1.
    func unit(_ stream: UInt64, _ index: Int64) -> Double {
        Double(hash(stream, index) >> 11) / Double(1 << 53)
    }

    /// A uniform number in -1..<1.
    func signed(_ stream: UInt64, _ index: Int64) -> Double {
        unit(stream, index) * 2 - 1
    }

    /// Smooth noise in -1...1 that wanders with knots every `period` seconds.
    func smooth(_ stream: UInt64, at time: Double, period: Double) -> Double {
        let position = time / period
        let knot = position.rounded(.down)
        let fraction = position - knot
        let eased = fraction * fraction * (3 - 2 * fraction)
        let left = signed(stream, Self.index(knot))
        let right = signed(stream, Self.index(knot) &+ 1)
        return left + (right - left) * eased
    }

    /// `value` rounded down as a hash index, saturating at the ends of `Int64` (0 for NaN), so
    /// that a time however far out (`ecotop screenshot --time 1e300`) still has noise rather
    /// than trapping.
    static func index(_ value: Double) -> Int64 {
        let limit = 9.2e18
        let floor = value.rounded(.down)
        return floor.isNaN ? 0 : Int64(Swift.min(Swift.max(floor, -limit), limit))
    }
}
