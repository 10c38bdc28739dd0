import EcotopCore

/// What one scrape shows: Ecotop's own families and the collected series the layout places,
/// each with its newest point, plus `ecotop_exposition_dropped_series` counting what was left
/// out: `reason="name_clash"` (from the layout) and `reason="invalid_counter_value"`, a
/// counter's sample that is NaN or negative, which no scraper accepts as a total.
public struct CollectedFamilies: Sendable {
    /// Families in name order.
    public let families: [ExposedFamily]

    /// - Parameters:
    ///   - own: Ecotop's own families, whose names the layout was given as claimed.
    ///   - points: the newest point of each series by slot, as the layout's keys were.
    public init(layout: ExpositionLayout, points: [SeriesPoint], own: [ExposedFamily]) {
        var invalidCounterValues = 0
        var families = own
        for family in layout.families {
            var samples: [ExposedSample] = []
            samples.reserveCapacity(family.members.count)
            for member in family.members {
                let point = points[member.slot]
                if family.kind == .counter, point.value.isNaN || point.value < 0 {
                    invalidCounterValues += 1
                    continue
                }
                samples.append(ExposedSample(labels: member.labels, value: point.value, timestamp: point.timestamp))
            }
            families.append(ExposedFamily(name: family.name, help: family.help, kind: family.kind, samples: samples))
        }
        families.append(ExposedFamily(
            name: "ecotop_exposition_dropped_series",
            help: "Collected series left out of this exposition: their Prometheus name and labels clashed with another's, "
                + "or a counter's value was NaN or negative.",
            kind: .gauge,
            samples: [
                ExposedSample(labels: [SeriesKey.Label("reason", "invalid_counter_value")], value: Double(invalidCounterValues)),
                ExposedSample(labels: [SeriesKey.Label("reason", "name_clash")], value: Double(layout.nameClashes)),
            ]))
        self.families = families.sorted { $0.name < $1.name }
    }
}
