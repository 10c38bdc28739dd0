import CLinuxProcess
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every process one plugin run started, however it left the plugin's process group, found
/// and stopped when the run ends (docs/plugins.md, "What a plugin leaves behind").
///
/// A process group does not hold a plugin's children: `setsid`, `setpgid` or a double fork
/// take them out of it, and signals to the group miss them. So each run is tagged: the plugin
/// starts with `ECOTOP_PLUGIN_RUN=<marker>` in its environment, unique to the run, which every
/// descendant inherits. When the run ends, a scan of `/proc` finds the processes that
/// started after the plugin and either are in its group, carry the marker, or descend from
/// one that does (which catches a child that cleared its environment while its parent
/// lives); they get SIGTERM, then SIGKILL after the grace period.
///
/// Ecotop makes itself a child subreaper before the first plugin starts, so a descendant
/// whose parent ends is reparented to Ecotop rather than to init: once it ends, the sweep
/// reaps it (`waitpid` on that pid only, never on any other child of this process, which may
/// belong to someone else) and no zombie remains.
struct PluginDescendants {
    /// The environment variable that carries a run's marker.
    static let variable = "ECOTOP_PLUGIN_RUN"

    /// The plugin itself, the leader of its process group.
    let plugin: pid_t
    /// When the plugin started: its descendants started no earlier.
    private let startTime: UInt64
    /// `ECOTOP_PLUGIN_RUN=<marker>`, as the environment holds it.
    private let entry: [UInt8]

    /// - Parameter plugin: a child of this process that has not been reaped yet, so that its
    ///   start time can be read.
    init(plugin: pid_t, marker: String) {
        self.plugin = plugin
        self.startTime = ProcessTable.entry(of: plugin)?.startTime ?? 0
        self.entry = Array("\(Self.variable)=\(marker)".utf8)
    }

    /// A marker no other run shares: this process's id, a count, and 64 random bits (against a
    /// process with the same id in another pid namespace).
    static func newMarker() -> String {
        let count = runs.add(1, ordering: .relaxed).newValue
        return "\(getpid()).\(count).\(String(UInt64.random(in: .min ... .max), radix: 16))"
    }

    /// Makes this process a child subreaper, once; false when the system refused (not Linux
    /// 3.4 or later). The sweep still stops what it finds; orphans then go to init.
    static let orphansAdopted: Bool = ecotop_become_child_subreaper() == 0

    /// The run's processes now, alive or zombies, the plugin itself excluded.
    ///
    /// - Parameter known: processes found before. A zombie has no environment left to show
    ///   the marker, so one that left the group is known only from when it was alive.
    func find(in table: [ProcessEntry], known: [pid_t: UInt64] = [:]) -> [ProcessEntry] {
        let ourselves = getpid()
        let candidates = table.filter { $0.pid != plugin && $0.pid != ourselves && $0.startTime >= startTime }
        var children: [pid_t: [ProcessEntry]] = [:]
        for candidate in candidates { children[candidate.parent, default: []].append(candidate) }
        var found: [pid_t: ProcessEntry] = [:]
        func take(_ roots: [ProcessEntry]) {
            var queue = roots
            while let next = queue.popLast() {
                guard found.updateValue(next, forKey: next.pid) == nil else { continue }
                queue += children[next.pid] ?? []
            }
        }
        take((children[plugin] ?? []) + candidates.filter { $0.group == plugin || known[$0.pid] == $0.startTime })
        take(candidates.filter { found[$0.pid] == nil && !$0.isZombie && ProcessTable.environment(of: $0.pid, contains: entry) })
        return Array(found.values)
    }

    /// Stops every process of the run: SIGTERM, SIGKILL to those still running after `grace`
    /// seconds, and reaps those that were reparented to this process. Returns when none is
    /// left, or after another `grace` plus 5 s if some cannot be stopped (a process stuck in
    /// the kernel).
    func stop(grace: Double) {
        let ourselves = getpid()
        let killAt = MonotonicTime.now() + grace
        let giveUpAt = killAt + grace + 5
        var signal = SIGTERM
        var signalled: [pid_t: UInt64] = [:]
        var known: [pid_t: UInt64] = [:]
        // Processes this user may not signal (a set-user-ID program the plugin ran): no use
        // waiting for them.
        var forbidden: Set<pid_t> = []
        // A process caught in the middle of an exec or a fork may not show its marker in one
        // scan: the sweep ends only after two scans in a row find nothing.
        var quietScans = 0
        while MonotonicTime.now() < giveUpAt {
            let found = find(in: ProcessTable.scan(), known: known)
            for process in found { known[process.pid] = process.startTime }
            let alive = found.filter { !$0.isZombie && !forbidden.contains($0.pid) }
            let alivePids = Set(alive.map(\.pid))
            // A zombie is ours to reap once it is our child; one whose parent is still alive
            // becomes ours when that parent is stopped; any other has a parent that reaps it.
            let zombies = found.filter { $0.isZombie && ($0.parent == ourselves || alivePids.contains($0.parent)) }
            guard !alive.isEmpty || !zombies.isEmpty else {
                quietScans += 1
                if quietScans >= Self.quietScansToEnd { return }
                usleep(5_000)
                continue
            }
            quietScans = 0
            for zombie in zombies where zombie.parent == ourselves {
                var status: Int32 = 0
                _ = waitpid(zombie.pid, &status, WNOHANG)
            }
            if signal == SIGTERM, MonotonicTime.now() >= killAt {
                signal = SIGKILL
                signalled = [:]
            }
            for process in alive where signalled[process.pid] != process.startTime {
                if kill(process.pid, signal) == -1, errno == EPERM { forbidden.insert(process.pid) }
                signalled[process.pid] = process.startTime
            }
            usleep(5_000)
        }
    }

    private static let runs = Atomic<Int>(0)
    /// How many scans in a row must find nothing before the sweep ends.
    static let quietScansToEnd = 2
}
