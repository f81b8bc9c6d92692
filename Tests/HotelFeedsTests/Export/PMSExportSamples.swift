import Foundation
import HotelDomain
import HotelFeeds

/// A small hotel's export data, built in code: two companies, BAR and a cumulative negotiated plan, controls,
/// a booking limit and three reservations.
enum PMSExportSamples {
    static let cny = try! Currency("CNY")
    static func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: cny) }
    static func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }
    static func range(_ first: String, _ last: String) -> NightRange {
        try! NightRange(first: date(first), last: date(last))
    }

    static let acme = try! Company(
        code: "ACME", name: "Acme \"Industrial\" & Sons, Ltd", segment: .corporate, salesOwner: "lwang",
        creditLimit: money(2_000_000), paymentTermsDays: 30, address: "88 Century Avenue, Pudong <Shanghai>",
        contactName: "Zhou Min", email: "travel@acme.example", phone: "+86 21 5555 0101", vipLevel: "GOLD")
    static let globex = try! Company(code: "GLOBEX", name: "Globex 环球咨询", segment: .travelAgency, creditLimit: money(0))

    static var accounts: [PMSAccount] {
        let cumulative = try! Agreement(
            id: AgreementID(1), companyCode: "ACME", type: .cumulativeRoom, validity: range("2027-01-01", "2027-12-31"),
            recordedStatus: .approved)
        let billing = try! Agreement(
            id: AgreementID(2), companyCode: "ACME", type: .directBilling, validity: range("2027-01-01", "2027-12-31"),
            recordedStatus: .approved,
            terms: AgreementTerms(billingCreditLimit: money(1_500_000), billingPaymentTermsDays: 45))
        return [
            PMSAccount(company: acme, agreements: [cumulative, billing], createdAt: "2026-11-23T08:00:00.000Z"),
            PMSAccount(company: globex, agreements: []),
        ]
    }

    static let bar = try! RatePlan(
        code: "BAR", name: "Best Available Rate 2027", kind: .bar, currency: cny,
        cancellationPolicy: "Free cancellation until 18:00 on the day of arrival.",
        tiers: [
            RateTier(
                rule: .seasons([
                    Season(
                        name: "Spring", nights: range("2027-03-01", "2027-04-30"),
                        prices: ["STD": money(76_000), "DLX": money(92_000)]),
                    Season(
                        name: "May", nights: range("2027-05-01", "2027-05-31"),
                        prices: ["STD": money(80_000), "DLX": money(92_000)]),
                ]))
        ])
    static let acme27 = try! RatePlan(
        code: "ACME27", name: "Acme corporate rate 2027", kind: .negotiated, currency: cny, mealPlan: .breakfast,
        validity: range("2027-03-01", "2027-05-31"), basePlanCode: "BAR", companyCodes: ["ACME"],
        lastRoomAvailability: true,
        tiers: [
            RateTier(fromRoomNights: 0, rule: .percentOff(BasisPoints(1500))),
            RateTier(fromRoomNights: 200, rule: .percentOff(BasisPoints(2000))),
        ])

    static var ratePlans: [PMSRatePlan] {
        let book = RateBook(plans: [bar, acme27])
        return [acme27, bar].map {
            PMSRatePlan(plan: $0, book: book, roomTypes: ["STD", "DLX"], companyNames: ["ACME": acme.name])
        }
    }

    static var controls: [StayControl] {
        [
            StayControl(ratePlan: "BAR", night: date("2027-05-01"), closed: true),
            StayControl(ratePlan: "BAR", night: date("2027-05-02"), closed: true),
            StayControl(
                ratePlan: "BAR", roomType: "DLX", night: date("2027-05-03"), closedToArrival: true, minimumStay: 2),
            StayControl(ratePlan: "BAR", roomType: "DLX", night: date("2027-05-04")),
        ]
    }

    static var inventory: [InventoryNight] {
        ["2027-05-01", "2027-05-02", "2027-05-03"].map { night in
            InventoryNight(
                night: date(night), roomType: "DLX", physical: 36, outOfOrder: night == "2027-05-03" ? 1 : 0, sold: 0,
                held: 0, overbookingAllowance: 2, revenue: money(0))
        }
    }

    static func nights(_ arrival: String, _ amounts: [Int64], plan: Code) -> [NightPrice] {
        amounts.enumerated().map { index, amount in
            NightPrice(
                night: date(arrival).adding(days: index), amount: money(amount), ratePlanCode: plan, season: nil,
                tier: nil,
                basis: "test")
        }
    }

    static var reservations: [PMSReservation] {
        let company = Reservation(
            confirmation: "SHBUND-0000001", source: .company, guestName: "Chen Li", roomType: "DLX",
            ratePlanCode: "ACME27",
            stay: try! Stay(arrival: date("2027-04-29"), nights: 3), rooms: 2, status: .confirmed, companyCode: "ACME",
            vipLevel: "V1", specialRequests: "late arrival & \"quiet\" room", billing: .directBill,
            lastRoomAvailability: true, nights: nights("2027-04-29", [78_200, 78_200, 78_200], plan: "ACME27"),
            bookedOn: date("2027-03-01"))
        let channel = Reservation(
            confirmation: "SHBUND-0000002", source: .channel, channelCode: "BOOKINGCOM", channelReference: "4711",
            guestName: "Otto Mustermann", roomType: "STD", ratePlanCode: "BAR",
            stay: try! Stay(arrival: date("2027-04-30"), nights: 2), rooms: 1, status: .cancelled,
            nights: nights("2027-04-30", [76_000, 80_000], plan: "BAR"), bookedOn: date("2027-03-02"))
        let tentative = Reservation(
            confirmation: "SHBUND-0000003", source: .direct, guestName: "Ana\u{1} Lee", roomType: "STD",
            ratePlanCode: "BAR",
            stay: try! Stay(arrival: date("2027-05-01"), nights: 1), rooms: 1, status: .tentative,
            nights: nights("2027-05-01", [80_000], plan: "BAR"), bookedOn: date("2027-03-03"))
        return [
            PMSReservation(
                reservation: company, createdAt: "2027-03-01T08:00:00.000Z", lastModifiedAt: "2027-03-02T09:30:00.000Z",
                companyName: acme.name, guestEmail: "chen.li@example.com", adults: 2, childAges: [5, 5, 9],
                mealPlan: "breakfast"),
            PMSReservation(
                reservation: channel, createdAt: "2027-03-02T08:00:00.000Z", lastModifiedAt: "2027-03-05T08:00:00.000Z",
                guestPhone: "+49 30 1234", adults: 1,
                travelAgent: TravelAgent(name: "Reisebüro Süd", iataNumber: "12345678"),
                mealPlan: "bed and breakfast", comments: "arrives by train"),
            PMSReservation(reservation: tentative),
        ]
    }

    /// TRAVELCO: IATA 12345678, 10% net of tax on at most 29 nights in 2027 (the hotel's prices include 6% tax).
    static let travelCo = try! Intermediary(
        code: "TRAVELCO", name: "TravelCo Agency & Partners", iata: IATANumber(parsing: "12345678"),
        terms: CommissionTerms(
            percent: BasisPoints(1000), basis: .roomNetOfTax, flatPerNight: money(0), flatPerStay: money(0),
            capNights: 29, validFrom: date("2027-01-01"), validTo: date("2027-12-31")))
    /// OTAX: no IATA number, 15.00 a room-night on revenue including tax.
    static let otaExpress = try! Intermediary(
        code: "OTAX", name: "OTA Express", iata: nil,
        terms: CommissionTerms(
            percent: BasisPoints(0), basis: .roomIncludingTax, flatPerNight: money(1500), flatPerStay: money(0)))

    static var agencies: [PMSAccount] {
        [
            PMSAccount(intermediary: travelCo, taxRate: BasisPoints(600), createdAt: "2026-12-01T09:00:00.000Z"),
            PMSAccount(intermediary: otaExpress, taxRate: BasisPoints(600)),
        ]
    }

    /// TECH27 for ACME at GRP-TECH: DLX 10 rooms on 05-01…05-03 and 8 on 05-04 at 890.00 (2 and 3 picked up on
    /// the first two nights), STD 5 rooms on 05-02…05-03 at 760.00 then 800.00.
    static let tech27 = try! GroupBlock(
        code: "TECH27", name: "Tech Summit 2027, Asia-Pacific Developer Conference", companyCode: "ACME",
        ratePlanCode: "GRP-TECH", cutoff: date("2027-04-20"), attrition: BasisPoints(2000), vipLevel: "V2",
        billing: .directBill)

    static var block: PMSBlock {
        func night(_ day: String, _ roomType: Code, _ rooms: Int, pickedUp: Int = 0, _ rate: Int64) -> BlockNight {
            BlockNight(night: date(day), roomType: roomType, contracted: rooms, pickedUp: pickedUp, rate: money(rate))
        }
        return PMSBlock(
            block: tech27, companyName: acme.name,
            nights: [
                night("2027-05-01", "DLX", 10, pickedUp: 2, 89_000),
                night("2027-05-02", "DLX", 10, pickedUp: 3, 89_000),
                night("2027-05-02", "STD", 5, 76_000),
                night("2027-05-03", "DLX", 10, 89_000),
                night("2027-05-03", "STD", 5, 80_000),
                night("2027-05-04", "DLX", 8, 89_000),
            ],
            currency: cny, createdAt: "2027-02-01T10:00:00.000Z")
    }

    /// A group booking of TECH27 made through TRAVELCO.
    static var agencyGroupReservation: PMSReservation {
        let reservation = Reservation(
            confirmation: "SHBUND-0000004", source: .group, guestName: "Zhang Wei", roomType: "DLX",
            ratePlanCode: "GRP-TECH", stay: try! Stay(arrival: date("2027-05-01"), nights: 2), rooms: 1,
            status: .confirmed, companyCode: "ACME", billing: .directBill,
            nights: nights("2027-05-01", [89_000, 89_000], plan: "GRP-TECH"), bookedOn: date("2027-03-01"),
            intermediaryCode: "TRAVELCO")
        return PMSReservation(
            reservation: reservation, createdAt: "2027-03-01T08:00:00.000Z", lastModifiedAt: "2027-03-01T08:00:00.000Z",
            companyName: acme.name, travelAgent: TravelAgent(name: travelCo.name, iataNumber: "12345678"),
            travelAgentCode: "TRAVELCO", mealPlan: "breakfast", groupCode: "TECH27")
    }

    /// Runs `write` into a fresh buffer and returns the bytes.
    static func bytes(_ write: (ExportBuffer) throws -> Void) throws -> Data {
        let (buffer, collected) = ExportBuffer.collecting()
        try write(buffer)
        return Data(collected())
    }
}
