import EcotopCore
import Testing
@testable import EcotopStore
import EcotopTestSupport

@Suite struct SeriesSelectorTests {
    let stripe = key("usage.transactions", ["integration": "stripe", "region": "eu"])
    let paypal = key("usage.transactions", ["integration": "paypal", "region": "us"])
    let other = key("value.revenue", ["integration": "stripe"])

    private func selected(_ text: String) throws -> [SeriesKey] {
        let selector = try SeriesSelector(parsing: text)
        return [stripe, paypal, other].filter(selector.matches)
    }

    @Test func matchesNamesAndLabels() throws {
        #expect(try selected("usage.transactions") == [stripe, paypal])
        #expect(try selected(#"usage.transactions{integration="stripe"}"#) == [stripe])
        #expect(try selected(#"usage.transactions{integration!="stripe"}"#) == [paypal])
        #expect(try selected(#"{integration=~"str.*"}"#) == [stripe, other])
        #expect(try selected(#"{integration!~"str.*", region=~"u."}"#) == [paypal])
        #expect(try selected(#"{__name__=~"value\..*"}"#) == [other])
        #expect(try selected("{}") == [stripe, paypal, other])
    }

    @Test func regexMatchesTheWholeValue() throws {
        #expect(try selected(#"{integration=~"tri"}"#).isEmpty)
        #expect(try selected(#"{missing=""}"#).count == 3)
    }

    @Test(arguments: [#"m{a="1""#, #"m{a~"1"}"#, #"m{a=1}"#, #"m{a=~"("}"#, #"m{="1"}"#, "m x"])
    func malformedSelectorsSayWhere(_ text: String) {
        #expect(throws: SeriesSelector.ParseError.self) { try SeriesSelector(parsing: text) }
    }
}

@Suite struct TimeExpressionTests {
    let now = 1_800_000_000.0

    @Test func relativeAbsoluteAndRFC3339() throws {
        #expect(try TimeExpression.time("now", now: now) == now)
        #expect(try TimeExpression.time("-30d", now: now) == now - 30 * 86_400)
        #expect(try TimeExpression.time("-15m", now: now) == now - 900)
        #expect(try TimeExpression.time("-1h30m", now: now) == now - 5_400)
        #expect(try TimeExpression.time("+2w", now: now) == now + 14 * 86_400)
        #expect(try TimeExpression.time("1732680000", now: now) == 1_732_680_000)
        #expect(try TimeExpression.time("1732680000500", now: now) == 1_732_680_000.5)
        #expect(try TimeExpression.time("1732680000500000", now: now) == 1_732_680_000.5)
        #expect(try TimeExpression.time("1732680000500000000", now: now) == 1_732_680_000.5)
        #expect(try TimeExpression.time("2024-11-27T04:00:00Z", now: now) == 1_732_680_000)
        #expect(try TimeExpression.time("2024-11-27T06:00:00+02:00", now: now) == 1_732_680_000)
        #expect(try TimeExpression.time("2024-02-29T00:00:00Z", now: now) == 1_709_164_800)
    }

    @Test(arguments: ["", "-", "-30", "-3x", "yesterday", "2024-02-30T00:00:00Z", "2024-11-27T04:00:00", "--1d"])
    func rejectsWhatItCannotRead(_ text: String) {
        #expect(throws: StoreError.self) { try TimeExpression.time(text, now: now) }
    }

    @Test(arguments: ["999999999999999999999999", "-99999999999999999999d", "+99999999w", "-3000000d"])
    func refusesTimesOutsideTheYears1To9999(_ text: String) {
        #expect(throws: StoreError.self) { try TimeExpression.time(text, now: now) }
    }

    @Test func refusesDurationsOver10000YearsOrUnder1ms() throws {
        #expect(try TimeExpression.duration("9000w") == 9_000 * 7 * 86_400)
        #expect(throws: StoreError.self) { try TimeExpression.duration(String(repeating: "9", count: 400) + "s") }
        #expect(try TimeExpression.duration("1ms") == 0.001)
        #expect(try TimeExpression.duration("0s") == 0)
        #expect(throws: StoreError.self) { try TimeExpression.duration("0.0000000000000000000001s") }
    }

    @Test func formatsRFC3339BackExactly() throws {
        for seconds in [0.0, 951_782_400, 1_732_680_000.25, 4_102_444_799] {
            #expect(try TimeExpression.time(TimeExpression.rfc3339(seconds), now: now) == seconds)
        }
        #expect(TimeExpression.rfc3339(1_732_680_000) == "2024-11-27T04:00:00Z")
    }
}
