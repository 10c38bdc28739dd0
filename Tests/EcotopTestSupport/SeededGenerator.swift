import Foundation

/// A small deterministic random generator, so failures reproduce.
public struct SeededGenerator: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    public mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        var value = state
        value ^= value >> 33
        value &*= 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        return value
    }
}

/// The seed of a randomized test: the value of `ECOTOP_TEST_SEED` when it is set, so that a
/// failing run can be replayed, else a fresh one. Making one prints it, so every run's output
/// says how to replay it; put the seed in failure messages too.
public struct TestSeed: Sendable, CustomStringConvertible {
    /// The environment variable that replays a seed.
    public static let variable = "ECOTOP_TEST_SEED"

    public let value: UInt64

    /// Reads or draws the seed of `test` and prints it.
    public init(of test: String) {
        let given = ProcessInfo.processInfo.environment[Self.variable]
        value = given.flatMap { UInt64($0) } ?? UInt64.random(in: .min ... .max)
        if let given, UInt64(given) == nil {
            print("\(test): ignoring \(Self.variable)=\(given), which is not a whole number from 0 to \(UInt64.max)")
        }
        print("\(test): \(self)")
    }

    /// A generator that draws the same numbers for the same seed.
    public func generator() -> SeededGenerator { SeededGenerator(seed: value) }

    public var description: String { "seed \(value) (replay with \(Self.variable)=\(value))" }
}
