/// The version `ecotop --version` prints.
enum EcotopVersion {
    static let current = "0.1.0"
}
