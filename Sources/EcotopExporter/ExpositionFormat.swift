import Foundation

/// The text formats `/metrics` answers in, and the choice between them from a request's
/// `Accept` header.
public enum ExpositionFormat: Sendable, Hashable {
    /// The Prometheus text format 0.0.4: what a scraper gets unless it asks for OpenMetrics.
    case prometheusText
    /// OpenMetrics 1.0.0 (also served, with the same text, to scrapers asking for 0.0.1).
    case openMetrics(version: String)

    /// The `Content-Type` of a response in this format.
    public var contentType: String {
        switch self {
        case .prometheusText: "text/plain; version=0.0.4; charset=utf-8"
        case .openMetrics(let version): "application/openmetrics-text; version=\(version); charset=utf-8"
        }
    }

    /// The format for an `Accept` header, chosen as Prometheus's client_golang chooses
    /// (`expfmt.NegotiateIncludingOpenMetrics`): media ranges by falling `q` (ties keep the
    /// header's order), the first that is OpenMetrics at version 1.0.0, 0.0.1 or without a
    /// version, or `text/plain` at 0.0.4 or without a version, wins; anything else, or no
    /// header, gets the Prometheus text format.
    public static func negotiated(accept: String?) -> ExpositionFormat {
        guard let accept else { return .prometheusText }
        let ranges = MediaRange.parse(accept).enumerated().filter { $0.element.quality > 0 }
            .sorted { ($0.element.quality, $1.offset) > ($1.element.quality, $0.offset) }.map(\.element)
        for range in ranges {
            let version = range.parameters["version"]
            switch range.type {
            case "application/openmetrics-text" where version == nil || version == "1.0.0":
                return .openMetrics(version: "1.0.0")
            case "application/openmetrics-text" where version == "0.0.1":
                return .openMetrics(version: "0.0.1")
            case "text/plain" where version == nil || version == "0.0.4":
                return .prometheusText
            default:
                continue
            }
        }
        return .prometheusText
    }
}

/// One media range of an `Accept` header: `type/subtype;param=value;q=0.5`.
struct MediaRange {
    /// `type/subtype`, lowercased.
    var type: String
    /// Parameters other than `q`, names lowercased, quotes removed.
    var parameters: [String: String]
    /// The `q` weight, 1 when absent or unreadable.
    var quality: Double

    /// The media ranges of a header in the order written.
    static func parse(_ header: String) -> [MediaRange] {
        header.split(separator: ",").compactMap { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let type = pieces.first, !type.isEmpty else { return nil }
            var parameters: [String: String] = [:]
            var quality = 1.0
            for piece in pieces.dropFirst() {
                let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                let name = pair[0].lowercased()
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                if name == "q" { quality = Double(value).map { min(max($0, 0), 1) } ?? 1 } else { parameters[name] = value }
            }
            return MediaRange(type: type.lowercased(), parameters: parameters, quality: quality)
        }
    }
}
