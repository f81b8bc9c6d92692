import Foundation
import HotelDomain
import Yams

/// Reads a `yield simulate` scenario file (YAML) into a validated `YieldScenario`.
///
/// Rules: the keys are those of `rate-plans/yield/README.md` (`name`, `summary`, `currency`, `capacity`,
/// `demand-factor`, `arrival-pattern`, `periods`, `runs`, `seed`, `fare-classes` with `name`,
/// `fare-minor-units`, `mean-demand`); a missing required key, a key not in that list (a typo such as
/// `demand_factor` would otherwise be silently ignored), a `currency` that is not an ISO 4217 code and every
/// value `YieldScenario` refuses (capacity 0, fares not listed from the highest down, too few periods…) are one
/// `DomainError.invalid` line naming the file and the value; an unreadable file is `DomainError.notFound`.
/// Example: `try YieldScenarioFile.load(path: "rate-plans/yield/low-before-high.yaml").capacity` is 100, and a
/// file with `capacity: 0` fails with
/// `bad.yaml: capacity 0 is out of range; use 0 to 100000 rooms (1 or more for a simulation)`.
public enum YieldScenarioFile {
    /// Loads and validates the scenario file at `path`.
    ///
    /// Example: `try YieldScenarioFile.load(path: "rate-plans/yield/interleaved.yaml").periods` is 1000.
    public static func load(path: String) throws -> YieldScenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DomainError.notFound("file \(path) cannot be read; give the path of an existing YAML scenario file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DomainError.invalid("file \(path) is not UTF-8 text; save it as UTF-8")
        }
        return try parse(text, name: path)
    }

    /// Reads a scenario from YAML text; `name` stands for the file in error messages.
    ///
    /// Same rules as `load(path:)`. Example: `try YieldScenarioFile.parse(text, name: "scenario.yaml")`.
    public static func parse(_ text: String, name: String = "scenario file") throws -> YieldScenario {
        do {
            return try YAMLDecoder().decode(Shape.self, from: text).scenario
        } catch DecodingError.dataCorrupted(let context) where context.underlyingError is YieldInputError {
            let description = (context.underlyingError as? YieldInputError)?.description ?? context.debugDescription
            throw DomainError.invalid("\(name): \(description)")
        } catch DecodingError.dataCorrupted(let context) where context.underlyingError is DomainError {
            let description = (context.underlyingError as? DomainError)?.description ?? context.debugDescription
            throw DomainError.invalid("\(name): \(description)")
        } catch let error as YieldInputError {
            throw DomainError.invalid("\(name): \(error.description)")
        } catch let error as DomainError {
            throw DomainError(error.kind, "\(name): \(error.description)")
        } catch let error as DecodingError {
            throw DomainError.invalid("\(name): \(YAMLDocument.describe(error))")
        } catch {
            throw DomainError.invalid("\(name) is not a valid scenario: \(error)")
        }
    }

    static let scenarioKeys = [
        "name", "summary", "currency", "capacity", "demand-factor", "arrival-pattern", "periods", "runs", "seed",
        "fare-classes",
    ]
    static let fareClassKeys = ["name", "fare-minor-units", "mean-demand"]

    /// The scenario, after the keys have been checked against the documented ones.
    private struct Shape: Decodable {
        let scenario: YieldScenario

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            try Self.refuseUnknownKeys(container.allKeys, allowed: scenarioKeys, place: "at the top level")
            try Self.check(Int.self, "capacity", in: container, place: "", expected: "a whole number of rooms")
            try Self.check(Double.self, "demand-factor", in: container, place: "", expected: "a number such as 1.2")
            try Self.check(Int.self, "periods", in: container, place: "", expected: "a whole number")
            try Self.check(Int.self, "runs", in: container, place: "", expected: "a whole number")
            try Self.check(UInt64.self, "seed", in: container, place: "", expected: "a whole number 0 or more")
            if let pattern = try? container.decode(String.self, forKey: AnyKey("arrival-pattern")),
                YieldArrivalPattern(rawValue: pattern) == nil
            {
                let patterns = YieldArrivalPattern.allCases.map(\.rawValue).joined(separator: " or ")
                throw DomainError.invalid("arrival-pattern \"\(pattern)\" is not an arrival pattern; use \(patterns)")
            }
            if let fareClasses = try? container.nestedUnkeyedContainer(forKey: AnyKey("fare-classes")) {
                var elements = fareClasses
                var index = 0
                while !elements.isAtEnd {
                    guard let fareClass = try? elements.nestedContainer(keyedBy: AnyKey.self) else {
                        break  // not a mapping: YieldScenario's decoding reports it with its place
                    }
                    let place = "fare-classes[\(index)]."
                    try Self.refuseUnknownKeys(
                        fareClass.allKeys, allowed: fareClassKeys, place: "in fare-classes[\(index)]")
                    try Self.check(
                        Int64.self, "fare-minor-units", in: fareClass, place: place,
                        expected: "a whole number of minor units (20000 = 200.00)")
                    try Self.check(
                        Double.self, "mean-demand", in: fareClass, place: place, expected: "a number such as 15")
                    index += 1
                }
            }
            scenario = try YieldScenario(from: decoder)
            if let currency = scenario.currency { _ = try Currency(currency) }
        }

        /// Refuses a present value that does not decode as `type`, quoting it (when it is a scalar).
        private static func check<T: Decodable>(
            _ type: T.Type, _ key: String, in container: KeyedDecodingContainer<AnyKey>, place: String,
            expected: String
        ) throws {
            let codingKey = AnyKey(key)
            guard container.contains(codingKey), (try? container.decodeNil(forKey: codingKey)) != true,
                (try? container.decode(T.self, forKey: codingKey)) == nil
            else { return }
            let value = (try? container.decode(String.self, forKey: codingKey)).map { " \"\($0)\"" } ?? ""
            throw DomainError.invalid("\(place)\(key)\(value) is not \(expected)")
        }

        private static func refuseUnknownKeys(_ keys: [AnyKey], allowed: [String], place: String) throws {
            for key in keys.sorted(by: { $0.stringValue < $1.stringValue }) where !allowed.contains(key.stringValue) {
                throw DomainError.invalid(
                    "key '\(key.stringValue)' \(place) is not a scenario key; use \(allowed.joined(separator: ", "))")
            }
        }
    }

    private struct AnyKey: CodingKey {
        let stringValue: String
        let intValue: Int?

        init(_ string: String) {
            stringValue = string
            intValue = nil
        }

        init?(stringValue: String) { self.init(stringValue) }

        init?(intValue: Int) {
            stringValue = String(intValue)
            self.intValue = intValue
        }
    }
}
