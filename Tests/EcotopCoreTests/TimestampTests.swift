import EcotopCore
import Testing

@Suite struct TimestampTests {
    /// 2025-11-27T12:05:00Z.
    let noon = 1_764_245_100.0

    private func seconds(_ text: String) -> Double? {
        Timestamp(parsing: text)?.seconds
    }

    @Test func aUnixTimeIsSecondsMillisecondsMicrosecondsOrNanosecondsBySize() throws {
        #expect(seconds("1764245100") == noon)
        #expect(seconds("1764245100123") == 1_764_245_100.123)
        #expect(seconds("1764245100123456") == 1_764_245_100.123456)
        let nanoseconds = try #require(seconds("1764245100123456789"))
        #expect((nanoseconds - 1_764_245_100.123456789).magnitude < 1e-6)
        for text in ["1764245100", "1764245100123", "1764245100123456", "1764245100123456789"] {
            #expect(seconds(text)?.rounded(.down) == noon, "\(text) is the same second")
        }
    }

    @Test(arguments: [
        (99_999_999_999.0, 99_999_999_999.0), (99_999_999_999.9, 99_999_999_999.9),
        (100_000_000_000, 100_000_000), (99_999_999_999_999, 99_999_999_999.999),
        (100_000_000_000_000, 100_000_000), (99_999_999_999_999_984, 99_999_999_999.999_984),
        (100_000_000_000_000_000, 100_000_000), (0, 0), (-1_000, -1_000), (-100_000_000_000, -100_000_000),
    ])
    func theUnitChangesAtEachPowerOfAThousandFrom10To11(number: Double, expected: Double) {
        #expect(Timestamp(unixTime: number).seconds == expected)
    }

    @Test func unixTimesAreNumbersAsJSONWritesThem() {
        #expect(seconds("1764245100.5") == noon + 0.5)
        #expect(seconds("1764245100123.5") == 1_764_245_100.1235)
        #expect(seconds("1.7642451e9") == noon)
        #expect(seconds("17642451E+2") == noon)
        #expect(seconds("-1.5") == -1.5)
        #expect(seconds("0001764245100") == noon)
        #expect(seconds("1764245100.000000000000000000001") == noon)
    }

    @Test func rfc3339FractionsOfAnyLengthReadToTheNanosecond() throws {
        let digits = "123456789012"
        for count in 0...digits.count {
            let fraction = count == 0 ? "" : "." + digits.prefix(count)
            let parsed = try #require(seconds("2025-11-27T12:05:00\(fraction)Z"), "\(count) fraction digits")
            let expected = noon + (Double("0" + fraction.prefix(10)) ?? 0)
            #expect((parsed - expected).magnitude < 1e-6, "\(count) fraction digits")
        }
        #expect(seconds("2025-11-27T12:05:00.5Z") == noon + 0.5)
        #expect(seconds("2025-11-27T12:05:00.250Z") == noon + 0.25)
        #expect(seconds("1969-12-31T23:59:59.5Z") == -0.5)
    }

    @Test(arguments: [
        "2025-11-27T12:05:00Z", "2025-11-27t12:05:00z", "2025-11-27 12:05:00Z", "2025-11-27T13:05:00+01:00",
        "2025-11-27T06:35:00-05:30", "2025-11-27T12:05:00+00:00", "2025-11-27T12:05:00-00:00",
        "2025-11-28T02:05:00+14:00", "2025-11-27 07:05:00.000-05:00",
    ])
    func rfc3339OffsetsSeparatorsAndCaseNameTheSameMoment(text: String) {
        #expect(seconds(text) == noon)
        #expect(Timestamp(rfc3339: text)?.seconds == noon)
    }

    @Test func calendarEdgesAndTheLeapSecond() {
        #expect(seconds("1970-01-01T00:00:00Z") == 0)
        #expect(seconds("2024-02-29T00:00:00Z") == 1_709_164_800)
        #expect(seconds("2000-02-29T00:00:00Z") == 951_782_400)
        #expect(seconds("2016-12-31T23:59:60Z") == seconds("2017-01-01T00:00:00Z"))
        #expect(seconds("9999-12-31T23:59:59Z") == 253_402_300_799)
        #expect(seconds("0001-01-01T00:00:00Z") == -62_135_596_800)
    }

    @Test(arguments: [
        "", " ", "yesterday", "now", "2025-13-01T00:00:00Z", "2025-00-10T00:00:00Z", "2024-02-30T00:00:00Z",
        "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-11-00T00:00:00Z",
        "2025-11-27T24:00:00Z", "2025-11-27T12:60:00Z", "2025-11-27T12:05:61Z", "2025-11-27T12:05:00",
        "2025-11-27T12:05:00+0100", "2025-11-27T12:05:00+01", "2025-11-27T12:05:00+24:00", "2025-11-27T12:05:00+01:60",
        "2025-11-27T12:05:00.Z", "2025-11-27T12:05:00,5Z", "2025-11-27X12:05:00Z", "2025-11-27T12:05Z",
        "25-11-27T12:05:00Z", "2025/11/27T12:05:00Z", " 2025-11-27T12:05:00Z", "2025-11-27T12:05:00Z ",
        "2025-11-27T12:05:00ZZ", "20251127T120500Z", "2025-11-27T12:05:00+01:00 ",
        "1764245100 ", " 1764245100", "+1764245100", "1764245100.", ".5", "-", "1e", "1e+", "1_764_245_100",
        "0x6925BF6C", "inf", "nan", "1e999", "1,5", "٣", "１７６４２４５１００",
    ])
    func refusesAnythingElse(text: String) {
        #expect(Timestamp(parsing: text) == nil)
    }

    @Test func rfc3339AloneRefusesUnixTimes() {
        #expect(Timestamp(rfc3339: "1764245100") == nil)
        #expect(Timestamp(rfc3339: "2025-11-27T12:05:00Z") == Timestamp(seconds: noon))
    }

    @Test func bytesAndSubstringsReadLikeStrings() {
        let line = "ts=2025-11-27T12:05:00.250Z;"
        let field = line.dropFirst(3).dropLast()
        #expect(Timestamp(parsing: field) == Timestamp(seconds: noon + 0.25))
        let fromBytes = Array(field.utf8).withUnsafeBufferPointer { Timestamp(rfc3339: $0) }
        #expect(fromBytes == Timestamp(seconds: noon + 0.25))
    }

    @Test func writesRFC3339InUTCToTheMillisecondAndReadsItBack() {
        #expect(Timestamp(seconds: noon).rfc3339 == "2025-11-27T12:05:00Z")
        #expect(Timestamp(seconds: noon + 0.25).rfc3339 == "2025-11-27T12:05:00.250Z")
        #expect(Timestamp(seconds: noon + 0.007).rfc3339 == "2025-11-27T12:05:00.007Z")
        #expect(Timestamp(seconds: -0.5).rfc3339 == "1969-12-31T23:59:59.500Z")
        for seconds in [0.0, 951_782_400, 1_732_680_000.25, 4_102_444_799, -86_400.125] {
            #expect(Timestamp(rfc3339: Timestamp(seconds: seconds).rfc3339)?.seconds == seconds)
        }
    }

    @Test func timestampsOrderByTime() {
        let times = ["2025-11-27T13:05:00+01:00", "2025-11-27T12:04:59.999Z", "1764245100001"].compactMap { Timestamp(parsing: $0) }
        #expect(times.count == 3)
        #expect(times.sorted().map(\.seconds) == [noon - 0.001, noon, noon + 0.001])
    }
}
