import HotelDomain

/// A record of a message that the hotel refused (and quarantined), reported as a `Warning` of the
/// acknowledgement.
///
/// Rule: the warning's `RecordID` is the channel's reservation id, so the channel knows which booking to fix
/// and resend; its text is the reason, with any card number masked to its last four digits. Example:
/// `RecordWarning(channelReference: "4712", reason: "room type code \"bigsuite\" is not mapped for channel
/// ALPINE")` becomes `<Warning Type="3" Code="450" RecordID="4712">room type code "bigsuite" is …</Warning>`.
public struct RecordWarning: Sendable, Hashable {
    /// The channel's reservation id (at most 64 characters); `nil` when the record has none.
    public var channelReference: String?
    /// Why the record was refused: one sentence, free text.
    public var reason: String

    /// A warning for the record `channelReference`.
    public init(channelReference: String?, reason: String) {
        self.channelReference = channelReference
        self.reason = reason
    }

    /// The warning for a record the importer refused with `error`.
    public init(_ error: ChannelRecordError) {
        self.init(channelReference: error.reference, reason: error.reason)
    }
}
