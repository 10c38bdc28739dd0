import EcotopCollectors
import Foundation
import Testing

@Suite struct JSONPathTests {
    let document = try! JSONValue(parsing: Data(#"{"a": {"b-c": [10, 20, 30]}, "odd key": {"x": 1}, "m": {"q": 2, "p": 1}}"#.utf8))

    @Test(arguments: [
        ("$.a['b-c'][0]", [10.0]), ("$.a.b-c[-1]", [30]), ("$.a.b-c[*]", [10, 20, 30]), ("$['odd key'].x", [1]),
        ("$.m[*]", [1, 2]), ("$.a.b-c[3]", []), ("$.a.nope", []), ("$.a.b-c[0].deeper", []),
    ])
    func pathsReachTheirValues(path: String, expected: [Double]) throws {
        let found = try JSONPath(parsing: path).matches(in: document).compactMap(\.value.numericValue)
        #expect(found == expected)
    }

    @Test func wildcardMatchesRememberTheirElementAndKeys() throws {
        let matches = try JSONPath(parsing: "$.m[*]").matches(in: document)
        #expect(matches.map(\.wildcardKeys) == [["p"], ["q"]])
        #expect(matches.map(\.element) == [.number(1), .number(2)])
    }

    @Test(arguments: [
        ("a.b", "a.b: column 1: a path starts with $ or @"), ("$.", "$.: column 3: expected a member name after ."),
        ("$[x]", "$[x]: column 3: expected an index, * or a quoted name after ["), ("$['a", "$['a: column 5: unterminated quoted member name"),
        ("$[0", "$[0: column 4: expected ]"), ("$a", "$a: column 2: expected . or ["),
    ])
    func badPathsNameTheColumn(path: String, error: String) {
        var described = "no error"
        do { _ = try JSONPath(parsing: path) } catch let failure { described = failure.description }
        #expect(described == error)
    }
}
