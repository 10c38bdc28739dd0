/// Fuzzy matching for the command palette: the typed characters must appear in order in an
/// entry's name or summary (case aside); a match scores a point per character, more at the
/// start of a word and more right after the previous match, less for each break in the run
/// and for every character skipped in between.
public enum PaletteMatcher {
    /// The score of `query` in `text`, nil when its characters do not all appear in order.
    public static func score(_ query: String, in text: String) -> Int? {
        match(query, in: text)?.score
    }

    /// The score of `query` in `text` and the positions (in `Array(text)`) of the characters
    /// it matched, nil when they do not all appear in order. Each character is matched right
    /// after the previous one when it can be, else at the next word start that has it (if the
    /// rest still matches after it), else at its next occurrence.
    public static func match(_ query: String, in text: String) -> (score: Int, positions: [Int])? {
        // Compared a character at a time, lower-cased, so positions stay those of `text`.
        let haystack = text.map { $0.lowercased() }
        let needle = query.filter { !$0.isWhitespace }.map { $0.lowercased() }
        var score = 0
        var positions: [Int] = []
        var position = 0
        for (offset, character) in needle.enumerated() {
            let candidates = haystack.indices[position...].filter { haystack[$0] == character }
            guard let first = candidates.first else { return nil }
            let previous = positions.last
            let consecutive = previous.map { first == $0 + 1 } ?? false
            let rest = needle[(offset + 1)...]
            let chosen = consecutive ? first : candidates.first { index in
                isWordStart(index, in: haystack) && isSubsequence(rest, of: haystack[(index + 1)...])
            } ?? first
            score += 1
            if isWordStart(chosen, in: haystack) { score += 8 }
            if let previous, chosen == previous + 1 { score += 6 } else if let previous { score -= 3 + min(chosen - previous - 1, 5) }
            positions.append(chosen)
            position = chosen + 1
        }
        return (score, positions)
    }

    /// The entries that match `query`, best first; equal scores go to the more recently used
    /// (`recent`, most recent first), then to the map's order. An empty query lists every entry,
    /// recently used first.
    public static func rank(_ entries: [PaletteEntry], query: String, recent: [String]) -> [PaletteEntry] {
        let scored = entries.enumerated().compactMap { index, entry in
            let score = [score(query, in: entry.action.replacingOccurrences(of: "_", with: " ")), score(query, in: entry.summary)]
                .compactMap { $0 }.max()
            return score.map { (entry: entry, score: $0, recency: recent.firstIndex(of: entry.action) ?? recent.count, index: index) }
        }
        return scored.sorted { ($1.score, $0.recency, $0.index) < ($0.score, $1.recency, $1.index) }.map(\.entry)
    }

    private static func isSubsequence(_ characters: ArraySlice<String>, of text: ArraySlice<String>) -> Bool {
        var remaining = characters[...]
        for character in text where remaining.first == character { remaining = remaining.dropFirst() }
        return remaining.isEmpty
    }

    private static func isWordStart(_ index: Int, in text: [String]) -> Bool {
        index == 0 || !text[index - 1].allSatisfy { $0.isLetter || $0.isNumber }
    }
}
