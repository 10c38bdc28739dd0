import EcotopCore
import Foundation

/// One series of a `matrix` or `vector` result: its labels and its samples, oldest first.
struct PrometheusSeries: Sendable {
    var labels: [String: String]
    var samples: [SeriesPoint]

    /// The series of a `/api/v1/query` or `/api/v1/query_range` result (`data`), whichever of
    /// `matrix` and `vector` it is; `what` names the request in an error.
    static func read(_ data: Any, what: String) throws(PrometheusError) -> [PrometheusSeries] {
        guard let data = data as? [String: Any], let type = data["resultType"] as? String,
            let result = data["result"] as? [[String: Any]]
        else { throw PrometheusError("\(what): expected a result with resultType and result") }
        guard type == "matrix" || type == "vector" else {
            throw PrometheusError("\(what): expected a matrix or vector result, found \(type)")
        }
        var series: [PrometheusSeries] = []
        for entry in result {
            let labels = entry["metric"] as? [String: String] ?? [:]
            let pairs = type == "matrix" ? entry["values"] as? [[Any]] ?? [] : (entry["value"] as? [Any]).map { [$0] } ?? []
            var samples: [SeriesPoint] = []
            samples.reserveCapacity(pairs.count)
            for pair in pairs {
                guard pair.count == 2, let time = (pair[0] as? NSNumber)?.doubleValue,
                    let text = pair[1] as? String, let value = Double(text)
                else { throw PrometheusError("\(what): expected [time, \"value\"] pairs in series \(labels)") }
                samples.append(SeriesPoint(timestamp: time, value: value))
            }
            series.append(PrometheusSeries(labels: labels, samples: samples))
        }
        return series
    }
}
