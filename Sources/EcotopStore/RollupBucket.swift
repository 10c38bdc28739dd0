/// The aggregate of the points of one series in one bucket of a rollup tier: count, sum, min,
/// max, and the last value with its time. Buckets merge exactly, so partial buckets written by
/// different batches combine into the bucket of all their points.
struct RollupBucket: Equatable {
    /// The bucket's start in milliseconds.
    var start: Int64
    var count: Int64
    var sum: Double
    var min: Double
    var max: Double
    /// The value of the latest point; among points with the same time, the one appended last.
    var last: Double
    var lastTime: Int64

    init(start: Int64, time: Int64, value: Double) {
        self.start = start
        count = 1
        sum = value
        min = value
        max = value
        last = value
        lastTime = time
    }

    init(_ line: StoreLine) {
        start = line.time
        count = line.count
        sum = line.sum
        min = line.min
        max = line.max
        last = line.last
        lastTime = line.lastTime
    }

    @inline(__always) mutating func add(time: Int64, value: Double) {
        count += 1
        sum += value
        if value < min { min = value }
        if value > max { max = value }
        if time >= lastTime {
            last = value
            lastTime = time
        }
    }

    /// Adds the points of `later`, a bucket appended after this one. (The count wraps rather
    /// than traps: only a hand-made file could hold 2^63 points, and reading it must not crash.)
    @inline(__always) mutating func merge(_ later: RollupBucket) {
        count &+= later.count
        sum += later.sum
        if later.min < min { min = later.min }
        if later.max > max { max = later.max }
        if later.lastTime >= lastTime {
            last = later.last
            lastTime = later.lastTime
        }
    }

    /// Appends the bucket's line for `series`.
    func encode(series: UInt32, into output: inout JSONBytes) {
        output.append("{\"s\":")
        output.append(Int64(series))
        output.append(",\"t\":")
        output.append(start)
        output.append(",\"n\":")
        output.append(count)
        output.append(",\"sum\":")
        output.append(sum)
        output.append(",\"min\":")
        output.append(min)
        output.append(",\"max\":")
        output.append(max)
        output.append(",\"last\":")
        output.append(last)
        output.append(",\"lt\":")
        output.append(lastTime)
        output.append("}\n")
    }
}
