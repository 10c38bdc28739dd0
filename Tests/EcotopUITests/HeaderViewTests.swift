import EcotopApp
import EcotopCore
import EcotopUI
import Testing

/// The header keeps what matters when the terminal is narrow.
@Suite struct HeaderViewTests {
    private func firstLine(_ model: AppModel, width: Int) throws -> String {
        try DemoDashboard.render(model, size: Size(width: width, height: 24)).lines[0]
    }

    @Test func alarmsOutlastTheClockWhenRoomIsShort() throws {
        var state = try DemoDashboard.model()
        state.session.configProblems = ["config.yaml:3:1: bad"]
        state.session.collectors = [CollectorStatus(name: "orders", kind: "exec", state: .failing, lastError: "boom")]
        let wide = try firstLine(state, width: 160)
        #expect(wide.contains("12:05:00 UTC") && wide.contains("config error (c)") && wide.contains("1 collector failing (c)"))
        let narrow = try firstLine(state, width: 80)
        #expect(narrow.contains("config error (c)") && narrow.contains("1 collector failing (c)"), "\(narrow)")
        #expect(!narrow.contains("UTC"), "the clock goes first: \(narrow)")
        #expect(narrow.hasPrefix(" ecotop"), "the identity stays: \(narrow)")
    }

    @Test func aLongEcosystemNameIsCutWithAnEllipsis() throws {
        var state = try DemoDashboard.model()
        state.session.ecosystemName = "The Extraordinarily Long Name Of A Marketplace Ecosystem"
        let line = try firstLine(state, width: 80)
        #expect(line.contains("…"))
        #expect(line.contains("LIVE"))
    }
}
