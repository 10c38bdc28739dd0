import EcotopCore

/// Turns a batch into the lines it appends: raw lines, one partial rollup bucket per series and
/// bucket touched in each tier, and event lines.
struct BatchEncoding {
    var raw: SegmentBuffers
    var tiers: [SegmentBuffers]
    var events: SegmentBuffers

    /// - Parameter lastBuckets: per tier and series id, the start of the last bucket a partial
    ///   was written for, kept by the writer across batches to count fragments.
    init(batch: AppendBatch, layout: StoreLayout, ladder: RetentionLadder, lastBuckets: inout [[Int64]]) {
        raw = SegmentBuffers(directory: layout.rawDirectory, segmentSeconds: ladder.rawSegmentSeconds)
        tiers = ladder.tiers.map { SegmentBuffers(directory: layout.tierDirectory($0), segmentSeconds: $0.segmentSeconds) }
        events = SegmentBuffers(directory: layout.eventDirectory, segmentSeconds: ladder.eventSegmentSeconds)
        encodeRaw(batch)
        while lastBuckets.count < ladder.tiers.count { lastBuckets.append([]) }
        for (index, tier) in ladder.tiers.enumerated() {
            if lastBuckets[index].count < batch.catalog.count {
                lastBuckets[index] += repeatElement(.min, count: batch.catalog.count - lastBuckets[index].count)
            }
            encodeRollups(batch, tier: tier, into: &tiers[index], lastBuckets: &lastBuckets[index])
        }
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
    private func encodeRollups(_ batch: AppendBatch, tier: RollupTier, into output: inout SegmentBuffers, lastBuckets: inout [Int64]) {
        var open = [RollupBucket?](repeating: nil, count: batch.catalog.count)
        var touched: [UInt32] = []
        func write(_ bucket: RollupBucket, series: UInt32) {
            let slot = output.slot(for: bucket.start)
            if lastBuckets[Int(series)] == bucket.start { output.fragments[slot] += 1 }
            lastBuckets[Int(series)] = bucket.start
            output.withBuffer(for: bucket.start) { bucket.encode(series: series, into: &$0) }
        }
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
                write(bucket, series: series)
            } else {
                touched.append(series)
            }
            open[Int(series)] = RollupBucket(start: start, time: time, value: value)
        }
        for series in touched { write(open[Int(series)]!, series: series) }
    }

    private mutating func encode(_ event: IntegrationEvent) {
        let time = Int64(AppendBatch.storedMilliseconds(event.timestamp))
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
