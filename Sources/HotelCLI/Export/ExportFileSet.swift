import Crypto
import Foundation
import HotelDomain
import HotelFeeds

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of one export, written under temporary names in the output folder and renamed into place only
/// when every one of them is complete, so the PMS never picks up half a file or half an export.
///
/// Rules: a temporary file is `.<name>.<random>.tmp` in the same folder (so the rename is atomic); every file
/// is flushed to disk before any is renamed; `discard()` removes temporary files and anything already renamed;
/// the SHA-256 of each file is computed while it is written. An existing file of the same name is never
/// replaced: the export is refused before anything is written.
final class ExportFileSet {
    /// One file of the export.
    final class File {
        let name: String
        let entity: String
        let format: String
        /// The OpenTravel message, or the CSV layout.
        let content: String
        fileprivate let temporaryPath: String
        fileprivate let finalPath: String
        fileprivate let descriptor: Int32
        fileprivate var hasher = SHA256()
        fileprivate var isClosed = false
        var records = 0
        private(set) var bytes = 0
        private(set) var sha256 = ""

        fileprivate init(name: String, entity: String, format: String, content: String, folder: String) throws {
            self.name = name
            self.entity = entity
            self.format = format
            self.content = content
            finalPath = (folder as NSString).appendingPathComponent(name)
            temporaryPath = (folder as NSString).appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
            descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw DomainError.refused(
                    "cannot create a file in \(folder): \(String(cString: strerror(errno))); give a writable --out folder"
                )
            }
        }

        /// A buffer whose chunks go to this file (and its checksum).
        lazy var buffer = ExportBuffer { [unowned self] chunk in try self.store(chunk) }

        private func store(_ chunk: [UInt8]) throws {
            hasher.update(data: chunk)
            bytes += chunk.count
            try chunk.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                var offset = 0
                while offset < raw.count {
                    let written = write(descriptor, base + offset, raw.count - offset)
                    guard written > 0 else {
                        if written < 0, errno == EINTR { continue }
                        throw DomainError.refused(
                            "cannot write \(finalPath): \(String(cString: strerror(errno))); nothing was exported")
                    }
                    offset += written
                }
            }
        }

        /// Flushes the file to disk and closes it; the checksum is final afterwards.
        fileprivate func finish() throws {
            guard !isClosed else { return }
            isClosed = true
            defer { _ = close(descriptor) }
            guard fsync(descriptor) == 0 else {
                throw DomainError.refused(
                    "cannot write \(finalPath): \(String(cString: strerror(errno))); nothing was exported")
            }
            sha256 = hasher.finalize().map { byte in
                let hex = String(byte, radix: 16)
                return byte < 16 ? "0" + hex : hex
            }.joined()
        }
    }

    let folder: String
    private(set) var files: [File] = []
    private var renamed: [String] = []

    /// Checks that `folder` exists, is a folder and is writable.
    init(folder: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw DomainError.notFound("output folder \(folder) does not exist; create it or give another --out folder")
        }
        guard isDirectory.boolValue else {
            throw DomainError.invalid(
                "--out \(folder) is a file, not a folder; give the folder to write the export into")
        }
        guard access(folder, W_OK | X_OK) == 0 else {
            throw DomainError.refused("output folder \(folder) is not writable; give a folder this user can write to")
        }
        self.folder = folder
    }

    /// Starts a file; refuses a name that already exists in the folder.
    func create(_ name: String, entity: String, format: String, content: String) throws -> File {
        guard !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name)) else {
            throw DomainError.refused(
                "\(name) already exists in \(folder); an export never replaces a file: move it away or wait a second")
        }
        let file = try File(name: name, entity: entity, format: format, content: content, folder: folder)
        files.append(file)
        return file
    }

    /// Flushes and closes every file (checksums become final), without renaming anything yet.
    func finish() throws {
        for file in files { try file.finish() }
    }

    /// Renames every temporary file to its name, then makes the renames durable.
    func commit() throws {
        try finish()
        for file in files {
            guard rename(file.temporaryPath, file.finalPath) == 0 else {
                throw DomainError.refused(
                    "cannot rename \(file.temporaryPath) to \(file.name): \(String(cString: strerror(errno))); nothing was exported"
                )
            }
            renamed.append(file.finalPath)
        }
        let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            fsync(descriptor)  // best effort: the renames themselves survive a crash
            _ = close(descriptor)
        }
    }

    /// Removes every temporary file and every file already renamed: after a failure nothing of the export stays.
    func discard() {
        for file in files {
            if !file.isClosed {
                file.isClosed = true
                _ = close(file.descriptor)
            }
            unlink(file.temporaryPath)
        }
        for path in renamed { unlink(path) }
        renamed.removeAll()
    }
}
