import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// Series ids are never handed out twice, whatever happened to `series.jsonl`: a new series
/// taking the id of a lost one would mix its points with the lost series' points for good.
@Suite struct SeriesIdReuseTests {
    /// Ways `series.jsonl` loses lines, and the ids each loses of a catalog `a`, `b`, `c`
    /// (ids 0, 1, 2).
    enum CatalogLoss: String, CaseIterable, CustomTestStringConvertible {
        case cutInItsLastLine, emptied, deleted, restoredFromAnOlderCopy, middleLineDeleted

        var testDescription: String { rawValue }

        var lostIDs: [UInt32] {
            switch self {
            case .cutInItsLastLine: [2]
            case .emptied, .deleted: [0, 1, 2]
            case .restoredFromAnOlderCopy: [1, 2]
            case .middleLineDeleted: [1]
            }
        }

        func apply(to store: TemporaryStore, olderCopy: [UInt8]) throws {
            let lines = try store.bytes("series.jsonl").split(separator: 0x0A).map { Array($0) + [0x0A] }
            switch self {
            case .cutInItsLastLine: try store.write("series.jsonl", Array(lines[0...1].joined()) + lines[2].prefix(9))
            case .emptied: try store.write("series.jsonl", [])
            case .deleted: try FileManager.default.removeItem(atPath: store.path("series.jsonl"))
            case .restoredFromAnOlderCopy: try store.write("series.jsonl", olderCopy)
            case .middleLineDeleted: try store.write("series.jsonl", lines[0] + lines[2])
            }
        }
    }

    let hour = FilledStore.hour
    let names = ["a", "b", "c"]

    /// A store with series a, b and c (one point each, values 0, 1 and 2) whose catalog then
    /// lost lines, and the bytes of its raw segment.
    private func store(losing loss: CatalogLoss) throws -> (store: TemporaryStore, raw: [UInt8]) {
        let store = TemporaryStore()
        let writer = try store.writer(now: FilledStore.now)
        try writer.append(samples: [Sample(key: key("a"), timestamp: hour, value: 0)])
        let olderCopy = try store.bytes("series.jsonl")
        try writer.append(samples: [1, 2].map { Sample(key: key(names[$0]), timestamp: hour + Double($0), value: Double($0)) })
        try writer.close()
        try loss.apply(to: store, olderCopy: olderCopy)
        return (store, try store.bytes(try store.onlySegment(in: "raw")))
    }

    /// Adds series `d` with one point of value 3, as the next ingest would.
    private func addSeriesD(to store: TemporaryStore) throws {
        let writer = try store.writer(now: FilledStore.now)
        try writer.append(samples: [Sample(key: key("d"), timestamp: hour + 3, value: 3)])
        try writer.close()
    }

    private func values(_ store: TemporaryStore, of series: SeriesKey) throws -> [Double] {
        let reader = try store.reader()
        let id = try #require(try reader.existingID(of: series), "\(series) is in the catalog")
        return try reader.rawPoints(series: [id], from: 0, to: 1e10)[0].map(\.value)
    }

    @Test(arguments: CatalogLoss.allCases)
    func aNewSeriesNeverTakesALostId(_ loss: CatalogLoss) throws {
        let (store, raw) = try store(losing: loss)
        try addSeriesD(to: store)
        let id = try #require(try store.reader().existingID(of: key("d")))
        #expect(id > 2, "d took id \(id), which series \(names[Int(min(id, 2))]) had")
        #expect(try values(store, of: key("d")) == [3], "d's points are its own")
        #expect(try store.bytes(try store.onlySegment(in: "raw")).starts(with: raw), "nothing stored was rewritten")
    }

    @Test(arguments: CatalogLoss.allCases)
    func checkFlagsIdsInSegmentsThatTheCatalogLost(_ loss: CatalogLoss) throws {
        let (store, _) = try store(losing: loss)
        try addSeriesD(to: store)
        let unknown = try StoreCheck.run(layout: store.layout).filter { $0.kind == .unknownSeries }
        for id in loss.lostIDs {
            #expect(unknown.contains { $0.message.contains("series id \(id) ") }, "id \(id) in \(unknown)")
        }
    }

    @Test(arguments: CatalogLoss.allCases)
    func repairRestoresLostIdsAsRecoveredSeriesWithTheirOwnPoints(_ loss: CatalogLoss) throws {
        let (store, _) = try store(losing: loss)
        try addSeriesD(to: store)
        _ = try StoreMaintenance.repair(layout: store.layout, clock: FixedWallClock(FilledStore.now))
        for id in loss.lostIDs {
            let recovered = key("__recovered_id_\(id)")
            #expect(try store.reader().existingID(of: recovered) == id)
            #expect(try values(store, of: recovered) == [Double(id)])
        }
        #expect(try values(store, of: key("d")) == [3])
        #expect(try StoreCheck.run(layout: store.layout).isEmpty)
        try addSeriesD(to: store)
        #expect(try values(store, of: key("d")) == [3, 3], "the next writer still knows d and takes no recovered id")
    }

    @Test func aStoreFromBeforeTheManifestKeptTheNextIdIsProtectedFromItsFirstWriterOn() throws {
        let (store, _) = try store(losing: .restoredFromAnOlderCopy)
        try store.write("series.jsonl", names.enumerated().map { #"{"s":\#($0.offset),"name":"\#($0.element)","labels":{}}"# + "\n" }.joined().utf8.map { $0 })
        let manifest = try JSONSerialization.jsonObject(with: Data(try store.bytes("manifest.json"))) as! [String: Any]
        try store.write("manifest.json", Array(try JSONSerialization.data(withJSONObject: manifest.filter { $0.key != "next_series_id" })))
        try store.writer(now: FilledStore.now).close()
        try store.write("series.jsonl", [])
        try addSeriesD(to: store)
        #expect(try store.reader().existingID(of: key("d")) == 3)
    }
}
