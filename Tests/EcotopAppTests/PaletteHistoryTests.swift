import EcotopApp
import Foundation
import Testing

/// The palette's history between runs: kept in order and bounded, and a missing or damaged
/// file reads as no history (or what of it is sound) rather than failing the dashboard.
@Suite struct PaletteHistoryTests {
    let directory = NSTemporaryDirectory() + "ecotop-palette-history-\(UInt32.random(in: 0...UInt32.max))"
    var history: PaletteHistory { PaletteHistory(path: directory + "/state/ecotop/palette-history") }

    @Test func savedActionsComeBackInOrderAndAtMostTheLimit() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(history.load().isEmpty, "no file is no history")
        let many = (1...30).map { "theme_\($0)" }
        try history.save(["show_errors", "filter_stripe|paypal", "range_24h"] + many)
        let loaded = history.load()
        #expect(loaded.prefix(3) == ["show_errors", "filter_stripe|paypal", "range_24h"])
        #expect(loaded.count == AppModel.recentLimit)
    }

    @Test func damagedLinesAreSkippedAndALargeFileIsIgnored() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try history.save(["show_map"])
        let garbage = "show_map\n\u{1B}[2Jshow_errors\n\n" + String(repeating: "x", count: 600) + "\nrange_7d\n"
        try garbage.write(toFile: history.path, atomically: false, encoding: .utf8)
        #expect(history.load() == ["show_map", "range_7d"], "escape sequences and overlong lines are dropped")
        try String(repeating: "show_map\n", count: 10_000).write(toFile: history.path, atomically: false, encoding: .utf8)
        #expect(history.load().isEmpty, "a file of 90 kB is not a palette history")
        try history.save(["help\nquit"])
        #expect(history.load().isEmpty, "a name with a line break is not saved as two names")
    }

    @Test func theStateDirectoryFollowsXDGStateHomeElseHome() {
        #expect(PaletteHistory(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).path == "/s/ecotop/palette-history")
        #expect(PaletteHistory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]).path == "/h/.local/state/ecotop/palette-history")
    }
}
