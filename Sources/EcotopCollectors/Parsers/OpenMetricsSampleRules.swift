/// The OpenMetrics 1.0 rules that tie one sample to its family's type: which name suffixes
/// a type's samples take, which labels they need or may not have, and which values they
/// allow. The rules across samples (buckets, MetricPoints) are `OpenMetricsPoints`'.
///
/// | type | sample names | required |
/// | --- | --- | --- |
/// | counter | `_total`, `_created` | `_total` not negative nor NaN |
/// | gauge, unknown | the family name | |
/// | histogram | `_bucket`, `_count`, `_sum`, `_created` | `le` on `_bucket` only; buckets, `_count`, `_sum` not negative nor NaN |
/// | gaugehistogram | `_bucket`, `_gcount`, `_gsum` | `le` on `_bucket` only; buckets, `_gcount` not negative nor NaN; `_gsum` not NaN |
/// | summary | the family name, `_count`, `_sum`, `_created` | `quantile` (0 to 1) on the family name only; quantiles not negative; `_count`, `_sum` not negative nor NaN |
/// | info | `_info` | value 1 |
/// | stateset | the family name | a label named after the family; value 0 or 1 |
struct OpenMetricsSampleRules {
    let familyName: String
    let type: ScrapedMetricType
    /// The suffix after the family name.
    let suffix: Suffix

    /// What follows the family name in a sample's name.
    enum Suffix: UInt8, CaseIterable {
        /// The family name itself.
        case none, total, created, bucket, count, sum, gcount, gsum, info

        var text: String { literal.description }

        /// The suffix as written after the family name.
        var literal: StaticString {
            switch self {
            case .none: ""
            case .total: "_total"
            case .created: "_created"
            case .bucket: "_bucket"
            case .count: "_count"
            case .sum: "_sum"
            case .gcount: "_gcount"
            case .gsum: "_gsum"
            case .info: "_info"
            }
        }

        /// The suffix written as these UTF-8 bytes.
        init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
            guard let suffix = Self.allCases.first(where: { suffix in
                let literal = suffix.literal
                return literal.utf8CodeUnitCount == bytes.count
                    && UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount).elementsEqual(bytes)
            }) else { return nil }
            self = suffix
        }

        /// Whether the samples of `type` take this suffix.
        func belongs(to type: ScrapedMetricType) -> Bool {
            OpenMetricsSampleRules.suffixes(of: type).contains(self)
        }

        /// The suffix `name` ends with (every suffix is `_` and letters), and the name before
        /// it; nil when it ends with none.
        static func split(_ name: String) -> (base: String, suffix: Suffix)? {
            name.withUTF8Bytes { bytes in
                guard let underscore = bytes.lastIndex(of: UInt8(ascii: "_")), underscore > 0,
                      let suffix = Suffix(utf8: UnsafeBufferPointer(rebasing: bytes[underscore...])) else { return nil }
                return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<underscore]), as: UTF8.self), suffix)
            }
        }
    }

    private static let counterSuffixes: [Suffix] = [.total, .created]
    private static let bareSuffixes: [Suffix] = [.none]
    private static let histogramSuffixes: [Suffix] = [.bucket, .count, .sum, .created]
    private static let gaugeHistogramSuffixes: [Suffix] = [.bucket, .gcount, .gsum]
    private static let summarySuffixes: [Suffix] = [.none, .count, .sum, .created]
    private static let infoSuffixes: [Suffix] = [.info]

    /// The suffixes the samples of `type` take.
    static func suffixes(of type: ScrapedMetricType) -> [Suffix] {
        switch type {
        case .counter: counterSuffixes
        case .gauge, .unknown, .stateset: bareSuffixes
        case .histogram: histogramSuffixes
        case .gaugehistogram: gaugeHistogramSuffixes
        case .summary: summarySuffixes
        case .info: infoSuffixes
        }
    }

    /// The suffix linking `name` to the family `familyName` of `type`, or nil when the
    /// sample is not one of the family's.
    static func suffix(of name: String, inFamily familyName: String, of type: ScrapedMetricType) -> Suffix? {
        let suffix = name.withUTF8Bytes { name in
            familyName.withUTF8Bytes { family in
                name.count >= family.count && name.starts(with: family)
                    ? Suffix(utf8: UnsafeBufferPointer(rebasing: name[family.count...])) : nil
            }
        }
        guard let suffix, suffix.belongs(to: type) else { return nil }
        return suffix
    }

    /// The sample's name: the family name and the suffix.
    var sampleName: String { familyName + suffix.text }

    /// Whether the sample may carry an exemplar.
    var allowsExemplar: Bool {
        switch (type, suffix) {
        case (.counter, .total), (.histogram, .bucket), (.gaugehistogram, .bucket): true
        default: false
        }
    }

    /// The label that tells the samples of one MetricPoint apart (a bucket's `le`, a
    /// quantile's `quantile`, a state's label named after the family); nil for other samples.
    var pointLabel: String? {
        switch (type, suffix) {
        case (.histogram, .bucket), (.gaugehistogram, .bucket): "le"
        case (.summary, .none): "quantile"
        case (.stateset, _): familyName
        default: nil
        }
    }

    /// What is wrong with one sample, and whether the fault is in its labels or its value.
    enum Problem: Error, Equatable {
        case labels(String)
        case value(String)

        var reason: String {
            switch self {
            case .labels(let reason), .value(let reason): reason
            }
        }
    }

    /// Checks the sample's labels and value. Returns the number its point label holds (a
    /// bucket's bound, a quantile), for the samples that have one.
    func check(labels: [String: String], value: Double) throws(Problem) -> Double? {
        if let forbiddenLabel, labels[forbiddenLabel] != nil {
            throw .labels("\(type.rawValue) sample \(sampleName) must not have a \(forbiddenLabel) label")
        }
        switch (type, suffix) {
        case (.counter, .total), (.histogram, .count), (.histogram, .sum), (.gaugehistogram, .gcount),
             (.summary, .count), (.summary, .sum):
            if value.isNaN || value < 0 { throw .value("\(type.rawValue) \(sampleName) must not be negative or NaN") }
        case (.gaugehistogram, .gsum):
            if value.isNaN { throw .value("gaugehistogram \(sampleName) must not be NaN") }
        case (.histogram, .bucket), (.gaugehistogram, .bucket):
            let bound = try Self.numericLabel("le", in: labels, sample: sampleName, of: type)
            if bound.isNaN { throw .labels("label le=\"NaN\" is not a bucket bound") }
            if value.isNaN || value < 0 { throw .value("\(type.rawValue) bucket values must not be negative or NaN") }
            return bound
        case (.summary, .none):
            let quantile = try Self.numericLabel("quantile", in: labels, sample: sampleName, of: type)
            guard (0...1).contains(quantile) else {
                throw .labels("label quantile=\"\(labels["quantile"]!)\" must be between 0 and 1")
            }
            if value < 0 { throw .value("summary quantiles must not be negative") }
            return quantile
        case (.info, _):
            if value != 1 { throw .value("info \(sampleName) must have the value 1") }
        case (.stateset, _):
            if labels[familyName] == nil { throw .labels("stateset \(familyName) needs a label named \(familyName)") }
            if value != 0 && value != 1 { throw .value("stateset \(familyName) values must be 0 or 1") }
        default:
            break
        }
        return nil
    }

    /// The label only another sample of the MetricPoint may have: `le` on a histogram's
    /// samples other than buckets, `quantile` on a summary's other than quantiles.
    private var forbiddenLabel: String? {
        switch (type, suffix) {
        case (.histogram, .bucket), (.gaugehistogram, .bucket), (.summary, .none): nil
        case (.histogram, _), (.gaugehistogram, _): "le"
        case (.summary, _): "quantile"
        default: nil
        }
    }

    /// The number in the bucket bound (`le`) or quantile label a histogram or summary sample
    /// needs. Prometheus text has the same rule.
    static func numericLabel(
        _ name: String, in labels: [String: String], sample: @autoclosure () -> String, of type: ScrapedMetricType
    ) throws(Problem) -> Double {
        guard let text = labels[name] else { throw .labels("\(type.rawValue) sample \(sample()) needs a \(name) label") }
        guard let number = NumberText.float(text) else { throw .labels("label \(name)=\"\(text)\" is not a number") }
        return number
    }
}

extension String {
    /// Runs `body` on the string's UTF-8 bytes, in place when the string stores them so.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        utf8.withContiguousStorageIfAvailable(body) ?? Array(utf8).withUnsafeBufferPointer(body)
    }
}
