import EcotopCore
import EcotopStore

/// The alerts of a `DataLoader`'s store: evaluated and recorded through `monitor` when the
/// dashboard holds the store's writer lock, otherwise read from the alerts file the process
/// holding it writes (only what was appended since the last read), at most every
/// `AlertMonitor.interval` seconds for the header's count.
struct DataLoaderAlerts {
    /// The alerts file, read from where the last read stopped; nil without a store.
    let file: AlertLogFollower?
    var monitor: AlertMonitor?
    /// Ring the bell when an alert opens (`alerts.bell`).
    var bell = false
    /// How many times it rang.
    private(set) var bells = 0
    /// The open alerts nobody acknowledged or silenced, at the last read or evaluation.
    private(set) var needingAttention: Int?
    private var lastFileRead: Double?
    /// Why the last evaluation failed, shown on the alerts screen until one succeeds.
    private var evaluationProblem: String?

    init(layout: StoreLayout?, monitor: AlertMonitor? = nil, bell: Bool = false) {
        file = layout.map(AlertLogFollower.init)
        self.monitor = monitor
        self.bell = bell
    }
}

extension DataLoader {
    /// Evaluates alerts when due (with a monitor), or reads the recorded ones for the header's
    /// count (without). A failure is kept for the alerts screen, never fails the dashboard.
    func evaluateAlerts(at time: Double) {
        guard var reads = alertReads else { return }
        defer { alertReads = reads }
        if let monitor = reads.monitor {
            do {
                let records = try monitor.evaluateIfDue(at: time) { try alertInputs.conditions(at: $0) }
                if reads.bell, records.contains(where: { $0.change == .opened && AlertMonitor.notifies($0, at: time) }) { reads.rang() }
                reads.count(monitor.history, at: time)
                reads.evaluated(problem: nil)
            } catch {
                reads.evaluated(problem: "cannot evaluate alerts: \(error)")
            }
        } else if time - (reads.lastRead ?? -.infinity) >= AlertMonitor.interval {
            _ = try? reads.readFile(at: time)
        }
    }

    /// Every recorded alert, after `change` when one is asked for.
    func readAlerts(at time: Double, change: AlertChange?) throws -> AlertsRead {
        var noStore = AlertsRead(history: AlertHistory(), isRecording: false, message: change.map { _ in "no store: no alerts" })
        noStore.hasStore = false
        guard var reads = alertReads else { return noStore }
        defer { alertReads = reads }
        guard let monitor = reads.monitor else {
            guard let contents = try reads.readFile(at: time) else { return noStore }
            return AlertsRead(
                history: contents.history, isRecording: false, damagedLines: contents.damaged.count,
                message: change.map { _ in "alerts are recorded by the process that runs the collectors; change them there" })
        }
        var message = reads.problem
        switch change {
        case .acknowledge(let id)?:
            message = try monitor.acknowledge(id, at: time) ? "alert \(id) acknowledged" : "alert \(id) is not open"
        case .silence(let id, let seconds)?:
            let done = try monitor.silence(id, for: seconds, at: time)
            message = !done ? "alert \(id) is not open"
                : seconds > 0 ? "alert \(id) silenced for \(NumberFormat.age(seconds))" : "alert \(id) no longer silenced"
        case nil:
            break
        }
        reads.count(monitor.history, at: time)
        var read = AlertsRead(history: monitor.history, isRecording: true, damagedLines: monitor.damaged.count, message: message)
        read.hasStore = monitor.isRecorded
        return read
    }
}

extension DataLoaderAlerts {
    var lastRead: Double? { lastFileRead }
    var problem: String? { evaluationProblem }

    mutating func rang() { bells += 1 }

    mutating func evaluated(problem: String?) { evaluationProblem = problem }

    mutating func count(_ history: AlertHistory, at time: Double) {
        needingAttention = history.alerts.filter { $0.needsAttention(at: time) }.count
    }

    /// Reads the alerts file and counts the alerts needing attention; nil without a file.
    mutating func readFile(at time: Double) throws -> AlertLog.Contents? {
        lastFileRead = time
        guard let contents = try file?.refresh() else { return nil }
        count(contents.history, at: time)
        return contents
    }
}
