import EcotopCore
import Testing

@Suite struct SeriesSelectorTests {
    let stripe = SeriesKey(name: "usage.transactions", labels: ["integration": "stripe", "code": "503"])
    let paypal = SeriesKey(name: "usage.transactions", labels: ["integration": "paypal"])
    let revenue = SeriesKey(name: "value.revenue", labels: ["integration": "stripe", "code": "200"])

    private func selected(_ text: String) throws -> [SeriesKey] {
        [stripe, paypal, revenue].filter(try SeriesSelector(parsing: text).matches)
    }

    @Test func parsesNameAndEveryOperation() throws {
        let selector = try SeriesSelector(parsing: #"m{a="1", b != "2",c=~"3.",d!~"4|5",}"#)
        #expect(selector.name == "m")
        #expect(selector.matchers.map(\.label) == ["a", "b", "c", "d"])
        #expect(selector.matchers.map(\.operation) == [.equal, .notEqual, .matches, .doesNotMatch])
        #expect(selector.matchers.map(\.value) == ["1", "2", "3.", "4|5"])
        #expect(selector == SeriesSelector(name: "m", matchers: [
            .equal("a", "1"), .notEqual("b", "2"),
            try .init(label: "c", operation: .matches, value: "3."),
            try .init(label: "d", operation: .doesNotMatch, value: "4|5"),
        ]))
    }

    @Test func theNameIsOptional() throws {
        #expect(try SeriesSelector(parsing: "{}") == SeriesSelector(name: nil))
        #expect(try SeriesSelector(parsing: #"{integration="stripe"}"#).name == nil)
        #expect(try selected("{}") == [stripe, paypal, revenue])
        #expect(try selected(#"{integration="stripe"}"#) == [stripe, revenue])
        #expect(try SeriesSelector(parsing: " up {a=\"1\"} ") == SeriesSelector(name: "up", matchers: [.equal("a", "1")]))
    }

    @Test func namesMayContainDotsDashesAndColons() throws {
        #expect(try SeriesSelector(parsing: "usage.transactions").name == "usage.transactions")
        #expect(try SeriesSelector(parsing: "cpu.usage_idle-total:rate").name == "cpu.usage_idle-total:rate")
        #expect(try selected("usage.transactions") == [stripe, paypal])
        #expect(try selected("usage") == [])
    }

    @Test func equalAndNotEqualTreatAMissingLabelAsEmpty() throws {
        #expect(try selected(#"usage.transactions{integration="stripe"}"#) == [stripe])
        #expect(try selected(#"usage.transactions{integration!="stripe"}"#) == [paypal])
        #expect(try selected(#"{code=""}"#) == [paypal])
        #expect(try selected(#"{code!=""}"#) == [stripe, revenue])
    }

    @Test func regularExpressionsMatchTheWholeValue() throws {
        #expect(try selected(#"{code=~"5.."}"#) == [stripe])
        #expect(try selected(#"{code=~"0"}"#) == [])
        #expect(try selected(#"{code!~"5.."}"#) == [paypal, revenue])
        #expect(try selected(#"{integration=~"pay.*|str.*", code!~"2.*"}"#) == [stripe, paypal])
        #expect(try selected(#"{__name__=~"value\..*"}"#) == [revenue])
        #expect(try selected(#"{__name__!="usage.transactions"}"#) == [revenue])
    }

    @Test func escapesInValues() throws {
        let selector = try SeriesSelector(parsing: #"m{a="say \"hi\"\n", b="back\\slash\t", c="\d+\."}"#)
        #expect(selector.matchers.map(\.value) == ["say \"hi\"\n", "back\\slash\t", #"\d+\."#])
        #expect(selector.matches(SeriesKey(name: "m", labels: ["a": "say \"hi\"\n", "b": "back\\slash\t", "c": #"\d+\."#])))
        #expect(try SeriesSelector(parsing: #"{v=~"\d+\.\d"}"#).matches(SeriesKey(name: "x", labels: ["v": "12.5"])))
        #expect(try SeriesSelector(parsing: #"{v=~"\\d"}"#).matches(SeriesKey(name: "x", labels: ["v": "7"])))
    }

    @Test func descriptionParsesBackToTheSameSelector() throws {
        for text in ["up", "{}", #"{a=~"x|y"}"#, #"usage.transactions{a="q\"\\\n",b!="",c!~"\d"}"#] {
            let selector = try SeriesSelector(parsing: text)
            #expect(try SeriesSelector(parsing: selector.description) == selector, "\(text)")
        }
        #expect(SeriesSelector(name: "m", matchers: [.notEqual("a", "\"")]).description == #"m{a!="\""}"#)
    }

    @Test(arguments: [
        ("", 1, "expected a metric name"),
        ("=x", 1, "expected a metric name or {"),
        ("up{", 4, "expected a label name"),
        ("up{,}", 4, "expected a label name"),
        ("up{a}", 5, "expected =, !=, =~ or !~ after the label name"),
        ("up{a~\"1\"}", 5, "expected =, !=, =~ or !~ after the label name"),
        ("up{a!\"x\"}", 6, "expected = or ~ after !"),
        ("up{a=x}", 6, "expected \" to open the label value"),
        ("up{a=\"x", 8, "expected \" to close the label value"),
        ("up{a=\"x\"", 9, "expected , or }"),
        ("up{a=\"x\" b=\"y\"}", 10, "expected , or }"),
        ("up x", 3, "expected the end of the selector"),
        ("up{} x", 6, "expected the end of the selector"),
        ("é{ü=\"1\" x}", 9, "expected , or }"),
    ])
    func errorsGiveTheColumnAndReason(text: String, column: Int, reason: String) {
        let error = #expect(throws: SeriesSelector.ParseError.self) { try SeriesSelector(parsing: text) }
        #expect(error?.column == column)
        #expect(error?.reason == reason)
        #expect(error?.description == "1:\(column): \(reason)")
    }

    @Test func anInvalidRegularExpressionIsAParseErrorAtItsValue() {
        let error = #expect(throws: SeriesSelector.ParseError.self) { try SeriesSelector(parsing: #"up{a="1",b=~"(x"}"#) }
        #expect(error?.column == 13)
        #expect(error?.reason.hasPrefix(#"invalid regular expression "(x": "#) == true)
        #expect(throws: (any Error).self) { try SeriesSelector.Matcher(label: "a", operation: .doesNotMatch, value: "[") }
    }

    @Test func matchersCompareByLabelOperationAndValue() throws {
        let compiled = try SeriesSelector.Matcher(label: "a", operation: .matches, value: "x.")
        #expect(compiled == (try SeriesSelector.Matcher(label: "a", operation: .matches, value: "x.")))
        #expect(compiled != (try SeriesSelector.Matcher(label: "a", operation: .doesNotMatch, value: "x.")))
        #expect(Set([compiled, try SeriesSelector.Matcher(label: "a", operation: .matches, value: "x.")]).count == 1)
        #expect(SeriesSelector.Matcher.equal("a", "1") == (try SeriesSelector.Matcher(label: "a", operation: .equal, value: "1")))
    }
}
