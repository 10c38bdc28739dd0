import EcotopCollectors
import Testing

/// The warning `ingest --format influx` gives when timestamps look written in another unit
/// than the precision they are read in.
@Suite struct InfluxTimestampUnitTests {
    /// 2023-11-14T22:13:20Z in seconds.
    let second = 1_700_000_000.0

    @Test func timestampsInTheirOwnUnitGetNoWarning() {
        #expect(InfluxLineParser.Precision.nanoseconds.unitWarning(forTimestamps: [second, second + 10]) == nil)
        #expect(InfluxLineParser.Precision.nanoseconds.unitWarning(forTimestamps: []) == nil)
        // One plausible time is enough: the others may be old data on purpose.
        #expect(InfluxLineParser.Precision.nanoseconds.unitWarning(forTimestamps: [1.7, second]) == nil)
    }

    @Test(arguments: [
        (InfluxLineParser.Precision.nanoseconds, 1e-9, "s"),
        (.nanoseconds, 1e-6, "ms"),
        (.nanoseconds, 1e-3, "us"),
        (.seconds, 1e9, "ns"),
        (.milliseconds, 1e6, "ns"),
    ])
    func timestampsInAnotherUnitNameIt(read: InfluxLineParser.Precision, scale: Double, written: String) {
        // `scale` turns the seconds the writer meant into what reading in `read` gives.
        let warning = read.unitWarning(forTimestamps: [second * scale, (second + 60) * scale])
        #expect(warning == "every timestamp falls before 1971 or after 2100 when read in \(read.rawValue); they look like \(written): pass --precision \(written)")
    }

    @Test func timestampsThatFitNoUnitAskForTheWritersUnit() {
        #expect(InfluxLineParser.Precision.nanoseconds.unitWarning(forTimestamps: [0, -5])
            == "every timestamp falls before 1971 or after 2100 when read in ns; check the unit its writer uses (--precision s, ms, us or ns)")
    }
}
