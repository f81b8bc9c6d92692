import HotelDomain

extension ChannelNormalizer {
    /// The party of a room stay from its `GuestCounts`.
    ///
    /// Rule: a count with `AgeQualifyingCode="10"` is adults; a count with an `Age` is that many children of
    /// that age (`Count="2" Age="5"` → [5, 5]); a child or infant count (code 8 or 7) without `Age` is refused,
    /// because children's ages decide what the stay costs; any other count without age is adults. With
    /// `IsPerRoom="true"` the counts are multiplied by the rooms. No counts → `nil`. Example: AlpineBits'
    /// `Count="2"`, `Count="1" Age="9"`, `Count="1" Age="3"` → 2 adults, children [9, 3].
    func party(of counts: [OTAGuestCount], perRoom: String?, rooms: Int) throws(RecordProblem) -> Party? {
        guard !counts.isEmpty else { return nil }
        var party = Party(adults: 0, childAges: [])
        for guestCount in counts {
            let code = Self.trimmed(guestCount.ageQualifyingCode)
            guard let countText = Self.trimmed(guestCount.count), let count = Int(countText), (0...999).contains(count)
            else {
                throw RecordProblem(
                    "GuestCount Count \"\(guestCount.count ?? "")\" is not a number of guests; expected 0 to 999")
            }
            if code == "10" {
                party.adults += count
            } else if let ageText = Self.trimmed(guestCount.age) {
                guard let age = Int(ageText), (0...120).contains(age) else {
                    throw RecordProblem("GuestCount Age \"\(ageText)\" is not an age; expected 0 to 120")
                }
                party.childAges += Array(repeating: age, count: count)
            } else if code == "8" || code == "7" {
                throw RecordProblem(
                    "GuestCount of \(count) \(code == "7" ? "infant" : "child")(ren) (AgeQualifyingCode \(code ?? "")) "
                        + "has no Age; each child's age is needed")
            } else {
                party.adults += count
            }
        }
        if rooms > 1, let perRoom = Self.trimmed(perRoom)?.lowercased(), perRoom == "true" || perRoom == "1" {
            party.adults *= rooms
            party.childAges = Array(repeating: party.childAges, count: rooms).flatMap { $0 }
        }
        return party
    }

    /// The lead guest with contacts and party.
    ///
    /// Rule: the `ResGuest` with `PrimaryIndicator="true"` first, else the first one, whose customer profile
    /// (`ProfileType` 1 or none) has a `PersonName`; then customer profiles of `ResGlobalInfo`. The name is
    /// `GivenName Surname` (prefix and title dropped: "Herr Otto Mustermann, Dr" → "Otto Mustermann"); the
    /// email is the first one; the phone is the first that is not a fax (`PhoneTechType` 3). Without
    /// `GuestCounts` the party is one adult per adult `ResGuest` (OpenTravel's sample 08: three), at least 1.
    func guest(of reservation: OTAHotelReservation, party: Party?) -> ChannelGuest {
        // The first named customer profile (type 1 or none) of the primary ResGuests, then of the others, then of
        // ResGlobalInfo. (Walked in place: the filtered and joined copies of the profiles cost more than the rest.)
        var guest = ChannelGuest()
        func take(_ profiles: [OTAProfile]) -> Bool {
            for profile in profiles {
                let type = Self.trimmed(profile.profileType)
                guard type == nil || type == "1", let customer = profile.customer,
                    let name = Self.name(of: customer.personName)
                else { continue }
                guest.name = name
                guest.email = customer.emails.lazy.compactMap { Self.trimmed($0.address) }.first
                guest.phone =
                    customer.telephones.lazy.filter { Self.trimmed($0.phoneTechType) != "3" }
                    .compactMap { Self.trimmed($0.phoneNumber) }.first
                return true
            }
            return false
        }
        func takeFirstNamed() -> Bool {
            for primary in [true, false] {
                for resGuest in reservation.resGuests where Self.isTrue(resGuest.primaryIndicator) == primary {
                    if take(resGuest.profiles) { return true }
                }
            }
            return take(reservation.globalInfo.profiles)
        }
        _ = takeFirstNamed()
        if let party {
            guest.adults = party.adults
            guest.childAges = party.childAges
        } else {
            let adults = reservation.resGuests.filter {
                let code = Self.trimmed($0.ageQualifyingCode)
                return code == nil || code == "10"
            }
            guest.adults = max(1, adults.count)
        }
        return guest
    }

    /// `"Otto Mustermann"` from given name and surname; `nil` when both are missing.
    static func name(of personName: OTAPersonName?) -> String? {
        switch (trimmed(personName?.givenName), trimmed(personName?.surname)) {
        case (let given?, let surname?): given + " " + surname
        case (let given?, nil): given
        case (nil, let surname?): surname
        case (nil, nil): nil
        }
    }

    /// `"true"` or `"1"`, without regard to case.
    static func isTrue(_ text: String?) -> Bool {
        let value = trimmed(text)?.lowercased()
        return value == "true" || value == "1"
    }

    /// The travel agent or agency that made the booking.
    ///
    /// Rule: a travel-agent profile (`ProfileType="4"`, in `ResGlobalInfo` or a `ResGuest`) gives the name
    /// from its `CompanyName` and the IATA number from its code when `CodeContext="IATA"`, else from a `POS`
    /// `RequestorID` with `ID_Context="IATA"` (or of `Type="5"`, travel agency, without context). Without such a profile, a
    /// `RequestorID` of `Type="5"` is the agent (named by its `CompanyName`, else by its id). Other requestors
    /// (an internet broker, `Type="13"`, as in OpenTravel's sample 07) are the channel itself: no agent.
    /// Example: AlpineBits' profile `CompanyName Code="123" CodeContext="ABC"` "ACME Travel Agency" → ACME
    /// Travel Agency without IATA number (its code is in context ABC).
    func travelAgent(of reservation: OTAHotelReservation, in message: OTABookingMessage) -> TravelAgent? {
        let requestors = (reservation.pointOfSale + message.pointOfSale).flatMap(\.requestorIDs)
            .filter { Self.trimmed($0.id) != nil }
        let agency = requestors.first { Self.trimmed($0.type) == "5" }
        let iataRequestor =
            requestors.first { Self.trimmed($0.idContext)?.uppercased() == "IATA" }
            ?? requestors.first { Self.trimmed($0.type) == "5" && Self.trimmed($0.idContext) == nil }
        let agentProfiles = (reservation.globalInfo.profiles + reservation.resGuests.flatMap(\.profiles))
            .filter { Self.trimmed($0.profileType) == "4" }
        for profile in agentProfiles {
            guard let company = profile.company?.companyName,
                let name = Self.trimmed(company.name) ?? Self.trimmed(company.shortName)
            else { continue }
            let ownIATA =
                Self.trimmed(company.codeContext)?.uppercased() == "IATA" ? Self.trimmed(company.code) : nil
            return TravelAgent(name: name, iataNumber: ownIATA ?? Self.trimmed(iataRequestor?.id))
        }
        guard let agency, let id = Self.trimmed(agency.id) else { return nil }
        let name = Self.trimmed(agency.companyName?.name) ?? Self.trimmed(agency.companyName?.shortName) ?? id
        let isIATA = Self.trimmed(agency.idContext).map { $0.uppercased() == "IATA" } ?? true
        return TravelAgent(name: name, iataNumber: isIATA ? id : nil)
    }

    /// The meal plan as text.
    ///
    /// Rule: `MealsIncluded/@MealPlanCodes` of the first rate plan, each OpenTravel MPT code by its name
    /// (`1` → "all inclusive", `3` → "bed and breakfast", `12` → "half board"; an unknown code as "meal plan
    /// code 99"); else its `Breakfast`/`Lunch`/`Dinner` flags ("breakfast, lunch, dinner", OpenTravel's sample
    /// 08); else nothing.
    func mealPlan(of reservation: OTAHotelReservation) -> String? {
        guard let meals = reservation.roomStays.lazy.compactMap({ $0.ratePlans.first?.mealsIncluded }).first else {
            return nil
        }
        if let codes = Self.trimmed(meals.mealPlanCodes) {
            let names = codes.split(whereSeparator: { $0 == " " || $0 == "," }).map { code in
                Self.mealPlanNames[String(code)] ?? "meal plan code \(code)"
            }
            if !names.isEmpty { return names.joined(separator: ", ") }
        }
        let flags = [(meals.breakfast, "breakfast"), (meals.lunch, "lunch"), (meals.dinner, "dinner")]
            .filter { Self.isTrue($0.0) }.map(\.1)
        return flags.isEmpty ? nil : flags.joined(separator: ", ")
    }

    /// OpenTravel's Meal Plan Type (MPT) code list.
    static let mealPlanNames: [String: String] = [
        "1": "all inclusive", "2": "American", "3": "bed and breakfast", "4": "buffet breakfast",
        "5": "Caribbean breakfast", "6": "continental breakfast", "7": "English breakfast", "8": "European plan",
        "9": "family plan", "10": "full board", "11": "full breakfast", "12": "half board", "13": "as brochured",
        "14": "room only", "15": "self catering", "16": "Bermuda", "17": "dinner, bed and breakfast",
        "18": "family American", "19": "breakfast", "20": "modified", "21": "lunch", "22": "dinner",
        "23": "breakfast and lunch", "24": "lunch and dinner",
    ]

    /// Comments as text, the reservation's first, then the room stays'.
    ///
    /// Rule: one string per `Comment`: its texts, then its list items joined with ", ", each on its own line,
    /// after the comment's `Name` and ": " when it has one. Card numbers typed in are already masked by the
    /// parser. Example: AlpineBits' "included services: Parkplatz, Schwimmbad, Skipass".
    func comments(of reservation: OTAHotelReservation) -> [String] {
        (reservation.globalInfo.comments + reservation.roomStays.flatMap(\.comments)).compactMap { comment in
            var lines = comment.texts.compactMap { Self.trimmed($0) }
            let items = comment.listItems.compactMap { Self.trimmed($0) }
            if !items.isEmpty { lines.append(items.joined(separator: ", ")) }
            guard !lines.isEmpty else { return nil }
            let body = lines.joined(separator: "\n")
            return Self.trimmed(comment.name).map { "\($0): \(body)" } ?? body
        }
    }

    /// Special requests as text: `Name` (else "request " and the code) and ": " and the texts.
    ///
    /// Example: `SpecialRequest RequestCode="48" Name="Cot"` with text "Cot for the child" → "Cot: Cot for the
    /// child".
    func specialRequests(of reservation: OTAHotelReservation) -> [String] {
        (reservation.globalInfo.specialRequests + reservation.roomStays.flatMap(\.specialRequests)).compactMap {
            request in
            let label = Self.trimmed(request.name) ?? Self.trimmed(request.requestCode).map { "request \($0)" }
            let text = request.texts.compactMap { Self.trimmed($0) }.joined(separator: " ")
            switch (label, text.isEmpty) {
            case (let label?, false): return "\(label): \(text)"
            case (let label?, true): return label
            case (nil, false): return text
            case (nil, true): return nil
            }
        }
    }

    /// The payment card that guarantees or pays the booking: the first one with last four digits that is not
    /// only a verification card. Only its last four digits and expiry exist in the parsed message.
    func paymentCard(of reservation: OTAHotelReservation) -> OTAPaymentCardSummary? {
        reservation.paymentCards.first { $0.location != .verification && $0.lastFourDigits != nil }
    }
}
