/// Reduces an error message to its template by replacing the parts that vary from one
/// occurrence to the next, so that "order 1042 failed" and "order 7311 failed" group together.
///
/// The message is read as words (runs of letters, digits and `_`, joined across a `-` or `.`
/// that has a word character on both sides) and everything between them. Replacements:
/// - a quoted value, `'...'`, `"..."` or `` `...` `` whose opening quote does not follow a
///   word character (so "can't" is not a quote): `'<str>'`, keeping the quote marks;
/// - a UUID (8-4-4-4-12 hex digits): `<uuid>`;
/// - `0x` followed by hex digits, or a word of 8 or more hex digits with at least one digit: `<hex>`;
/// - a number (digits with `.` or `-` between them, such as `1.5`, `10.0.0.1` or `2024-05-01`): `<num>`;
/// - a number with a unit suffix of at most three letters (`30s`, `250ms`): `<num>` and the suffix;
/// - any other word that mixes letters and digits (`ord_8812`, `req-7f3k`, `cus9X2`): `<id>`.
/// Words without digits are kept as they are, and runs of whitespace become one space.
public enum ErrorMessageTemplate {
    /// The template of a message.
    public static func normalize(_ message: String) -> String {
        let characters = Array(message)
        var template = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                if !template.isEmpty, template.last != " " { template.append(" ") }
                index += 1
            } else if isQuote(character), index == 0 || !isWordCharacter(characters[index - 1]),
                let close = characters[(index + 1)...].firstIndex(of: character)
            {
                template += "\(character)<str>\(character)"
                index = close + 1
            } else if isWordCharacter(character) {
                let end = wordEnd(in: characters, from: index)
                template += placeholder(for: characters[index..<end])
                index = end
            } else {
                template.append(character)
                index += 1
            }
        }
        if template.last == " " { template.removeLast() }
        return template
    }

    private static func isQuote(_ character: Character) -> Bool {
        character == "'" || character == "\"" || character == "`"
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The index just past the word starting at `start`.
    private static func wordEnd(in characters: [Character], from start: Int) -> Int {
        var end = start
        while end < characters.count {
            if isWordCharacter(characters[end]) {
                end += 1
            } else if characters[end] == "-" || characters[end] == ".", end + 1 < characters.count,
                isWordCharacter(characters[end + 1])
            {
                end += 1
            } else {
                break
            }
        }
        return end
    }

    private static func placeholder(for word: ArraySlice<Character>) -> String {
        guard word.contains(where: \.isASCIIDigit) else { return String(word) }
        if isUUID(word) { return "<uuid>" }
        if word.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" }) { return "<num>" }
        if isHex(word) { return "<hex>" }
        if let firstLetter = word.firstIndex(where: \.isLetter), word[..<firstLetter].allSatisfy(\.isASCIIDigit),
            word[firstLetter...].allSatisfy(\.isLetter), word.endIndex - firstLetter <= 3
        {
            return "<num>" + String(word[firstLetter...])
        }
        return "<id>"
    }

    private static func isUUID(_ word: ArraySlice<Character>) -> Bool {
        guard word.count == 36 else { return false }
        return word.enumerated().allSatisfy { offset, character in
            [8, 13, 18, 23].contains(offset) ? character == "-" : character.isHexDigit
        }
    }

    private static func isHex(_ word: ArraySlice<Character>) -> Bool {
        let digits = word.starts(with: ["0", "x"]) || word.starts(with: ["0", "X"]) ? word.dropFirst(2) : word
        guard !digits.isEmpty, digits.allSatisfy(\.isHexDigit) else { return false }
        return digits.count < word.count || digits.count >= 8
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
