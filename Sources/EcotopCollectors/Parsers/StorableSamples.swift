import EcotopCore
import EcotopStore

/// The samples of one input split into those a store keeps and those it does not (NaN or an
/// infinity, a time outside 1970–2100 or older than its retention keeps), each skipped one
/// with where it was read and why. A sample the store cannot keep is a well-formed part of
/// its input: it is skipped with a warning, never a reason to refuse the rest.
public struct StorableSamples {
    /// The samples the store keeps, in input order.
    public private(set) var kept: [Sample] = []
    /// The samples it does not keep, in input order.
    public private(set) var skipped: [SkippedSample] = []

    /// Splits what a parser read from `input`; a skipped sample's position points at its
    /// value, or at its timestamp when the time is the problem.
    public init(_ parsed: ParsedMetrics, input: some Collection<UInt8>, admission: StoreAdmission) {
        precondition(parsed.origins.count == parsed.samples.count, "a parser gives every sample an origin")
        var skippedAt: [(index: Int, refusal: StoreRefusal)] = []
        for (index, sample) in parsed.samples.enumerated() {
            if let refusal = admission.refusal(of: sample) {
                skippedAt.append((index, refusal))
            } else {
                kept.append(sample)
            }
        }
        guard !skippedAt.isEmpty else { return }
        let located = { (bytes: UnsafeBufferPointer<UInt8>) -> [SkippedSample] in
            var positions = TextPositions(bytes)
            return skippedAt.map { index, refusal in
                let origin = parsed.origins[index]
                let offset = refusal.concernsTime ? origin.timestampOrValueOffset : origin.valueOffset
                return SkippedSample(sample: parsed.samples[index], position: positions.position(of: offset), refusal: refusal)
            }
        }
        skipped = input.withContiguousStorageIfAvailable(located) ?? Array(input).withUnsafeBufferPointer(located)
    }

    /// Splits samples that were not read from text (an imported file), so without positions.
    public init(_ samples: [Sample], admission: StoreAdmission) {
        for sample in samples {
            if let refusal = admission.refusal(of: sample) {
                skipped.append(SkippedSample(sample: sample, position: nil, refusal: refusal))
            } else {
                kept.append(sample)
            }
        }
    }
}

/// A sample a store would not keep: which, where it was read and why.
public struct SkippedSample: Hashable, Sendable, CustomStringConvertible {
    public var sample: Sample
    /// The 1-based line and column of the offending value or timestamp; nil when the sample
    /// was not read from text.
    public var position: TextPosition?
    public var refusal: StoreRefusal

    public init(sample: Sample, position: TextPosition?, refusal: StoreRefusal) {
        self.sample = sample
        self.position = position
        self.refusal = refusal
    }

    /// `line:column: skipped series: why`, or `skipped series: why` without a position.
    public var description: String {
        let skipped = "skipped \(sample.key): \(refusal)"
        return position.map { "\($0): \(skipped)" } ?? skipped
    }
}
