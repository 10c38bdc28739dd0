@testable import EcotopConfig

/// A configuration document of the tests: `ecosystem: {}` followed by the section under test.
enum ConfigTestDocument {
    /// Validates `ecosystem: {}` and `yaml` as `eco.yaml`.
    static func validate(_ yaml: String) -> Result<EcotopConfiguration, ConfigErrors> {
        ConfigValidator(home: "/home/ana").validate(yaml: "ecosystem: {}\n" + yaml, file: "eco.yaml")
    }

    /// The problems reported, one per line; empty when there are none.
    static func problems(_ yaml: String) -> String {
        guard case .failure(let errors) = validate(yaml) else { return "" }
        return errors.diagnostics.map(\.description).joined(separator: "\n")
    }
}
