import Foundation

/// What the hotel answers to one booking message of a channel feed: the content of its acknowledgement file.
///
/// Rule: every booking message gets exactly one acknowledgement, whose root follows the request
/// (`OTA_HotelResNotifRQ` → `OTA_HotelResNotifRS`, `OTA_HotelResModifyNotifRQ` → `OTA_HotelResModifyNotifRS`,
/// `OTA_CancelRQ` → `OTA_CancelRS`, an AlpineBits `OTA_ResRetrieveRS` pull → `OTA_NotifReportRQ`). A message
/// that was read is `.accepted`, with the records it imported and a warning for each record it refused (even
/// when it refused them all); a message that could not be read is `.rejected`. The time stamp is passed in, so
/// the same acknowledgement always gives the same bytes. Example: an `OTA_HotelResNotifRQ` with EchoToken
/// "354" whose booking 4711 became confirmation "SH27-00042" and whose booking 4712 had an unmapped room type
/// is `.accepted(records: [4711 → SH27-00042], warnings: [4712: "room type code …"])`.
public struct FeedAcknowledgement: Sendable, Hashable {
    /// The request being answered; it decides the acknowledgement's root element.
    public var messageType: OTAMessageType
    /// The request's `EchoToken`, returned unchanged, e.g. `"354"`. Left out of the file when it is empty or
    /// longer than the 128 characters the schema allows (the attribute is optional).
    public var echoToken: String?
    /// When the hotel answered (the acknowledgement's `TimeStamp`, written in UTC to the second, e.g.
    /// `2027-03-01T02:00:00Z`). The caller supplies it, usually once per import run.
    public var timeStamp: Date
    /// The channel's code, written as the source of the channel's reservation ids, e.g. `"BOOKINGCOM"`.
    public var channel: String?
    /// The hotel's code (`HotelCode`, at most 16 characters), written as the source of its confirmation
    /// numbers, e.g. `"SHBUND"`.
    public var hotelCode: String?
    /// What became of the message.
    public var outcome: Outcome

    /// What became of one message.
    ///
    /// Rule: `.accepted` writes `Success` (with `Warnings` when a record was refused); `.rejected` writes
    /// `Errors` and nothing else. Example: a message cut off by a truncated file is
    /// `.rejected(errors: ["Premature end of data in tag HotelReservation, line 57."])`.
    public enum Outcome: Sendable, Hashable {
        /// The message was read: `records` were imported (or left unchanged as duplicates), `warnings` name
        /// the records that were refused and quarantined.
        case accepted(records: [AcknowledgedRecord], warnings: [RecordWarning])
        /// The message could not be read; each text is one error sentence (1 to 99 of them).
        case rejected(errors: [String])
    }

    /// An acknowledgement of a `messageType` request with the given outcome.
    public init(
        messageType: OTAMessageType, echoToken: String?, timeStamp: Date, channel: String? = nil,
        hotelCode: String? = nil, outcome: Outcome
    ) {
        self.messageType = messageType
        self.echoToken = echoToken
        self.timeStamp = timeStamp
        self.channel = channel
        self.hotelCode = hotelCode
        self.outcome = outcome
    }

    /// The acknowledgement of `message`: its type and `EchoToken` come from the message.
    /// Example: `FeedAcknowledgement(replyingTo: message, timeStamp: importStart, outcome: .accepted(…))`.
    public init(
        replyingTo message: OTABookingMessage, timeStamp: Date, channel: String? = nil, hotelCode: String? = nil,
        outcome: Outcome
    ) {
        self.init(
            messageType: message.type, echoToken: message.echoToken, timeStamp: timeStamp, channel: channel,
            hotelCode: hotelCode, outcome: outcome)
    }
}
