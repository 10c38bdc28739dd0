/// The bytes a batch appends to the segments of one directory, by segment start.
///
/// Batches mostly fall into one or two segments, so the last segment used is remembered and
/// the rest are searched linearly.
struct SegmentBuffers {
    let directory: String
    /// How much time one segment covers, in milliseconds.
    let segmentMilliseconds: Int64
    private(set) var starts: [Int64] = []
    private(set) var buffers: [JSONBytes] = []
    /// Per segment, the partial rollup buckets appended for a bucket an earlier batch already
    /// wrote a partial for: lines a merge would save.
    var fragments: [Int] = []
    private var lastStart: Int64 = .min
    private var lastSlot = 0

    init(directory: String, segmentSeconds: Int64) {
        self.directory = directory
        self.segmentMilliseconds = segmentSeconds * 1000
    }

    /// The slot of the buffer for the segment holding `time` (milliseconds).
    @inline(__always) mutating func slot(for time: Int64) -> Int {
        let start = time / segmentMilliseconds * segmentMilliseconds / 1000
        if start == lastStart { return lastSlot }
        lastStart = start
        if let existing = starts.firstIndex(of: start) {
            lastSlot = existing
        } else {
            starts.append(start)
            buffers.append(JSONBytes(capacity: 1 << 16))
            fragments.append(0)
            lastSlot = starts.count - 1
        }
        return lastSlot
    }

    @inline(__always) mutating func withBuffer(for time: Int64, _ body: (inout JSONBytes) -> Void) {
        let index = slot(for: time)
        body(&buffers[index])
    }

    /// The segment files with their fragment counts.
    var fragmentCounts: [(path: String, fragments: Int)] {
        zip(starts, fragments).map { (StoreLayout.segmentPath(in: directory, start: $0), $1) }
    }

    /// The segment files and the bytes to append to each.
    var appends: [(path: String, bytes: [UInt8])] {
        zip(starts, buffers).map { (StoreLayout.segmentPath(in: directory, start: $0), $1.bytes) }
    }
}
