import ArgumentParser
import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopStore
#if canImport(Glibc)
import Glibc
#endif

/// `ecotop demo`: the simulated ecosystem.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Work with the simulated demo ecosystem.",
        subcommands: [Backfill.self])

    struct Backfill: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write simulated history of the demo ecosystem into the store.",
            discussion: "One sample of every metric per interval, and the integration events of the range, ending now.")

        @OptionGroup var storeOptions: StoreOptions

        @Option(help: "How many days of history to write.")
        var days: Int

        @Option(help: ArgumentHelp("Seconds between samples.", valueName: "seconds"))
        var interval = 60

        @Option(help: "The simulator's seed.")
        var seed: UInt64 = 42

        func validate() throws {
            guard days > 0 else { throw ValidationError("--days must be positive") }
            guard interval > 0 else { throw ValidationError("--interval must be positive") }
        }

        func run() throws {
            let clock = SystemWallClock()
            let simulator = DemoSimulator(seed: seed)
            let end = (clock.now() / Double(interval)).rounded(.down) * Double(interval)
            let start = end - Double(days) * 86_400
            var progress = ProgressLine(total: days, unit: "days")
            let written = try reportingStoreErrors {
                let writer = try StoreWriter(layout: storeOptions.layout, clock: clock)
                if let note = writer.recovery.summary { printError("ecotop: \(note)") }
                var samples = 0
                for day in 0..<days {
                    let from = start + Double(day) * 86_400
                    let to = day == days - 1 ? end + 1 : from + 86_400
                    var batch = writer.makeBatch()
                    var time = from
                    while time < to {
                        for sample in simulator.samples(at: time) { try batch.append(sample) }
                        time += Double(interval)
                    }
                    for event in simulator.events(from: from, to: to) { try batch.append(event) }
                    samples += batch.sampleCount
                    try writer.append(batch)
                    progress.update(day + 1)
                }
                try writer.close()
                return samples
            }
            progress.finish()
            print("wrote \(counted(written, "sample")) over \(counted(days, "day")) to \(storeOptions.layout.root)")
        }
    }
}

/// A progress bar on stderr when it is a terminal; a line per tenth of the work otherwise.
struct ProgressLine {
    let total: Int
    let unit: String
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastReported = 0

    init(total: Int, unit: String) {
        self.total = total
        self.unit = unit
    }

    mutating func update(_ done: Int) {
        if isTerminal {
            let width = 30
            let filled = total == 0 ? width : done * width / total
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            writeUnbuffered("\r[\(bar)] \(done * 100 / max(total, 1))% \(done)/\(total) \(unit)", to: STDERR_FILENO)
        } else if done * 10 / max(total, 1) > lastReported * 10 / max(total, 1) || done == total {
            printError("\(done)/\(total) \(unit)")
        }
        lastReported = done
    }

    func finish() {
        if isTerminal { printError("") }
    }
}
