/// The rule that turns Ecotop's series and label names into valid Prometheus names, shared by
/// the `/metrics` exposition and the Prometheus query source so that what one writes the other
/// finds.
///
/// Every character (Unicode scalar) outside `[a-zA-Z0-9_]` becomes `_`, and a name that would start with a digit
/// (or is empty) gets a leading `_`: `usage.transaction_volume` is exposed as
/// `usage_transaction_volume`, `http_requests_total` stays as it is. Colons are replaced too,
/// since Prometheus reserves them for recording rules. The rule is not one-to-one
/// (`a.b` and `a_b` meet), so callers that expose several names check for clashes.
public enum PrometheusName {
    /// The Prometheus metric or label name for `name`.
    public static func of(_ name: String) -> String {
        var result = String.UnicodeScalarView()
        if name.unicodeScalars.first.map({ ("0"..."9").contains($0) }) ?? true { result.append("_") }
        for scalar in name.unicodeScalars { result.append(isNameScalar(scalar) ? scalar : "_") }
        return String(result)
    }

    /// Whether `name` is already a valid name under this rule (and so is its own image).
    public static func isValid(_ name: String) -> Bool { of(name) == name }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }
}
