extension ChannelReservation {
    /// Everything the record says, as one line of text in a fixed order: two records with the same text
    /// have the same effect, so the text (hashed) identifies a message already imported.
    ///
    /// Example: `BOOKINGCOM|4711|book|0|1669194067000|…|DLX|BAR|2027-03-01|2027-03-04|1|2027-03-01=92000,…`.
    public var canonicalText: String {
        var fields: [String] = [
            channel.rawValue, reference, action.rawValue, isStatusOnly ? "1" : "0", lastModified.map(String.init) ?? "",
            hotelCode ?? "", guest.name, guest.email ?? "", guest.phone ?? "", String(guest.adults),
            guest.childAges.map(String.init).joined(separator: ","), roomType?.rawValue ?? "", ratePlan?.rawValue ?? "",
            stay.map { "\($0.arrival)|\($0.departure)" } ?? "|", String(rooms),
            nights.map { "\($0.night)=\($0.amount.minorUnits)" }.joined(separator: ","),
            total.map { "\($0.minorUnits) \($0.currency.code)" } ?? "",
        ]
        switch commission {
        case .percent(let share): fields.append("\(share.value)bp")
        case .amount(let amount): fields.append("\(amount.minorUnits)")
        case nil: fields.append("")
        }
        fields += [
            travelAgent?.name ?? "", travelAgent?.iataNumber ?? "", mealPlan ?? "", comments.joined(separator: "\u{1F}"),
            specialRequests.joined(separator: "\u{1F}"), cardLastFour ?? "", cardExpiry ?? "",
        ]
        return fields.map { $0.replacingAll("|", with: "\\|") }.joined(separator: "|")
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        guard let byte = target.asciiValue, utf8.contains(byte) else {
            return target.isASCII ? self : replacingSlowly(target, with: replacement)
        }
        return replacingSlowly(target, with: replacement)
    }

    private func replacingSlowly(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
