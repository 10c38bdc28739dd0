import EcotopCore
import EcotopTestSupport
import Foundation
import Testing

/// `ecotop export` through the binary on a store written by hand: the selected series' raw
/// samples in the range, in time order, as RFC 4180 CSV and as JSON lines that `ingest` reads
/// back, with hostile label text escaped rather than sent to the terminal.
@Suite struct ExportCommandLineTests {
    /// A whole minute an hour ago: recent enough for `ingest`'s retention check on the copy.
    static let end = (Date().timeIntervalSince1970 / 60).rounded(.down) * 60 - 3_600
    /// A label value with a comma, quotes, a line break, a screen clear and a bidirectional override.
    static let hostile = "a,\"b\"\nc\u{1B}[2J\u{202E}d"

    /// Three series of `usage.transactions` (one with the hostile label) and one other metric,
    /// one point a minute for ten minutes.
    static func store() throws -> TemporaryStore {
        let store = TemporaryStore()
        try store.writeMinutely(
            [
                SeriesKey(name: "usage.transactions", labels: ["integration": "plain"]): 1,
                SeriesKey(name: "usage.transactions", labels: ["integration": hostile]): 2.5,
                SeriesKey(name: "value.ecosystem_revenue"): 3,
            ], until: end, minutes: 10)
        return store
    }

    static func export(_ store: TemporaryStore, _ format: String, series: String = "usage.transactions", from: Double = end - 540,
                       to: Double = end - 60) throws -> EcotopBinary.Run {
        try EcotopBinary.run(
            ["export", "--store", store.root, "--series", series, "--from", String(Int(from)), "--to", String(Int(to)), "--format", format])
    }

    @Test func csvHoldsTheSelectedSamplesInTheRangeInTimeOrderQuotedAsRFC4180() throws {
        let run = try Self.export(try Self.store(), "csv")
        #expect(run.status == 0 && run.errors.isEmpty, "\(run.errors)")
        let records = try Self.csvRecords(run.output)
        #expect(records.first == ["ts", "series", "value"])
        let rows = records.dropFirst()
        #expect(rows.count == 2 * 9, "two series, the nine minutes from --from to --to inclusive")
        #expect(rows.map { Double($0[0])! } == rows.map { Double($0[0])! }.sorted())
        #expect(Set(rows.map { $0[0] }) == Set((1...9).map { String(Int(Self.end) - 600 + $0 * 60) }))
        let hostileKey = SeriesKey(name: "usage.transactions", labels: ["integration": Self.hostile])
        #expect(rows.filter { $0[1] == TerminalText.escaped(hostileKey.description) }.allSatisfy { $0[2] == "2.5" })
        #expect(rows.filter { $0[1] == "usage.transactions{integration=\"plain\"}" }.count == 9)
        #expect(!run.output.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" }, "\(run.output)")
    }

    @Test func jsonLinesCarryTheLabelsWholeAndIngestBackToTheSameExport() throws {
        let store = try Self.store()
        let run = try Self.export(store, "jsonl", series: "{}")
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 3 * 9)
        let labels = try lines.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(object["labels"] as? [String: String])
        }
        #expect(labels.contains(["integration": Self.hostile]), "the label round-trips exactly")
        #expect(!run.output.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" })

        let copy = TemporaryStore()
        let ingest = try EcotopBinary.run(["ingest", "--store", copy.root], input: run.output)
        #expect(ingest.status == 0, "\(ingest.errors)")
        let again = try Self.export(copy, "jsonl", series: "{}")
        #expect(Set(again.output.split(separator: "\n")) == Set(lines), "\(again.output)")
    }

    @Test func aBadSelectorOrRangeSaysWhatIsWrong() throws {
        let store = try Self.store()
        let selector = try Self.export(store, "csv", series: "usage.transactions{integration=")
        #expect(selector.status == 1 && selector.errors.contains("selector \"usage.transactions{integration=\" at character"), "\(selector.errors)")
        let range = try Self.export(store, "csv", from: Self.end, to: Self.end - 60)
        #expect(range.status == 1 && range.errors.contains("is after --to"), "\(range.errors)")
        let format = try EcotopBinary.run(["export", "--store", store.root, "--series", "{}", "--format", "table"])
        #expect(format.status != 0 && format.errors.contains("table"), "\(format.errors)")
    }

    /// The records of RFC 4180 CSV text: fields split at commas outside quotes, `""` inside
    /// quotes read as one quote, records ended by line breaks outside quotes.
    static func csvRecords(_ text: String) throws -> [[String]] {
        let characters = Array(text)
        var records: [[String]] = [], record: [String] = [], field = ""
        var index = 0, quoted = false
        while index < characters.count {
            let character = characters[index]
            index += 1
            if quoted {
                if character != "\"" {
                    field.append(character)
                } else if index < characters.count, characters[index] == "\"" {
                    field.append("\"")
                    index += 1
                } else {
                    quoted = false
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\n" {
                records.append(record + [field])
                (record, field) = ([], "")
            } else {
                field.append(character)
            }
        }
        try #require(!quoted && field.isEmpty && record.isEmpty, "the text ends with a complete record")
        return records
    }
}
