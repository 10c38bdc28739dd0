/// The JSON envelope of a Prometheus API response, decoded with `JSONDecoder` into plain
/// values (the generic `JSONSerialization` boxed every number and string of a result, and
/// cost a quarter of a dashboard refresh's client time).
///
/// Decoding is lenient below the envelope: a part of the wrong shape is nil, so the reader
/// that needs it names what is missing (`PrometheusSeries.read`), as it would for an absent one.
struct PrometheusResponse: Decodable {
    var status: String?
    var errorType: String?
    var error: String?
    var warnings: [String]?
    var data: PrometheusData?

    private enum CodingKeys: String, CodingKey {
        case status, errorType, error, warnings, data
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try? container.decodeIfPresent(String.self, forKey: .status)
        errorType = try? container.decodeIfPresent(String.self, forKey: .errorType)
        error = try? container.decodeIfPresent(String.self, forKey: .error)
        warnings = try? container.decodeIfPresent([String].self, forKey: .warnings)
        data = try container.decodeIfPresent(PrometheusData.self, forKey: .data)
    }
}

/// The `data` of a response: a query's result (an object) or the label sets of
/// `/api/v1/series` (a list of them); anything else is `other`.
enum PrometheusData: Decodable {
    /// `{"resultType": ..., "result": [...]}`; a part of another shape is nil.
    case result(type: String?, series: [Entry]?)
    /// A list of label sets.
    case labelSets([[String: String]])
    case other

    /// One series of a result: its labels and its `[time, "value"]` pairs (`values` in a
    /// matrix, `value` in a vector).
    struct Entry: Decodable {
        var metric: [String: String]?
        var values: [Pair]?
        var value: Pair?

        private enum CodingKeys: String, CodingKey {
            case metric, values, value
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            metric = try? container.decodeIfPresent([String: String].self, forKey: .metric)
            values = try? container.decodeIfPresent([Pair].self, forKey: .values)
            value = try? container.decodeIfPresent(Pair.self, forKey: .value)
        }
    }

    /// A `[time, "value"]` pair; nil parts when it has another shape.
    struct Pair: Decodable {
        var time: Double?
        var text: String?
        var count: Int?

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            count = container.count
            time = try? container.decode(Double.self)
            text = try? container.decode(String.self)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case resultType, result
    }

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: CodingKeys.self) {
            self = .result(
                type: try? container.decodeIfPresent(String.self, forKey: .resultType),
                series: try? container.decodeIfPresent([Entry].self, forKey: .result))
        } else if let sets = try? decoder.singleValueContainer().decode([[String: String]].self) {
            self = .labelSets(sets)
        } else {
            self = .other
        }
    }
}
