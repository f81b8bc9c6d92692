/// A VIP level: a code, a rank (1 is the highest), a name, the amenities the front desk prepares and how
/// the guest is handled.
///
/// Rule: rank 1 to 99, lower ranks first on the arrivals list; a level is attached to guest profiles,
/// companies, groups or single reservations, and a guest gets the highest-ranked level among them.
/// Example: V1 rank 1 "Chairman level", amenities "fruit basket; GM greeting".
public struct VIPLevel: Hashable, Sendable {
    public var code: Code
    public var rank: Int
    public var name: String
    public var amenities: String
    public var handlingNotes: String

    public init(code: Code, rank: Int, name: String, amenities: String = "", handlingNotes: String = "") throws {
        guard (1...99).contains(rank) else {
            throw DomainError.invalid("VIP rank \(rank) is not valid; use 1 (highest) to 99")
        }
        guard !name.trimmingWhitespace.isEmpty else {
            throw DomainError.invalid("VIP level \(code) has no name; give it a name, e.g. --name \"Chairman level\"")
        }
        self.code = code
        self.rank = rank
        self.name = name.trimmingWhitespace
        self.amenities = amenities.trimmingWhitespace
        self.handlingNotes = handlingNotes.trimmingWhitespace
    }
}

/// Where a guest's VIP level comes from.
public enum VIPSource: String, Hashable, Sendable {
    case reservation, guest, group, company
}

/// A VIP level as it applies to one arrival: the level, or only its code when no such level is defined
/// (a booking made with a free-text `--vip`), and where it comes from.
public struct AppliedVIP: Hashable, Sendable {
    public var code: String
    public var level: VIPLevel?
    public var source: VIPSource

    public init(code: String, level: VIPLevel?, source: VIPSource) {
        self.code = code
        self.level = level
        self.source = source
    }

    /// Defined levels by rank; an undefined code after every defined one.
    public var sortRank: Int { level?.rank ?? 100 }

    /// The highest-ranked of the candidates (the reservation's own level wins a tie, then the guest's,
    /// the group's and the company's). Example: a V1 guest in a V2 group is V1.
    public static func highest(_ candidates: [AppliedVIP]) -> AppliedVIP? {
        let order: [VIPSource] = [.reservation, .guest, .group, .company]
        return candidates.min { lhs, rhs in
            (lhs.sortRank, order.firstIndex(of: lhs.source) ?? 0) < (
                rhs.sortRank, order.firstIndex(of: rhs.source) ?? 0
            )
        }
    }
}
