import EcotopCore
import Testing

@Suite struct CalendarDayTests {
    @Test func countsDaysFromTheEpoch() {
        #expect(CalendarDay(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(CalendarDay(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        #expect(CalendarDay(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11_017)
        #expect(CalendarDay(year: 2025, month: 11, day: 27)?.daysSinceEpoch == 20_419)
        #expect(CalendarDay(year: 1, month: 1, day: 1)?.daysSinceEpoch == -719_162)
    }

    @Test func daysRoundTripThroughDates() {
        for days in stride(from: -800_000, through: 3_000_000, by: 997) {
            let day = CalendarDay(daysSinceEpoch: days)
            #expect(CalendarDay(year: day.year, month: day.month, day: day.day)?.daysSinceEpoch == days)
        }
        let day = CalendarDay(daysSinceEpoch: 20_419)
        #expect([day.year, day.month, day.day] == [2025, 11, 27])
    }

    @Test func refusesDaysThatDoNotExist() {
        #expect(CalendarDay(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDay(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDay(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2025, month: 4, day: 31) == nil)
        #expect(CalendarDay(year: 2025, month: 12, day: 32) == nil)
        #expect(CalendarDay(year: 2025, month: 13, day: 1) == nil)
        #expect(CalendarDay(year: 2025, month: 0, day: 1) == nil)
        #expect(CalendarDay(year: 2025, month: 1, day: 0) == nil)
    }
}
