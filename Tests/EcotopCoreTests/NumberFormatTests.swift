import EcotopCore
import Testing

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (48.0, "48"), (3.2, "3.2"), (0.71, "0.71"), (1_150, "1.15k"), (1_200, "1.2k"), (412_000, "412k"),
        (4_500_000, "4.5M"), (1_500_000_000, "1.5B"), (2e12, "2T"), (5e15, "5000T"), (0, "0"),
        (-1_200, "-1.2k"), (-48, "-48"),
    ])
    func compactKeepsThreeSignificantDigits(value: Double, expected: String) {
        #expect(NumberFormat.compact(value) == expected)
    }

    @Test(arguments: [
        (999.4, "999"), (999.95, "1k"), (99.94, "99.9"), (99.96, "100"), (9.994, "9.99"), (9.996, "10"),
        (99_940, "99.9k"), (99_960, "100k"), (999_400, "999k"), (999_960, "1M"), (999_960_000, "1B"),
    ])
    func compactRoundsUpIntoTheNextTierAtItsEdge(value: Double, expected: String) {
        #expect(NumberFormat.compact(value) == expected)
    }

    @Test func compactNeverShowsNegativeZero() {
        #expect(NumberFormat.compact(-0.001) == "0")
        #expect(NumberFormat.compact(-0.0) == "0")
    }

    @Test(arguments: [
        (4_500_000.0, MetricUnit.currency, "$4.5M"), (412_000, .currency, "$412k"), (1_840, .currency, "$1,840"),
        (9_999.4, .currency, "$9,999"), (-2_500, .currency, "-$2,500"), (-4_500_000, .currency, "-$4.5M"),
        (99.95, .percent, "99.95%"), (99.954, .percent, "99.95%"), (0.3, .percent, "0.30%"), (100, .percent, "100.00%"),
        (8.1, .score, "8.1/10"), (0.71, .index, "0.71"), (-0.2, .index, "-0.20"),
        (48, .count, "48"), (8_400, .count, "8,400"), (12_000, .count, "12k"), (3.5, .count, "3.5"),
        (-5, .count, "-5"), (1_150, .perMinute, "1.15k/min"), (41, .perDay, "41/day"), (3.2, .perWeek, "3.2/wk"),
    ])
    func valueIsFormattedInItsUnit(value: Double, unit: MetricUnit, expected: String) {
        #expect(NumberFormat.value(value, unit: unit) == expected)
    }

    @Test func nonFiniteValuesAreNamedNotCrashed() {
        #expect(NumberFormat.value(.nan, unit: .count) == "NaN")
        #expect(NumberFormat.value(.infinity, unit: .currency) == "∞")
        #expect(NumberFormat.value(-.infinity, unit: .percent) == "-∞")
        #expect(NumberFormat.delta(.nan, unit: .count) == "")
    }

    @Test(arguments: [
        (2.4, MetricUnit.count, "+2.4%"), (-2.44, .perMinute, "-2.4%"), (0, .currency, "+0.0%"), (150, .perDay, "+150%"),
        (-100, .count, "-100%"), (-0.05, .percent, "-0.05pp"), (1.234, .percent, "+1.23pp"), (0.3, .score, "+0.3"),
        (-0.123, .index, "-0.12"),
    ])
    func deltaIsRelativeOrInPointsByUnit(delta: Double, unit: MetricUnit, expected: String) {
        #expect(NumberFormat.delta(delta, unit: unit) == expected)
    }

    @Test func relativeDeltaThatRoundsToHundredDropsItsDecimal() {
        #expect(NumberFormat.delta(99.94, unit: .count) == "+99.9%")
        #expect(NumberFormat.delta(99.96, unit: .count) == "+100%")
        #expect(NumberFormat.delta(-99.96, unit: .count) == "-100%")
    }

    @Test(arguments: [
        (2.5, 0, "3"), (-2.5, 0, "-3"), (0.125, 2, "0.13"), (-0.001, 2, "0.00"), (1_234.5678, 3, "1234.568"),
        (0.07, 3, "0.070"), (-7, 1, "-7.0"),
    ])
    func fixedRoundsHalfAwayFromZero(value: Double, decimals: Int, expected: String) {
        #expect(NumberFormat.fixed(value, decimals: decimals) == expected)
    }

    @Test(arguments: [
        (0.0, "0"), (999, "999"), (1_000, "1,000"), (1_234_567, "1,234,567"), (-1_234, "-1,234"), (-0.4, "0"),
        (99_999.6, "100,000"),
    ])
    func groupedSeparatesThousands(value: Double, expected: String) {
        #expect(NumberFormat.grouped(value) == expected)
    }

    @Test(arguments: [
        (45.0, "45s"), (59.9, "59s"), (60, "1m"), (3_599, "59m"), (3_600, "1h"), (86_399, "23h"), (86_400, "1d"), (172_800, "2d"),
        (-5, "0s"),
    ])
    func ageUsesTheLargestWholeUnit(seconds: Double, expected: String) {
        #expect(NumberFormat.age(seconds) == expected)
    }
}

@Suite struct AxisLabelTests {
    @Test func decimalsGrowUntilNeighbouringLabelsDiffer() {
        let labels = [8.34, 8.30, 8.26].map { NumberFormat.axisLabel($0, unit: .score, span: 0.04) }
        #expect(labels == ["8.34/10", "8.30/10", "8.26/10"])
        #expect(Set(labels).count == 3)
    }

    @Test func wideSpansKeepTheCompactValueFormat() {
        #expect(NumberFormat.axisLabel(3_860, unit: .perMinute, span: 800) == "3860/min")
        #expect(NumberFormat.axisLabel(436_000, unit: .currency, span: 3_000) == "$436k")
        #expect(NumberFormat.axisLabel(99.97, unit: .percent, span: 0.004) == "99.970%")
    }
}
