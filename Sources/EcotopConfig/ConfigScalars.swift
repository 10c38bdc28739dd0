import EcotopCore
/// Reading typed values out of scalar nodes; each reports what was expected when it fails.
extension ConfigNode {
    /// The scalar's text; a mapping or list is reported.
    public func readString(field: String, issues: ConfigIssues) -> String? {
        guard let text = scalar else {
            issues.report(mark, field: field, "expected a string, found \(kindName)")
            return nil
        }
        return text
    }

    /// A finite number, optionally within `range`.
    public func readNumber(field: String, in range: ClosedRange<Double>? = nil, issues: ConfigIssues) -> Double? {
        readValue(field: field, what: "a number", in: range, issues: issues) { Double($0).flatMap { $0.isFinite ? $0 : nil } }
    }

    /// A whole number, optionally within `range`.
    public func readInteger(field: String, in range: ClosedRange<Int>? = nil, issues: ConfigIssues) -> Int? {
        readValue(field: field, what: "a whole number", in: range, issues: issues) { Int($0) }
    }

    /// A scalar parsed by `parse` (after dropping `_` digit separators) and checked against `range`.
    private func readValue<Value: Comparable>(
        field: String, what: String, in range: ClosedRange<Value>?, issues: ConfigIssues, parse: (String) -> Value?
    ) -> Value? {
        guard let text = readString(field: field, issues: issues) else { return nil }
        guard let value = parse(text.filter { $0 != "_" }) else {
            issues.report(mark, field: field, "expected \(what), found '\(text)'")
            return nil
        }
        if let range, !range.contains(value) {
            issues.report(mark, field: field, "expected \(what) from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)), found \(text)")
            return nil
        }
        return value
    }

    /// `true`/`false`, `yes`/`no` or `on`/`off`, in any case.
    public func readBool(field: String, issues: ConfigIssues) -> Bool? {
        guard let text = readString(field: field, issues: issues) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            issues.report(mark, field: field, "expected true or false, found '\(text)'")
            return nil
        }
    }

    /// A positive number of seconds: a bare number or a number with a unit, `ms`, `s`, `m`,
    /// `h` or `d` (`250ms`, `30s`, `1.5m`).
    public func readDuration(field: String, issues: ConfigIssues) -> Double? {
        guard let text = readString(field: field, issues: issues) else { return nil }
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400)]
        let trimmed = text.filter { $0 != " " }
        let unit = units.first { trimmed.hasSuffix($0.suffix) && Double(trimmed.dropLast($0.suffix.count)) != nil }
        let number = Double(unit.map { String(trimmed.dropLast($0.suffix.count)) } ?? trimmed)
        guard let number, number.isFinite, number > 0 else {
            issues.report(mark, field: field, "expected a positive duration such as 500ms, 30s, 5m or 1h (a bare number is seconds), found '\(text)'")
            return nil
        }
        return number * (unit?.seconds ?? 1)
    }

    /// One of the raw values of `T`, with a "did you mean" for a near miss.
    public func readChoice<T: RawRepresentable & CaseIterable>(field: String, as type: T.Type, issues: ConfigIssues) -> T?
    where T.RawValue == String {
        guard let text = readString(field: field, issues: issues) else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""
        issues.report(mark, field: field, "expected one of \(names.joined(separator: ", ")), found '\(text)'\(hint)")
        return nil
    }

    private static func format(_ bound: some Comparable) -> String {
        guard let number = bound as? Double else { return "\(bound)" }
        return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
