/// A path into a JSON document, in the subset of JSONPath the `http-json` and `log-tail`
/// collectors read:
///
/// - `$` is the document, `@` the current element (see `JSONPath.Match.element`);
/// - `.name` is an object member (letters, digits, `_` and `-`), `['any name']` one with
///   other characters;
/// - `[2]` is an array element by 0-based index, `[-1]` counts from the end;
/// - `[*]` is every element of an array (or every member value of an object, in key order).
///
/// A path names at most one value unless it has `[*]`. Paths that lead nowhere (a missing
/// member, an index past the end, a step into a number) match nothing.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    /// One step of a path.
    public enum Step: Hashable, Sendable {
        case member(String)
        case index(Int)
        case wildcard
    }

    /// Whether the path starts at `@`, the current element, instead of `$`.
    public var isRelative: Bool
    /// The steps after `$` or `@`.
    public var steps: [Step]
    /// The path as written.
    public let description: String

    /// One value a path reached.
    public struct Match: Sendable {
        /// The value at the end of the path.
        public var value: JSONValue
        /// The element the last `[*]` stepped into (the document when there is none): where
        /// `@` paths of labels are read, so a value takes its label from a sibling member.
        public var element: JSONValue
        /// The indexes or keys the `[*]` steps took, in order, for errors and default labels.
        public var wildcardKeys: [String]
    }

    /// Reads a path such as `$.data.items[*].value` or `@.name`; the error names the column.
    public init(parsing text: String) throws(JSONPathError) {
        description = text
        var characters = Array(text)
        var position = 0
        func fail(_ reason: String) -> JSONPathError { JSONPathError(path: text, column: position + 1, reason: reason) }
        guard let root = characters.first, root == "$" || root == "@" else { throw fail("a path starts with $ or @") }
        isRelative = root == "@"
        position = 1
        steps = []
        characters.append("\0")
        while position < characters.count - 1 {
            if characters[position] == "." {
                position += 1
                let start = position
                while characters[position].isLetter || characters[position].isNumber || "_-".contains(characters[position]) {
                    position += 1
                }
                guard position > start else { throw fail("expected a member name after .") }
                steps.append(.member(String(characters[start..<position])))
            } else if characters[position] == "[" {
                position += 1
                if characters[position] == "*" {
                    position += 1
                    steps.append(.wildcard)
                } else if characters[position] == "'" || characters[position] == "\"" {
                    let quote = characters[position]
                    position += 1
                    let start = position
                    while characters[position] != quote, position < characters.count - 1 { position += 1 }
                    guard characters[position] == quote else { throw fail("unterminated quoted member name") }
                    steps.append(.member(String(characters[start..<position])))
                    position += 1
                } else {
                    let start = position
                    if characters[position] == "-" { position += 1 }
                    while characters[position].isASCII, characters[position].isNumber { position += 1 }
                    guard let index = Int(String(characters[start..<position])) else {
                        throw fail("expected an index, * or a quoted name after [")
                    }
                    steps.append(.index(index))
                }
                guard characters[position] == "]" else { throw fail("expected ]") }
                position += 1
            } else {
                throw fail("expected . or [")
            }
        }
    }

    /// Every value the path reaches from `root` (and, for `@` paths, the same from the element).
    public func matches(in root: JSONValue) -> [Match] {
        var matches = [Match(value: root, element: root, wildcardKeys: [])]
        for step in steps {
            matches = matches.flatMap { match -> [Match] in
                switch (step, match.value) {
                case (.member(let name), .object(let members)):
                    return members[name].map { [Match(value: $0, element: match.element, wildcardKeys: match.wildcardKeys)] } ?? []
                case (.index(let index), .array(let elements)):
                    let resolved = index < 0 ? elements.count + index : index
                    guard elements.indices.contains(resolved) else { return [] }
                    return [Match(value: elements[resolved], element: match.element, wildcardKeys: match.wildcardKeys)]
                case (.wildcard, .array(let elements)):
                    return elements.enumerated().map { Match(value: $1, element: $1, wildcardKeys: match.wildcardKeys + [String($0)]) }
                case (.wildcard, .object(let members)):
                    return members.keys.sorted().map {
                        Match(value: members[$0]!, element: members[$0]!, wildcardKeys: match.wildcardKeys + [$0])
                    }
                default:
                    return []
                }
            }
        }
        return matches
    }

    /// The one value the path reaches, or nil when it reaches none or several.
    public func value(in root: JSONValue) -> JSONValue? {
        let found = matches(in: root)
        return found.count == 1 ? found[0].value : nil
    }
}

/// A path that could not be read.
public struct JSONPathError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path as written.
    public var path: String
    /// The 1-based column of the problem.
    public var column: Int
    public var reason: String

    public var description: String { "\(path): column \(column): \(reason)" }
}
