import ArgumentParser
import EcotopApp
import EcotopCore

extension TimeRange {
    /// `--range 15m|1h|6h|24h|7d|30d`, for `@Option(transform:)`: one check and one message
    /// for every command that takes a range.
    static func argument(_ text: String) throws -> TimeRange {
        guard let range = TimeRange(label: text) else {
            throw ValidationError("expected one of \(allCases.map(\.label).joined(separator: ", "))")
        }
        return range
    }
}
