/// Why one field of a channel record cannot be read: one sentence that names the value and what would be valid.
///
/// Rule: the normalizer throws it while reading a record and turns it into the record's `ChannelRecordError`
/// together with the reservation id. Example: `Total AmountAfterTax "12,50" is not a decimal amount; ...`.
struct RecordProblem: Error, Sendable {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
