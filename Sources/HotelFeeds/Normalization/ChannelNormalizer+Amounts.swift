import HotelDomain

extension ChannelNormalizer {
    /// The amount of an OpenTravel `Base`, `Total` or `Rate` element in the hotel's currency.
    ///
    /// Rule: `AmountAfterTax` is preferred, else `AmountBeforeTax`. The hotel's selling prices (its BAR) are
    /// tax-inclusive in most markets, so after-tax amounts compare with what the hotel charges; a channel that
    /// sends only before-tax amounts gives those (OpenTravel's samples 07 and 10). `nil` when neither is given.
    /// Example: `Total AmountBeforeTax="495.42" AmountAfterTax="540.00"` is 540.00.
    func preferredAmount(of amount: OTAAmount?, element: String) throws(RecordProblem) -> Money? {
        guard let amount else { return nil }
        if let text = Self.trimmed(amount.amountAfterTax) {
            return try money(
                text, currencyCode: amount.currencyCode, decimalPlaces: amount.decimalPlaces,
                attribute: "\(element) AmountAfterTax")
        }
        if let text = Self.trimmed(amount.amountBeforeTax) {
            return try money(
                text, currencyCode: amount.currencyCode, decimalPlaces: amount.decimalPlaces,
                attribute: "\(element) AmountBeforeTax")
        }
        return nil
    }

    /// An amount written as decimal text, read exactly into the hotel's currency.
    ///
    /// Rule: the currency code, when present, must be the hotel's (amounts are never converted). With
    /// `DecimalPlaces="2"` and a channel whose `decimalPlacesImplied` is set, an amount written without a point
    /// has its last two digits as decimals (`16900` = 169.00, the OpenTravel reading); an amount that has a
    /// point is read as written (`169.00`), and so is every amount of a channel without implied decimals
    /// (`169` = 169.00). Trailing zeros beyond the currency's decimals are dropped (`169.000` EUR = 169.00);
    /// anything else goes through `Money(parsing:)`, so `12,50`, `1e3` and `12.345` EUR are refused, as is a
    /// negative price. Example: `"16900"`, `DecimalPlaces="2"`, implied → 16900 minor units.
    func money(
        _ text: String, currencyCode: String?, decimalPlaces: String?, attribute named: @autoclosure () -> String
    ) throws(RecordProblem) -> Money {
        // The attribute's name is only spelled out in a refusal (three amounts per booking otherwise built it).
        var attribute: String { named() }
        if let code = Self.trimmed(currencyCode), code != currency.code {
            throw RecordProblem(
                "\(attribute) \"\(text)\" is in \(code), but the hotel sells in \(currency.code); "
                    + "channel amounts must be in \(currency.code) (no currency conversion is made)")
        }
        var decimalText = text
        if let placesText = Self.trimmed(decimalPlaces) {
            guard let places = Int(placesText), (0...9).contains(places) else {
                throw RecordProblem(
                    "DecimalPlaces \"\(placesText)\" of \(attribute) is not a number of decimals; expected 0 to 9")
            }
            if channel.settings.decimalPlacesImplied {
                decimalText = Self.insertingImpliedPoint(into: text, places: places)
            }
        }
        decimalText = Self.droppingExtraZeros(of: decimalText, keeping: currency.minorDigits)
        let amount: Money
        do {
            amount = try Money(parsing: decimalText, currency: currency)
        } catch {
            let detail = (error as? DomainError)?.description ?? "amount \"\(decimalText)\" is not a decimal amount"
            throw RecordProblem("\(attribute) \"\(text)\" cannot be read: \(detail)")
        }
        guard amount.minorUnits >= 0 else {
            throw RecordProblem("\(attribute) \"\(text)\" is negative; a channel price is zero or more")
        }
        return amount
    }

    /// `"16900"` with 2 places → `"169.00"`; `"5"` → `"0.05"`; text with a point or other than digits unchanged.
    static func insertingImpliedPoint(into text: String, places: Int) -> String {
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        guard places > 0, !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return text }
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let point = padded.index(padded.endIndex, offsetBy: -places)
        return (negative ? "-" : "") + padded[..<point] + "." + padded[point...]
    }

    /// `"169.000"` → `"169.00"` for 2 decimals: only zeros beyond the currency's decimals are dropped.
    static func droppingExtraZeros(of text: String, keeping decimals: Int) -> String {
        // ASCII text (every amount a channel should send): bytes are characters, so count them in place.
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        if ascii {
            let utf8 = text.utf8
            guard let point = utf8.firstIndex(of: UInt8(ascii: ".")) else { return text }
            var end = utf8.endIndex
            while utf8.distance(from: point, to: end) - 1 > decimals, utf8[utf8.index(before: end)] == UInt8(ascii: "0") {
                end = utf8.index(before: end)
            }
            if utf8.index(after: point) == end { end = point }
            return end == utf8.endIndex ? text : String(text[..<end])
        }
        guard let point = text.firstIndex(of: ".") else { return text }
        var result = text
        while result.distance(from: point, to: result.endIndex) - 1 > decimals, result.last == "0" {
            result.removeLast()
        }
        if result.last == "." { result.removeLast() }
        return result
    }

    /// The commission the channel says it takes.
    ///
    /// Rule: the first `Commission` of the rate plan, else of the room stay, else of `ResGlobalInfo`. Its
    /// `Percent` gives `.percent` in basis points: a percentage (`15` = 1500 bp, at most two decimals), or a
    /// fraction when the channel's `commissionPercentIsFraction` is set (`0.15` = 1500 bp, at most four
    /// decimals, at most 1). Without a percent, `CommissionPayableAmount` gives `.amount`, read like any amount.
    /// Example: AlpineBits' `Commission Percent="15"` → 1500 bp.
    func commission(of reservation: OTAHotelReservation) throws(RecordProblem) -> ChannelCommission? {
        let stays = reservation.roomStays
        let candidates =
            stays.compactMap { $0.ratePlans.first?.commission } + stays.flatMap(\.commissions)
            + reservation.globalInfo.commissions
        guard let commission = candidates.first else { return nil }
        if let percent = Self.trimmed(commission.percent) {
            return .percent(try basisPoints(commissionPercent: percent))
        }
        if let amount = Self.trimmed(commission.payableAmount) {
            return .amount(
                try money(
                    amount, currencyCode: commission.payableCurrencyCode,
                    decimalPlaces: commission.payableDecimalPlaces, attribute: "CommissionPayableAmount Amount"))
        }
        return nil
    }

    /// `Commission/@Percent` in basis points, as a percentage or as a fraction per the channel's setting.
    func basisPoints(commissionPercent text: String) throws(RecordProblem) -> BasisPoints {
        guard channel.settings.commissionPercentIsFraction else {
            do {
                return try BasisPoints(parsing: text)
            } catch {
                throw RecordProblem(
                    "Commission Percent \"\(text)\" is not a percentage from 0 to 100 with at most two decimals "
                        + "(channel \(channel.code) writes 15 for 15%)")
            }
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard parts.count <= 2, isDigits(parts[0]), parts[0].count <= 1, let whole = Int(parts[0]),
            parts.count == 1 || (isDigits(parts[1]) && parts[1].count <= 4)
        else {
            throw RecordProblem(
                "Commission Percent \"\(text)\" is not a fraction from 0 to 1 with at most four decimals "
                    + "(channel \(channel.code) writes 0.15 for 15%)")
        }
        var fraction = 0
        if parts.count == 2 {
            fraction = Int(parts[1]) ?? 0
            for _ in parts[1].count..<4 { fraction *= 10 }
        }
        let value = whole * 10_000 + fraction
        guard value <= 10_000 else {
            throw RecordProblem(
                "Commission Percent \"\(text)\" is more than 1; channel \(channel.code) writes commission as a "
                    + "fraction (0.15 for 15%)")
        }
        return BasisPoints(value)
    }
}
