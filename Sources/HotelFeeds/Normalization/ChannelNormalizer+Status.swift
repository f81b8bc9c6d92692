import HotelDomain

extension ChannelNormalizer {
    /// The statuses a channel may write and what each does, compared without regard to case.
    ///
    /// Rule (DESIGN.md §6): Book, Commit, Reserved, Initiate → a new or confirmed booking; Modify → a full
    /// overlay; Cancel, Cancelled → a cancellation; Requested → a quote request. Example: AlpineBits writes
    /// `Reserved`, `Cancelled`, `Requested`; OpenTravel writes `Commit` on the root.
    static let actionsByStatus: [(status: String, action: ChannelAction)] = [
        ("Book", .book), ("Commit", .book), ("Reserved", .book), ("Initiate", .book),
        ("Modify", .modify),
        ("Cancel", .cancel), ("Cancelled", .cancel),
        ("Requested", .quote),
    ]

    /// What the record does to the stored booking.
    ///
    /// Rule: `HotelReservation/@ResStatus` first, then the root `@ResStatus`, then the message type: an
    /// `OTA_HotelResNotifRQ` (or a pulled `OTA_ResRetrieveRS`) without status books, an
    /// `OTA_HotelResModifyNotifRQ` modifies, an `OTA_CancelRQ` cancels. An unknown status refuses the record,
    /// naming the valid ones. Inside an `OTA_HotelResModifyNotifRQ` a booking status (Book, Commit, Reserved,
    /// Initiate) means "commit this modification", so it gives `.modify`: OpenTravel's modify sample (10) has
    /// the root `ResStatus="Commit"` and must overlay the stored booking, not be taken for a new one.
    /// Example: sample 07 has no reservation status and root `Commit` → `.book`.
    func action(of reservation: OTAHotelReservation, in message: OTABookingMessage) throws(RecordProblem)
        -> ChannelAction
    {
        let written: (text: String, attribute: String)?
        if let text = Self.trimmed(reservation.resStatus) {
            written = (text, "HotelReservation/@ResStatus")
        } else if let text = Self.trimmed(message.resStatus) {
            written = (text, "\(message.type.rawValue)/@ResStatus")
        } else {
            written = nil
        }
        guard let written else {
            switch message.type {
            case .hotelResNotif, .resRetrieve: return .book
            case .hotelResModifyNotif: return .modify
            case .cancel: return .cancel
            }
        }
        let key = written.text.lowercased()
        guard let action = Self.actionsByStatus.first(where: { $0.status.lowercased() == key })?.action else {
            throw RecordProblem(
                "status \"\(written.text)\" (\(written.attribute)) is not one of Book, Commit, Reserved, Initiate "
                    + "(a booking), Modify (a change), Cancel, Cancelled (a cancellation) or Requested (a quote request)"
            )
        }
        if action == .book, message.type == .hotelResModifyNotif { return .modify }
        return action
    }

    /// The channel's reservation id: with the channel code, the identity of the booking.
    ///
    /// Rule: the reservation's `UniqueID` (Type 14 "reservation" preferred, then Type 15 "cancellation" as
    /// AlpineBits sends for cancellations, then any other); else the `HotelReservationID` whose `ResID_Source`
    /// is the channel (its code or name, without regard to case), else one with `ResID_Type="14"`. The
    /// channel's own number goes first because it is the one a later modify or cancel repeats: OpenTravel's
    /// booking (07) carries only `ResID_Type="13"` 7865 from "Travel Today", and its modification (10) carries
    /// that one plus the hotel's `ResID_Type="14"` 82329987 from "Marriott"; for the channel "Travel Today"
    /// both give 7865. A record with no id at all is refused: it could never be matched again.
    func reference(of reservation: OTAHotelReservation) throws(RecordProblem) -> String {
        if let id = Self.preferredUniqueID(reservation.uniqueIDs) { return id }
        let ids = reservation.globalInfo.hotelReservationIDs.filter { Self.trimmed($0.resIDValue) != nil }
        let names = [channel.code.rawValue.lowercased(), channel.name.lowercased()]
        if let own = ids.first(where: { names.contains((Self.trimmed($0.resIDSource) ?? "").lowercased()) }),
            let id = Self.trimmed(own.resIDValue)
        {
            return id
        }
        if let reservationID = ids.first(where: { Self.trimmed($0.resIDType) == "14" }),
            let id = Self.trimmed(reservationID.resIDValue)
        {
            return id
        }
        throw RecordProblem(
            "reservation at line \(reservation.line) has no id: no UniqueID, and no HotelReservationID with "
                + "ResID_Type 14 or ResID_Source \"\(channel.name)\"; a record that cannot be matched again is not imported"
        )
    }

    /// The id of the `UniqueID` to use: Type 14 first, then 15, then the first with an id.
    static func preferredUniqueID(_ uniqueIDs: [OTAUniqueID]) -> String? {
        let withID = uniqueIDs.filter { trimmed($0.id) != nil }
        let preferred = withID.first { trimmed($0.type) == "14" } ?? withID.first { trimmed($0.type) == "15" }
        return trimmed((preferred ?? withID.first)?.id)
    }

    /// `text` without white space at either end; `nil` when nothing is left.
    static func trimmed(_ text: String?) -> String? {
        guard let text else { return nil }
        // Fast path: most values start and end with a visible ASCII character and need no copy.
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return text
        }
        var body = Substring(text)
        while body.first?.isWhitespace == true { body.removeFirst() }
        while body.last?.isWhitespace == true { body.removeLast() }
        return body.isEmpty ? nil : String(body)
    }
}
