import EcotopUI
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
        #expect(ClockFormat.date(epoch) == date)
        #expect(ClockFormat.monthDay(epoch) == monthDay)
        #expect(ClockFormat.timeOfDay(epoch) == time)
    }

    @Test func timeOfDayCanLeaveOutSeconds() {
        #expect(ClockFormat.timeOfDay(1_709_210_096, withSeconds: false) == "12:34")
    }

    @Test func dayAfterLeapDayIsTheFirstOfMarch() {
        #expect(ClockFormat.date(1_709_210_096 + 86_400) == "2024-03-01")
        #expect(ClockFormat.date(1_709_210_096 - 86_400) == "2024-02-28")
    }
}
