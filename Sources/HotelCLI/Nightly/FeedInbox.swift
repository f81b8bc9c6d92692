import Foundation
import HotelDomain

/// The folder the channels drop their feed files into, and the archive the nightly run moves them to.
///
/// Rules: the inbox's `*.xml` files (any case), in name order (channel files carry their date and time);
/// folders and other files are left alone. A file moves to the archive only once it is imported — completely,
/// quarantined records included, or found already imported — so a file that failed, or a run that was killed,
/// leaves it in the inbox for the next run. A file of the same name already in the archive is not replaced:
/// the same content removes the inbox copy, other content is archived as `NAME.2.xml`, `NAME.3.xml`, ….
struct FeedInbox {
    let folder: URL
    let archive: URL

    /// The archive of a night: `<archive-dir>/<today>/`, by default `<inbox's parent>/archive/<today>/`.
    init(folder: String, archiveDirectory: String?, today: CalendarDate) {
        self.folder = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        let base =
            archiveDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? self.folder.deletingLastPathComponent().appendingPathComponent("archive", isDirectory: true)
        archive = base.appendingPathComponent(today.description, isDirectory: true)
    }

    /// Refuses an inbox that does not exist or is not a folder (exit 1), before anything is written.
    static func checkFolder(_ path: String, option: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DomainError.notFound("\(option) folder \(path) does not exist; give an existing folder")
        }
        guard isDirectory.boolValue else {
            throw DomainError.invalid("\(option) \(path) is a file, not a folder; give a folder")
        }
    }

    func files() throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw DomainError.refused("cannot list the feed inbox \(folder.path): \(error.localizedDescription)")
        }
        return names.filter { $0.lowercased().hasSuffix(".xml") && !$0.hasPrefix(".") }.sorted().compactMap { name in
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else {
                return nil
            }
            return url
        }
    }

    /// Moves an imported file into the archive; returns where it went.
    @discardableResult
    func archive(_ file: URL) throws -> URL {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: archive, withIntermediateDirectories: true)
            let stem = file.deletingPathExtension().lastPathComponent
            let ext = file.pathExtension
            var target = archive.appendingPathComponent(file.lastPathComponent)
            var copy = 1
            while manager.fileExists(atPath: target.path) {
                if manager.contentsEqual(atPath: target.path, andPath: file.path) {
                    try manager.removeItem(at: file)
                    return target
                }
                copy += 1
                target = archive.appendingPathComponent("\(stem).\(copy).\(ext)")
            }
            try manager.moveItem(at: file, to: target)
            return target
        } catch {
            throw DomainError.refused(
                "cannot move \(file.lastPathComponent) to the archive \(archive.path): \(error.localizedDescription)")
        }
    }
}
