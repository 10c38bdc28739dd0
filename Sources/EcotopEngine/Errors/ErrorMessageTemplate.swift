/// Reduces an error message to its template by replacing the parts that vary from one
/// occurrence to the next, so that "order 1042 failed" and "order 7311 failed" group together
/// while "card_declined" and "expired_card", or "not found" and "not allowed", stay apart.
///
/// The message is read as words (runs of letters, digits and `_`, joined across a `-` or `.`
/// that has a word character on both sides; any non-ASCII character counts as a letter) and
/// everything between them, which is kept as it is except that runs of whitespace become one
/// space. Replacements, tried in this order:
/// - a terminal escape sequence (`ESC [2J`, an OSC title up to its BEL) is kept whole, so that
///   what sanitizes it for display removes it all, not half of it and half of a placeholder;
/// - a URL, `scheme://host/path?query#fragment`: the host (with user and port) becomes `<host>`,
///   the path is read on as words (so different endpoints stay apart), and a query string and
///   fragment become `?<query>` and `#<fragment>`;
/// - an email address, `local@domain.tld`: `<email>`;
/// - an ISO 8601 date, alone or with a time of day, fraction and zone
///   (`2024-05-01`, `2024-05-01T12:30:45.123Z`, `2024-05-01 12:30:45+02:00`): `<time>`;
/// - an IPv6 address (hex groups and colons with a `::` or seven colons, such as `::1:5432` or
///   `2001:db8::7`) that is not part of a word: `<ip>`;
/// - a base64 token with `+`, `/` or `=` padding (16 or more characters with upper- and
///   lower-case letters and a digit or padding), not following a word or `/`: `<token>`;
/// - a UUID (8-4-4-4-12 hex digits): `<uuid>`;
/// - a number (digits with `.` or `-` between them, such as `1.5` or `10.0.0.1`): `<num>`;
/// - a duration of one or more number and unit pairs (`ns`, `us`, `ms`, `s`, `m`, `h`, `d`),
///   such as `30s`, `250ms` or `1m30s`: `<duration>`;
/// - `0x` followed by hex digits, or a word of 8 or more hex digits with at least one digit
///   (hashes, request ids): `<hex>`;
/// - a number with another suffix of at most three letters (`10MB`, `5xx`): `<num>` and the suffix;
/// - any other word that mixes letters and digits (`ord_8812`, `req-7f3k`, a JWT): `<id>`.
/// Words without digits are kept as they are, quoted or not: field names, error codes and
/// error words are what tell failures apart. A base64 token without digits or padding, a
/// host name outside a URL and a quoted value without digits are kept too.
///
/// One pass over the message's UTF-8 bytes; a look-ahead that fails (an email's local part,
/// a base64 run) records where it stopped, so no byte is scanned more than a few times.
public enum ErrorMessageTemplate {
    /// The template of a message.
    public static func normalize(_ message: String) -> String {
        var reader = Reader(Array(message.utf8))
        return String(decoding: reader.read(), as: UTF8.self)
    }

    /// The state of one pass over a message.
    private struct Reader {
        let bytes: [UInt8]
        var output: [UInt8] = []
        var index = 0
        /// The look-aheads that failed: no email local part and no base64 token starts before these.
        var noEmailBefore = 0
        var noTokenBefore = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            output.reserveCapacity(bytes.count)
        }

        mutating func read() -> [UInt8] {
            while index < bytes.count {
                let byte = bytes[index]
                let previous = index > 0 ? bytes[index - 1] : .space
                if byte.isSpace {
                    if !output.isEmpty, output.last != .space { output.append(.space) }
                    index += 1
                } else if byte == .escape {
                    let end = escapeSequenceEnd()
                    output += bytes[index..<end]
                    index = end
                } else if !previous.isWord, previous != .colon, previous != .dot, let end = ipv6End() {
                    output += "<ip>".utf8
                    index = end
                } else if byte.isWord, !previous.isWord {
                    readWord()
                } else {
                    output.append(byte)
                    index += 1
                }
            }
            if output.last == .space { output.removeLast() }
            return output
        }

        /// The end of the terminal escape sequence at `index`, as `TerminalText` reads one: CSI
        /// (`ESC [` up to a final byte), a string (`ESC ]`, `P`, `X`, `^`, `_` up to BEL or
        /// `ESC \`), or one character.
        private func escapeSequenceEnd() -> Int {
            var end = index + 2
            guard end <= bytes.count else { return bytes.count }
            switch bytes[index + 1] {
            case UInt8(ascii: "["):
                while end < bytes.count, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
                return min(end + 1, bytes.count)
            case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
                while end < bytes.count, bytes[end] != 0x07, !(bytes[end - 1] == .escape && bytes[end] == UInt8(ascii: "\\")) { end += 1 }
                return min(end + 1, bytes.count)
            default:
                return end
            }
        }

        /// Reads what starts with a word character at `index`.
        private mutating func readWord() {
            let previous = index > 0 ? bytes[index - 1] : .space
            if let hostStart = urlHostStart() {
                output += bytes[index..<hostStart]
                output += "<host>".utf8
                readURL(from: hostStart)
            } else if let end = emailEnd() {
                output += "<email>".utf8
                index = end
            } else if let end = isoTimeEnd() {
                output += "<time>".utf8
                index = end
            } else if previous != .slash, let end = tokenEnd() {
                output += "<token>".utf8
                index = end
            } else {
                let end = wordEnd(from: index)
                appendPlaceholder(for: bytes[index..<end])
                index = end
            }
        }

        /// Where the host starts if a URL (`letters://`) starts at `index`.
        private func urlHostStart() -> Int? {
            var end = index
            while end < bytes.count, bytes[end].isASCIILetter { end += 1 }
            guard end > index, end + 2 < bytes.count, bytes[end] == .colon, bytes[end + 1] == .slash,
                bytes[end + 2] == .slash
            else { return nil }
            return end + 3
        }

        /// Skips the host, reads the path as words and folds the query and fragment.
        private mutating func readURL(from hostStart: Int) {
            index = hostStart
            while index < bytes.count, !bytes[index].endsURLPart, bytes[index] != .slash { index += 1 }
            var pathEnd = index
            while pathEnd < bytes.count, !bytes[pathEnd].endsURLPart { pathEnd += 1 }
            var path = Reader(Array(bytes[index..<pathEnd]))
            output += path.read()
            index = pathEnd
            for (mark, name) in [(UInt8.question, "<query>"), (.hash, "<fragment>")]
            where index < bytes.count && bytes[index] == mark {
                output.append(mark)
                output += name.utf8
                index += 1
                while index < bytes.count, !bytes[index].endsURL, bytes[index] != .hash { index += 1 }
            }
        }

        /// The end of an email address starting at `index`.
        private mutating func emailEnd() -> Int? {
            guard index >= noEmailBefore else { return nil }
            var at = index
            while at < bytes.count, bytes[at].isWord || bytes[at] == .dot || bytes[at] == .dash || bytes[at] == .plus {
                at += 1
            }
            guard at + 1 < bytes.count, bytes[at] == .at, bytes[at + 1].isWord else {
                noEmailBefore = at
                return nil
            }
            let end = wordEnd(from: at + 1)
            return bytes[(at + 1)..<end].contains(.dot) ? end : nil
        }

        /// The end of an ISO 8601 date or date and time starting at `index`.
        private func isoTimeEnd() -> Int? {
            guard let month = digits(at: index, count: 4, then: .dash), let day = digits(at: month, count: 2, then: .dash),
                var end = digits(at: day, count: 2)
            else { return nil }
            if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "T") || bytes[end] == .space,
                let hour = digits(at: end + 1, count: 2, then: .colon), let minute = digits(at: hour, count: 2)
            {
                end = minute
                if bytes[end...].first == .colon, let second = digits(at: end + 1, count: 2) { end = second }
                if end + 1 < bytes.count, bytes[end] == .dot || bytes[end] == .comma, bytes[end + 1].isASCIIDigit {
                    end += 1
                    while end < bytes.count, bytes[end].isASCIIDigit { end += 1 }
                }
                if bytes[end...].first == UInt8(ascii: "Z") {
                    end += 1
                } else if bytes[end...].first == .plus || bytes[end...].first == .dash, let hours = digits(at: end + 1, count: 2) {
                    end = hours
                    if bytes[end...].first == .colon, let minutes = digits(at: end + 1, count: 2) { end = minutes }
                }
            }
            guard end == bytes.count || !bytes[end].isWord else { return nil }
            return end
        }

        /// The index past `count` ASCII digits at `start` (and the `then` mark after them, if given).
        private func digits(at start: Int, count: Int, then mark: UInt8? = nil) -> Int? {
            let end = start + count
            guard end <= bytes.count, bytes[start..<end].allSatisfy(\.isASCIIDigit) else { return nil }
            guard let mark else { return end }
            return end < bytes.count && bytes[end] == mark ? end + 1 : nil
        }

        /// The end of an IPv6 address starting at `index`.
        private func ipv6End() -> Int? {
            var end = index
            var colons = 0
            var hasDoubleColon = false
            var hasDigit = false
            while end < bytes.count, bytes[end].isHexDigit || bytes[end] == .colon {
                if bytes[end] == .colon {
                    colons += 1
                    if end > index, bytes[end - 1] == .colon { hasDoubleColon = true }
                } else if bytes[end].isASCIIDigit {
                    hasDigit = true
                }
                end += 1
            }
            guard hasDigit, colons >= 2, hasDoubleColon || colons >= 7, end == bytes.count || !bytes[end].isWord else {
                return nil
            }
            return end
        }

        /// The end of a base64 token starting at `index`.
        private mutating func tokenEnd() -> Int? {
            guard index >= noTokenBefore else { return nil }
            var end = index
            var hasSlashOrPlus = false, hasDigit = false, hasUpper = false, hasLower = false
            while end < bytes.count, bytes[end].isASCIILetter || bytes[end].isASCIIDigit || bytes[end] == .plus || bytes[end] == .slash {
                let byte = bytes[end]
                hasSlashOrPlus = hasSlashOrPlus || byte == .plus || byte == .slash
                hasDigit = hasDigit || byte.isASCIIDigit
                hasUpper = hasUpper || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                hasLower = hasLower || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                end += 1
            }
            let length = end - index
            var padding = 0
            while padding < 2, end < bytes.count, bytes[end] == .equals {
                padding += 1
                end += 1
            }
            guard length >= 16, hasUpper, hasLower, hasSlashOrPlus || padding > 0, hasDigit || padding > 0,
                end == bytes.count || !bytes[end].isWord
            else {
                noTokenBefore = end
                return nil
            }
            return end
        }

        /// The index just past the word starting at `start`.
        private func wordEnd(from start: Int) -> Int {
            var end = start
            while end < bytes.count {
                if bytes[end].isWord {
                    end += 1
                } else if bytes[end] == .dash || bytes[end] == .dot, end + 1 < bytes.count, bytes[end + 1].isWord {
                    end += 1
                } else {
                    break
                }
            }
            return end
        }

        private mutating func appendPlaceholder(for word: ArraySlice<UInt8>) {
            guard word.contains(where: \.isASCIIDigit) else {
                output += word
                return
            }
            if isUUID(word) {
                output += "<uuid>".utf8
            } else if word.allSatisfy({ $0.isASCIIDigit || $0 == .dot || $0 == .dash }) {
                output += "<num>".utf8
            } else if isDuration(word) {
                output += "<duration>".utf8
            } else if isHex(word) {
                output += "<hex>".utf8
            } else if let firstLetter = word.firstIndex(where: \.isLetter), word[..<firstLetter].allSatisfy(\.isASCIIDigit),
                word[firstLetter...].allSatisfy(\.isLetter), word.endIndex - firstLetter <= 3
            {
                output += "<num>".utf8
                output += word[firstLetter...]
            } else {
                output += "<id>".utf8
            }
        }
    }

    /// Whether the word is number and unit pairs, such as `1h2m3.5s`.
    private static func isDuration(_ word: ArraySlice<UInt8>) -> Bool {
        var index = word.startIndex
        while index < word.endIndex {
            let numberStart = index
            while index < word.endIndex, word[index].isASCIIDigit || (index > numberStart && word[index] == .dot) { index += 1 }
            let unitStart = index
            while index < word.endIndex, word[index].isASCIILetter { index += 1 }
            guard unitStart > numberStart, word[unitStart - 1] != .dot, isDurationUnit(word[unitStart..<index]) else {
                return false
            }
        }
        return true
    }

    private static func isDurationUnit(_ unit: ArraySlice<UInt8>) -> Bool {
        switch (unit.count, unit.first, unit.last) {
        case (1, UInt8(ascii: "s"), _), (1, UInt8(ascii: "m"), _), (1, UInt8(ascii: "h"), _), (1, UInt8(ascii: "d"), _): true
        case (2, UInt8(ascii: "n"), UInt8(ascii: "s")), (2, UInt8(ascii: "u"), UInt8(ascii: "s")), (2, UInt8(ascii: "m"), UInt8(ascii: "s")): true
        default: false
        }
    }

    private static func isUUID(_ word: ArraySlice<UInt8>) -> Bool {
        guard word.count == 36 else { return false }
        return word.enumerated().allSatisfy { offset, byte in
            [8, 13, 18, 23].contains(offset) ? byte == .dash : byte.isHexDigit
        }
    }

    private static func isHex(_ word: ArraySlice<UInt8>) -> Bool {
        let hasPrefix = word.count > 2 && word.first == UInt8(ascii: "0") && (word.dropFirst().first.map { $0 | 0x20 } == UInt8(ascii: "x"))
        let digits = hasPrefix ? word.dropFirst(2) : word
        guard !digits.isEmpty, digits.allSatisfy(\.isHexDigit) else { return false }
        return hasPrefix || digits.count >= 8
    }
}

extension UInt8 {
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let dot = UInt8(ascii: ".")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let dash = UInt8(ascii: "-")
    fileprivate static let plus = UInt8(ascii: "+")
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let at = UInt8(ascii: "@")
    fileprivate static let equals = UInt8(ascii: "=")
    fileprivate static let question = UInt8(ascii: "?")
    fileprivate static let hash = UInt8(ascii: "#")
    fileprivate static let escape: UInt8 = 0x1B

    fileprivate var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    fileprivate var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
    fileprivate var isHexDigit: Bool { isASCIIDigit || ((self | 0x20) >= 0x61 && (self | 0x20) <= 0x66) }
    /// An ASCII letter or any byte of a non-ASCII character.
    fileprivate var isLetter: Bool { isASCIILetter || self >= 0x80 }
    fileprivate var isWord: Bool { isLetter || isASCIIDigit || self == UInt8(ascii: "_") }
    fileprivate var isSpace: Bool { self == .space || (self >= 0x09 && self <= 0x0D) }
    /// Whether the byte ends a URL's path (a quote, bracket, comma or space, or the query's `?`/`#`).
    fileprivate var endsURLPart: Bool { endsURL || self == .question || self == .hash }
    fileprivate var endsURL: Bool {
        switch self {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), .comma:
            true
        default: isSpace
        }
    }
}
