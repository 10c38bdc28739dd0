import EcotopCore
import Testing

@Suite struct MetricCatalogTests {
    let catalog = MetricCatalog.standard

    @Test func hasTwentyMetricsWithUniqueIDs() {
        #expect(catalog.metrics.count == 20)
        #expect(Set(catalog.metrics.map(\.id)).count == 20)
    }

    @Test func hasFiveMetricsPerFamilyGroupedInFamilyOrder() {
        for family in MetricFamily.standard {
            #expect(catalog.metrics(in: family).count == 5, "\(family)")
        }
        let familyOrder = catalog.metrics.map(\.family)
        let expected = MetricFamily.standard.flatMap { Array(repeating: $0, count: 5) }
        #expect(familyOrder == expected)
    }

    @Test func idsArePrefixedByTheirFamily() {
        for metric in catalog.metrics {
            #expect(metric.id.rawValue.hasPrefix(metric.family.id + "."), "\(metric.id)")
            let name = metric.id.rawValue.dropFirst(metric.family.id.count + 1)
            #expect(!name.isEmpty && name.allSatisfy { $0.isLowercase || $0 == "_" }, "\(metric.id)")
        }
    }

    @Test func criticalLiesBeyondWarnInTheDirectionThatIsWorse() {
        for metric in catalog.metrics {
            let thresholds = metric.thresholds
            switch metric.direction {
            case .higherIsBetter:
                #expect(thresholds.critical < thresholds.warn, "\(metric.id)")
            case .lowerIsBetter:
                #expect(thresholds.critical > thresholds.warn, "\(metric.id)")
            }
        }
    }

    @Test func percentThresholdsAreWithinZeroToHundred() {
        for metric in catalog.metrics where metric.unit == .percent {
            #expect((0...100).contains(metric.thresholds.warn), "\(metric.id)")
            #expect((0...100).contains(metric.thresholds.critical), "\(metric.id)")
        }
    }

    @Test func shortTitlesFitNarrowPanes() {
        for metric in catalog.metrics {
            #expect(!metric.shortTitle.isEmpty && metric.shortTitle.count <= 20, "\(metric.id): \(metric.shortTitle)")
        }
    }

    @Test func integrationErrorRateIsAPercentWhereLowerIsBetter() throws {
        let metric = try #require(catalog["usage.integration_error_rate"])
        #expect(metric.family == .usage)
        #expect(metric.unit == .percent)
        #expect(metric.direction == .lowerIsBetter)
    }

    @Test func lookupByUnknownIDGivesNil() {
        #expect(catalog["usage.nonexistent"] == nil)
    }

    @Test func theCatalogsFamiliesFollowDisplayOrder() {
        #expect(catalog.families == MetricFamily.standard)
        #expect(catalog.families.map(\.title) == ["Participation", "Usage", "Value", "Qualitative"])
    }

    @Test func familiesAreTheSameByIdWhateverTheirTitle() {
        #expect(MetricFamily(id: "usage", title: "Use") == .usage)
        #expect(Set([MetricFamily(id: "usage", title: "Use"), .usage]).count == 1)
        #expect(MetricFamily(id: "logistics", title: "Usage") != .usage)
    }

    @Test func aCatalogsFamiliesAreThoseOfItsMetricsInOrderOfFirstAppearance() {
        let logistics = MetricFamily(id: "logistics", title: "Logistics")
        let metrics = [catalog.metrics[5], catalog.metrics[0]] + [MetricDefinition(
            id: "logistics.on_time", family: logistics, title: "On time", shortTitle: "On time", unit: .percent,
            direction: .higherIsBetter, aggregation: .avg, thresholds: Thresholds(warn: 95, critical: 90), summary: "")]
        #expect(MetricCatalog(metrics: metrics).families == [.usage, .participation, logistics])
    }
}

@Suite struct CountedNounTests {
    @Test func aCountTakesItsNounInTheRightNumber() {
        #expect(counted(1, "sample") == "1 sample")
        #expect(counted(0, "sample") == "0 samples")
        #expect(counted(2, "series", plural: "series") == "2 series")
    }
}

/// Command-line output shows control characters as escapes rather than letting them act.
@Suite struct EscapedTextTests {
    @Test func controlsAndBidiOverridesAreShownNotObeyed() {
        #expect(TerminalText.escaped("exe\u{1B}[2Jc") == "exe\\x1b[2Jc")
        #expect(TerminalText.escaped("a\u{7}b\u{9B}c") == "a\\x07b\\x9bc")
        #expect(TerminalText.escaped("invoice \u{202E}fdp.exe") == "invoice \\u{202E}fdp.exe")
        #expect(TerminalText.escaped("two\nlines\tand tab", keeping: ["\n", "\t"]) == "two\nlines\tand tab")
        #expect(TerminalText.escaped("plain text, ünïcode ✓") == "plain text, ünïcode ✓")
    }

    @Test func theDashboardReplacesBidiControls() {
        #expect(TerminalText.sanitize("invoice \u{202E}fdp.exe") == "invoice \u{FFFD}fdp.exe")
    }
}
