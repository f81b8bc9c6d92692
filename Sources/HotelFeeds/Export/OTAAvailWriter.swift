import HotelDomain

/// Writes stay controls and booking limits as one `OTA_HotelAvailNotifRQ`, valid against the OTA 2015A schema.
///
/// Rule: every state is sent explicitly, so an incremental file also reopens what was lifted. Per control
/// period (plan, room type or all, nights `Start`…`End` both included) three `AvailStatusMessage`s: the first
/// with `LengthsOfStay` (`SetMinLOS`/`RemoveMinLOS`, `SetMaxLOS`/`RemoveMaxLOS`, in days) and the master
/// `RestrictionStatus Status="Close"` (stop-sell) or `"Open"`, then `Restriction="Arrival"` (CTA) and
/// `Restriction="Departure"` (CTD) with `Close` or `Open`. Per booking-limit period one message with
/// `BookingLimitMessageType="SetLimit" BookingLimit` = physical − out of order + overbooking allowance, for the
/// room type and all rate plans. Example: BAR DLX closed to arrival on 2027-05-01 →
/// `<StatusApplicationControl Start="2027-05-01" End="2027-05-01" RatePlanCode="BAR" InvTypeCode="DLX"/>
/// <RestrictionStatus Restriction="Arrival" Status="Close"/>`.
public enum OTAAvailWriter {
    /// Writes the document into `buffer` and finishes it; at least one period must be given.
    public static func write(
        controls: [PMSControlPeriod], bookingLimits: [PMSBookingLimit], hotelCode: String, timeStamp: String?,
        to buffer: ExportBuffer
    ) throws {
        let fit = OTAExportValues.fit
        var xml = XMLStream(buffer)
        xml.start(
            "OTA_HotelAvailNotifRQ",
            [
                ("xmlns", AcknowledgementWriter.namespace), ("TimeStamp", timeStamp),
                ("Version", OTAExportValues.version),
            ])
        xml.start("AvailStatusMessages", [("HotelCode", fit(hotelCode, 16))])
        for period in controls {
            let scope: [(String, String?)] = [
                ("Start", period.nights.first.description), ("End", period.nights.last.description),
                ("RatePlanCode", fit(period.ratePlan.rawValue, 64)), ("InvTypeCode", period.roomType?.rawValue),
                ("AllInvCode", period.roomType == nil ? "true" : nil),
            ]
            xml.start("AvailStatusMessage")
            xml.empty("StatusApplicationControl", scope)
            xml.start("LengthsOfStay")
            xml.empty(
                "LengthOfStay",
                period.minimumStay.map {
                    [("Time", String($0)), ("TimeUnit", "Day"), ("MinMaxMessageType", "SetMinLOS")]
                }
                    ?? [("MinMaxMessageType", "RemoveMinLOS")])
            xml.empty(
                "LengthOfStay",
                period.maximumStay.map {
                    [("Time", String($0)), ("TimeUnit", "Day"), ("MinMaxMessageType", "SetMaxLOS")]
                }
                    ?? [("MinMaxMessageType", "RemoveMaxLOS")])
            xml.end()
            xml.empty("RestrictionStatus", [("Status", period.closed ? "Close" : "Open")])
            xml.end()
            for (restriction, closed) in [("Arrival", period.closedToArrival), ("Departure", period.closedToDeparture)]
            {
                xml.start("AvailStatusMessage")
                xml.empty("StatusApplicationControl", scope)
                xml.empty("RestrictionStatus", [("Restriction", restriction), ("Status", closed ? "Close" : "Open")])
                xml.end()
            }
            try xml.flushIfFull()
        }
        for limit in bookingLimits {
            xml.start(
                "AvailStatusMessage",
                [("BookingLimitMessageType", "SetLimit"), ("BookingLimit", String(max(0, limit.limit)))])
            xml.empty(
                "StatusApplicationControl",
                [
                    ("Start", limit.nights.first.description), ("End", limit.nights.last.description),
                    ("InvTypeCode", fit(limit.roomType.rawValue, 16)), ("AllRateCode", "true"),
                ])
            xml.end()
        }
        xml.end()
        xml.end()
        try xml.finish()
    }
}
