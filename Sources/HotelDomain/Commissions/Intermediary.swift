/// A travel agency (with its IATA number) or an OTA that books guests for the hotel and claims commission.
///
/// Rule: the code is a `Code`; the name is not empty; the IATA number, when given, is 8 digits. Channel
/// bookings belong to the intermediary whose IATA number the feed names as travel agent, else to the
/// intermediary whose code is the booking's channel code; other bookings name it (`bookings create
/// --intermediary`). Example: TRAVELCO "TravelCo Agency", IATA 12345678, 10% of room revenue net of tax.
public struct Intermediary: Hashable, Sendable {
    public var code: Code
    public var name: String
    public var iata: IATANumber?
    public var terms: CommissionTerms

    public init(code: Code, name: String, iata: IATANumber?, terms: CommissionTerms) throws {
        guard !name.trimmingWhitespace.isEmpty else {
            throw DomainError.invalid("intermediary name is empty; give its name, e.g. --name \"TravelCo Agency\"")
        }
        self.code = code
        self.name = name.trimmingWhitespace
        self.iata = iata
        self.terms = terms
    }
}

/// An IATA agency number (IATA/TIDS code): exactly 8 digits.
///
/// Example: `try IATANumber(parsing: "12345678")`; `"1234567"` and `"1234567X"` are refused.
public struct IATANumber: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(parsing text: String) throws {
        guard text.utf8.count == 8, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw DomainError.invalid(
                "IATA number \"\(text)\" is not valid; an IATA agency number is exactly 8 digits, e.g. 12345678")
        }
        rawValue = text
    }

    public var description: String { rawValue }
}

/// What the commission is computed on.
public enum CommissionBasis: String, Sendable, CaseIterable {
    /// Room revenue of the nights stayed, without the tax included in the hotel's prices (the default).
    case roomNetOfTax = "room-net-of-tax"
    /// Room revenue as charged, tax included.
    case roomIncludingTax = "room-including-tax"

    public init(parsing text: String) throws {
        guard let basis = CommissionBasis(rawValue: text.lowercased()) else {
            throw DomainError.invalid(
                "commission basis \"\(text)\" is not valid; use \(CommissionBasis.allCases.map(\.rawValue).joined(separator: " or "))"
            )
        }
        self = basis
    }
}

/// An intermediary's contracted commission: a percent of eligible room revenue, plus optional flat amounts
/// per room-night and per room-stay, on at most `capNights` nights of a stay, for stays within the validity.
///
/// Rules: the percent is 0%–100%; flat amounts are 0 or more in the hotel's currency; the cap is 1 night or
/// more; a night counts only when it falls within `validFrom…validTo` (either bound may be open). The terms
/// must pay something: a percent or a flat amount above zero. Example: 10% of room revenue net of tax, on at
/// most 29 nights, 2027-01-01…2027-12-31.
public struct CommissionTerms: Hashable, Sendable {
    public var percent: BasisPoints
    public var basis: CommissionBasis
    public var flatPerNight: Money
    public var flatPerStay: Money
    public var capNights: Int?
    public var validFrom: CalendarDate?
    public var validTo: CalendarDate?

    public init(
        percent: BasisPoints, basis: CommissionBasis = .roomNetOfTax, flatPerNight: Money, flatPerStay: Money,
        capNights: Int? = nil, validFrom: CalendarDate? = nil, validTo: CalendarDate? = nil
    ) throws {
        guard flatPerNight.minorUnits >= 0 else {
            throw DomainError.invalid(
                "flat amount per night \(flatPerNight.decimalText) is negative; use 0 or a positive amount")
        }
        guard flatPerStay.minorUnits >= 0 else {
            throw DomainError.invalid(
                "flat amount per stay \(flatPerStay.decimalText) is negative; use 0 or a positive amount")
        }
        if let capNights, capNights < 1 || capNights > Stay.maximumNights {
            throw DomainError.invalid("cap of \(capNights) nights is not valid; give 1 to \(Stay.maximumNights) nights")
        }
        if let validFrom, let validTo, validTo < validFrom {
            throw DomainError.invalid(
                "terms end on \(validTo), before they start on \(validFrom); give --to on or after --from")
        }
        guard percent.value > 0 || flatPerNight.minorUnits > 0 || flatPerStay.minorUnits > 0 else {
            throw DomainError.invalid(
                "the commission terms pay nothing; give --commission above 0% or a flat amount per night or per stay")
        }
        self.percent = percent
        self.basis = basis
        self.flatPerNight = flatPerNight
        self.flatPerStay = flatPerStay
        self.capNights = capNights
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// Whether the terms cover this night.
    public func covers(_ night: CalendarDate) -> Bool {
        (validFrom.map { $0 <= night } ?? true) && (validTo.map { night <= $0 } ?? true)
    }

    /// `"10% of room revenue net of tax + 5.00 per room-night, at most 29 nights, 2027-01-01…2027-12-31"`.
    public var summary: String {
        var parts: [String] = []
        if percent.value > 0 || (flatPerNight.minorUnits == 0 && flatPerStay.minorUnits == 0) {
            parts.append("\(percent) of room revenue \(basis == .roomNetOfTax ? "net of tax" : "including tax")")
        }
        if flatPerNight.minorUnits > 0 { parts.append("\(flatPerNight.decimalText) per room-night") }
        if flatPerStay.minorUnits > 0 { parts.append("\(flatPerStay.decimalText) per room-stay") }
        var text = parts.joined(separator: " + ")
        if let capNights { text += ", at most \(capNights) night\(capNights == 1 ? "" : "s") a stay" }
        switch (validFrom, validTo) {
        case (let from?, let to?): text += ", stays \(from)…\(to)"
        case (let from?, nil): text += ", stays from \(from)"
        case (nil, let to?): text += ", stays until \(to)"
        case (nil, nil): break
        }
        return text
    }
}
