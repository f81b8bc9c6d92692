import HotelDomain
import HotelFeeds
import Testing

/// Channels and messages for the normalization tests.
enum NormalizationFixtures {
    /// The AlpineBits partner of the samples 01–04: hotel code 123, `bigsuite` → STE, `A` unmapped.
    static let alpine = Channel(
        code: "ALPINE", name: "AlpineBits partner", settings: ChannelSettings(hotelCodes: ["123"]),
        roomTypes: ["bigsuite": "STE"], ratePlans: ["123456-xyz": "ALLINC"])

    /// The OpenTravel channel of the samples 07–11: "Travel Today", hotel WASJW, `A1K` → DLX, `CORA999` and
    /// `RMTXFD` → BAR. Its amounts are read as written: sample 08 writes `AmountBeforeTax="169"` with
    /// `DecimalPlaces="2"` plus a tax of 31 and a total of 200 for a room with three meals in 2011; read as
    /// implied decimals that would be a room at 1.69 USD and tax of 0.31, so 08's amounts are whole dollars
    /// and `DecimalPlaces` only says how many decimals USD has (`decimalPlacesImplied: false`).
    static let travelToday = Channel(
        code: "TRAVELTODAY", name: "Travel Today",
        settings: ChannelSettings(decimalPlacesImplied: false, hotelCodes: ["WASJW"]),
        roomTypes: ["A1K": "DLX"], ratePlans: ["CORA999": "BAR", "RMTXFD": "BAR"])

    /// The synthetic channel: the Bund Riverside Hotel's OTA, hotel code SHBUND, `DBL` → DLX, `FLEX` → BAR.
    static let bund = Channel(
        code: "BUNDOTA", name: "Bund OTA", settings: ChannelSettings(hotelCodes: ["SHBUND"]),
        roomTypes: ["DBL": "DLX", "bigsuite": "STE"], ratePlans: ["FLEX": "BAR"])

    static func currency(_ code: String) throws -> Currency { try Currency(code) }

    static func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

    static func money(_ minorUnits: Int64, _ code: String = "CNY") throws -> Money {
        Money(minorUnits: minorUnits, currency: try currency(code))
    }

    /// The results of normalizing the only booking message of a fixture file.
    static func normalized(
        _ file: String, channel: Channel, currency code: String
    ) throws -> [Result<ChannelReservation, ChannelRecordError>] {
        let message = try FeedFixtures.booking(file)
        return ChannelNormalizer(channel: channel, currency: try currency(code)).normalize(message)
    }

    /// A valid booking of channel BUNDOTA: 4711, Chen Li, DBL/FLEX 2027-03-01…2027-03-04, total 507.00 CNY,
    /// created 2027-01-15T09:30:00Z; `change` adjusts it.
    static func booking(_ change: (inout OTAHotelReservation) -> Void = { _ in }) -> OTABookingMessage {
        var reservation = OTAHotelReservation()
        reservation.resStatus = "Book"
        reservation.createDateTime = "2027-01-15T09:30:00Z"
        var uniqueID = OTAUniqueID()
        uniqueID.type = "14"
        uniqueID.id = "4711"
        reservation.uniqueIDs = [uniqueID]
        var roomStay = OTARoomStay()
        var roomType = OTARoomType()
        roomType.roomTypeCode = "DBL"
        roomStay.roomTypes = [roomType]
        var ratePlan = OTARatePlan()
        ratePlan.ratePlanCode = "FLEX"
        roomStay.ratePlans = [ratePlan]
        var timeSpan = OTATimeSpan()
        timeSpan.start = "2027-03-01"
        timeSpan.end = "2027-03-04"
        roomStay.timeSpan = timeSpan
        roomStay.total = amount(afterTax: "507.00", currency: "CNY")
        var property = OTAPropertyInfo()
        property.hotelCode = "SHBUND"
        roomStay.basicPropertyInfo = property
        reservation.roomStays = [roomStay]
        var guest = OTAResGuest()
        var profile = OTAProfile()
        var customer = OTACustomer()
        var name = OTAPersonName()
        name.givenName = "Li"
        name.surname = "Chen"
        customer.personName = name
        profile.customer = customer
        guest.profiles = [profile]
        reservation.resGuests = [guest]
        change(&reservation)
        var message = OTABookingMessage()
        message.reservations = [reservation]
        return message
    }

    static func amount(
        afterTax: String? = nil, beforeTax: String? = nil, currency: String? = nil, decimalPlaces: String? = nil
    ) -> OTAAmount {
        var amount = OTAAmount()
        amount.amountAfterTax = afterTax
        amount.amountBeforeTax = beforeTax
        amount.currencyCode = currency
        amount.decimalPlaces = decimalPlaces
        return amount
    }

    static func rate(
        from effective: String? = nil, to expire: String? = nil, unitMultiplier: String? = nil, afterTax: String,
        decimalPlaces: String? = nil
    ) -> OTARate {
        var rate = OTARate()
        rate.effectiveDate = effective
        rate.expireDate = expire
        rate.unitMultiplier = unitMultiplier
        rate.base = amount(afterTax: afterTax, decimalPlaces: decimalPlaces)
        return rate
    }

    /// `rates` as the only `RoomRate` of the first room stay, with no room-stay total.
    static func withRates(_ rates: [OTARate]) -> (inout OTAHotelReservation) -> Void {
        { reservation in
            var roomRate = OTARoomRate()
            roomRate.rates = rates
            reservation.roomStays[0].roomRates = [roomRate]
            reservation.roomStays[0].total = nil
        }
    }

    static func normalize(
        _ message: OTABookingMessage, channel: Channel = bund, currency code: String = "CNY"
    ) throws -> [Result<ChannelReservation, ChannelRecordError>] {
        ChannelNormalizer(channel: channel, currency: try currency(code)).normalize(message)
    }

    /// The only record of `message`, which must have been normalized.
    static func record(
        _ message: OTABookingMessage, channel: Channel = bund, currency code: String = "CNY"
    ) throws -> ChannelReservation {
        let results = try normalize(message, channel: channel, currency: code)
        #expect(results.count == 1)
        return try #require(results.first).get()
    }

    /// The reason the only record of `message` was refused.
    static func refusal(
        _ message: OTABookingMessage, channel: Channel = bund, currency code: String = "CNY"
    ) throws -> ChannelRecordError {
        let results = try normalize(message, channel: channel, currency: code)
        #expect(results.count == 1)
        return try #require(results.first?.failure)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
