import EcotopCore

/// The store's events log serves the errors view and integration health.
extension StoreReader: EventSource {}
