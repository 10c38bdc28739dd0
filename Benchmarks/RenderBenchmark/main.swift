// Measures the dashboard's hot path: building a snapshot from history (what every refresh
// does) and rendering a frame from state (what every refresh, key and resize does).
//
// Method: the demo ecosystem at a fixed seed and moment, read through DemoSeriesSource (no
// store, no terminal). Each case runs `rounds` rounds of `iterations` iterations after one
// warm-up round; the best round's mean per iteration is reported, since the best round is the
// one least disturbed by other work on the machine. Build and run in release:
//   swift run -c release RenderBenchmark [rounds]
import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopEngine
import EcotopUI

#if canImport(Glibc)
import Glibc
#endif

func nanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// The best mean time per iteration, in milliseconds.
func measure(rounds: Int, iterations: Int, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for round in 0...rounds {
        let start = nanoseconds()
        for _ in 0..<iterations { try body() }
        let mean = Double(nanoseconds() - start) / Double(iterations) / 1_000_000
        if round > 0 { best = min(best, mean) }
    }
    return best
}

let rounds = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 5
let time = 1_764_279_900.0
let source = DemoSeriesSource(simulator: DemoSimulator(seed: 42))
let appearance = Appearance(themes: try ThemeCatalog.builtIn().themes)

var model = AppModel(session: SessionStatus(ecosystemName: Ecosystem.demo.name, catalog: .standard), now: time)
for (label, builder) in [
    ("snapshot, anomaly detection on ", SnapshotBuilder(source: source)),
    ("snapshot, anomaly detection off", SnapshotBuilder(source: source, anomalyDetector: nil)),
] {
    let milliseconds = try measure(rounds: rounds, iterations: 5) {
        model.dashboard.snapshot = try builder.snapshot(at: time, range: .oneHour, buckets: 60)
    }
    print("\(label)  \(NumberFormat.fixed(milliseconds, decimals: 2)) ms")
}

var checksum = 0
for size in [Size(width: 80, height: 24), Size(width: 160, height: 48), Size(width: 320, height: 90)] {
    let milliseconds = measure(rounds: rounds, iterations: 200) {
        checksum &+= DashboardView.render(model, size: size, appearance: appearance).cells.count
    }
    print("render \(size.width)x\(size.height)".padding(to: 31) + "  \(NumberFormat.fixed(milliseconds, decimals: 3)) ms")
}
print("(checksum \(checksum))")

