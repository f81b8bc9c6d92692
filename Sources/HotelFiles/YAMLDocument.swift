import Foundation
import HotelDomain
import Yams

/// Reads a YAML file a sales manager edits into a `Decodable` shape, turning every parser or shape problem
/// into a one-line `DomainError` that names the file, the place and what is expected.
enum YAMLDocument {
    static func decode<T: Decodable>(_ type: T.Type, path: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DomainError.notFound("file \(path) cannot be read; give the path of an existing YAML file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DomainError.invalid("file \(path) is not UTF-8 text; save it as UTF-8")
        }
        return try decode(type, text: text, name: path)
    }

    static func decode<T: Decodable>(_ type: T.Type, text: String, name: String) throws -> T {
        do {
            return try YAMLDecoder().decode(type, from: text)
        } catch let error as DomainError {
            throw DomainError(error.kind, "\(name): \(error.description)")
        } catch let error as YamlError {
            throw DomainError.invalid("\(name) is not valid YAML: \(oneLine(String(describing: error)))")
        } catch let error as DecodingError {
            throw DomainError.invalid("\(name): \(describe(error))")
        }
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.allSatisfy { $0 == "^" } }.joined(separator: " ")
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        let text = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "top level" : text)
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            let place = context.codingPath.isEmpty ? "at the top level" : "in \(path(context.codingPath))"
            return "key '\(key.stringValue)' is missing \(place); add it"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) should be \(describe(type)); \(context.debugDescription)"
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as? DomainError {
                return "\(path(context.codingPath)): \(underlying.description)"
            }
            if let underlying = context.underlyingError as? YamlError {
                return "not valid YAML: \(oneLine(String(describing: underlying)))"
            }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a text value"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        default: "a \(type)"
        }
    }
}
