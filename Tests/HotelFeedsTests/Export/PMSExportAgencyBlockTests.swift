import Foundation
import HotelDomain
import Testing

@testable import HotelFeeds

/// The travel agencies (intermediaries) and group blocks of the PMS export, and the travel agent and group of
/// a reservation.
@Suite("PMS export writers: travel agencies and group blocks")
struct PMSExportAgencyBlockTests {
    typealias Samples = PMSExportSamples
    static let timeStamp = "2027-03-05T08:00:00.000Z"

    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    static func profile(_ account: PMSAccount) throws -> Data {
        try Samples.bytes { try OTAProfileWriter.write(account, hotelCode: "SHBUND", timeStamp: timeStamp, to: $0) }
    }

    static func block(_ block: PMSBlock) throws -> Data {
        try Samples.bytes { try OTAInvBlockWriter.write(block, hotelCode: "SHBUND", timeStamp: timeStamp, to: $0) }
    }

    static func reservations(_ records: [PMSReservation]) throws -> Data {
        try Samples.bytes { buffer in
            var writer = OTAReservationWriter(buffer: buffer, hotelCode: "SHBUND", timeStamp: timeStamp)
            for record in records { try writer.append(record) }
            try writer.finish()
        }
    }

    static func expectValid(_ document: Data, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let result = try SchemaValidator.validate(document, against: schema)
        #expect(result.isValid, "\(schema): \(result.output)\n\(text(document))", sourceLocation: sourceLocation)
    }

    @Test("A travel agency's profile validates against OTA_ProfileCreateRQ, with and without an IATA number")
    func agencyProfileValid() throws {
        for account in Samples.agencies {
            try Self.expectValid(try Self.profile(account), "OTA_ProfileCreateRQ")
        }
    }

    @Test("A travel agency is ProfileType 4 with its IATA number, code, name and commission terms as a comment")
    func agencyProfileContent() throws {
        let account = Samples.agencies[0]
        #expect(account.kind == .travelAgency)
        #expect(account.iataNumber == "12345678")
        #expect(
            account.commissionTerms
                == "10% of room revenue net of tax, at most 29 nights a stay, stays 2027-01-01…2027-12-31; prices include 6% tax"
        )
        let text = Self.text(try Self.profile(account))
        #expect(text.contains(#"<UniqueID Type="5" ID="TRAVELCO" ID_Context="SHBUND"/>"#))
        #expect(text.contains(#"<Profile ProfileType="4" CreateDateTime="2026-12-01T09:00:00.000Z">"#))
        #expect(
            text.contains(
                #"<CompanyName Code="12345678" CodeContext="IATA">TravelCo Agency &amp; Partners</CompanyName>"#))
        #expect(
            text.contains(
                #"<CompanyName Code="TRAVELCO" CodeContext="SHBUND">TravelCo Agency &amp; Partners</CompanyName>"#))
        #expect(
            text.contains(
                """
                <Comment Name="Commission">
                        <Text>10% of room revenue net of tax, at most 29 nights a stay, stays 2027-01-01…2027-12-31; prices include 6% tax</Text>
                """))
        #expect(!text.contains("Credit"), "an agency has no credit terms to send")

        let flat = Self.text(try Self.profile(Samples.agencies[1]))
        #expect(!flat.contains("IATA"))
        #expect(flat.contains("<Text>15.00 per room-night</Text>"), "no tax rate for commission including tax")
    }

    @Test("accounts.csv: a travel agency's row has its kind, IATA number and commission terms")
    func agencyAccountRow() {
        #expect(PMSCSV.Layout.accounts.header.last == "created_at")
        #expect(PMSCSV.Layout.accounts.header.dropLast().last == "commission_terms")
        #expect(
            PMSCSV.accountRow(Samples.agencies[0]).map { $0 ?? "" } == [
                "travel-agency", "TRAVELCO", "TravelCo Agency & Partners", "", "12345678", "", "", "", "", "", "", "",
                "", "", "", "false", "", "", "", "",
                "10% of room revenue net of tax, at most 29 nights a stay, stays 2027-01-01…2027-12-31; prices include 6% tax",
                "2026-12-01T09:00:00.000Z",
            ])
        // A company's row has no commission terms.
        #expect(PMSCSV.accountRow(Samples.accounts[0])[20] == nil)
    }

    @Test("A group block validates against OTA_HotelInvBlockNotifRQ")
    func blockValid() throws {
        try Self.expectValid(try Self.block(Samples.block), "OTA_HotelInvBlockNotifRQ")
        var released = Samples.block
        released.block.releasedOn = Samples.date("2027-04-21")
        released.nights = released.nights.map { night in
            var night = night
            night.released = night.held
            return night
        }
        try Self.expectValid(try Self.block(released), "OTA_HotelInvBlockNotifRQ")
        var empty = Samples.block
        empty.nights = []
        try Self.expectValid(try Self.block(empty), "OTA_HotelInvBlockNotifRQ")
    }

    @Test("A block's message: contract, cutoff, allocations per period of equal rooms, rates per period of equal rate")
    func blockContent() throws {
        let block = Samples.block
        #expect(
            block.allocations(of: "DLX").map { "\($0.nights) \($0.rooms)/\($0.contracted)" } == [
                "2027-05-01…2027-05-03 10/10", "2027-05-04…2027-05-04 8/8",
            ])
        #expect(
            block.ratePeriods(of: "STD").map { "\($0.nights) \($0.rate.decimalText)" } == [
                "2027-05-02…2027-05-02 760.00", "2027-05-03…2027-05-03 800.00",
            ])
        #expect(
            block.terms
                == "group rate plan GRP-TECH; cutoff 2027-04-20; attrition 20%; VIP level V2; billing direct-bill to ACME; 48 room-nights blocked, 5 picked up, 0 released"
        )
        let text = Self.text(try Self.block(block))
        #expect(
            text.contains(
                #"<InvBlock BookingStatus="Open" InvBlockCode="TECH27" InvBlockName="Tech Summit 2027, Asia-Pacific D" InvBlockLongName="Tech Summit 2027, Asia-Pacific Developer Conference" InvBlockCompanyID="ACME">"#
            ))
        #expect(text.contains(#"<HotelRef HotelCode="SHBUND"/>"#))
        #expect(text.contains(#"<InvBlockDates Start="2027-05-01" End="2027-05-04" AbsoluteCutoff="2027-04-20"/>"#))
        #expect(
            text.contains(
                """
                <RoomType Start="2027-05-01" End="2027-05-04" RoomTypeCode="DLX">
                          <RoomTypeAllocations>
                            <RoomTypeAllocation Start="2027-05-01" End="2027-05-03" NumberOfUnits="10" SellLimit="10"/>
                            <RoomTypeAllocation Start="2027-05-04" End="2027-05-04" NumberOfUnits="8" SellLimit="8"/>
                          </RoomTypeAllocations>
                          <RatePlans>
                            <RatePlan Start="2027-05-01" End="2027-05-04" CurrencyCode="CNY" RatePlanCode="GRP-TECH">
                              <BaseByGuestAmts>
                                <BaseByGuestAmt AmountAfterTax="890.00" CurrencyCode="CNY"/>
                """))
        #expect(text.contains(#"<BaseByGuestAmt AmountAfterTax="800.00" CurrencyCode="CNY"/>"#))
        #expect(text.contains(#"<MethodInfo BillingType="SignRoomAndTax"/>"#))
        #expect(text.contains("<Text>\(block.terms)</Text>"))
        // DLX before STD, by code.
        #expect(text.components(separatedBy: "<RoomType ").count == 3)

        var released = block
        released.block.releasedOn = Samples.date("2027-04-21")
        released.nights[5].released = 8  // 05-04: nothing picked up, all 8 given back
        let closed = Self.text(try Self.block(released))
        #expect(closed.contains(#"<InvBlock BookingStatus="Closed" "#))
        #expect(
            closed.contains(
                #"<RoomTypeAllocation Start="2027-05-04" End="2027-05-04" NumberOfUnits="0" SellLimit="8"/>"#))
        #expect(closed.contains("8 released; released on 2027-04-21</Text>"))
    }

    @Test("A room type with more than 99 rate periods is split into RoomTypes of at most 99, still valid")
    func blockRatePeriodLimit() throws {
        var block = Samples.block
        // 100 nights alternating 890.00 and 990.00: 100 rate periods, one allocation.
        block.nights = (0..<100).map { day in
            BlockNight(
                night: Samples.date("2027-06-01").adding(days: day), roomType: "DLX", contracted: 4,
                rate: Samples.money(day % 2 == 0 ? 89_000 : 99_000))
        }
        let document = try Self.block(block)
        try Self.expectValid(document, "OTA_HotelInvBlockNotifRQ")
        let text = Self.text(document)
        #expect(text.components(separatedBy: "<RatePlan ").count == 101)
        #expect(text.contains(#"<RoomType Start="2027-06-01" End="2027-09-07" RoomTypeCode="DLX">"#))
        #expect(text.contains(#"<RoomType Start="2027-09-08" End="2027-09-08" RoomTypeCode="DLX">"#))
        #expect(
            text.contains(#"<RoomTypeAllocation Start="2027-06-01" End="2027-09-07" NumberOfUnits="4" SellLimit="4"/>"#)
        )
        #expect(
            text.contains(#"<RoomTypeAllocation Start="2027-09-08" End="2027-09-08" NumberOfUnits="4" SellLimit="4"/>"#)
        )
    }

    @Test("blocks.csv: one row per night and room type with the block's contract; a block without nights is one row")
    func blockRows() throws {
        let data = try Samples.bytes { buffer in
            var table = PMSCSV.Table(.blocks, buffer: buffer)
            for row in PMSCSV.blockRows(Samples.block) { try table.append(row) }
            var empty = Samples.block
            empty.block.code = "EMPTY"
            empty.block.companyCode = nil
            empty.block.billing = .guestPays
            empty.companyName = nil
            empty.nights = []
            for row in PMSCSV.blockRows(empty) { try table.append(row) }
            try table.finish()
        }
        let contract =
            "TECH27,\"Tech Summit 2027, Asia-Pacific Developer Conference\",ACME,\"Acme \"\"Industrial\"\" & Sons, Ltd\",GRP-TECH,2027-04-20,20.00,V2,direct-bill,"
        #expect(
            Self.text(data).components(separatedBy: "\r\n") == [
                "group_code,group_name,company_code,company_name,rate_plan,cutoff,attrition_percent,vip_level,billing,released_on,room_type,night,blocked,picked_up,released,held,rate,currency",
                contract + ",DLX,2027-05-01,10,2,0,8,890.00,CNY",
                contract + ",DLX,2027-05-02,10,3,0,7,890.00,CNY",
                contract + ",STD,2027-05-02,5,0,0,5,760.00,CNY",
                contract + ",DLX,2027-05-03,10,0,0,10,890.00,CNY",
                contract + ",STD,2027-05-03,5,0,0,5,800.00,CNY",
                contract + ",DLX,2027-05-04,8,0,0,8,890.00,CNY",
                "EMPTY,\"Tech Summit 2027, Asia-Pacific Developer Conference\",,,GRP-TECH,2027-04-20,20.00,V2,guest,,,,,,,,,CNY",
                "",
            ])
    }

    @Test("A reservation carries its travel agent (IATA, intermediary code) and its group, valid and read back")
    func agentAndGroupOfReservation() throws {
        let record = Samples.agencyGroupReservation
        var withoutIATA = Samples.reservations[2]
        withoutIATA.travelAgent = TravelAgent(name: "OTA Express", iataNumber: nil)
        withoutIATA.travelAgentCode = "OTAX"
        let document = try Self.reservations([record, withoutIATA])
        try Self.expectValid(document, "OTA_HotelResNotifRQ")
        let text = Self.text(document)
        #expect(text.contains(#"<RoomType RoomTypeCode="DLX" NumberOfUnits="1" InvBlockCode="TECH27"/>"#))
        #expect(
            text.contains(
                """
                <ProfileInfo>
                            <UniqueID Type="5" ID="TRAVELCO" ID_Context="SHBUND"/>
                            <Profile ProfileType="4">
                              <CompanyInfo>
                                <CompanyName Code="12345678" CodeContext="IATA">TravelCo Agency &amp; Partners</CompanyName>
                """))
        #expect(text.contains(#"<CompanyName Code="OTAX" CodeContext="SHBUND">OTA Express</CompanyName>"#))
        #expect(text.contains("<Comment Name=\"Group\">\n            <Text>TECH27</Text>"))

        let row = PMSCSV.reservationRow(record).map { $0 ?? "" }
        let header = PMSCSV.Layout.reservations.header
        #expect(row.count == header.count)
        let fields = Dictionary(uniqueKeysWithValues: zip(header, row))
        #expect(fields["travel_agent_code"] == "TRAVELCO")
        #expect(fields["travel_agent"] == "TravelCo Agency & Partners")
        #expect(fields["travel_agent_iata"] == "12345678")
        #expect(fields["group_code"] == "TECH27")

        // This tool's importer reads the agent back with its IATA number (and no IATA for the code in context).
        let message = try #require(FeedFixtures.items(xml: text).first?.booking)
        let channel = Channel(
            code: "PMSEXPORT", name: "PMS export", settings: ChannelSettings(hotelCodes: ["SHBUND"]),
            roomTypes: ["STD": "STD", "DLX": "DLX"], ratePlans: ["BAR": "BAR", "GRP-TECH": "GRP-TECH"])
        let records = ChannelNormalizer(channel: channel, currency: Samples.cny).normalize(message)
        #expect(
            try records[0].get().travelAgent == TravelAgent(name: "TravelCo Agency & Partners", iataNumber: "12345678"))
        #expect(try records[1].get().travelAgent == TravelAgent(name: "OTA Express", iataNumber: nil))
    }
}
