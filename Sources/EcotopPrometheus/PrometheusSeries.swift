import EcotopCore

/// One series of a `matrix` or `vector` result: its labels and its samples, oldest first.
struct PrometheusSeries: Sendable {
    var labels: [String: String]
    var samples: [SeriesPoint]

    /// The series of a `/api/v1/query` or `/api/v1/query_range` result (`data`), whichever of
    /// `matrix` and `vector` it is; `what` names the request in an error.
    static func read(_ data: PrometheusData, what: String) throws(PrometheusError) -> [PrometheusSeries] {
        guard case .result(let type?, let result?) = data else {
            throw PrometheusError("\(what): expected a result with resultType and result")
        }
        guard type == "matrix" || type == "vector" else {
            throw PrometheusError("\(what): expected a matrix or vector result, found \(type)")
        }
        var series: [PrometheusSeries] = []
        for entry in result {
            let labels = entry.metric ?? [:]
            let pairs = type == "matrix" ? entry.values ?? [] : entry.value.map { [$0] } ?? []
            var samples: [SeriesPoint] = []
            samples.reserveCapacity(pairs.count)
            for pair in pairs {
                guard pair.count == 2, let time = pair.time, let text = pair.text, let value = Double(text)
                else { throw PrometheusError("\(what): expected [time, \"value\"] pairs in series \(labels)") }
                samples.append(SeriesPoint(timestamp: time, value: value))
            }
            series.append(PrometheusSeries(labels: labels, samples: samples))
        }
        return series
    }
}
