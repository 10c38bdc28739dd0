#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the sweep that ends every plugin run costs, for `ecotop bench plugin-sweep`
/// (docs/plugins.md): the scan of `/proc` and the search for the run's processes, timed on
/// this machine's processes as they are.
public enum PluginSweepBenchmark {
    /// Mean seconds per sweep, and how many processes each one read.
    public struct Timing: Sendable {
        public var processes: Int
        /// A run whose plugin started just now, as at the end of a collection: only the few
        /// processes started since then have their environment read.
        public var recentPlugin: Double
        /// As if the plugin were the oldest process: every process's environment is read.
        public var everyEnvironment: Double
    }

    /// Sweeps `rounds` times each way.
    public static func run(rounds: Int) -> Timing {
        let marker = PluginDescendants.newMarker()
        let recent = PluginDescendants(plugin: getpid(), marker: marker)
        let oldest = PluginDescendants(plugin: 1, marker: marker)
        return Timing(
            processes: ProcessTable.scan().count,
            recentPlugin: seconds(rounds) { recent.find(in: ProcessTable.scan()) },
            everyEnvironment: seconds(rounds) { oldest.find(in: ProcessTable.scan()) })
    }

    private static func seconds(_ rounds: Int, _ sweep: () -> [ProcessEntry]) -> Double {
        let start = MonotonicTime.now()
        // Reads of /proc are system calls: nothing here can be optimized away.
        for _ in 0..<max(rounds, 1) { _ = sweep() }
        return (MonotonicTime.now() - start) / Double(max(rounds, 1))
    }
}
