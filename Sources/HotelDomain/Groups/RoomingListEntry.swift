/// One line of a group's rooming list: a guest (and who shares the room), the stay, the room type, a VIP
/// level and special requests. One line is one room.
///
/// Rule: a line is identified within its group by the guest's name (case and spacing ignored) and arrival,
/// so loading the same list again updates the guest's booking instead of booking them twice.
/// Example: line 2 "Chen Li", 2027-05-01…2027-05-04, DLX, sharing with "Wang Fang", VIP V2, "high floor".
public struct RoomingListEntry: Hashable, Sendable {
    /// The line in the file (the header is line 1).
    public var line: Int
    public var guestName: String
    public var stay: Stay
    public var roomType: Code
    public var sharer: String?
    public var vipLevel: Code?
    public var specialRequests: String?

    public init(
        line: Int, guestName: String, stay: Stay, roomType: Code, sharer: String? = nil, vipLevel: Code? = nil,
        specialRequests: String? = nil
    ) throws {
        guard !guestName.trimmingWhitespace.isEmpty else {
            throw DomainError.invalid("the guest name is empty; give the guest's name")
        }
        self.line = line
        self.guestName = guestName.trimmingWhitespace
        self.stay = stay
        self.roomType = roomType
        self.sharer = sharer.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        self.vipLevel = vipLevel
        self.specialRequests = specialRequests.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The guest part of the stable key: "  Chen   LI " → "chen li".
    public var guestKey: String { Self.guestKey(guestName) }

    public static func guestKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

/// What loading a rooming-list line did.
public enum RoomingListOutcome: Hashable, Sendable {
    case created(confirmation: String)
    case updated(confirmation: String, changes: [String])
    case unchanged(confirmation: String)
    /// The line could not be placed; the reason names what does not fit.
    case notPlaced(reason: String)
}
