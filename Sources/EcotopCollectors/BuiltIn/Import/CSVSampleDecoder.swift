import EcotopCore

/// Reads samples from CSV for `import`: a header line, then one sample per line.
///
/// The header names the columns: `ts`, `name` and `value` are required, in any order; every
/// other column is a label of that name, left out of a row where its cell is empty. Cells
/// follow RFC 4180 quoting (`"a, b"`, `""` for a quote) but may not hold line breaks.
/// Blank lines are skipped; `\r\n` line ends are fine. The first error stops the decoding
/// and nothing is returned.
struct CSVSampleDecoder {
    /// Every sample of the input, or its first error (`line:column: reason`).
    /// - Parameter progress: called now and then with the number of bytes decoded so far.
    static func decode(_ bytes: [UInt8], progress: (Int) -> Void = { _ in }) throws(ParseError) -> [Sample] {
        var samples: [Sample] = []
        var header: [String]?
        var columns = (ts: 0, name: 0, value: 0)
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            lineNumber += 1
            var line = String(decoding: bytes[start..<end], as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            if lineNumber % 10_000 == 0 { progress(end) }
            start = end + 1
            guard !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            let cells = try cells(of: line, lineNumber: lineNumber)
            guard let names = header else {
                columns = try readHeader(cells, lineNumber: lineNumber)
                header = cells.map(\.text)
                continue
            }
            guard cells.count == names.count else {
                let column = cells.count > names.count ? cells[names.count].column : line.unicodeScalars.count + 1
                throw ParseError(line: lineNumber, column: column, reason: "expected \(names.count) cells as in the header, found \(cells.count)")
            }
            let ts = cells[columns.ts], name = cells[columns.name], value = cells[columns.value]
            guard let time = SampleTime.seconds(ts.text) else {
                throw ParseError(line: lineNumber, column: ts.column, reason: "ts must be a Unix time (seconds, milliseconds, microseconds or nanoseconds) or RFC 3339, not \"\(ts.text)\"")
            }
            guard !name.text.isEmpty else { throw ParseError(line: lineNumber, column: name.column, reason: "name must not be empty") }
            guard let number = Double(value.text), number.isFinite else {
                throw ParseError(line: lineNumber, column: value.column, reason: "value must be a finite number, not \"\(value.text)\"")
            }
            var labels: [String: String] = [:]
            for (index, cell) in cells.enumerated() where ![columns.ts, columns.name, columns.value].contains(index) && !cell.text.isEmpty {
                labels[names[index]] = cell.text
            }
            samples.append(Sample(key: SeriesKey(name: name.text, labels: labels), timestamp: time, value: number))
        }
        guard header != nil else { throw ParseError(line: 1, column: 1, reason: "expected a header line naming ts, name and value") }
        progress(bytes.count)
        return samples
    }

    private static func readHeader(_ cells: [Cell], lineNumber: Int) throws(ParseError) -> (ts: Int, name: Int, value: Int) {
        var seen: Set<String> = []
        for cell in cells {
            guard !cell.text.isEmpty else { throw ParseError(line: lineNumber, column: cell.column, reason: "a column name must not be empty") }
            guard seen.insert(cell.text).inserted else {
                throw ParseError(line: lineNumber, column: cell.column, reason: "column \"\(cell.text)\" appears twice")
            }
        }
        func index(_ name: String) throws(ParseError) -> Int {
            guard let index = cells.firstIndex(where: { $0.text == name }) else {
                throw ParseError(line: lineNumber, column: 1, reason: "the header has no \"\(name)\" column (it needs ts, name and value)")
            }
            return index
        }
        return (try index("ts"), try index("name"), try index("value"))
    }

    /// One cell and the 1-based column where it starts.
    private struct Cell {
        var text: String
        var column: Int
    }

    private static func cells(of line: String, lineNumber: Int) throws(ParseError) -> [Cell] {
        var cells: [Cell] = []
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while true {
            let column = index + 1
            var text = String.UnicodeScalarView()
            if index < scalars.count, scalars[index] == "\"" {
                index += 1
                while true {
                    guard index < scalars.count else {
                        throw ParseError(line: lineNumber, column: column, reason: "unterminated quoted cell (cells may not hold line breaks)")
                    }
                    if scalars[index] == "\"" {
                        if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                            text.append("\"")
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    text.append(scalars[index])
                    index += 1
                }
                guard index == scalars.count || scalars[index] == "," else {
                    throw ParseError(line: lineNumber, column: index + 1, reason: "expected , after a quoted cell")
                }
            } else {
                while index < scalars.count, scalars[index] != "," {
                    if scalars[index] == "\"" { throw ParseError(line: lineNumber, column: index + 1, reason: "a quote inside an unquoted cell") }
                    text.append(scalars[index])
                    index += 1
                }
            }
            cells.append(Cell(text: String(text), column: column))
            guard index < scalars.count else { return cells }
            index += 1  // the comma
        }
    }
}
