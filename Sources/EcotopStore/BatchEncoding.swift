import EcotopCore

/// Turns a batch into the lines it appends: raw lines, one partial rollup bucket per series and
/// bucket touched in each tier, and event lines.
struct BatchEncoding {
    var raw: SegmentBuffers
    var tiers: [SegmentBuffers]
    var events: SegmentBuffers

    init(batch: AppendBatch, layout: StoreLayout, ladder: RetentionLadder) {
        raw = SegmentBuffers(directory: layout.rawDirectory, segmentSeconds: ladder.rawSegmentSeconds)
        tiers = ladder.tiers.map { SegmentBuffers(directory: layout.tierDirectory($0), segmentSeconds: $0.segmentSeconds) }
        events = SegmentBuffers(directory: layout.eventDirectory, segmentSeconds: ladder.eventSegmentSeconds)
        encodeRaw(batch)
        for (index, tier) in ladder.tiers.enumerated() { encodeRollups(batch, tier: tier, into: &tiers[index]) }
        for event in batch.events { encode(event) }
    }

    /// Every file with the bytes to append to it.
    var appends: [(path: String, bytes: [UInt8])] {
        (raw.appends + tiers.flatMap(\.appends) + events.appends).filter { !$0.bytes.isEmpty }
    }

    private mutating func encodeRaw(_ batch: AppendBatch) {
        batch.series.withUnsafeBufferPointer { series in
            batch.times.withUnsafeBufferPointer { times in
                batch.values.withUnsafeBufferPointer { values in
                    for index in 0..<series.count {
                        raw.withBuffer(for: times[index]) { output in
                            output.append("{\"s\":")
                            output.append(Int64(series[index]))
                            output.append(",\"t\":")
                            output.append(times[index])
                            output.append(",\"v\":")
                            output.append(values[index])
                            output.append("}\n")
                        }
                    }
                }
            }
        }
    }

    /// Keeps one open bucket per series; a point outside it closes it into a partial line.
    private func encodeRollups(_ batch: AppendBatch, tier: RollupTier, into output: inout SegmentBuffers) {
        var open = [RollupBucket?](repeating: nil, count: batch.catalog.count)
        var touched: [UInt32] = []
        for index in 0..<batch.series.count {
            let series = batch.series[index]
            let time = batch.times[index]
            let value = batch.values[index]
            let start = tier.bucketStart(of: time)
            if let bucket = open[Int(series)] {
                if bucket.start == start {
                    open[Int(series)]!.add(time: time, value: value)
                    continue
                }
                output.withBuffer(for: bucket.start) { bucket.encode(series: series, into: &$0) }
            } else {
                touched.append(series)
            }
            open[Int(series)] = RollupBucket(start: start, time: time, value: value)
        }
        for series in touched {
            let bucket = open[Int(series)]!
            output.withBuffer(for: bucket.start) { bucket.encode(series: series, into: &$0) }
        }
    }

    private mutating func encode(_ event: IntegrationEvent) {
        let time = Int64((event.timestamp * 1000).rounded())
        events.withBuffer(for: time) { output in
            output.append("{\"t\":")
            output.append(time)
            output.append(",\"kind\":")
            output.append(string: event.kind.rawValue)
            output.append(",\"integration\":")
            output.append(string: event.integration)
            output.append(",\"code\":")
            output.append(string: event.code)
            output.append(",\"message\":")
            output.append(string: event.message)
            if let latency = event.latencyMilliseconds {
                output.append(",\"latency_ms\":")
                output.append(latency)
            }
            if !event.attributes.isEmpty {
                output.append(",\"attributes\":")
                output.append(stringObject: event.attributes)
            }
            output.append("}\n")
        }
    }
}
