/// `series.jsonl` opened for appending, with the count of ids handed out that `manifest.json`
/// keeps beside it.
///
/// The count is raised in the manifest before the lines of new series are appended, and those
/// lines are synced before any segment line that uses their ids is written: after a crash at
/// any point, the manifest covers every id a segment can hold, so an id whose line
/// `series.jsonl` later loses is never handed out again.
final class SeriesCatalogFile {
    private let layout: StoreLayout
    /// The manifest as it is on disk (not as a writer overrides its durability).
    private var manifest: StoreManifest
    private var file: PosixFile?

    init(layout: StoreLayout, manifest: StoreManifest) {
        self.layout = layout
        self.manifest = manifest
    }

    /// Records in `manifest.json` that the ids below `count` were handed out, when it says fewer.
    func reserveIDs(below count: UInt32) throws {
        guard count > manifest.nextSeriesID else { return }
        manifest.nextSeriesID = count
        try manifest.save(to: layout.manifest)
    }

    /// Appends the lines of new series, all of whose ids are below `idsHandedOut`, and syncs them.
    func append(_ lines: [UInt8], idsHandedOut: UInt32) throws {
        try reserveIDs(below: idsHandedOut)
        if file == nil {
            let isNew = !StoreFileSystem.exists(layout.catalog)
            file = try PosixFile.openForAppend(layout.catalog)
            if isNew { try StoreFileSystem.syncDirectory(layout.root) }
        }
        try file!.write(lines)
        try file!.sync()
    }

    /// Closes `series.jsonl`; a later append opens it again.
    func close() {
        file = nil
    }
}
