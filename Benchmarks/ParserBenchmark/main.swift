// Measures the throughput of the text parsers on real exporter output.
//
// Method: each input is built once in memory from the captured fixtures in
// Tests/EcotopCollectorsTests/Fixtures, made large by repeating it with every metric
// name prefixed by the copy's number (so families stay distinct and the input stays
// valid), then parsed `rounds` times; the best round is reported, as MB/s (10^6 bytes)
// and samples/s, by the CPU time of the parsing thread and by wall time. On a machine busy
// with other work the wall time also counts the time the parser waited for a core, so the
// CPU time is the figure to compare. The last input is one Influx line of 100,000 fields,
// read in linear time.
// Run with: swift run -c release ParserBenchmark [rounds]
import EcotopCollectors
import EcotopCore
import Glibc

let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 5
let fixtures = FixtureDirectory.fixtures

/// Prefixes every metric name in a Prometheus or OpenMetrics text with `prefix`.
func prefixingNames(_ text: String, with prefix: String) -> String {
    var lines: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") || line.hasPrefix("# UNIT ") {
            lines.append(line.prefix(7) + prefix + line.dropFirst(7))
        } else if line.isEmpty || line.hasPrefix("#") {
            lines.append(line)
        } else {
            // A stateset sample carries a label named after its family: rename it too.
            let name = line.prefix { $0 != "{" && $0 != " " }
            lines.append(prefix + line.replacing("{\(name)=", with: "{\(prefix)\(name)="))
        }
    }
    return lines.joined(separator: "\n")
}

/// `copies` renamed copies of a text exposition, ending with `# EOF` when `openMetrics`.
func repeated(_ text: String, copies: Int, openMetrics: Bool) -> [UInt8] {
    let body = openMetrics ? String(text.dropLast("# EOF\n".count)) : text
    var output = ""
    for copy in 0..<copies { output += prefixingNames(body, with: "c\(copy)_") }
    if openMetrics { output += "# EOF\n" }
    return Array(output.utf8)
}

/// Telegraf-like line protocol: cpu, mem, disk and net points for many hosts.
func telegrafLines(points: Int) -> [UInt8] {
    var output = ""
    var timestamp = 1_700_000_000_000_000_000
    for point in 0..<points {
        let host = "web\(point % 50)"
        switch point % 4 {
        case 0: output += "cpu,cpu=cpu\(point % 8),host=\(host) usage_idle=98.5,usage_user=1.2,usage_system=0.3 \(timestamp)\n"
        case 1: output += "mem,host=\(host) used_percent=41.25,available=8123456i,total=16000000000u \(timestamp)\n"
        case 2: output += "disk,device=sda1,fstype=ext4,host=\(host),mode=rw,path=/ free=1234567i,used_percent=55.5 \(timestamp)\n"
        default: output += "net,host=\(host),interface=eth0 bytes_recv=123456789i,err_in=0i,up=true,note=\"ok\" \(timestamp)\n"
        }
        timestamp += 10_000_000_000
    }
    return Array(output.utf8)
}

/// One Influx point with `fields` integer fields: a line whose cost must grow linearly
/// with its length (checking for a repeated field key once took quadratic time).
func wideInfluxLine(fields: Int) -> [UInt8] {
    Array(("wide " + (0..<fields).map { "f\($0)=\($0)i" }.joined(separator: ",") + " 1700000000000000000\n").utf8)
}

/// The CPU time the calling thread has used, in seconds.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func measure(_ name: String, _ input: [UInt8], _ parse: ([UInt8]) throws -> ParsedMetrics) {
    var bestCPU = Double.infinity, bestWall = Double.infinity
    var samples = 0
    for _ in 0..<rounds {
        let clock = ContinuousClock()
        let start = clock.now, startCPU = threadCPUSeconds()
        do {
            samples = try parse(input).samples.count
        } catch {
            print("\(name): \(error)")
            return
        }
        bestCPU = min(bestCPU, threadCPUSeconds() - startCPU)
        let wall = clock.now - start
        bestWall = min(bestWall, Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18)
    }
    let megabytes = Double(input.count) / 1e6
    print("\(name): \(String(format: megabytes, 1)) MB, \(samples) samples, best of \(rounds): "
        + "\(String(format: megabytes / bestCPU, 1)) MB/s, \(String(format: Double(samples) / bestCPU / 1e6, 2)) M samples/s "
        + "(CPU time); \(String(format: megabytes / bestWall, 1)) MB/s (wall time)")
}

let nodeExporter = try fixtures.read("node-exporter-1.5.0.prom")
let pythonClient = try fixtures.read("python-client-0.16.0.om")
measure("prometheus 0.0.4 (node_exporter x100)", repeated(nodeExporter, copies: 100, openMetrics: false)) {
    try PrometheusTextParser().parse($0, defaultTimestamp: 0)
}
measure("openmetrics 1.0 (python client x600)", repeated(pythonClient, copies: 600, openMetrics: true)) {
    try OpenMetricsParser().parse($0, defaultTimestamp: 0)
}
measure("influx line protocol (telegraf-like)", telegrafLines(points: 100_000)) {
    try InfluxLineParser().parse($0, defaultTimestamp: 0)
}
measure("influx line protocol (one line of 100,000 fields)", wideInfluxLine(fields: 100_000)) {
    try InfluxLineParser().parse($0, defaultTimestamp: 0)
}
