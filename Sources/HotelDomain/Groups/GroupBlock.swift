/// A group block (allotment): a company's or a group's rooms per room type per night at a group rate,
/// with a cutoff after which unpicked rooms return to general inventory and an attrition clause.
///
/// Rule: the cutoff falls before the first blocked night; the attrition is 0% to 100% of the contracted
/// room-nights; group bookings are billed as the block says. Example: TECH27 "Tech Summit 2027" for ACME at
/// GRP-TECH, cutoff 2027-04-20, 20% attrition, guests VIP level V2.
public struct GroupBlock: Hashable, Sendable {
    public var code: Code
    public var name: String
    public var companyCode: Code?
    public var ratePlanCode: Code
    /// The last day the group may pick up rooms; the day after, `groups release-due` releases the rest.
    public var cutoff: CalendarDate
    /// The share of the contracted room-nights the group may leave unused without paying for them.
    public var attrition: BasisPoints
    /// The VIP level of the group's guests (a guest's own level wins when it ranks higher).
    public var vipLevel: Code?
    public var billing: BillingInstruction
    /// The day the unpicked rooms went back to general inventory; `nil` while the block holds them.
    public var releasedOn: CalendarDate?

    public init(
        code: Code, name: String, companyCode: Code? = nil, ratePlanCode: Code, cutoff: CalendarDate,
        attrition: BasisPoints = BasisPoints(0), vipLevel: Code? = nil, billing: BillingInstruction = .guestPays,
        releasedOn: CalendarDate? = nil
    ) throws {
        guard !name.trimmingWhitespace.isEmpty else {
            throw DomainError.invalid(
                "group name for \(code) is empty; give the group's name, e.g. --name \"Tech Summit 2027\"")
        }
        guard attrition.value >= 0, attrition.value <= 10_000 else {
            throw DomainError.invalid("attrition \(attrition) is not valid; use 0% to 100%")
        }
        if billing == .directBill, companyCode == nil {
            throw DomainError.invalid(
                "direct billing of group \(code) needs --company; only an agreement company can be billed")
        }
        self.code = code
        self.name = name.trimmingWhitespace
        self.companyCode = companyCode
        self.ratePlanCode = ratePlanCode
        self.cutoff = cutoff
        self.attrition = attrition
        self.vipLevel = vipLevel
        self.billing = billing
        self.releasedOn = releasedOn
    }

    public var isReleased: Bool { releasedOn != nil }

    /// Whether `groups release-due` on `today` releases this block: its cutoff has passed and it holds rooms.
    ///
    /// Example: cutoff 2027-04-20 is due on 2027-04-21, not on 2027-04-20 (the cutoff day is still a pickup day).
    public func isDueForRelease(today: CalendarDate) -> Bool { !isReleased && cutoff < today }

    /// Refuses a first blocked night that is not after the cutoff.
    ///
    /// Example: cutoff 2027-04-20 with a block from 2027-04-18 is refused: the cutoff must come before arrival.
    public func checkCutoff(before firstNight: CalendarDate) throws {
        guard cutoff < firstNight else {
            throw DomainError.invalid(
                "cutoff \(cutoff) of group \(code) is not before its first blocked night \(firstNight); the cutoff must fall before arrival (at the latest \(firstNight.adding(days: -1)))"
            )
        }
    }
}

/// One room type on one night of a block: rooms contracted, picked up by group bookings, released back to
/// general inventory, and the group rate.
///
/// Rule: picked up + released ≤ contracted; the block still holds contracted − picked up − released rooms,
/// and only those count as "held" in the inventory. Example: DLX 2027-05-01, 40 contracted, 25 picked up,
/// 0 released → 15 held, 15 available in the block.
public struct BlockNight: Hashable, Sendable {
    public var night: CalendarDate
    public var roomType: Code
    public var contracted: Int
    public var pickedUp: Int
    public var released: Int
    public var rate: Money

    public init(night: CalendarDate, roomType: Code, contracted: Int, pickedUp: Int = 0, released: Int = 0, rate: Money)
    {
        self.night = night
        self.roomType = roomType
        self.contracted = contracted
        self.pickedUp = pickedUp
        self.released = released
        self.rate = rate
    }

    /// Rooms the block still holds out of general inventory (available to the group).
    public var held: Int { contracted - pickedUp - released }

    /// Revenue of the rooms picked up, at the group rate.
    public var pickedUpRevenue: Money { rate.times(pickedUp) }

    /// Revenue of the whole contracted block, at the group rate.
    public var contractedRevenue: Money { rate.times(contracted) }
}
