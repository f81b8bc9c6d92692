import HotelDomain

/// Writes a group block as an `OTA_HotelInvBlockNotifRQ`, valid against the OTA 2015A schema: one block per
/// message (as profiles are), so that no export ever meets the schema's 99 blocks per message.
///
/// Rule: `InvBlocks/HotelRef HotelCode`; one `InvBlock` with `InvBlockCode` (the group code), `InvBlockName`
/// (the name cut to 32 characters) and `InvBlockLongName` (64), `InvBlockCompanyID` (the company's code),
/// `BookingStatus` `Open` while the block holds rooms and `Closed` once released; `InvBlockDates` with the
/// first and last blocked night (`Start`/`End`, both included, as the other export messages write nights) and
/// the cutoff as `AbsoluteCutoff`; per room type a `RoomType RoomTypeCode Start End` with
/// `RoomTypeAllocations/RoomTypeAllocation` per period of equal rooms (`NumberOfUnits` = contracted − released,
/// the rooms the group may still use; `SellLimit` = contracted) and `RatePlans/RatePlan RatePlanCode Start End`
/// per period of equal rate with `BaseByGuestAmts/BaseByGuestAmt AmountAfterTax` (one room, one night); a room
/// type with more than 99 rate periods (the schema's limit) is split into several `RoomType`s of consecutive
/// nights; `MethodInfo BillingType` `SignRoomAndTax` (direct billing to the company) or `EachPaysOwn`; the
/// contract in words as `BlockDescription Name="Terms"` (see `PMSBlock.terms`). Picked-up rooms are in
/// `blocks.csv`; the PMS counts its own pickup from the reservations, which carry the group as `InvBlockCode`.
/// Example: TECH27 10 DLX on 2027-05-01…2027-05-04 at 890.00 →
/// `<RoomTypeAllocation Start="2027-05-01" End="2027-05-04" NumberOfUnits="10" SellLimit="10"/>`.
public enum OTAInvBlockWriter {
    /// The schema's limit of `RatePlan`s per `RoomType`.
    static let ratePlansPerRoomType = 99

    /// Writes the document into `buffer` and finishes it.
    public static func write(_ entry: PMSBlock, hotelCode: String, timeStamp: String?, to buffer: ExportBuffer) throws {
        let fit = OTAExportValues.fit
        let block = entry.block
        var xml = XMLStream(buffer)
        xml.start(
            "OTA_HotelInvBlockNotifRQ",
            [
                ("xmlns", AcknowledgementWriter.namespace), ("TimeStamp", timeStamp),
                ("Version", OTAExportValues.version),
            ])
        xml.start("InvBlocks")
        xml.empty("HotelRef", [("HotelCode", fit(hotelCode, 16))])
        xml.start(
            "InvBlock",
            [
                ("BookingStatus", block.isReleased ? "Closed" : "Open"), ("InvBlockCode", fit(block.code.rawValue, 32)),
                ("InvBlockName", fit(block.name, 32)), ("InvBlockLongName", fit(block.name, 64)),
                ("InvBlockCompanyID", fit(block.companyCode?.rawValue, 16)),
            ])
        xml.empty(
            "InvBlockDates",
            [
                ("Start", entry.period?.first.description), ("End", entry.period?.last.description),
                ("AbsoluteCutoff", block.cutoff.description),
            ])
        if !entry.nights.isEmpty {
            xml.start("RoomTypes")
            for roomType in entry.roomTypes {
                let allocations = entry.allocations(of: roomType)
                let rates = entry.ratePeriods(of: roomType)
                for start in stride(from: 0, to: rates.count, by: ratePlansPerRoomType) {
                    let chunk = rates[start..<min(start + ratePlansPerRoomType, rates.count)]
                    guard let first = chunk.first?.nights.first, let last = chunk.last?.nights.last else { continue }
                    xml.start(
                        "RoomType",
                        [
                            ("Start", first.description), ("End", last.description),
                            ("RoomTypeCode", fit(roomType.rawValue, 16)),
                        ])
                    xml.start("RoomTypeAllocations")
                    for allocation in allocations {
                        // Only the nights of this chunk (an allocation may span two chunks).
                        let from = max(allocation.nights.first, first)
                        let to = min(allocation.nights.last, last)
                        guard from <= to else { continue }
                        xml.empty(
                            "RoomTypeAllocation",
                            [
                                ("Start", from.description), ("End", to.description),
                                ("NumberOfUnits", String(max(0, allocation.rooms))),
                                ("SellLimit", allocation.contracted > 0 ? String(allocation.contracted) : nil),
                            ])
                    }
                    xml.end()  // RoomTypeAllocations
                    xml.start("RatePlans")
                    for period in chunk {
                        xml.start(
                            "RatePlan",
                            [
                                ("Start", period.nights.first.description), ("End", period.nights.last.description),
                                ("CurrencyCode", period.rate.currency.code),
                                ("RatePlanCode", fit(block.ratePlanCode.rawValue, 16)),
                            ])
                        xml.start("BaseByGuestAmts")
                        xml.empty(
                            "BaseByGuestAmt",
                            [
                                ("AmountAfterTax", OTAExportValues.amount(period.rate)),
                                ("CurrencyCode", period.rate.currency.code),
                            ])
                        xml.end()
                        xml.end()  // RatePlan
                    }
                    xml.end()  // RatePlans
                    xml.end()  // RoomType
                }
            }
            xml.end()  // RoomTypes
        }
        xml.empty("MethodInfo", [("BillingType", block.billing == .directBill ? "SignRoomAndTax" : "EachPaysOwn")])
        xml.start("BlockDescriptions")
        xml.start("BlockDescription", [("Name", "Terms")])
        xml.element("Text", text: entry.terms)
        xml.end()
        xml.end()
        xml.end()  // InvBlock
        xml.end()  // InvBlocks
        xml.end()
        try xml.finish()
    }
}
