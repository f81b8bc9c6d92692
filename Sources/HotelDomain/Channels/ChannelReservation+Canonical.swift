extension ChannelReservation {
    /// Everything the record says, as one line of text in a fixed order: two records with the same text
    /// have the same effect, so the text (hashed) identifies a message already imported.
    ///
    /// Example: `BOOKINGCOM|4711|book|0|1669194067000|…|DLX|BAR|2027-03-01|2027-03-04|1|2027-03-01=92000,…`.
    /// Fields are separated by `|`; a `|` inside a field is written `\|`. Built as UTF-8 bytes (the reader
    /// thread of a feed import writes one per booking); the text must never change, or messages imported
    /// before would no longer be recognised.
    public var canonicalText: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        appendCanonicalText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `canonicalText`'s UTF-8 bytes to `bytes` (a feed import hashes them without making a `String`).
    public func appendCanonicalText(to bytes: inout [UInt8]) {
        var line = CanonicalLine()
        func add(_ field: String) { line.add(field, to: &bytes) }
        // Numbers, dates and currency codes never hold a `|`: they are written straight into the bytes (the
        // same bytes as their text) instead of being made into strings first.
        func addNumber(_ number: Int64) {
            line.separate(&bytes)
            CanonicalLine.appendDecimal(number, to: &bytes)
        }
        add(channel.rawValue)
        add(reference)
        add(action.rawValue)
        add(isStatusOnly ? "1" : "0")
        line.separate(&bytes)
        if let lastModified { CanonicalLine.appendDecimal(lastModified, to: &bytes) }
        add(hotelCode ?? "")
        add(guest.name)
        add(guest.email ?? "")
        add(guest.phone ?? "")
        addNumber(Int64(guest.adults))
        line.separate(&bytes)
        for (index, age) in guest.childAges.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            CanonicalLine.appendDecimal(Int64(age), to: &bytes)
        }
        add(roomType?.rawValue ?? "")
        add(ratePlan?.rawValue ?? "")
        // The stay is one field "arrival|departure", so its `|` is escaped.
        line.separate(&bytes)
        if let stay { CanonicalLine.appendDate(stay.arrival, to: &bytes) }
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "|"))
        if let stay { CanonicalLine.appendDate(stay.departure, to: &bytes) }
        addNumber(Int64(rooms))
        line.separate(&bytes)
        for (index, night) in nights.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            CanonicalLine.appendDate(night.night, to: &bytes)
            bytes.append(UInt8(ascii: "="))
            CanonicalLine.appendDecimal(night.amount.minorUnits, to: &bytes)
        }
        if let total {
            addNumber(total.minorUnits)
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: total.currency.code.utf8)
        } else {
            add("")
        }
        switch commission {
        case .percent(let share):
            addNumber(Int64(share.value))
            bytes.append(UInt8(ascii: "b"))
            bytes.append(UInt8(ascii: "p"))
        case .amount(let amount): addNumber(amount.minorUnits)
        case nil: add("")
        }
        add(travelAgent?.name ?? "")
        add(travelAgent?.iataNumber ?? "")
        add(mealPlan ?? "")
        add(comments.joined(separator: "\u{1F}"))
        add(specialRequests.joined(separator: "\u{1F}"))
        add(cardLastFour ?? "")
        add(cardExpiry ?? "")
    }
}

/// The fields of a canonical line, escaped and joined with `|`, appended as UTF-8 bytes.
private struct CanonicalLine {
    private var fields = 0

    /// Starts the next field: the separator, unless it is the first.
    mutating func separate(_ bytes: inout [UInt8]) {
        if fields > 0 { bytes.append(UInt8(ascii: "|")) }
        fields += 1
    }

    /// `number` in decimal (a small string: no allocation).
    static func appendDecimal(_ number: Int64, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: String(number).utf8)
    }

    /// `date` as `YYYY-MM-DD`: its `description`, a small string.
    static func appendDate(_ date: CalendarDate, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: date.description.utf8)
    }

    mutating func add(_ field: String, to bytes: inout [UInt8]) {
        separate(&bytes)
        var field = field
        let done = field.withUTF8 { utf8 in
            if !utf8.contains(UInt8(ascii: "|")) {
                bytes.append(contentsOf: utf8)
                return true
            }
            // ASCII text: each character is one byte, so escaping byte by byte gives `escapingBars`' bytes.
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            for byte in utf8 {
                if byte == UInt8(ascii: "|") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            return true
        }
        if !done { bytes.append(contentsOf: field.escapingBars.utf8) }
    }
}

extension String {
    /// Every `|` character written `\|` (a `|` that a combining mark joins into another character is kept).
    fileprivate var escapingBars: String {
        var result = ""
        for character in self {
            if character == "|" { result += "\\|" } else { result.append(character) }
        }
        return result
    }
}
