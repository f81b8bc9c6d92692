/// Builds one `OTABookingMessage` from the element events of its subtree.
///
/// The parser calls `begin` at the message root, `start`/`end`/`appendText` for every element inside it that
/// is in the OpenTravel namespace (or none), and `finish` at the root's end tag. An element is understood
/// from its own name and its parent's (`RoomType` inside `RoomTypes`, `Total` inside `RoomStay`); an object
/// being built remembers the depth it was opened at so that only its own end tag closes it. Unknown
/// elements are walked through, so known ones below them are still found where the parent check allows.
struct OTAMessageBuilder {
    /// An object being built and the element depth that opened it.
    private struct Open<Value> {
        var value: Value
        let depth: Int
        var owner: Owner = .none
    }

    /// Where a finished object goes.
    private enum Owner {
        case none, reservation, roomStay, roomRate, global, ratePlan, rateBase, rateTotal, customer, company,
            verification,
            bookingChannel, requestor, message, resGuest, cancellation
    }

    /// Which field the text being captured fills.
    private enum TextTarget {
        case none, namePrefix, givenName, middleName, surname, nameTitle, email, commentText, listItem,
            specialRequestText, penaltyText, companyName, addressLine, streetNumber, cityName, postalCode,
            stateProvince, countryName, cardNumber, noticeText, reason
    }

    private(set) var message = OTABookingMessage()
    private(set) var problem: FeedMessageError.Reason?
    /// True while the text of the current element is wanted; the parser only copies text then.
    private(set) var isCapturingText = false

    private var stack: [OTAName] = []
    /// Nothing of a message is held: no `begin` since the last `reset()`.
    private var isClean = true
    private var text: [UInt8] = []
    private var textTarget = TextTarget.none
    private var textDepth = 0

    private var reservation: Open<OTAHotelReservation>?
    private var roomStay: Open<OTARoomStay>?
    private var ratePlan: Open<OTARatePlan>?
    private var commission: Open<OTACommission>?
    private var roomRate: Open<OTARoomRate>?
    private var rate: Open<OTARate>?
    private var amount: Open<OTAAmount>?
    private var timeSpan: Open<OTATimeSpan>?
    private var guarantee: Open<OTAGuarantee>?
    private var card: Open<OTAPaymentCardSummary>?
    private var resGuest: Open<OTAResGuest>?
    private var profile: Open<OTAProfile>?
    private var customer: Open<OTACustomer>?
    private var company: Open<OTACompanyInfo>?
    private var personName: Open<OTAPersonName>?
    private var address: Open<OTAAddress>?
    private var email: Open<OTAEmail>?
    private var companyName: Open<OTACompanyName>?
    private var comment: Open<OTAComment>?
    private var specialRequest: Open<OTASpecialRequest>?
    private var cancelPenalty: Open<OTACancelPenalty>?
    private var source: Open<OTASource>?
    private var requestor: Open<OTARequestorID>?
    private var bookingChannel: Open<OTABookingChannel>?
    private var verification: Open<OTAVerification>?
    private var notice: Open<OTAResponseNotice>?

    init() {
        stack.reserveCapacity(64)
        text.reserveCapacity(256)
    }

    // MARK: - Message

    mutating func begin(
        type: OTAMessageType, namespace: OTAMessageNamespace, position: Int, element e: SAXElement
    ) {
        reset()
        isClean = false
        message.type = type
        message.namespace = namespace
        message.position = position
        message.line = e.line
        message.echoToken = e[.echoToken]
        message.timeStamp = e[.timeStamp]
        message.target = e[.target]
        message.version = e[.version]
        message.resStatus = e[.resStatus]
        message.transactionIdentifier = e[.transactionIdentifier]
        message.sequenceNumber = e[.sequenceNmbr]
        message.primaryLanguageID = e[.primaryLangID]
        message.retransmissionIndicator = e[.retransmissionIndicator]
        message.correlationID = e[.correlationID]
        if type == .cancel {
            var cancellation = OTACancellation()
            cancellation.cancelType = e[.cancelType]
            message.cancellation = cancellation
        }
        stack.append(.messageRoot)
    }

    /// Records the first problem of the message; the message is then delivered as a `FeedMessageError`.
    mutating func noteProblem(_ reason: FeedMessageError.Reason) {
        if problem == nil { problem = reason }
    }

    /// Drops what was read of the message's content (after `tooManyElements`), keeping its root attributes.
    mutating func dropContent() {
        let header = message
        let kept = problem
        reset()
        isClean = false
        message = header
        message.reservations = []
        message.pointOfSale = []
        message.warnings = []
        message.errors = []
        if message.cancellation != nil {
            var cancellation = OTACancellation()
            cancellation.cancelType = header.cancellation?.cancelType
            message.cancellation = cancellation
        }
        problem = kept
    }

    mutating func finish() -> FeedItem {
        defer { reset() }
        // The message is moved out, not copied (a copy counted a reference for every string and array of it).
        var finished = OTABookingMessage()
        swap(&finished, &message)
        if let problem {
            return .messageError(
                FeedMessageError(
                    rootName: finished.type.rawValue, position: finished.position, line: finished.line,
                    reason: problem, partial: finished))
        }
        return .booking(finished)
    }

    /// Forgets the message being built. Skipped when nothing is held (the reset after `finish` already ran when
    /// `begin` resets again), and each open object is cleared only when present: assigning `nil` to the 26
    /// optionals cost a call into the Swift runtime each, twice per message, about 3% of the reader's instructions.
    private mutating func reset() {
        guard !isClean else { return }
        message = OTABookingMessage()
        problem = nil
        stack.removeAll(keepingCapacity: true)
        clearText()
        textTarget = .none
        Self.clear(&reservation)
        Self.clear(&roomStay)
        Self.clear(&ratePlan)
        Self.clear(&commission)
        Self.clear(&roomRate)
        Self.clear(&rate)
        Self.clear(&amount)
        Self.clear(&timeSpan)
        Self.clear(&guarantee)
        Self.clear(&card)
        Self.clear(&resGuest)
        Self.clear(&profile)
        Self.clear(&customer)
        Self.clear(&company)
        Self.clear(&personName)
        Self.clear(&address)
        Self.clear(&email)
        Self.clear(&companyName)
        Self.clear(&comment)
        Self.clear(&specialRequest)
        Self.clear(&cancelPenalty)
        Self.clear(&source)
        Self.clear(&requestor)
        Self.clear(&bookingChannel)
        Self.clear(&verification)
        Self.clear(&notice)
        isClean = true
    }

    @inline(__always)
    private static func clear<Value>(_ open: inout Open<Value>?) {
        if open != nil { open = nil }
    }

    // MARK: - Text

    @inline(__always)
    mutating func appendText(_ bytes: UnsafePointer<UInt8>, count: Int) {
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    private mutating func beginText(_ target: TextTarget, depth: Int) {
        guard textTarget == .none else { return }
        textTarget = target
        textDepth = depth
        isCapturingText = true
        text.removeAll(keepingCapacity: true)
    }

    private mutating func clearText() {
        // Overwrite what was captured so a card number does not linger in the reused buffer.
        text.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = 0 }
        }
        text.removeAll(keepingCapacity: true)
        isCapturingText = false
    }

    /// The captured text without leading and trailing XML white space.
    private func trimmedText() -> String {
        var start = 0
        var end = text.count
        while start < end && isXMLSpace(text[start]) { start += 1 }
        while end > start && isXMLSpace(text[end - 1]) { end -= 1 }
        return text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        }
    }

    private func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private mutating func finishText() {
        let target = textTarget
        textTarget = .none
        defer { clearText() }
        if target == .cardNumber {
            let lastFour = text.withUnsafeBufferPointer { PaymentCardDigits.lastFour(of: $0) }
            if let lastFour { card?.value.lastFourDigits = lastFour }
            return
        }
        let value = trimmedText()
        if value.isEmpty { return }  // `<CountryName Code="DE"/>` sets the code, not an empty name
        switch target {
        case .none, .cardNumber: break
        case .namePrefix: personName?.value.namePrefix = value
        case .givenName:
            if let given = personName?.value.givenName, !given.isEmpty {
                personName?.value.givenName = given + " " + value
            } else {
                personName?.value.givenName = value
            }
        case .middleName: personName?.value.middleName = value
        case .surname: personName?.value.surname = value
        case .nameTitle: personName?.value.nameTitle = value
        case .email: email?.value.address = value
        case .commentText: comment?.value.texts.append(PaymentCardDigits.masked(value))
        case .listItem: comment?.value.listItems.append(PaymentCardDigits.masked(value))
        case .specialRequestText: specialRequest?.value.texts.append(PaymentCardDigits.masked(value))
        case .penaltyText: cancelPenalty?.value.descriptions.append(PaymentCardDigits.masked(value))
        case .companyName: companyName?.value.name = value
        case .addressLine: address?.value.addressLines.append(value)
        case .streetNumber: address?.value.streetNumber = value
        case .cityName: address?.value.cityName = value
        case .postalCode: address?.value.postalCode = value
        case .stateProvince: address?.value.stateProvince = value
        case .countryName: address?.value.countryName = value
        case .noticeText: notice?.value.text = PaymentCardDigits.masked(value)
        case .reason: message.cancellation?.reasons.append(PaymentCardDigits.masked(value))
        }
    }

    // MARK: - Elements

    /// Handles a start tag inside the message; returns true when the element's whole subtree is to be skipped.
    mutating func start(_ name: OTAName, _ e: SAXElement) -> Bool {
        let parent = stack.last ?? .unknown
        stack.append(name)
        let depth = stack.count
        let skip = card != nil ? startInsideCard(name, parent: parent, e, depth: depth) : start(name, parent, e, depth)
        if skip { stack.removeLast() }
        return skip
    }

    /// Inside `PaymentCard` only the card number's last four digits are read; everything else is skipped,
    /// the security code (`SeriesCode`) included.
    private mutating func startInsideCard(_ name: OTAName, parent: OTAName, _ e: SAXElement, depth: Int) -> Bool {
        switch name {
        case .cardNumber where parent == .paymentCard:
            if card?.value.lastFourDigits == nil, let mask = e.bytes(.mask) {
                card?.value.lastFourDigits = PaymentCardDigits.lastFour(of: mask)
            }
            return false
        case .plainText where parent == .cardNumber:
            beginText(.cardNumber, depth: depth)
            return false
        default:
            return true
        }
    }

    private mutating func start(_ name: OTAName, _ parent: OTAName, _ e: SAXElement, _ depth: Int) -> Bool {
        switch name {
        case .tpaExtensions:
            return true

        // Reservations
        case .hotelReservation, .hotelResModify:
            guard reservation == nil,
                parent == .hotelReservations || parent == .reservationsList || parent == .hotelResModifies
            else { return true }
            var value = OTAHotelReservation()
            value.line = e.line
            value.resStatus = e[.resStatus]
            value.createDateTime = e[.createDateTime]
            value.lastModifyDateTime = e[.lastModifyDateTime]
            value.creatorID = e[.creatorID]
            value.lastModifierID = e[.lastModifierID]
            value.roomStayReservation = e[.roomStayReservation]
            reservation = Open(value: value, depth: depth)
        case .uniqueID:
            var value = OTAUniqueID()
            value.type = e[.typeAttribute]
            value.id = e[.id]
            value.idContext = e[.idContext]
            if parent == .hotelReservation || parent == .hotelResModify {
                reservation?.value.uniqueIDs.append(value)
            } else if parent == .messageRoot {
                message.cancellation?.uniqueIDs.append(value)
            }
            return true
        case .hotelReservationID where parent == .hotelReservationIDs:
            var value = OTAHotelReservationID()
            value.resIDType = e[.resIDType]
            value.resIDValue = e[.resIDValue]
            value.resIDSource = e[.resIDSource]
            value.resIDSourceContext = e[.resIDSourceContext]
            value.resIDDate = e[.resIDDate]
            value.forGuest = e[.forGuest]
            reservation?.value.globalInfo.hotelReservationIDs.append(value)

        // Room stays
        case .roomStay where parent == .roomStays && reservation != nil && roomStay == nil:
            var value = OTARoomStay()
            value.line = e.line
            value.roomStayStatus = e[.roomStayStatus]
            value.indexNumber = e[.indexNumber]
            roomStay = Open(value: value, depth: depth)
        case .roomType where parent == .roomTypes:
            var value = OTARoomType()
            value.roomTypeCode = e[.roomTypeCode]
            value.roomType = e[.roomType]
            value.roomClassificationCode = e[.roomClassificationCode]
            value.numberOfUnits = e[.numberOfUnits]
            value.invBlockCode = e[.invBlockCode]
            roomStay?.value.roomTypes.append(value)
        case .ratePlan where parent == .ratePlans && roomStay != nil && ratePlan == nil:
            var value = OTARatePlan()
            value.ratePlanCode = e[.ratePlanCode]
            value.ratePlanName = e[.ratePlanName]
            ratePlan = Open(value: value, depth: depth)
        case .mealsIncluded where parent == .ratePlan && ratePlan != nil:
            var value = OTAMealsIncluded()
            value.mealPlanIndicator = e[.mealPlanIndicator]
            value.mealPlanCodes = e[.mealPlanCodes]
            value.breakfast = e[.breakfast]
            value.lunch = e[.lunch]
            value.dinner = e[.dinner]
            if ratePlan?.value.mealsIncluded != nil { repeated(name, parent, e) }
            ratePlan?.value.mealsIncluded = value
        case .commission where reservation != nil && commission == nil:
            var value = OTACommission()
            value.percent = e[.percent]
            value.statusType = e[.statusType]
            let owner: Owner = ratePlan != nil ? .ratePlan : roomStay != nil ? .roomStay : .global
            commission = Open(value: value, depth: depth, owner: owner)
        case .commissionPayableAmount where parent == .commission:
            commission?.value.payableAmount = e[.amount]
            commission?.value.payableCurrencyCode = e[.currencyCode]
            commission?.value.payableDecimalPlaces = e[.decimalPlaces]
        case .roomRate where parent == .roomRates && roomStay != nil && roomRate == nil:
            var value = OTARoomRate()
            value.roomTypeCode = e[.roomTypeCode]
            value.ratePlanCode = e[.ratePlanCode]
            value.numberOfUnits = e[.numberOfUnits]
            value.effectiveDate = e[.effectiveDate]
            value.expireDate = e[.expireDate]
            roomRate = Open(value: value, depth: depth)
        case .rate where parent == .rates && roomRate != nil && rate == nil:
            var value = OTARate()
            value.effectiveDate = e[.effectiveDate]
            value.expireDate = e[.expireDate]
            value.unitMultiplier = e[.unitMultiplier]
            value.rateTimeUnit = e[.rateTimeUnit]
            value.chargeType = e[.chargeType]
            rate = Open(value: value, depth: depth)
        case .base, .total:
            let owner: Owner
            switch parent {
            case .rate where rate != nil:
                owner = name == .base ? .rateBase : .rateTotal
                let existing = name == .base ? rate?.value.base : rate?.value.total
                if existing != nil { repeated(name, parent, e) }
            case .roomRate where roomRate != nil && name == .total:
                owner = .roomRate
                if roomRate?.value.total != nil { repeated(name, parent, e) }
            case .roomStay where roomStay != nil && name == .total:
                owner = .roomStay
                if roomStay?.value.total != nil { repeated(name, parent, e) }
            case .resGlobalInfo where reservation != nil && name == .total:
                owner = .global
                if reservation?.value.globalInfo.total != nil { repeated(name, parent, e) }
            default:
                return false
            }
            guard amount == nil else { return false }
            var value = OTAAmount()
            value.amountBeforeTax = e[.amountBeforeTax]
            value.amountAfterTax = e[.amountAfterTax]
            value.currencyCode = e[.currencyCode]
            value.decimalPlaces = e[.decimalPlaces]
            amount = Open(value: value, depth: depth, owner: owner)
        case .taxes where amount?.depth == depth - 1:
            var value = OTATaxes()
            value.amount = e[.amount]
            value.currencyCode = e[.currencyCode]
            value.decimalPlaces = e[.decimalPlaces]
            amount?.value.taxes = value
        case .tax where parent == .taxes && amount?.depth == depth - 2:
            var value = OTATax()
            value.type = e[.typeAttribute]
            value.code = e[.code]
            value.percent = e[.percent]
            value.amount = e[.amount]
            value.currencyCode = e[.currencyCode]
            value.decimalPlaces = e[.decimalPlaces]
            value.chargeUnit = e[.chargeUnit]
            amount?.value.taxes?.items.append(value)
        case .guestCounts where parent == .roomStay:
            roomStay?.value.guestCountsArePerRoom = e[.isPerRoom]
        case .guestCount where parent == .guestCounts:
            var value = OTAGuestCount()
            value.ageQualifyingCode = e[.ageQualifyingCode]
            value.count = e[.count]
            value.age = e[.age]
            let grandparent = stack.count >= 3 ? stack[stack.count - 3] : .unknown
            if grandparent == .roomStay {
                roomStay?.value.guestCounts.append(value)
            } else if grandparent == .resGlobalInfo {
                reservation?.value.globalInfo.guestCounts.append(value)
            }
        case .timeSpan where timeSpan == nil:
            let owner: Owner
            if parent == .roomStay && roomStay != nil {
                owner = .roomStay
                if roomStay?.value.timeSpan != nil { repeated(name, parent, e) }
            } else if parent == .resGlobalInfo && reservation != nil {
                owner = .global
                if reservation?.value.globalInfo.timeSpan != nil { repeated(name, parent, e) }
            } else {
                return false
            }
            var value = OTATimeSpan()
            value.start = e[.start]
            value.end = e[.end]
            value.duration = e[.duration]
            timeSpan = Open(value: value, depth: depth, owner: owner)
        case .startDateWindow, .endDateWindow:
            guard parent == .timeSpan, timeSpan != nil else { return false }
            var value = OTADateWindow()
            value.earliestDate = e[.earliestDate]
            value.latestDate = e[.latestDate]
            if name == .startDateWindow {
                timeSpan?.value.startDateWindow = value
            } else {
                timeSpan?.value.endDateWindow = value
            }
        case .guarantee where guarantee == nil && (parent == .roomStay || parent == .resGlobalInfo):
            var value = OTAGuarantee()
            value.guaranteeType = e[.guaranteeType]
            value.guaranteeCode = e[.guaranteeCode]
            guarantee = Open(value: value, depth: depth, owner: parent == .roomStay ? .roomStay : .global)
        case .paymentCard:
            var value = OTAPaymentCardSummary()
            value.location = cardLocation()
            value.expireDate = e[.expireDate]
            if let number = e.bytes(.cardNumber) {
                value.lastFourDigits = PaymentCardDigits.lastFour(of: number)
            }
            guarantee?.value.paymentCardCount += 1
            card = Open(value: value, depth: depth)
        case .basicPropertyInfo:
            var value = OTAPropertyInfo()
            value.hotelCode = e[.hotelCode]
            value.hotelName = e[.hotelName]
            value.chainCode = e[.chainCode]
            value.hotelCodeContext = e[.hotelCodeContext]
            value.brandCode = e[.brandCode]
            switch parent {
            case .roomStay:
                if roomStay?.value.basicPropertyInfo != nil { repeated(name, parent, e) }
                roomStay?.value.basicPropertyInfo = value
            case .resGlobalInfo:
                if reservation?.value.globalInfo.basicPropertyInfo != nil { repeated(name, parent, e) }
                reservation?.value.globalInfo.basicPropertyInfo = value
            case .verification:
                verification?.value.basicPropertyInfo = value
            default: break
            }
            return true
        case .resGuestRPH where parent == .resGuestRPHs:
            if let rph = e[.rph] { roomStay?.value.resGuestRPHs.append(rph) }

        // Free text
        case .comment where parent == .comments && reservation != nil && comment == nil:
            var value = OTAComment()
            value.name = e[.name]
            value.guestViewable = e[.guestViewable]
            comment = Open(value: value, depth: depth, owner: roomStay != nil ? .roomStay : .global)
        case .text where parent == .comment && comment != nil:
            beginText(.commentText, depth: depth)
        case .listItem where parent == .comment && comment != nil:
            beginText(.listItem, depth: depth)
        case .specialRequest where parent == .specialRequests && reservation != nil && specialRequest == nil:
            var value = OTASpecialRequest()
            value.requestCode = e[.requestCode]
            value.codeContext = e[.codeContext]
            value.name = e[.name]
            value.numberOfUnits = e[.numberOfUnits]
            specialRequest = Open(value: value, depth: depth, owner: roomStay != nil ? .roomStay : .global)
        case .text where parent == .specialRequest && specialRequest != nil:
            beginText(.specialRequestText, depth: depth)
        case .cancelPenalty where reservation != nil && cancelPenalty == nil:
            var value = OTACancelPenalty()
            value.policyCode = e[.policyCode]
            value.nonRefundable = e[.nonRefundable]
            cancelPenalty = Open(value: value, depth: depth, owner: roomStay != nil ? .roomStay : .global)
        case .text where parent == .penaltyDescription && cancelPenalty != nil:
            beginText(.penaltyText, depth: depth)

        // Guests and profiles
        case .resGuest where parent == .resGuests && reservation != nil && resGuest == nil:
            var value = OTAResGuest()
            value.resGuestRPH = e[.resGuestRPH]
            value.ageQualifyingCode = e[.ageQualifyingCode]
            value.primaryIndicator = e[.primaryIndicator]
            value.arrivalTime = e[.arrivalTime]
            value.groupEventCode = e[.groupEventCode]
            resGuest = Open(value: value, depth: depth)
        case .profile where parent == .profileInfo && reservation != nil && profile == nil:
            var value = OTAProfile()
            value.profileType = e[.profileType]
            profile = Open(value: value, depth: depth, owner: resGuest != nil ? .resGuest : .global)
        case .customer where parent == .profile && profile != nil && customer == nil:
            var value = OTACustomer()
            value.gender = e[.gender]
            value.birthDate = e[.birthDate]
            value.language = e[.language]
            customer = Open(value: value, depth: depth)
        case .companyInfo where parent == .profile && profile != nil && company == nil:
            company = Open(value: OTACompanyInfo(), depth: depth)
        case .personName where personName == nil:
            let owner: Owner
            if parent == .customer && customer != nil {
                owner = .customer
                if customer?.value.personName != nil { repeated(name, parent, e) }
            } else if parent == .verification && verification != nil {
                owner = .verification
            } else {
                return false
            }
            personName = Open(value: OTAPersonName(), depth: depth, owner: owner)
        case .namePrefix where parent == .personName && personName != nil:
            beginText(.namePrefix, depth: depth)
        case .givenName where parent == .personName && personName != nil:
            beginText(.givenName, depth: depth)
        case .middleName where parent == .personName && personName != nil:
            beginText(.middleName, depth: depth)
        case .surname where parent == .personName && personName != nil:
            beginText(.surname, depth: depth)
        case .nameTitle where parent == .personName && personName != nil:
            beginText(.nameTitle, depth: depth)
        case .telephone, .telephoneInfo:
            var value = OTATelephone()
            value.phoneNumber = e[.phoneNumber]
            value.phoneTechType = e[.phoneTechType]
            value.phoneLocationType = e[.phoneLocationType]
            value.phoneUseType = e[.phoneUseType]
            switch parent {
            case .customer: customer?.value.telephones.append(value)
            case .companyInfo: company?.value.telephones.append(value)
            case .verification: verification?.value.telephones.append(value)
            default: break
            }
            return true
        case .email where email == nil:
            let owner: Owner
            switch parent {
            case .customer where customer != nil: owner = .customer
            case .companyInfo where company != nil: owner = .company
            case .verification where verification != nil: owner = .verification
            default: return false
            }
            var value = OTAEmail()
            value.emailType = e[.emailType]
            value.remark = e[.remark]
            email = Open(value: value, depth: depth, owner: owner)
            beginText(.email, depth: depth)
        case .address, .addressInfo:
            guard address == nil else { return false }
            let owner: Owner
            if parent == .customer && customer != nil {
                owner = .customer
            } else if parent == .companyInfo && company != nil {
                owner = .company
            } else {
                return false
            }
            var value = OTAAddress()
            value.type = e[.typeAttribute]
            value.remark = e[.remark]
            address = Open(value: value, depth: depth, owner: owner)
        case .addressLine, .streetNmbr, .cityName, .postalCode, .stateProv, .countryName:
            guard address?.depth == depth - 1 else { return false }
            switch name {
            case .addressLine: beginText(.addressLine, depth: depth)
            case .streetNmbr: beginText(.streetNumber, depth: depth)
            case .cityName: beginText(.cityName, depth: depth)
            case .postalCode: beginText(.postalCode, depth: depth)
            case .stateProv:
                address?.value.stateCode = e[.stateCode]
                beginText(.stateProvince, depth: depth)
            default:
                address?.value.countryCode = e[.code]
                beginText(.countryName, depth: depth)
            }
        case .companyName where companyName == nil:
            let owner: Owner
            switch parent {
            case .companyInfo where company != nil: owner = .company
            case .bookingChannel where bookingChannel != nil: owner = .bookingChannel
            case .requestorID where requestor != nil: owner = .requestor
            default: return true
            }
            var value = OTACompanyName()
            value.code = e[.code]
            value.codeContext = e[.codeContext]
            value.shortName = e[.companyShortName]
            companyName = Open(value: value, depth: depth, owner: owner)
            beginText(.companyName, depth: depth)

        // Point of sale
        case .source where parent == .pos && source == nil:
            var value = OTASource()
            value.isoCountry = e[.isoCountry]
            value.isoCurrency = e[.isoCurrency]
            value.agentSine = e[.agentSine]
            value.pseudoCityCode = e[.pseudoCityCode]
            source = Open(value: value, depth: depth, owner: reservation != nil ? .reservation : .message)
        case .requestorID where parent == .source && source != nil && requestor == nil:
            // MessagePassword is never read.
            var value = OTARequestorID()
            value.type = e[.typeAttribute]
            value.id = e[.id]
            value.idContext = e[.idContext]
            requestor = Open(value: value, depth: depth)
        case .bookingChannel where parent == .source && source != nil && bookingChannel == nil:
            var value = OTABookingChannel()
            value.type = e[.typeAttribute]
            value.primary = e[.primary]
            bookingChannel = Open(value: value, depth: depth)

        // Verification, responses, cancellation reasons
        case .verification where verification == nil:
            if (parent == .hotelReservation || parent == .hotelResModify) && reservation != nil {
                verification = Open(value: OTAVerification(), depth: depth, owner: .reservation)
            } else if parent == .messageRoot && message.cancellation != nil {
                verification = Open(value: OTAVerification(), depth: depth, owner: .cancellation)
            } else {
                return true
            }
        case .success where parent == .messageRoot:
            message.success = true
            return true
        case .warning, .error:
            guard notice == nil, parent == (name == .warning ? OTAName.warnings : OTAName.errors),
                stack.count >= 3 && stack[stack.count - 3] == .messageRoot
            else { return false }
            var value = OTAResponseNotice()
            value.type = e[.typeAttribute]
            value.code = e[.code]
            value.recordID = e[.recordID]
            value.status = e[.status]
            value.shortText = e[.shortText]
            notice = Open(value: value, depth: depth, owner: name == .warning ? .message : .none)
            beginText(.noticeText, depth: depth)
        case .reason where message.cancellation != nil && reservation == nil:
            beginText(.reason, depth: depth)

        default:
            break
        }
        return false
    }

    private func cardLocation() -> OTAPaymentCardLocation {
        for name in stack.reversed() {
            switch name {
            case .guarantee: return .guarantee
            case .depositPayments: return .deposit
            case .paymentForm: return .paymentForm
            case .verification: return .verification
            default: continue
            }
        }
        return .other
    }

    private mutating func repeated(_ name: OTAName, _ parent: OTAName, _ e: SAXElement) {
        noteProblem(.repeatedElement(name: name.rawValue, parent: parent.rawValue, line: e.line))
    }

    /// Handles an end tag inside the message (not the root's).
    mutating func end() {
        let depth = stack.count
        guard let name = stack.popLast() else { return }
        if textTarget != .none && textDepth == depth { finishText() }
        switch name {
        case .hotelReservation, .hotelResModify:
            guard reservation?.depth == depth, let open = reservation.take() else { return }
            message.reservations.append(open.value)
        case .roomStay:
            guard roomStay?.depth == depth, let open = roomStay.take() else { return }
            reservation?.value.roomStays.append(open.value)
        case .ratePlan:
            guard ratePlan?.depth == depth, let open = ratePlan.take() else { return }
            roomStay?.value.ratePlans.append(open.value)
        case .commission:
            guard commission?.depth == depth, let open = commission.take() else { return }
            switch open.owner {
            case .ratePlan:
                if ratePlan?.value.commission != nil {
                    noteProblem(.repeatedElement(name: "Commission", parent: "RatePlan", line: message.line))
                }
                ratePlan?.value.commission = open.value
            case .roomStay: roomStay?.value.commissions.append(open.value)
            default: reservation?.value.globalInfo.commissions.append(open.value)
            }
        case .roomRate:
            guard roomRate?.depth == depth, let open = roomRate.take() else { return }
            roomStay?.value.roomRates.append(open.value)
        case .rate:
            guard rate?.depth == depth, let open = rate.take() else { return }
            roomRate?.value.rates.append(open.value)
        case .base, .total:
            guard amount?.depth == depth, let open = amount.take() else { return }
            switch open.owner {
            case .rateBase: rate?.value.base = open.value
            case .rateTotal: rate?.value.total = open.value
            case .roomRate: roomRate?.value.total = open.value
            case .roomStay: roomStay?.value.total = open.value
            case .global: reservation?.value.globalInfo.total = open.value
            default: break
            }
        case .timeSpan:
            guard timeSpan?.depth == depth, let open = timeSpan.take() else { return }
            if open.owner == .roomStay {
                roomStay?.value.timeSpan = open.value
            } else {
                reservation?.value.globalInfo.timeSpan = open.value
            }
        case .guarantee:
            guard guarantee?.depth == depth, let open = guarantee.take() else { return }
            if open.owner == .roomStay {
                roomStay?.value.guarantees.append(open.value)
            } else {
                reservation?.value.globalInfo.guarantees.append(open.value)
            }
        case .paymentCard:
            guard card?.depth == depth, let open = card.take() else { return }
            if reservation != nil {
                reservation?.value.paymentCards.append(open.value)
            } else {
                message.cancellation?.paymentCards.append(open.value)
            }
        case .comment:
            guard comment?.depth == depth, let open = comment.take() else { return }
            if open.owner == .roomStay {
                roomStay?.value.comments.append(open.value)
            } else {
                reservation?.value.globalInfo.comments.append(open.value)
            }
        case .specialRequest:
            guard specialRequest?.depth == depth, let open = specialRequest.take() else { return }
            if open.owner == .roomStay {
                roomStay?.value.specialRequests.append(open.value)
            } else {
                reservation?.value.globalInfo.specialRequests.append(open.value)
            }
        case .cancelPenalty:
            guard cancelPenalty?.depth == depth, let open = cancelPenalty.take() else { return }
            if open.owner == .roomStay {
                roomStay?.value.cancelPenalties.append(open.value)
            } else {
                reservation?.value.globalInfo.cancelPenalties.append(open.value)
            }
        case .resGuest:
            guard resGuest?.depth == depth, let open = resGuest.take() else { return }
            reservation?.value.resGuests.append(open.value)
        case .profile:
            guard profile?.depth == depth, let open = profile.take() else { return }
            if open.owner == .resGuest {
                resGuest?.value.profiles.append(open.value)
            } else {
                reservation?.value.globalInfo.profiles.append(open.value)
            }
        case .customer:
            guard customer?.depth == depth, let open = customer.take() else { return }
            profile?.value.customer = open.value
        case .companyInfo:
            guard company?.depth == depth, let open = company.take() else { return }
            profile?.value.company = open.value
        case .personName:
            guard personName?.depth == depth, let open = personName.take() else { return }
            if open.owner == .customer {
                customer?.value.personName = open.value
            } else {
                verification?.value.personName = open.value
            }
        case .email:
            guard email?.depth == depth, let open = email.take() else { return }
            switch open.owner {
            case .customer: customer?.value.emails.append(open.value)
            case .company: company?.value.emails.append(open.value)
            default: verification?.value.emails.append(open.value)
            }
        case .address, .addressInfo:
            guard address?.depth == depth, let open = address.take() else { return }
            if open.owner == .customer {
                customer?.value.addresses.append(open.value)
            } else {
                company?.value.addresses.append(open.value)
            }
        case .companyName:
            guard companyName?.depth == depth, let open = companyName.take() else { return }
            switch open.owner {
            case .company: company?.value.companyName = open.value
            case .bookingChannel: bookingChannel?.value.companyName = open.value
            default: requestor?.value.companyName = open.value
            }
        case .source:
            guard source?.depth == depth, let open = source.take() else { return }
            if open.owner == .reservation {
                reservation?.value.pointOfSale.append(open.value)
            } else {
                message.pointOfSale.append(open.value)
            }
        case .requestorID:
            guard requestor?.depth == depth, let open = requestor.take() else { return }
            source?.value.requestorIDs.append(open.value)
        case .bookingChannel:
            guard bookingChannel?.depth == depth, let open = bookingChannel.take() else { return }
            source?.value.bookingChannel = open.value
        case .verification:
            guard verification?.depth == depth, let open = verification.take() else { return }
            if open.owner == .reservation {
                reservation?.value.verification = open.value
            } else {
                message.cancellation?.verification = open.value
            }
        case .warning, .error:
            guard notice?.depth == depth, let open = notice.take() else { return }
            if open.owner == .message {
                message.warnings.append(open.value)
            } else {
                message.errors.append(open.value)
            }
        default:
            break
        }
    }
}
