import Foundation
import HotelDomain

/// Writes a file atomically (temporary name, then rename), so nobody ever reads half a file.
enum FileOutput {
    static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DomainError.refused("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
