import Foundation

/// Generated OTA feeds for the end-to-end tests (synthetic, written by this project).
enum SyntheticFeed {
    static let roomTypes = ["STD", "DLX", "EXE", "FAM", "STE"]

    /// One OTA_HotelResNotifRQ per booking, with a modify and a cancel mixed in, deterministic for a seed.
    static func write(bookings: Int, seed: UInt64) throws -> URL {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Feed>\n"
        for index in 0..<bookings {
            let arrivalDay = Int(next() % 300)
            let nights = Int(next() % 3) + 1
            let roomType = roomTypes[Int(next() % UInt64(roomTypes.count))]
            let amount = 500 + Int(next() % 800)
            let status = index > 10 && index % 10 == 0 ? "Cancel" : (index > 10 && index % 7 == 0 ? "Modify" : "Book")
            let reference = status == "Book" ? "SYN-\(index)" : "SYN-\(index - 5)"
            text += message(reference: reference, status: status, arrivalDay: arrivalDay, nights: nights, roomType: roomType, amount: amount, minute: index)
        }
        text += "</Feed>\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("synthetic-\(UUID().uuidString).xml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func message(
        reference: String, status: String, arrivalDay: Int, nights: Int, roomType: String, amount: Int, minute: Int,
        hotelCode: String = "SHBUND", totalText: String? = nil, start: String? = nil
    ) -> String {
        let arrival = date(dayOfYear: arrivalDay)
        let departure = date(dayOfYear: arrivalDay + nights)
        let modified = String(format: "2026-11-%02dT%02d:%02d:00Z", 1 + minute / 1440 % 28, minute / 60 % 24, minute % 60)
        return """
            <OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="syn-\(minute)" TimeStamp="\(modified)" Version="1.0">
              <HotelReservations>
                <HotelReservation CreateDateTime="\(modified)" LastModifyDateTime="\(modified)" ResStatus="\(status)">
                  <UniqueID Type="14" ID="\(reference)"/>
                  <RoomStays><RoomStay>
                    <RoomTypes><RoomType RoomTypeCode="\(roomType)" NumberOfUnits="1"/></RoomTypes>
                    <RatePlans><RatePlan RatePlanCode="BAR"/></RatePlans>
                    <TimeSpan Start="\(start ?? arrival)" End="\(departure)"/>
                    <Total AmountAfterTax="\(totalText ?? "\(amount * nights).00")" CurrencyCode="CNY" DecimalPlaces="2"/>
                    <BasicPropertyInfo HotelCode="\(hotelCode)"/>
                  </RoomStay></RoomStays>
                  <ResGuests><ResGuest><Profiles><ProfileInfo><Profile ProfileType="1"><Customer>
                    <PersonName><GivenName>Guest</GivenName><Surname>Number \(minute)</Surname></PersonName>
                  </Customer></Profile></ProfileInfo></Profiles></ResGuest></ResGuests>
                </HotelReservation>
              </HotelReservations>
            </OTA_HotelResNotifRQ>

            """
    }

    static func date(dayOfYear: Int) -> String {
        var day = dayOfYear
        var month = 1
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        while day >= lengths[(month - 1) % 12] {
            day -= lengths[(month - 1) % 12]
            month += 1
        }
        return String(format: "%04d-%02d-%02d", 2027 + (month - 1) / 12, (month - 1) % 12 + 1, day + 1)
    }

    /// A good booking, then one bad message of the given kind, then another good booking.
    static func writeWithBadMessage(_ kind: String) throws -> URL {
        let good = message(reference: "GOOD-1", status: "Book", arrivalDay: 70, nights: 2, roomType: "DLX", amount: 900, minute: 1)
        let bad: String
        switch kind {
        case "unmapped-room": bad = message(reference: "BAD-1", status: "Book", arrivalDay: 70, nights: 2, roomType: "NOPE", amount: 900, minute: 2)
        case "comma-amount": bad = message(reference: "BAD-1", status: "Book", arrivalDay: 70, nights: 2, roomType: "DLX", amount: 900, minute: 2, totalText: "12,50")
        case "impossible-date": bad = message(reference: "BAD-1", status: "Book", arrivalDay: 70, nights: 2, roomType: "DLX", amount: 900, minute: 2, start: "2027-02-30")
        case "wrong-hotel": bad = message(reference: "BAD-1", status: "Book", arrivalDay: 70, nights: 2, roomType: "DLX", amount: 900, minute: 2, hotelCode: "OTHER")
        default: bad = ""
        }
        let text: String
        if kind == "truncated" {
            text = "<?xml version=\"1.0\"?>\n<Feed>\n" + good + String(good.prefix(400))
        } else {
            let second = message(reference: "GOOD-2", status: "Book", arrivalDay: 80, nights: 1, roomType: "STD", amount: 700, minute: 3)
            text = "<?xml version=\"1.0\"?>\n<Feed>\n" + good + bad + second + "</Feed>\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(kind)-\(UUID().uuidString).xml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static var hostile: [(String, String)] {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05"><HotelReservations><HotelReservation><UniqueID Type="14" ID="&x;"/></HotelReservation></HotelReservations></OTA_HotelResNotifRQ>
            """
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            laughs += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n"
        }
        laughs += "]>\n<OTA_HotelResNotifRQ xmlns=\"http://www.opentravel.org/OTA/2003/05\">&lol9;</OTA_HotelResNotifRQ>\n"
        let deep = "<?xml version=\"1.0\"?>\n" + String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        return [("xxe", xxe), ("billion-laughs", laughs), ("deep", deep)]
    }
}
