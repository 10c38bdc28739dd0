import EcotopCore
import EcotopStore

/// The store's events log serves the errors view.
extension StoreReader: EventSource {}
