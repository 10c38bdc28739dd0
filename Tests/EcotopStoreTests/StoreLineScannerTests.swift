import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// The hand-written scanner must agree with a full JSON parser on every line: same accept or
/// reject, same numbers.
@Suite struct StoreLineScannerTests {
    private func scan(_ text: String, _ fields: StoreLine.Fields = .raw) -> StoreLine? {
        Array(text.utf8).withUnsafeBufferPointer { try? StoreLineScanner.scan($0, requiring: fields) }
    }

    /// What JSONSerialization makes of a line, reduced to the raw fields, or nil if it rejects
    /// the line or the line lacks a valid field.
    private func oracle(_ text: String) -> (series: Int64, time: Int64, value: Double)? {
        // JSONSerialization on Linux accepts a trailing comma; RFC 8259 (and the store) do not.
        if text.contains(try! Regex(#",\s*[}\]]"#)) { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
        func integer(_ any: Any?) -> Int64? {
            guard let number = any as? NSNumber else { return nil }
            let double = number.doubleValue
            guard double == double.rounded(), abs(double) <= 9_007_199_254_740_992 else { return nil }
            return number.int64Value
        }
        guard let series = integer(object["s"]), series >= 0, series < Int64(UInt32.max), let time = integer(object["t"]),
            let valueNumber = object["v"] as? NSNumber, valueNumber.doubleValue.isFinite
        else { return nil }
        for (key, value) in object where ["n", "sum", "min", "max", "last", "lt"].contains(key) && !(value is NSNumber) {
            return nil
        }
        return (series, time, valueNumber.doubleValue)
    }

    @Test func readsTheCompactShape() throws {
        let line = try #require(scan(#"{"s":3,"t":1732680000000,"v":12.5}"#))
        #expect(line.series == 3 && line.time == 1_732_680_000_000 && line.value == 12.5)
    }

    @Test func readsRollupLines() throws {
        let line = try #require(scan(#"{"s":1,"t":60000,"n":4,"sum":50,"min":-1.5e2,"max":14,"last":12.5,"lt":61000}"#, .rollup))
        #expect(line.count == 4 && line.sum == 50 && line.min == -150 && line.max == 14 && line.last == 12.5 && line.lastTime == 61000)
    }

    @Test(arguments: [
        #"{"s":1,"t":60000,"n":0,"sum":0,"min":0,"max":0,"last":0,"lt":61000}"#,
        #"{"s":1,"t":60000,"n":-4,"sum":50,"min":1,"max":14,"last":12.5,"lt":61000}"#,
        #"{"n":-4,"s":1,"t":60000,"sum":50,"min":1,"max":14,"last":12.5,"lt":61000}"#,
    ])
    func rejectsRollupLinesOfNoPoints(_ text: String) {
        #expect(scan(text, .rollup) == nil, "a bucket holds at least one point; avg would divide by its count")
    }

    @Test(arguments: [
        #"{"s":3,"t":1,"v":1"#, #"{"s":3,"t":1,"v":}"#, #"{"s":3,"t":1}"#, #"{"s":-1,"t":1,"v":1}"#, #"{"s":3,"t":1,"v":01}"#,
        #"{"s":3,"t":1,"v":1} x"#, #"{"s":3,"t":1,"v":"1"}"#, #"{"s":3,"t":1.5,"v":1}"#, #"{"s":3,"t":1,"v":1e999}"#, "",
        #"{"s":3,"t":1,"v":NaN}"#, #"{"s":3,"t":1,"v":1,}"#, #"{"s":3 "t":1,"v":1}"#,
    ])
    func rejectsBrokenLines(_ text: String) {
        #expect(scan(text) == nil)
    }

    @Test func agreesWithJSONSerializationOnRandomLines() {
        var random = SeededGenerator(seed: 7)
        var accepted = 0
        for _ in 0..<20_000 {
            var text = randomLine(&random)
            if Int.random(in: 0..<3, using: &random) == 0 { text = mutate(text, &random) }
            let expected = oracle(text)
            let scanned = scan(text)
            #expect((expected == nil) == (scanned == nil), "disagree on \(text)")
            if let expected, let scanned {
                accepted += 1
                #expect(scanned.series == expected.series && scanned.time == expected.time, "fields of \(text)")
                // JSONSerialization on Linux may miss the correctly rounded double by an ulp or
                // more on long mantissas and large exponents; exactness is checked against Double(String) below.
                #expect(abs(scanned.value - expected.value) <= 1e-14 * abs(expected.value), "value of \(text): \(scanned.value) vs \(expected.value)")
            }
        }
        #expect(accepted > 10_000)
    }

    @Test func numbersAreCorrectlyRounded() throws {
        var random = SeededGenerator(seed: 11)
        for round in 0..<60_000 {
            // Every other token has 16 to 19 digits and a small exponent: the extended-precision path.
            let token = round.isMultiple(of: 2)
                ? "\(UInt64.random(in: 1_000_000_000_000_000...9_999_999_999_999_999_999, using: &random) / UInt64.random(in: 1...1000, using: &random))e\(Int.random(in: -45...10, using: &random))"
                : randomNumber(&random)
            let scanned = try [UInt8](token.utf8).withUnsafeBufferPointer { bytes in
                var cursor = JSONCursor(bytes)
                return try cursor.number().double
            }
            let expected = try #require(Double(token))
            #expect(scanned.bitPattern == expected.bitPattern || (scanned == 0 && expected == 0), "\(token): \(scanned) vs \(expected)")
        }
    }

    private func randomLine(_ random: inout SeededGenerator) -> String {
        let space = [" ", "", "", "\t", "  "]
        func gap() -> String { space.randomElement(using: &random)! }
        var fields = [
            "\"s\"\(gap()):\(gap())\(Int.random(in: 0..<100_000, using: &random))",
            "\"t\":\(Int64.random(in: 0..<4_102_444_800_000, using: &random))",
            "\"v\":\(randomNumber(&random))",
        ]
        if Bool.random(using: &random) { fields.append("\"extra\":[1,{\"a\":null},true,\"x\\u00e9\"]") }
        if Bool.random(using: &random) { fields.shuffle(using: &random) }
        if Int.random(in: 0..<20, using: &random) == 0 { fields[0] = fields[0].replacingOccurrences(of: "\"s\"", with: "\"\\u0073\"") }
        return gap() + "{" + fields.joined(separator: gap() + "," + gap()) + "}" + gap()
    }

    private func randomNumber(_ random: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return String(Int.random(in: -1_000_000...1_000_000, using: &random))
        case 1: return "\(Double.random(in: -1e6...1e6, using: &random))"
        case 2: return "\(Double.random(in: -1...1, using: &random) * pow(10, Double(Int.random(in: -300...300, using: &random))))"
        case 3: return "\(Int.random(in: 0...99, using: &random)).\(Int.random(in: 0...999_999, using: &random))e\(Int.random(in: -20...20, using: &random))"
        case 4: return "0.\(String(repeating: "0", count: Int.random(in: 0...8, using: &random)))\(UInt64.random(in: 1...UInt64.max, using: &random))"
        default: return "-0.0"
        }
    }

    /// Flips, deletes or inserts one byte.
    private func mutate(_ text: String, _ random: inout SeededGenerator) -> String {
        var bytes = Array(text.utf8)
        let index = Int.random(in: 0..<bytes.count, using: &random)
        let alphabet = Array("{}[]\":,.-+eE0123456789 stvx\\".utf8) + [0x00, 0x0A, 0xC3, 0xFF]
        switch Int.random(in: 0..<3, using: &random) {
        case 0: bytes[index] = alphabet.randomElement(using: &random)!
        case 1: bytes.remove(at: index)
        default: bytes.insert(alphabet.randomElement(using: &random)!, at: index)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
