import HotelDomain

/// What `export pms --what` can name, in the order files are written.
///
/// Rule: `intermediaries` (issue 6) and `blocks` (issue 5) are part of the command's surface but have no tables
/// yet; naming them is refused with a one-line "not available yet" error instead of writing nothing.
/// Example: `--what companies,rates` → [companies, rates]; `--what rooms` → "entity \"rooms\" is not valid; use …".
public enum ExportEntity: String, Sendable, CaseIterable, Comparable {
    case companies, intermediaries, rates, restrictions, reservations, blocks

    /// Whether this build can export the entity (its tables exist).
    public var isAvailable: Bool {
        switch self {
        case .companies, .rates, .restrictions, .reservations: true
        case .intermediaries, .blocks: false
        }
    }

    /// The entities exported when `--what` is not given: every available one.
    public static var available: [ExportEntity] { allCases.filter(\.isAvailable) }

    public static func < (lhs: ExportEntity, rhs: ExportEntity) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// `--what` as a list: comma-separated names, any case, duplicates once, in the canonical order.
    ///
    /// Rules: an unknown name is invalid input naming the valid ones; a known name this build cannot export yet
    /// is refused (exit 1). Example: `"rates, companies,rates"` → [companies, rates].
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
        if let missing = entities.sorted().first(where: { !$0.isAvailable }) {
            throw DomainError.refused(
                "\(missing.rawValue) export is not available yet (\(missing.issue) has not landed); export \(available.map(\.rawValue).joined(separator: ", ")) for now"
            )
        }
        return entities.sorted()
    }

    /// The issue whose tables an unavailable entity waits for.
    var issue: String {
        switch self {
        case .blocks: "group blocks, issue 5,"
        case .intermediaries: "intermediaries and commissions, issue 6,"
        default: "it"
        }
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
