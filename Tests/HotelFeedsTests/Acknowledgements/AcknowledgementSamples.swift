import Foundation
import HotelFeeds

/// Acknowledgements used by the writer's tests: the hotel SHBUND answering BOOKINGCOM on 2027-03-01 02:00 UTC.
enum AcknowledgementSamples {
    /// 2027-03-01T02:00:00Z.
    static let answeredAt = Date(timeIntervalSince1970: 1_803_866_400)

    static let imported = AcknowledgedRecord(channelReference: "4711", hotelConfirmation: "SH27-00042")
    static let cancelled = AcknowledgedRecord(
        channelReference: "4713", hotelConfirmation: "SH27-00043", cancelled: true)
    static let refused = RecordWarning(
        channelReference: "4712", reason: "room type code \"bigsuite\" is not mapped for channel BOOKINGCOM")

    /// Success with two records (one cancelled; only the cancellation for `OTA_CancelRQ`) and one warning.
    static func mixed(_ type: OTAMessageType) -> FeedAcknowledgement {
        let records = type == .cancel ? [cancelled] : [imported, cancelled]
        return acknowledgement(type, .accepted(records: records, warnings: [refused]))
    }

    /// An unreadable message.
    static func rejected(_ type: OTAMessageType) -> FeedAcknowledgement {
        acknowledgement(
            type,
            .rejected(errors: [
                "Message 1 (\(type.rawValue), line 3): element TimeSpan appears twice in RoomStay at line 31.",
                "Premature end of data in tag HotelReservation, line 57.",
            ]))
    }

    static func acknowledgement(
        _ type: OTAMessageType, _ outcome: FeedAcknowledgement.Outcome, echoToken: String? = "354"
    ) -> FeedAcknowledgement {
        FeedAcknowledgement(
            messageType: type, echoToken: echoToken, timeStamp: answeredAt, channel: "BOOKINGCOM",
            hotelCode: "SHBUND", outcome: outcome)
    }
}
