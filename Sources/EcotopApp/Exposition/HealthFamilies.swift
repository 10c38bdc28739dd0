import EcotopCollectors
import EcotopCore
import EcotopExporter

/// Ecotop's own health as exposed families: each collector's state and totals, and the
/// store's size. Counters count since the collectors started (or were last reloaded, which
/// starts them again: Prometheus's `rate` reads such a drop as a reset).
enum HealthFamilies {
    static func families(collectors: [CollectorHealth], storeBytes: Int) -> [ExposedFamily] {
        func perCollector(_ value: (CollectorHealth) -> Double?) -> [ExposedSample] {
            collectors.compactMap { health in
                value(health).map { ExposedSample(labels: [SeriesKey.Label("collector", health.name)], value: $0) }
            }
        }
        return [
            ExposedFamily(
                name: "ecotop_collector_up",
                help: "1 when the collector's last collection succeeded, 0 when it failed or none has finished yet.",
                kind: .gauge, samples: perCollector { $0.status == .ok ? 1 : 0 }),
            ExposedFamily(
                name: "ecotop_collector_records_total",
                help: "Records (samples and events) the collector delivered to the store.",
                kind: .counter, samples: perCollector { Double($0.totalRecordsOK) }),
            ExposedFamily(
                name: "ecotop_collector_rejected_records_total",
                help: "Records of the collector's output that were rejected as malformed.",
                kind: .counter, samples: perCollector { Double($0.totalRecordsBad) }),
            ExposedFamily(
                name: "ecotop_collector_errors_total",
                help: "Collections that failed: the plugin or source failed, timed out, or the store refused the records.",
                kind: .counter, samples: perCollector { Double($0.failures) }),
            ExposedFamily(
                name: "ecotop_collector_last_success_timestamp_seconds",
                help: "When the collector's last successful collection started, in seconds since the epoch.",
                kind: .gauge, samples: perCollector(\.lastSuccess)),
            ExposedFamily(
                name: "ecotop_store_size_bytes",
                help: "Bytes of the store's files on disk: manifest, series catalog and segments.",
                kind: .gauge, samples: [ExposedSample(value: Double(storeBytes))]),
        ]
    }
}
