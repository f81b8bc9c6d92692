import Foundation
import HotelDomain
import HotelStore


/// The nightly run's export to the PMS: `export pms --out DIR` (both formats, every available entity, each
/// continuing from its last export), through the same `PMSExport` and `ExportFileSet`.
///
/// Rule: a night with nothing changed since the last export writes no file and records no export run, so
/// running the night again changes nothing.
struct NightlyExport {
    struct Outcome {
        var records = 0
        var files = 0
        var recordsByEntity: [String: Int] = [:]
        var manifest: String?
    }

    let database: AppDatabase
    let hotel: Hotel
    let folder: String
    let author: ChangeAuthor

    func run() throws -> Outcome {
        let files = try ExportFileSet(folder: folder)
        let startedAt = freeStamp()
        let export = PMSExport(
            files: files, hotelCode: hotel.code.rawValue, stamp: ExportPMS.fileStamp(startedAt), format: .both)
        do {
            let summary = try export.changes(
                entities: ExportEntity.available, window: .sinceLastExport, database: database)
            let records = summary.records.values.reduce(0, +)
            guard records > 0 else {
                files.discard()
                return Outcome(recordsByEntity: summary.records)
            }
            let manifest = try export.complete(
                summary, database: database, startedAt: startedAt, user: author.user, since: nil)
            return Outcome(
                records: records, files: files.files.count + 1, recordsByEntity: summary.records, manifest: manifest)
        } catch {
            files.discard()
            throw error
        }
    }

    /// Now, or the next second when an export of this second is already in the folder (file names carry the
    /// second: a night run twice in a second must not collide).
    private func freeStamp() -> Date {
        var date = Date()
        for _ in 0..<3 {
            let manifest = "\(hotel.code.rawValue)-\(ExportPMS.fileStamp(date))-manifest.json"
            guard FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(manifest)) else {
                return date
            }
            let next = (date.timeIntervalSince1970.rounded(.down) + 1.0)
            Thread.sleep(forTimeInterval: max(0, next - Date().timeIntervalSince1970) + 0.01)
            date = Date()
        }
        return date
    }
}
