/// One line of the front desk's arrivals list: who arrives, in what, at which rate, for whom, with which
/// VIP treatment, requests and billing.
///
/// Rule: the list is sorted by VIP rank (VIPs first, rank 1 before rank 2; guests without a level last),
/// then by guest name, then by confirmation number. Example: V1 Zhang Wei before V2 Chen Li before Adams.
public struct Arrival: Hashable, Sendable {
    public var confirmation: String
    public var guestName: String
    public var sharer: String?
    public var roomType: Code
    public var rooms: Int
    public var nights: Int
    public var ratePlanCode: Code
    public var status: ReservationStatus
    public var companyCode: Code?
    public var companyName: String?
    public var groupCode: Code?
    public var groupName: String?
    public var vip: AppliedVIP?
    public var specialRequests: String?
    public var billing: BillingInstruction

    public init(
        confirmation: String, guestName: String, sharer: String? = nil, roomType: Code, rooms: Int, nights: Int,
        ratePlanCode: Code, status: ReservationStatus, companyCode: Code? = nil, companyName: String? = nil,
        groupCode: Code? = nil, groupName: String? = nil, vip: AppliedVIP? = nil, specialRequests: String? = nil,
        billing: BillingInstruction
    ) {
        self.confirmation = confirmation
        self.guestName = guestName
        self.sharer = sharer
        self.roomType = roomType
        self.rooms = rooms
        self.nights = nights
        self.ratePlanCode = ratePlanCode
        self.status = status
        self.companyCode = companyCode
        self.companyName = companyName
        self.groupCode = groupCode
        self.groupName = groupName
        self.vip = vip
        self.specialRequests = specialRequests
        self.billing = billing
    }

    /// "guest pays" or "direct bill to ACME".
    public var billingText: String {
        switch billing {
        case .guestPays: "guest pays"
        case .directBill: "direct bill to \(companyCode?.rawValue ?? "the company")"
        }
    }

    /// Arrivals in front-desk order: VIP rank, then guest name (case ignored), then confirmation.
    public static func frontDeskOrder(_ arrivals: [Arrival]) -> [Arrival] {
        arrivals.sorted { lhs, rhs in
            let left = (lhs.vip?.sortRank ?? 1_000, lhs.guestName.lowercased(), lhs.confirmation)
            let right = (rhs.vip?.sortRank ?? 1_000, rhs.guestName.lowercased(), rhs.confirmation)
            return left < right
        }
    }
}
