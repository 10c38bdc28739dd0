import EcotopApp
import EcotopUI
import Testing

/// The command palette's fuzzy matching and ranking over the standard key map's actions.
@Suite struct PaletteMatcherTests {
    let entries = PaletteEntry.all(in: KeyMap.standard)

    private func ranked(_ query: String, recent: [String] = []) -> [String] {
        PaletteMatcher.rank(entries, query: query, recent: recent).map(\.action)
    }

    @Test func everyActionIsOfferedOnceInTheMapsOrder() {
        let documented = KeyActionsDocsTests.rows(of: KeyMap.standard).map { $0.split(separator: " ")[1].description }
        #expect(entries.map(\.action) == documented.filter { $0 != "palette" }, "every action but the palette's own key")
        #expect(entries.first { $0.action == "show_errors" }?.keys == "e")
    }

    @Test(arguments: [
        ("err", "show_errors"), ("theme", "next_theme"), ("nt", "next_theme"), ("quit", "quit"), ("gov", "show_governance"),
        ("silence", "silence_alert"), ("longer", "longer_range"), ("rev fin", "review_finish"), ("ack", "acknowledge_alert"),
        ("timings", "timings"), ("frame", "timings"), ("SORT", "sort"),
    ])
    func theBestMatchOfAQueryIsTheActionItNames(query: String, best: String) {
        #expect(ranked(query).first == best, "\(ranked(query).prefix(4))")
    }

    @Test func wordStartsAndRunsScoreAboveScatteredLetters() throws {
        let atWords = try #require(PaletteMatcher.score("se", in: "show errors"))
        let scattered = try #require(PaletteMatcher.score("se", in: "sleeve"))
        #expect(atWords > scattered)
        let run = try #require(PaletteMatcher.score("err", in: "show errors"))
        #expect(run > atWords)
        #expect(PaletteMatcher.score("xq", in: "show errors") == nil)
        #expect(PaletteMatcher.score("ta", in: "tab at") != nil, "a word start is taken only when the rest still matches after it")
    }

    @Test func recentlyUsedComeFirstAmongEqualMatchesAndFirstOfAll() {
        #expect(ranked("rev").first == "show_review")
        #expect(ranked("rev", recent: ["review_keep"]).first == "review_keep")
        #expect(ranked("", recent: ["next_theme", "pause"]).prefix(3) == ["next_theme", "pause", "quit"])
        #expect(ranked("zzz").isEmpty)
    }
}
