import Foundation
import GRDB
import HotelDomain

extension AppDatabase {
    /// A copy of the database, made with SQLite's online backup into a new temporary folder, for a dry run that
    /// must see the effect of everything it does (a feed import's later files and batches build on its earlier
    /// ones). The caller removes `folder` when done; nothing the copy does reaches this database.
    public func temporaryCopy() throws -> (database: AppDatabase, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hotelsales-dry-run-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let copy = try DatabaseQueue(path: folder.appendingPathComponent("copy.sqlite").path, configuration: Self.configuration())
            try writer.backup(to: copy)
            return (try AppDatabase(copy), folder)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            let reason = (error as? DatabaseError).map { Self.translate($0).description } ?? error.localizedDescription
            throw DomainError.refused(
                "cannot copy the database into \(folder.deletingLastPathComponent().path) for the dry run (\(reason)); set TMPDIR to a writable folder with room for the database")
        }
    }
}
