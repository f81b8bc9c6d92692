import HotelDomain
import HotelFeeds
import Testing

/// The normalization rules on synthetic messages: each test changes one thing of a valid booking.
@Suite("Channel normalization rules")
struct ChannelNormalizerTests {
    typealias F = NormalizationFixtures

    @Test("The valid baseline booking normalizes completely")
    func baseline() throws {
        let record = try F.record(F.booking())
        #expect(record.channel == "BUNDOTA")
        #expect(record.reference == "4711")
        #expect(record.action == .book)
        #expect(record.lastModified == 1_800_005_400_000)  // 2027-01-15T09:30:00Z
        #expect(record.hotelCode == "SHBUND")
        #expect(record.guest.name == "Li Chen")
        #expect(record.roomType == "DLX")
        #expect(record.ratePlan == "BAR")
        #expect(record.stay?.description == "2027-03-01…2027-03-04 (3 nights)")
        #expect(record.nights.map(\.amount.minorUnits) == [16_900, 16_900, 16_900])
        #expect(record.total == (try F.money(50_700)))
    }

    // MARK: Status

    @Test(
        "Status: the reservation's ResStatus, then the root's, then the message type",
        arguments: [
            ("Book", nil, OTAMessageType.hotelResNotif, ChannelAction.book),
            ("commit", nil, .hotelResNotif, .book),
            ("RESERVED", nil, .resRetrieve, .book),
            ("Initiate", nil, .hotelResNotif, .book),
            ("Modify", nil, .hotelResNotif, .modify),
            ("Cancel", nil, .hotelResNotif, .cancel),
            ("Cancelled", "Commit", .hotelResNotif, .cancel),
            ("Requested", nil, .resRetrieve, .quote),
            (nil, "Cancel", .hotelResNotif, .cancel),
            (nil, "Modify", .hotelResNotif, .modify),
            (nil, "Commit", .hotelResModifyNotif, .modify),
            ("Book", nil, .hotelResModifyNotif, .modify),
            (nil, nil, .hotelResNotif, .book),
            (nil, nil, .resRetrieve, .book),
            (nil, nil, .hotelResModifyNotif, .modify),
        ] as [(String?, String?, OTAMessageType, ChannelAction)])
    func status(reservationStatus: String?, rootStatus: String?, type: OTAMessageType, action: ChannelAction)
        throws
    {
        var message = F.booking { $0.resStatus = reservationStatus }
        message.resStatus = rootStatus
        message.type = type
        #expect(try F.record(message).action == action)
    }

    @Test("The root ResStatus is used when the reservation has none")
    func rootStatus() throws {
        var message = F.booking {
            $0.resStatus = nil
            $0.roomStays = []
        }
        message.resStatus = "Cancelled"
        let record = try F.record(message)
        #expect(record.action == .cancel)
        #expect(record.isStatusOnly)
    }

    @Test("An unknown ResStatus is refused, naming the valid ones")
    func unknownStatus() throws {
        let refusal = try F.refusal(F.booking { $0.resStatus = "Pending" })
        #expect(refusal.reference == "4711")
        #expect(
            refusal.reason
                == "status \"Pending\" (HotelReservation/@ResStatus) is not one of Book, Commit, Reserved, Initiate "
                + "(a booking), Modify (a change), Cancel, Cancelled (a cancellation) or Requested (a quote request)")
    }

    @Test("Requested is a quote: read leniently, no error for missing dates, prices or mapping")
    func requestedIsQuote() throws {
        let record = try F.record(
            F.booking {
                $0.resStatus = "Requested"
                $0.roomStays[0].roomTypes[0].roomTypeCode = "TENT"
                $0.roomStays[0].total = nil
                var window = OTADateWindow()
                window.earliestDate = "2027-05-01"
                window.latestDate = "2027-05-07"
                var timeSpan = OTATimeSpan()
                timeSpan.startDateWindow = window
                $0.roomStays[0].timeSpan = timeSpan
            })
        #expect(record.action == .quote)
        #expect(record.reference == "4711")
        #expect(record.guest.name == "Li Chen")
        #expect(record.stay == nil)
        #expect(record.nights.isEmpty)
        #expect(record.roomType == nil)
        #expect(record.ratePlan == "BAR")
    }

    // MARK: Identity and time

    @Test("Identity: UniqueID Type 14 before other UniqueIDs, then the channel's HotelReservationID, then Type 14")
    func identity() throws {
        func id(_ type: String, _ value: String) -> OTAUniqueID {
            var uniqueID = OTAUniqueID()
            uniqueID.type = type
            uniqueID.id = value
            return uniqueID
        }
        func reservationID(_ type: String, _ value: String, _ source: String) -> OTAHotelReservationID {
            var reservationID = OTAHotelReservationID()
            reservationID.resIDType = type
            reservationID.resIDValue = value
            reservationID.resIDSource = source
            return reservationID
        }
        #expect(try F.record(F.booking { $0.uniqueIDs = [id("15", "C-1"), id("14", "R-1")] }).reference == "R-1")
        #expect(try F.record(F.booking { $0.uniqueIDs = [id("15", "C-1")] }).reference == "C-1")
        let ids = [reservationID("14", "HOTEL-9", "Marriott"), reservationID("13", "OTA-9", "bundota")]
        #expect(
            try F.record(
                F.booking {
                    $0.uniqueIDs = []
                    $0.globalInfo.hotelReservationIDs = ids
                }
            ).reference == "OTA-9")
        #expect(
            try F.record(
                F.booking {
                    $0.uniqueIDs = []
                    $0.globalInfo.hotelReservationIDs = [ids[0]]
                }
            ).reference == "HOTEL-9")
        let refusal = try F.refusal(
            F.booking {
                $0.uniqueIDs = []
                $0.line = 7
            })
        #expect(refusal.reference == nil)
        #expect(refusal.reason.hasPrefix("reservation at line 7 has no id"))
    }

    @Test(
        "lastModified: ISO 8601 with optional fraction and offset, exact epoch milliseconds",
        arguments: [
            ("2022-10-03T10:21:03+02:00", 1_664_785_263_000),
            ("2022-10-03T08:21:03Z", 1_664_785_263_000),
            ("2022-10-03T08:21:03", 1_664_785_263_000),
            ("2022-10-03T08:21:03.5Z", 1_664_785_263_500),
            ("2022-10-03T08:21:03.123456+00:00", 1_664_785_263_123),
            ("2027-03-01T00:30:00+05:30", 1_803_841_200_000),
            ("2005-01-26T10:22:00-05:00", 1_106_752_920_000),
            ("1969-12-31T23:59:59.250Z", -750),
        ] as [(String, Int64)])
    func timestamps(text: String, milliseconds: Int64) throws {
        let record = try F.record(F.booking { $0.lastModifyDateTime = text })
        #expect(record.lastModified == milliseconds)
        #expect(record.lastModifiedText == text)
    }

    @Test(
        "A malformed timestamp refuses the record",
        arguments: [
            "2022-10-03", "2022-10-03 10:21:03", "2022-10-03T24:00:00Z", "2022-10-03T10:21:60Z",
            "2022-02-30T10:00:00Z", "2022-10-03T10:21:03+2:00", "2022-10-03T10:21:03.Z", "2022-10-03T10:21Z",
        ])
    func malformedTimestamp(text: String) throws {
        let refusal = try F.refusal(F.booking { $0.lastModifyDateTime = text })
        #expect(
            refusal.reason
                == "LastModifyDateTime \"\(text)\" is not a date and time; write YYYY-MM-DDThh:mm:ss with an "
                + "optional fraction and Z or an offset, e.g. 2027-03-01T10:21:03+02:00")
    }

    @Test("LastModifyDateTime before CreateDateTime before the message TimeStamp")
    func lastModifiedPrecedence() throws {
        var message = F.booking {
            $0.createDateTime = nil
            $0.roomStays = []
        }
        message.timeStamp = "2027-01-01T00:00:00Z"
        #expect(try F.record(message).lastModified == 1_798_761_600_000)
        message.reservations[0].createDateTime = "2027-01-02T00:00:00Z"
        #expect(try F.record(message).lastModified == 1_798_848_000_000)
        message.reservations[0].lastModifyDateTime = "2027-01-03T00:00:00Z"
        #expect(try F.record(message).lastModified == 1_798_934_400_000)
    }

    // MARK: Hotel code and mappings

    @Test("A hotel code that is not the channel's refuses the record")
    func wrongHotelCode() throws {
        let refusal = try F.refusal(F.booking { $0.roomStays[0].basicPropertyInfo?.hotelCode = "123" })
        #expect(
            refusal.reason
                == "hotel code \"123\" is not one of this channel's hotel codes SHBUND; the message is for another "
                + "hotel, or add \"123\" to the hotel codes of channel BUNDOTA")
    }

    @Test("An unmapped room type code refuses the record with the exact command that fixes it")
    func unmappedRoomType() throws {
        let refusal = try F.refusal(F.booking { $0.roomStays[0].roomTypes[0].roomTypeCode = "bigsuite-sea" })
        #expect(refusal.reference == "4711")
        #expect(
            refusal.reason
                == "room type code \"bigsuite-sea\" is not mapped for channel BUNDOTA; map it with: channels map "
                + "--channel BUNDOTA --room-type-code \"bigsuite-sea\" --to CODE (CODE: the hotel's room type)")
    }

    @Test("An unmapped rate plan code refuses the record; a missing one takes the channel's default")
    func ratePlans() throws {
        let refusal = try F.refusal(F.booking { $0.roomStays[0].ratePlans[0].ratePlanCode = "NRF" })
        #expect(
            refusal.reason
                == "rate plan code \"NRF\" is not mapped for channel BUNDOTA; map it with: channels map --channel "
                + "BUNDOTA --rate-plan-code \"NRF\" --to CODE (CODE: the hotel's rate plan)")
        let noCode = F.booking { $0.roomStays[0].ratePlans = [] }
        #expect(
            try F.refusal(noCode).reason
                == "the room stay has no RatePlanCode and channel BUNDOTA has no default rate plan; give the channel "
                + "a default rate plan")
        var channel = F.bund
        channel.settings.defaultRatePlan = "BAR"
        #expect(try F.record(noCode, channel: channel).ratePlan == "BAR")
    }

    @Test("Status-only and cancel records need no mapping")
    func cancelNeedsNoMapping() throws {
        let record = try F.record(
            F.booking {
                $0.resStatus = "Cancelled"
                $0.roomStays[0].roomTypes[0].roomTypeCode = "UNKNOWN"
                $0.roomStays[0].total = F.amount(afterTax: "12,50")
            })
        #expect(record.action == .cancel)
        #expect(record.roomType == nil)
        #expect(record.total == nil)
    }

    // MARK: Stay

    @Test("A date that does not exist refuses the record")
    func impossibleDate() throws {
        let refusal = try F.refusal(F.booking { $0.roomStays[0].timeSpan?.start = "2027-02-30" })
        #expect(
            refusal.reason
                == "TimeSpan Start \"2027-02-30\" is not a real calendar date; write YYYY-MM-DD, e.g. 2027-03-01")
    }

    @Test("End before Start (no night) refuses the record")
    func endBeforeStart() throws {
        let refusal = try F.refusal(
            F.booking {
                $0.roomStays[0].timeSpan?.start = "2027-03-05"
                $0.roomStays[0].timeSpan?.end = "2027-03-03"
            })
        #expect(
            refusal.reason
                == "TimeSpan ends on 2027-03-03, which is not after its start 2027-03-05 (-2 nights); a stay has at "
                + "least one night")
        let sameDay = try F.refusal(F.booking { $0.roomStays[0].timeSpan?.end = "2027-03-01" })
        #expect(sameDay.reason.contains("(0 nights)"))
    }

    @Test("Start with Duration P3N or P3D instead of End")
    func duration() throws {
        for duration in ["P3N", "P3D"] {
            let record = try F.record(
                F.booking {
                    $0.roomStays[0].timeSpan?.end = nil
                    $0.roomStays[0].timeSpan?.duration = duration
                })
            #expect(record.stay?.description == "2027-03-01…2027-03-04 (3 nights)")
        }
        let refusal = try F.refusal(F.booking { $0.roomStays[0].timeSpan?.duration = "P2N" })
        #expect(
            refusal.reason
                == "TimeSpan End 2027-03-04 and Duration P2N disagree: P2N from 2027-03-01 ends on 2027-03-03; send "
                + "one or make them agree")
    }

    // MARK: Amounts

    @Test(
        "DecimalPlaces: implied decimals per channel; a written point is used as written",
        arguments: [
            ("16900", "2", true, 16_900),
            ("169.00", "2", true, 16_900),
            ("5", "2", true, 5),
            ("169", "2", false, 16_900),
            ("16900", "2", false, 1_690_000),
            ("169", nil, true, 16_900),
            ("169.000", "3", false, 16_900),
            ("169000", "3", true, 16_900),
        ] as [(String, String?, Bool, Int64)])
    func decimalPlaces(text: String, places: String?, implied: Bool, minorUnits: Int64) throws {
        var channel = F.bund
        channel.settings.decimalPlacesImplied = implied
        let record = try F.record(
            F.booking(
                F.withRates([F.rate(from: "2027-03-01", to: "2027-03-04", afterTax: text, decimalPlaces: places)])),
            channel: channel)
        #expect(record.nights.map(\.amount) == Array(repeating: try F.money(minorUnits), count: 3))
    }

    @Test("\"12,50\" is refused, naming the attribute and the value")
    func commaDecimal() throws {
        let refusal = try F.refusal(F.booking { $0.roomStays[0].total = F.amount(afterTax: "12,50") })
        #expect(
            refusal.reason
                == "RoomStay Total AmountAfterTax \"12,50\" cannot be read: amount \"12,50\" is not a decimal amount; "
                + "write digits with a point and at most 2 decimals, e.g. 1250.00")
    }

    @Test("An amount in another currency than the hotel's is refused; no currency code means the hotel's")
    func currencies() throws {
        let refusal = try F.refusal(F.booking { $0.roomStays[0].total?.currencyCode = "EUR" })
        #expect(
            refusal.reason
                == "RoomStay Total AmountAfterTax \"507.00\" is in EUR, but the hotel sells in CNY; channel amounts "
                + "must be in CNY (no currency conversion is made)")
        let record = try F.record(F.booking { $0.roomStays[0].total?.currencyCode = nil })
        #expect(record.total == (try F.money(50_700)))
    }

    @Test("AmountAfterTax is preferred to AmountBeforeTax")
    func afterTaxPreferred() throws {
        let both = try F.record(
            F.booking { $0.roomStays[0].total = F.amount(afterTax: "330.00", beforeTax: "300.00") })
        #expect(both.total == (try F.money(33_000)))
        let beforeOnly = try F.record(F.booking { $0.roomStays[0].total = F.amount(beforeTax: "300.00") })
        #expect(beforeOnly.total == (try F.money(30_000)))
    }

    // MARK: Nightly prices

    @Test("A total only is spread over the nights, the remainder on the last night")
    func totalSpread() throws {
        let record = try F.record(F.booking { $0.roomStays[0].total = F.amount(afterTax: "100.00") })
        #expect(record.nights.map(\.amount.minorUnits) == [3333, 3333, 3334])
        #expect(record.nights.map(\.night.description) == ["2027-03-01", "2027-03-02", "2027-03-03"])
        #expect(record.total == (try F.money(10_000)))
    }

    @Test("A total for two rooms is divided by the rooms, then spread")
    func totalSpreadOverRooms() throws {
        let record = try F.record(
            F.booking {
                $0.roomStays[0].roomTypes[0].numberOfUnits = "2"
                $0.roomStays[0].total = F.amount(afterTax: "600.00")
            })
        #expect(record.rooms == 2)
        #expect(record.nights.map(\.amount.minorUnits) == [10_000, 10_000, 10_000])
    }

    @Test("One Rate spanning several nights prices each of them")
    func rateSpanningNights() throws {
        let record = try F.record(
            F.booking(F.withRates([F.rate(from: "2027-03-01", to: "2027-03-04", afterTax: "169.00")])))
        #expect(record.nights.map(\.amount.minorUnits) == [16_900, 16_900, 16_900])
        #expect(record.total == nil)
    }

    @Test("UnitMultiplier nights, and a Rate without EffectiveDate continuing where the previous one ended")
    func unitMultiplier() throws {
        let record = try F.record(
            F.booking(
                F.withRates([
                    F.rate(from: "2027-03-01", unitMultiplier: "2", afterTax: "150.00"),
                    F.rate(unitMultiplier: "1", afterTax: "180.00"),
                ])))
        #expect(record.nights.map(\.amount.minorUnits) == [15_000, 15_000, 18_000])
    }

    @Test("ExpireDate exclusive (the day after the last night) unless the channel reads it inclusive")
    func expireDate() throws {
        let exclusiveRates = F.booking(
            F.withRates([
                F.rate(from: "2027-03-01", to: "2027-03-03", afterTax: "100.00"),
                F.rate(from: "2027-03-03", to: "2027-03-04", afterTax: "120.00"),
            ]))
        let inclusiveRates = F.booking(
            F.withRates([
                F.rate(from: "2027-03-01", to: "2027-03-02", afterTax: "100.00"),
                F.rate(from: "2027-03-03", to: "2027-03-03", afterTax: "120.00"),
            ]))
        var inclusive = F.bund
        inclusive.settings.expireDateInclusive = true

        #expect(try F.record(exclusiveRates).nights.map(\.amount.minorUnits) == [10_000, 10_000, 12_000])
        #expect(
            try F.record(inclusiveRates, channel: inclusive).nights.map(\.amount.minorUnits) == [
                10_000, 10_000, 12_000,
            ])
        #expect(
            try F.refusal(exclusiveRates, channel: inclusive).reason
                == "the night 2027-03-03 is priced by more than one Rate")
        #expect(
            try F.refusal(inclusiveRates).reason
                == "the Rate from 2027-03-03 ends on 2027-03-03 and so covers no night; its ExpireDate must be after "
                + "its EffectiveDate (channel BUNDOTA reads ExpireDate as the day after the last night)")
    }

    @Test("Rates that leave a night unpriced or price a night outside the stay refuse the record")
    func rateCoverage() throws {
        let gap = try F.refusal(
            F.booking(F.withRates([F.rate(from: "2027-03-01", to: "2027-03-03", afterTax: "100.00")])))
        #expect(
            gap.reason
                == "the night 2027-03-03 has no Rate; the Rates must cover every night of the stay "
                + "2027-03-01…2027-03-04 (3 nights) once")
        let outside = try F.refusal(
            F.booking(F.withRates([F.rate(from: "2027-03-01", to: "2027-03-05", afterTax: "100.00")])))
        #expect(
            outside.reason
                == "the Rate for the nights 2027-03-01…2027-03-04 prices the night 2027-03-04, which is not a night "
                + "of the stay 2027-03-01…2027-03-04 (3 nights)")
    }

    @Test("A booking with neither Rates nor Total is refused")
    func noPrice() throws {
        let refusal = try F.refusal(F.booking { $0.roomStays[0].total = nil })
        #expect(
            refusal.reason
                == "the stay 2027-03-01…2027-03-04 (3 nights) has no price: no RoomRates/Rate and no Total; a booking "
                + "needs one of them")
    }

    // MARK: Room stays

    @Test("Identical room stays are several rooms; different ones are refused")
    func severalRoomStays() throws {
        let twice = try F.record(F.booking { $0.roomStays.append($0.roomStays[0]) })
        #expect(twice.rooms == 2)
        #expect(twice.total == (try F.money(101_400)))
        #expect(twice.nights.map(\.amount.minorUnits) == [16_900, 16_900, 16_900])

        let refusal = try F.refusal(
            F.booking {
                var suite = $0.roomStays[0]
                suite.roomTypes[0].roomTypeCode = "bigsuite"
                $0.roomStays.append(suite)
            })
        #expect(
            refusal.reason
                == "reservation 4711 has 2 room stays with different room types (DBL, bigsuite); a reservation here "
                + "has one room type, rate plan, stay and price, so each must be its own reservation at the channel")
    }

    // MARK: Commission, guest, agent

    @Test(
        "Commission percent as a percentage or, per channel, as a fraction",
        arguments: [
            ("15", false, 1500), ("12.5", false, 1250), ("0.15", true, 1500), ("0.125", true, 1250),
            ("1", true, 10_000),
        ] as [(String, Bool, Int)])
    func commissionPercent(text: String, isFraction: Bool, basisPoints: Int) throws {
        var channel = F.bund
        channel.settings.commissionPercentIsFraction = isFraction
        var commission = OTACommission()
        commission.percent = text
        let record = try F.record(F.booking { $0.roomStays[0].ratePlans[0].commission = commission }, channel: channel)
        #expect(record.commission == .percent(BasisPoints(basisPoints)))
    }

    @Test("A commission percent that does not fit the channel's reading is refused; an amount is read as money")
    func commissionRefusedOrAmount() throws {
        var fraction = F.bund
        fraction.settings.commissionPercentIsFraction = true
        var commission = OTACommission()
        commission.percent = "15"
        let refusal = try F.refusal(
            F.booking { $0.roomStays[0].ratePlans[0].commission = commission }, channel: fraction)
        #expect(
            refusal.reason
                == "Commission Percent \"15\" is not a fraction from 0 to 1 with at most four decimals (channel "
                + "BUNDOTA writes 0.15 for 15%)")
        var amount = OTACommission()
        amount.payableAmount = "7605"
        amount.payableCurrencyCode = "CNY"
        amount.payableDecimalPlaces = "2"
        let record = try F.record(F.booking { $0.globalInfo.commissions = [amount] })
        #expect(record.commission == .amount(try F.money(7605)))
    }

    @Test("A booking without a guest name is refused")
    func noGuestName() throws {
        let refusal = try F.refusal(F.booking { $0.resGuests = [] })
        #expect(
            refusal.reason
                == "reservation 4711 has no guest name; a booking needs the lead guest's GivenName or Surname in "
                + "ResGuests/ResGuest/Profiles/ProfileInfo/Profile/Customer/PersonName")
    }

    @Test("Children's ages from GuestCounts, Count repeated; a child count without Age is refused")
    func children() throws {
        func count(_ code: String?, _ count: String, age: String? = nil) -> OTAGuestCount {
            var guestCount = OTAGuestCount()
            guestCount.ageQualifyingCode = code
            guestCount.count = count
            guestCount.age = age
            return guestCount
        }
        let record = try F.record(
            F.booking {
                $0.roomStays[0].guestCounts = [count("10", "2"), count("8", "2", age: "5"), count(nil, "1", age: "12")]
            })
        #expect(record.guest.adults == 2)
        #expect(record.guest.childAges == [5, 5, 12])
        let refusal = try F.refusal(F.booking { $0.roomStays[0].guestCounts = [count("8", "1")] })
        #expect(
            refusal.reason == "GuestCount of 1 child(ren) (AgeQualifyingCode 8) has no Age; each child's age is needed")
    }

    @Test("Travel agent: ProfileType 4 with an IATA code, else a POS RequestorID of Type 5")
    func travelAgent() throws {
        var message = F.booking()
        var requestor = OTARequestorID()
        requestor.type = "5"
        requestor.id = "87654321"
        requestor.idContext = "IATA"
        var source = OTASource()
        source.requestorIDs = [requestor]
        message.pointOfSale = [source]
        #expect(try F.record(message).travelAgent == TravelAgent(name: "87654321", iataNumber: "87654321"))

        var name = OTACompanyName()
        name.name = "Wanderlust Travel GmbH"
        name.code = "W-1"
        name.codeContext = "internal"
        var company = OTACompanyInfo()
        company.companyName = name
        var profile = OTAProfile()
        profile.profileType = "4"
        profile.company = company
        message.reservations[0].globalInfo.profiles = [profile]
        #expect(
            try F.record(message).travelAgent == TravelAgent(name: "Wanderlust Travel GmbH", iataNumber: "87654321"))
    }
}
