/// The JSON envelope of a Prometheus API response, as `PrometheusResponseReader` reads it
/// into plain values.
///
/// Lenient below the envelope: a part of the wrong shape is nil, so the reader that needs it
/// names what is missing (`PrometheusSeries.read`), as it would for an absent one.
struct PrometheusResponse {
    var status: String?
    var errorType: String?
    var error: String?
    var warnings: [String]?
    var data: PrometheusData?
}

/// The `data` of a response: a query's result (an object) or the label sets of
/// `/api/v1/series` (a list of them); anything else is `other`.
enum PrometheusData {
    /// `{"resultType": ..., "result": [...]}`; a part of another shape is nil.
    case result(type: String?, series: [Entry]?)
    /// A list of label sets.
    case labelSets([[String: String]])
    case other

    /// One series of a result: its labels and its `[time, "value"]` pairs (`values` in a
    /// matrix, `value` in a vector).
    struct Entry {
        var metric: [String: String]?
        var values: [Pair]?
        var value: Pair?
    }

    /// A `[time, "value"]` pair of `count` elements; nil parts when it has another shape.
    struct Pair {
        var time: Double?
        var text: String?
        var count: Int
    }
}
