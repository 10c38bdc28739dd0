/// `1 sample`, `2 samples`, `0 samples`: a count with its noun in the right number, for every
/// message of the commands and the dashboard.
public func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
