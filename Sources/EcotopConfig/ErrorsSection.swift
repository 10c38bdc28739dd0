import EcotopCore

/// Reads `errors:` (how failure codes are classed) and `runbooks:` (advice per integration
/// and code pattern), checking that runbooks name known integrations and valid expressions.
enum ErrorsSection {
    static func read(_ fields: ConfigFields, ecosystem: Ecosystem) -> ErrorPolicy {
        let classifier = fields.mapping("errors").map { errors in
            defer { errors.finish() }
            return FailureClassifier(retryable: errors.strings("retryable") ?? [], permanent: errors.strings("permanent") ?? [])
        } ?? .standard
        let known = Set(ecosystem.integrations.map(\.id))
        let runbooks: [Runbook] = (fields.list("runbooks") ?? []).enumerated().compactMap { index, node in
            let path = "\(fields.field("runbooks"))[\(index)]"
            let entry = ConfigFields(node, path: path, issues: fields.issues)
            defer { entry.finish() }
            let integration = entry.string("integration")
            let code = entry.string("code")
            let url = entry.string("url")
            let text = entry.string("text")
            if let integration, !known.contains(integration), let mark = entry.value("integration")?.mark {
                let hint = Suggestion.closest(to: integration, among: known).map { "; did you mean '\($0)'?" } ?? ""
                fields.issues.report(mark, field: entry.field("integration"), "unknown integration '\(integration)'\(hint)")
            }
            if let code, (try? Regex(code)) == nil, let mark = entry.value("code")?.mark {
                fields.issues.report(mark, field: entry.field("code"), "'\(code)' is not a regular expression")
            }
            guard let advice = url ?? text, (url == nil) != (text == nil) else {
                fields.issues.report(node.mark, field: path, "a runbook needs one of `url:` or `text:`")
                return nil
            }
            return Runbook(integration: integration, codePattern: code, advice: advice)
        }
        return ErrorPolicy(classifier: classifier, runbooks: runbooks)
    }
}
