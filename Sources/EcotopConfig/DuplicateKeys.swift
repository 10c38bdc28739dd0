import Yams

/// Finds every key written twice in a mapping of a YAML document, so that each repetition is
/// reported at its own line and column, pointing at the first.
///
/// Yams refuses a document with a duplicate key but names only the first occurrence of one
/// key of one mapping. So each key it names is renamed in a copy of the text to a placeholder
/// of the same length (private-use characters, a plain scalar that shifts no column), and the
/// copy is composed again, until it composes; the keys of its mappings, mapped back to their
/// names, then show every repetition.
struct DuplicateKeys {
    let yaml: String
    let file: String
    /// The most renames tried: a file with more repeated keys reports those found so far.
    static let maximumRenames = 1_000

    /// A diagnostic per later occurrence of each repeated key, or nil when a key Yams names
    /// cannot be found as written at its mark (an explicit `? ` key spanning lines, say), so the
    /// caller falls back to Yams's own report.
    func diagnostics() -> [ConfigDiagnostic]? {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        var originals: [String: Original] = [:]
        for rename in 0..<Self.maximumRenames {
            let text = lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
            do {
                guard let root = try Yams.compose(yaml: text) else { return nil }
                var budget = ConfigNode.maximumValues
                return repetitions(in: try ConfigNode(root, file: file, budget: &budget), originals: originals)
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                guard let key = duplicates.first,
                      let (placeholder, quoted) = Self.rename(key, at: context.mark, in: &lines, placeholder: rename) else { return nil }
                originals[placeholder] = Original(key: key, quoted: quoted)
            } catch {
                return nil
            }
        }
        return nil
    }

    /// A key renamed to a placeholder, and whether it was quoted (its mark is then inside the
    /// quotes, as `ConfigNode` marks quoted scalars).
    private struct Original {
        var key: String
        var quoted: Bool
    }

    /// Every entry after the first of each key in every mapping under `node`.
    private func repetitions(in node: ConfigNode, originals: [String: Original]) -> [ConfigDiagnostic] {
        switch node.content {
        case .scalar, .null: return []
        case .sequence(let items): return items.flatMap { repetitions(in: $0, originals: originals) }
        case .mapping(let entries):
            var first: [String: ConfigMark] = [:]
            var found: [ConfigDiagnostic] = []
            for entry in entries {
                let original = originals[entry.key]
                let key = original?.key ?? entry.key
                var mark = entry.keyMark
                if original?.quoted == true { mark.column += 1 }
                if let earlier = first[key] {
                    found.append(ConfigDiagnostic(mark, field: "",
                        message: "duplicate key '\(key)' in this mapping (first at \(earlier))"))
                } else {
                    first[key] = mark
                }
                found += repetitions(in: entry.value, originals: originals)
            }
            return found
        }
    }

    /// Replaces the key token at `mark` (a plain scalar spelling `key`, or a quoted one) with a
    /// placeholder of as many characters, and returns the placeholder and whether the key was quoted.
    private static func rename(
        _ key: String, at mark: Mark, in lines: inout [[Unicode.Scalar]], placeholder number: Int
    ) -> (String, quoted: Bool)? {
        guard lines.indices.contains(mark.line - 1) else { return nil }
        let line = lines[mark.line - 1]
        let start = mark.column - 1
        guard line.indices.contains(start), let length = tokenLength(of: key, in: line[start...]) else { return nil }
        // U+E000 to U+EFFF: printable to libyaml, and never in a real configuration's keys.
        let character = Unicode.Scalar(0xE000 + UInt32(number % 0x1000))!
        let placeholder = [Unicode.Scalar](repeating: character, count: length)
        lines[mark.line - 1].replaceSubrange(start..<(start + length), with: placeholder)
        return (String(String.UnicodeScalarView(placeholder)), line[start] == "'" || line[start] == "\"")
    }

    /// How many characters the key token at the start of `text` spans: `key` itself when plain,
    /// up to the closing quote when quoted.
    private static func tokenLength(of key: String, in text: ArraySlice<Unicode.Scalar>) -> Int? {
        switch text.first {
        case "'", "\"":
            let quote = text.first!
            var index = text.startIndex + 1
            while index < text.endIndex {
                if quote == "\"", text[index] == "\\" {
                    index += 2
                } else if text[index] == quote {
                    if quote == "'", index + 1 < text.endIndex, text[index + 1] == "'" { index += 2; continue }
                    return index + 1 - text.startIndex
                } else {
                    index += 1
                }
            }
            return nil
        default:
            let scalars = Array(key.unicodeScalars)
            return text.starts(with: scalars) && !scalars.isEmpty ? scalars.count : nil
        }
    }
}
