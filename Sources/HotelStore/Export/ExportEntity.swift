import HotelDomain

/// What `export pms --what` can name, in the order files are written.
///
/// Example: `--what companies,rates` → [companies, rates]; `--what rooms` → "entity \"rooms\" is not valid; use …".
public enum ExportEntity: String, Sendable, CaseIterable, Comparable {
    case companies, intermediaries, rates, restrictions, reservations, blocks

    /// The entities exported when `--what` is not given: all of them.
    public static var available: [ExportEntity] { allCases }

    public static func < (lhs: ExportEntity, rhs: ExportEntity) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// `--what` as a list: comma-separated names, any case, duplicates once, in the canonical order.
    ///
    /// Rule: an unknown name is invalid input naming the valid ones. Example: `"rates, companies,rates"` →
    /// [companies, rates].
    public static func parseList(_ text: String) throws -> [ExportEntity] {
        let names = text.split(separator: ",").map { String($0).trimmingWhitespace.lowercased() }.filter { !$0.isEmpty }
        let valid = allCases.map(\.rawValue).joined(separator: ", ")
        guard !names.isEmpty else {
            throw DomainError.invalid("--what \"\(text)\" names no entity; use a comma-separated list of \(valid)")
        }
        var entities = Set<ExportEntity>()
        for name in names {
            guard let entity = ExportEntity(rawValue: name) else {
                throw DomainError.invalid("entity \"\(name)\" is not valid; use one or more of \(valid)")
            }
            entities.insert(entity)
        }
        return entities.sorted()
    }
}

/// Which changes `export pms` covers.
public enum ExportWindow: Sendable, Equatable {
    /// Everything as it is now (`--full`).
    case full
    /// Changes recorded in the audit log after an instant (`--since`), given as the log's UTC text,
    /// e.g. `2027-03-01T00:00:00.000Z`.
    case since(String)
    /// Changes after the newest earlier export of each entity (neither option); an entity never exported is
    /// exported in full.
    case sinceLastExport
}
