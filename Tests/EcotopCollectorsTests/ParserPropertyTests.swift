import EcotopCollectors
import EcotopCore
import Testing

/// Generated inputs: valid ones round-trip, mutated ones never crash and fail inside
/// the input.
@Suite struct ParserPropertyTests {
    enum Format: String, CaseIterable {
        case prometheus, openMetrics, influx

        func generate(_ rng: inout SplitMix64) -> GeneratedExposition {
            switch self {
            case .prometheus: .prometheus(&rng)
            case .openMetrics: .openMetrics(&rng)
            case .influx: .influx(&rng)
            }
        }

        func parse(_ bytes: [UInt8]) throws(ParseError) -> ParsedMetrics {
            let time = GeneratedExposition.defaultTimestamp
            switch self {
            case .prometheus: return try PrometheusTextParser().parse(bytes, defaultTimestamp: time)
            case .openMetrics: return try OpenMetricsParser().parse(bytes, defaultTimestamp: time)
            case .influx: return try InfluxLineParser().parse(bytes, defaultTimestamp: time)
            }
        }
    }

    static func same(_ parsed: Sample, _ expected: Sample) -> Bool {
        parsed.key == expected.key
            && abs(parsed.timestamp - expected.timestamp) < 1e-6
            && (parsed.value == expected.value || parsed.value.isNaN && expected.value.isNaN)
    }

    @Test(arguments: Format.allCases)
    func validInputsRoundTrip(format: Format) throws {
        var rng = SplitMix64(state: 0xEC0_7000 + UInt64(format.rawValue.count))
        for _ in 0..<300 {
            let exposition = format.generate(&rng)
            let result = try format.parse(Array(exposition.text.utf8))
            try #require(result.samples.count == exposition.samples.count, "\(exposition.text)")
            for (parsed, expected) in zip(result.samples, exposition.samples) {
                #expect(Self.same(parsed, expected), "\(parsed) from \(exposition.text)")
            }
            for (family, help) in exposition.helps {
                #expect(result.family(named: family)?.help == help)
            }
        }
    }

    private static let mutationBytes: [UInt8] = Array(" \n\t\"\\{},=#_:.+-e0a".utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0x80]

    @Test(arguments: Format.allCases)
    func mutatedInputsFailInsideTheInputOrParse(format: Format) {
        var rng = SplitMix64(state: 0xBAD_5EED + UInt64(format.rawValue.count))
        var failures = 0
        for _ in 0..<600 {
            var bytes = Array(format.generate(&rng).text.utf8)
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let position = Int.random(in: 0...bytes.count, using: &rng)
                let byte = Self.mutationBytes.randomElement(using: &rng)!
                switch Int.random(in: 0..<3, using: &rng) {
                case 0 where position < bytes.count: bytes[position] = byte
                case 1 where position < bytes.count: bytes.remove(at: position)
                default: bytes.insert(byte, at: position)
                }
            }
            do {
                _ = try format.parse(bytes)
            } catch {
                failures += 1
                let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                #expect((1...lines.count).contains(error.line), "\(error)")
                if (1...lines.count).contains(error.line) {
                    let columns = lines[error.line - 1].filter { $0 & 0xC0 != 0x80 }.count + 1
                    #expect((1...columns).contains(error.column), "\(error)")
                }
            }
        }
        // Most mutations of a strict format break it; a run where none did tests nothing.
        #expect(failures > 200)
    }
}
