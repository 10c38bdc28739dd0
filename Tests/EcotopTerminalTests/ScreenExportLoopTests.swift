import EcotopApp
import EcotopCollectors
import EcotopCore
import EcotopTerminal
import EcotopTestSupport
import EcotopUI
import Foundation
import Testing

/// The palette's "export" entries: the loop saves the screen as drawn and the footer says where.
@Suite struct ScreenExportLoopTests {
    @Test func exportingFromThePaletteSavesTheScreenAsDrawnAndNamesTheFile() throws {
        let directory = NSTemporaryDirectory() + "ecotop-saved-screens-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let running = try RunningDemoLoop(savedScreens: SavedScreens(directory: directory))
        defer { running.stop() }
        let terminal = running.terminal
        try wait(for: "the first read to arrive") { terminal.frame(after: 0) { !$0.contains("waiting for data") } != nil }
        var typed = 0.0
        for key in KeySequence.parse(":export text\n") { typed = terminal.type(key) }
        try wait(for: "the footer to name the saved file") { terminal.frame(after: typed) { $0.contains("saved \(directory)/") } != nil }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        let name = try #require(names.first)
        #expect(names.count == 1 && name.hasPrefix("ecotop-dashboard-") && name.hasSuffix(".txt"), "\(names)")
        let saved = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        #expect(saved.contains("1 Participation") && saved.contains("Health"), "\(saved)")
        #expect(!saved.contains("Commands"), "the palette closed before the screen was saved")

        for key in KeySequence.parse(":export svg\n") { typed = terminal.type(key) }
        // The file appears under a temporary name first, then is renamed: wait for the name.
        try wait(for: "the SVG file") { terminal.frame(after: typed) { $0.contains(".svg") } != nil }
        let listing = try FileManager.default.contentsOfDirectory(atPath: directory)
        let svg = try #require(listing.first { $0.hasSuffix(".svg") }, "\(listing)")
        let picture = try String(contentsOfFile: directory + "/" + svg, encoding: .utf8)
        #expect(picture.contains("<svg") && picture.contains("Participation"))
    }

    @Test func aScreenThatCannotBeSavedSaysWhyAndTheDashboardGoesOn() throws {
        let running = try RunningDemoLoop(savedScreens: SavedScreens(directory: "/dev/null/screenshots"))
        defer { running.stop() }
        let terminal = running.terminal
        try wait(for: "the first read to arrive") { terminal.frame(after: 0) { !$0.contains("waiting for data") } != nil }
        var typed = 0.0
        for key in KeySequence.parse(":export svg\n") { typed = terminal.type(key) }
        try wait(for: "the footer to say the screen was not saved") { terminal.frame(after: typed) { $0.contains("screen not saved: ") && $0.contains("/dev/null") } != nil }
        let afterwards = terminal.type(.character("e"))
        try wait(for: "the errors screen: keys still work") { terminal.frame(after: afterwards) { $0.contains("Errors") } != nil }
    }
}
