import EcotopCore
import EcotopStore
import Foundation

/// Reads samples from a JSON array for `import`: `[{"ts": ..., "name": ..., "labels": {...},
/// "value": ...}, ...]`, each object in the store's sample shape (docs/store-format.md).
///
/// The array is split into its elements by a scan that tracks lines, so an error names the
/// line and column of the element (or of the bad character) in the file. The first error
/// stops the decoding and nothing is returned.
struct JSONSampleDecoder {
    /// Every sample of the input, or its first error (`line:column: reason`).
    /// - Parameter progress: called now and then with the number of bytes decoded so far.
    static func decode(_ bytes: [UInt8], progress: (Int) -> Void = { _ in }) throws(ParseError) -> [Sample] {
        var scanner = Scanner(bytes: bytes)
        scanner.skipBlanks()
        guard scanner.take(UInt8(ascii: "[")) else { throw scanner.failure("expected [ to open an array of sample objects") }
        var samples: [Sample] = []
        scanner.skipBlanks()
        if !scanner.take(UInt8(ascii: "]")) {
            repeat {
                scanner.skipBlanks()
                let (line, column) = (scanner.line, scanner.column)
                let element = try scanner.element()
                samples.append(try sample(from: element, line: line, column: column))
                if samples.count % 10_000 == 0 { progress(scanner.position) }
                scanner.skipBlanks()
            } while scanner.take(UInt8(ascii: ","))
            guard scanner.take(UInt8(ascii: "]")) else { throw scanner.failure("expected , or ] after an element") }
        }
        scanner.skipBlanks()
        guard scanner.position == bytes.count else { throw scanner.failure("nothing may follow the array") }
        progress(bytes.count)
        return samples
    }

    private static func sample(from element: ArraySlice<UInt8>, line: Int, column: Int) throws(ParseError) -> Sample {
        func failure(_ reason: String) -> ParseError { ParseError(line: line, column: column, reason: reason) }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: Data(element))
        } catch {
            throw syntaxError(error.reason, in: element, line: line, column: column)
        }
        if let duplicate = element.withUnsafeBufferPointer(JSONDuplicateKey.first(in:)) {
            let (line, column) = position(ofByte: duplicate.offset, in: element, line: line, column: column)
            throw ParseError(line: line, column: column, reason: duplicate.message)
        }
        guard case .object(let members) = value else { throw failure("expected a sample object, found \(value.kindDescription)") }
        guard let ts = members["ts"] else { throw failure("missing \"ts\"") }
        guard let time = SampleTime.seconds(ts) else { throw failure("\"ts\" must be a Unix time number (seconds, milliseconds, microseconds or nanoseconds) or an RFC 3339 string") }
        guard let nameValue = members["name"] else { throw failure("missing \"name\"") }
        guard case .string(let name) = nameValue, !name.isEmpty else { throw failure("\"name\" must be a non-empty string") }
        guard let valueValue = members["value"] else { throw failure("missing \"value\"") }
        guard case .number(let number) = valueValue, number.isFinite else { throw failure("\"value\" must be a finite number") }
        var labels: [String: String] = [:]
        switch members["labels"] {
        case nil: break
        case .object(let pairs)?:
            for (label, text) in pairs {
                guard !label.isEmpty else { throw failure("empty label name") }
                guard let text = text.labelText else { throw failure("label \"\(label)\" must be a string, number or boolean") }
                labels[label] = text
            }
        case let other?: throw failure("\"labels\" must be an object, not \(other.kindDescription)")
        }
        return Sample(key: SeriesKey(name: name, labels: labels), timestamp: time, value: number)
    }

    /// A syntax error inside an element, moved from Foundation's "around character N" of the
    /// element to the line and column of the file.
    private static func syntaxError(_ reason: String, in element: ArraySlice<UInt8>, line: Int, column: Int) -> ParseError {
        guard let range = reason.range(of: #" around character \d+"#, options: .regularExpression),
              let offset = Int(reason[range].split(separator: " ").last!) else {
            return ParseError(line: line, column: column, reason: reason)
        }
        let (line, column) = position(ofByte: offset, in: element, line: line, column: column)
        var text = reason
        text.removeSubrange(range)
        return ParseError(line: line, column: column, reason: text.hasSuffix(".") ? String(text.dropLast()) : text)
    }

    /// The line and column in the file of the byte at `offset` of an element that starts at
    /// `line` and `column`.
    private static func position(ofByte offset: Int, in element: ArraySlice<UInt8>, line: Int, column: Int) -> (Int, Int) {
        var (line, column) = (line, column)
        for byte in element.prefix(offset) where byte & 0xC0 != 0x80 {
            if byte == 0x0A { (line, column) = (line + 1, 1) } else { column += 1 }
        }
        return (line, column)
    }

    /// Walks the array's bytes, counting lines, and cuts out one element at a time.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        var line = 1
        var lineStart = 0

        var column: Int { String(decoding: bytes[lineStart..<position], as: UTF8.self).unicodeScalars.count + 1 }

        func failure(_ reason: String) -> ParseError { ParseError(line: line, column: column, reason: reason) }

        mutating func skipBlanks() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { advance() }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            advance()
            return true
        }

        /// The bytes of one element: up to the `,` or `]` outside any string, object or array.
        mutating func element() throws(ParseError) -> ArraySlice<UInt8> {
            let start = position
            var depth = 0
            var inString = false
            while position < bytes.count {
                let byte = bytes[position]
                if inString {
                    if byte == UInt8(ascii: "\\") { advance() } else if byte == UInt8(ascii: "\"") { inString = false }
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    if depth == 0 { break }
                    depth -= 1
                } else if byte == UInt8(ascii: ","), depth == 0 {
                    break
                }
                advance()
            }
            guard position < bytes.count else { throw failure(inString ? "unterminated string" : "unterminated array") }
            guard position > start else { throw failure("expected a sample object") }
            return bytes[start..<position]
        }

        private mutating func advance() {
            if position < bytes.count, bytes[position] == 0x0A {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
    }
}
