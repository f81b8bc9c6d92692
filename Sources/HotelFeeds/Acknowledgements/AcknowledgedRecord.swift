/// One reservation record of a message that the hotel imported, as its acknowledgement reports it.
///
/// Rule: the acknowledgement pairs the channel's reservation id with the hotel's confirmation number, so the
/// channel can quote either. A duplicate that changed nothing is acknowledged like a new one. A quote request
/// (not a booking) has no confirmation number. Example: `AcknowledgedRecord(channelReference: "4711",
/// hotelConfirmation: "SH27-00042")`; a cancellation of it adds `cancelled: true`.
public struct AcknowledgedRecord: Sendable, Hashable {
    /// The channel's reservation id, e.g. `"4711"` (at most 64 characters; 32 where the acknowledgement
    /// carries it as a `UniqueID`, as `OTA_CancelRS` and `OTA_NotifReportRQ` do).
    public var channelReference: String
    /// The hotel's confirmation number, e.g. `"SH27-00042"`; `nil` for a quote request or a cancellation of a
    /// booking the hotel never had.
    public var hotelConfirmation: String?
    /// Whether the record cancelled the booking (or recorded the cancellation of an unknown one).
    public var cancelled: Bool
    /// The hotel's cancellation number, when it issues one; an `OTA_CancelRS` otherwise quotes the
    /// confirmation number as the cancellation reference.
    public var cancellationNumber: String?

    /// A record acknowledgement.
    public init(
        channelReference: String, hotelConfirmation: String?, cancelled: Bool = false,
        cancellationNumber: String? = nil
    ) {
        self.channelReference = channelReference
        self.hotelConfirmation = hotelConfirmation
        self.cancelled = cancelled
        self.cancellationNumber = cancellationNumber
    }
}
