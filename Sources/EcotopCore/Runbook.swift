/// Where to look when an error group shows up: a link or a line of advice, for an integration,
/// a code pattern, or both (`runbooks:` in the configuration).
public struct Runbook: Sendable, Hashable {
    /// The integration (`from->to`) it applies to; nil for every integration.
    public var integration: String?
    /// A regular expression the whole code must match (`429`, `5..`); nil for every code.
    public var codePattern: String?
    /// A URL or a line of text.
    public var advice: String

    public init(integration: String? = nil, codePattern: String? = nil, advice: String) {
        self.integration = integration
        self.codePattern = codePattern
        self.advice = advice
    }

    /// Whether it applies to failures of `integration` with `code`.
    public func applies(toIntegration integration: String, code: String) -> Bool {
        if let own = self.integration, own != integration { return false }
        guard let codePattern else { return true }
        guard let regex = try? Regex(codePattern) else { return false }
        return code.wholeMatch(of: regex) != nil
    }

    /// The first of `runbooks` that applies, in the configuration's order.
    public static func first(in runbooks: [Runbook], integration: String, code: String) -> Runbook? {
        runbooks.first { $0.applies(toIntegration: integration, code: code) }
    }
}

/// What the configuration says about integration errors: how codes are classed and where the
/// runbooks are.
public struct ErrorPolicy: Sendable, Hashable {
    public var classifier: FailureClassifier
    public var runbooks: [Runbook]

    public init(classifier: FailureClassifier = .standard, runbooks: [Runbook] = []) {
        self.classifier = classifier
        self.runbooks = runbooks
    }
}
