import EcotopCore

/// The OpenMetrics 1.0 rules across the samples of one family, checked as samples arrive:
///
/// - a family's Metrics (label sets, without the label that tells a MetricPoint's samples
///   apart) are not interleaved nor repeated, and a Metric's MetricPoints have increasing
///   timestamps (a MetricPoint is the samples of one Metric at one time: a sample starts a
///   new one when it and the MetricPoint so far both have timestamps and they differ);
/// - no sample repeats within a MetricPoint;
/// - a histogram or gaugehistogram MetricPoint has buckets in increasing order of `le`,
///   cumulative, with a `+Inf` bucket that `_count` (`_gcount`) equals, and `_sum`
///   (`_gsum`) if and only if `_count` (`_gcount`);
/// - a counter MetricPoint has a `_total`.
struct OpenMetricsPoints {
    /// One sample, as the rules need it.
    struct Sample {
        let rules: OpenMetricsSampleRules
        let key: SeriesKey
        let value: Double
        /// The number the point label holds: a bucket's bound, a quantile.
        let pointNumber: Double?
        /// The timestamp written on the sample's line; nil when it had none.
        let timestamp: Double?
        /// Where the sample's name, value and timestamp (or value, without one) start.
        let nameMark: ByteCursor.Mark
        let valueMark: ByteCursor.Mark
        let timestampMark: ByteCursor.Mark
    }

    private var family: Int?
    private var metric: [SeriesKey.Label]?
    /// The metrics of the family seen so far, the current one included, once it has a
    /// second one (a family of one metric, the common case, hashes no labels).
    private var metrics: Set<[SeriesKey.Label]> = []
    private var point: MetricPoint?

    /// Checks `sample` of the family at `position` against the samples before it.
    mutating func add(_ sample: Sample, family position: Int, cursor: ByteCursor) throws(ParseError) {
        if family != position {
            try finish(cursor: cursor)
            family = position
        }
        let pointLabel = sample.rules.pointLabel
        if !Self.labels(sample.key.labels, without: pointLabel, are: metric) {
            try point?.finish(cursor: cursor)
            let labels = pointLabel.map { name in sample.key.labels.filter { $0.name != name } } ?? sample.key.labels
            if metrics.isEmpty, let metric { metrics.insert(metric) }
            if metric != nil, !metrics.insert(labels).inserted {
                let metric = SeriesKey(name: sample.rules.familyName, labels: Dictionary(uniqueKeysWithValues: labels.map { ($0.name, $0.value) }))
                throw cursor.failure(
                    "metric \(metric) appears again after other metrics of its family; metrics must not be interleaved", at: sample.nameMark)
            }
            metric = labels
            point = MetricPoint(sample)
        } else if let timestamp = sample.timestamp, let pointTimestamp = point!.timestamp, timestamp != pointTimestamp {
            try point!.finish(cursor: cursor)
            guard timestamp > pointTimestamp else {
                throw cursor.failure("the MetricPoints of a metric must have increasing timestamps", at: sample.timestampMark)
            }
            point = MetricPoint(sample)
        }
        try point!.add(sample, pointLabel: pointLabel, cursor: cursor)
    }

    /// Whether `labels` without the label named `skipped` are `metric`, compared in place.
    private static func labels(_ labels: [SeriesKey.Label], without skipped: String?, are metric: [SeriesKey.Label]?) -> Bool {
        guard let metric else { return false }
        guard let skipped else { return labels == metric }
        guard labels.count == metric.count + 1 else { return false }
        var index = 0
        for label in labels where label.name != skipped {
            guard index < metric.count, label == metric[index] else { return false }
            index += 1
        }
        return index == metric.count
    }

    /// Checks the last MetricPoint of the family being read; called when another family
    /// starts and at the end of the input.
    mutating func finish(cursor: ByteCursor) throws(ParseError) {
        try point?.finish(cursor: cursor)
        family = nil
        metric = nil
        metrics.removeAll(keepingCapacity: true)
        point = nil
    }
}

/// The samples of one MetricPoint read so far.
private struct MetricPoint {
    let type: ScrapedMetricType
    let familyName: String
    /// The timestamp of the first of its samples that has one.
    private(set) var timestamp: Double?
    let start: ByteCursor.Mark
    /// The suffixes seen (bits by `Suffix.rawValue`), for those a MetricPoint has at most once.
    private var suffixes: UInt16 = 0
    /// The quantiles seen.
    private var quantiles: [Double] = []
    /// The states seen (a stateset's label named after the family).
    private var states: Set<String> = []
    private var lastBucket: (bound: Double, value: Double)?
    private var infinityBucket: Double?
    private var count: (value: Double, mark: ByteCursor.Mark)?
    private var hasSum = false

    init(_ sample: OpenMetricsPoints.Sample) {
        type = sample.rules.type
        familyName = sample.rules.familyName
        timestamp = sample.timestamp
        start = sample.nameMark
    }

    mutating func add(_ sample: OpenMetricsPoints.Sample, pointLabel: String?, cursor: ByteCursor) throws(ParseError) {
        let suffix = sample.rules.suffix
        timestamp = timestamp ?? sample.timestamp
        if let pointLabel {
            switch sample.pointNumber {
            case let bound? where suffix == .bucket:
                try addBucket(bound: bound, sample, cursor: cursor)
                return
            case let quantile?:
                guard !quantiles.contains(quantile) else { break }
                quantiles.append(quantile)
                return
            case nil:
                guard !states.insert(sample.key[label: pointLabel]!).inserted else { return }
            }
            throw cursor.failure(
                "sample \(sample.rules.sampleName){\(pointLabel)=\"\(sample.key[label: pointLabel]!)\"} is repeated in one MetricPoint",
                at: sample.nameMark)
        }
        let bit = UInt16(1) << suffix.rawValue
        if suffixes & bit != 0 {
            throw cursor.failure(
                "sample \(sample.rules.sampleName) is repeated in one MetricPoint (same labels and timestamp)", at: sample.nameMark)
        }
        suffixes |= bit
        switch suffix {
        case .count, .gcount: count = (sample.value, sample.valueMark)
        case .sum, .gsum: hasSum = true
        default: break
        }
    }

    private mutating func addBucket(bound: Double, _ sample: OpenMetricsPoints.Sample, cursor: ByteCursor) throws(ParseError) {
        if let lastBucket {
            guard bound > lastBucket.bound else {
                throw cursor.failure("\(type.rawValue) buckets must be in increasing order of le, each bound once", at: sample.nameMark)
            }
            guard sample.value >= lastBucket.value else {
                throw cursor.failure(
                    "\(type.rawValue) buckets must be cumulative: this one counts less than the bucket before it", at: sample.valueMark)
            }
        }
        lastBucket = (bound, sample.value)
        if bound == .infinity { infinityBucket = sample.value }
    }

    /// The rules that need the whole MetricPoint.
    func finish(cursor: ByteCursor) throws(ParseError) {
        switch type {
        case .histogram, .gaugehistogram:
            let countSuffix = type == .histogram ? "_count" : "_gcount"
            let sumSuffix = type == .histogram ? "_sum" : "_gsum"
            guard let infinityBucket else {
                throw cursor.failure("\(type.rawValue) \(familyName) has a MetricPoint without a +Inf bucket", at: start)
            }
            if let count, count.value != infinityBucket {
                throw cursor.failure(
                    "\(familyName)\(countSuffix) is \(count.value) but the +Inf bucket counts \(infinityBucket)", at: count.mark)
            }
            if hasSum != (count != nil) {
                throw cursor.failure(
                    "\(type.rawValue) \(familyName) has a MetricPoint with \(hasSum ? sumSuffix : countSuffix) but no \(hasSum ? countSuffix : sumSuffix)",
                    at: start)
            }
        case .counter where suffixes & (1 << OpenMetricsSampleRules.Suffix.total.rawValue) == 0:
            throw cursor.failure("counter \(familyName) has a MetricPoint without \(familyName)_total", at: start)
        default:
            break
        }
    }
}
