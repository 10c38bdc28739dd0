import EcotopCore
import EcotopStore

/// The alerts recorded in a store, for commands that report them (`ecotop alerts`, `report`).
public enum StoredAlerts {
    /// The open alerts of the store at `directory`, most severe first, then oldest first.
    /// Lines of the alerts file that cannot be read are left out (see `read` for them).
    public static func open(inStore directory: String) throws -> [Alert] {
        try read(StoreLayout(root: directory)).history.open
    }

    /// Everything the alerts file of `layout` holds, with the lines that could not be read.
    public static func read(_ layout: StoreLayout) throws -> AlertLog.Contents {
        try AlertLog.read(layout)
    }
}
