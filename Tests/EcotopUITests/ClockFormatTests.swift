import EcotopUI
import Foundation
import Testing

@Suite struct ClockFormatTests {
    @Test(arguments: [
        (0.0, "1970-01-01", "01-01", "00:00:00"),
        (1_709_210_096, "2024-02-29", "02-29", "12:34:56"),
        (951_782_400, "2000-02-29", "02-29", "00:00:00"),
        (4_107_628_799, "2100-03-01", "03-01", "23:59:59"),
        (1_704_067_199, "2023-12-31", "12-31", "23:59:59"),
        (1_735_603_200, "2024-12-31", "12-31", "00:00:00"),
        (1_795_754_811.9, "2026-11-27", "11-27", "04:46:51"),
        (-1, "1969-12-31", "12-31", "23:59:59"),
        (-2_208_988_800, "1900-01-01", "01-01", "00:00:00"),
    ])
    func formatsKnownMomentsInUTC(epoch: Double, date: String, monthDay: String, time: String) {
        #expect(ClockFormat.utc.date(epoch) == date)
        #expect(ClockFormat.utc.monthDay(epoch) == monthDay)
        #expect(ClockFormat.utc.timeOfDay(epoch) == time)
    }

    @Test func timeOfDayCanLeaveOutSeconds() {
        #expect(ClockFormat.utc.timeOfDay(1_709_210_096, withSeconds: false) == "12:34")
    }

    @Test func dayAfterLeapDayIsTheFirstOfMarch() {
        #expect(ClockFormat.utc.date(1_709_210_096 + 86_400) == "2024-03-01")
        #expect(ClockFormat.utc.date(1_709_210_096 - 86_400) == "2024-02-28")
    }

    @Test func aZoneShiftsTimesAndDatesAndNamesItself() throws {
        let berlin = ClockFormat.zone(try #require(TimeZone(identifier: "Europe/Berlin")))
        let november = 1_795_754_811.0  // 2026-11-27 04:46:51 UTC
        #expect(berlin.timeOfDay(november) == "05:46:51")
        #expect(berlin.zoneName(at: november) == "CET" || berlin.zoneName(at: november) == "GMT+1")
        let summer = 1_782_864_000.0  // 2026-07-01 00:00:00 UTC
        #expect(berlin.timeOfDay(summer) == "02:00:00", "daylight saving time: two hours ahead")
        #expect(berlin.date(summer - 1) == "2026-07-01", "23:59:59 UTC is already the next day in Berlin")
        #expect(ClockFormat.utc.date(summer - 1) == "2026-06-30")
    }
}
