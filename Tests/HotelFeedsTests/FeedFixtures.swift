import Foundation
import HotelFeeds
import Testing

/// Loads the test fixtures and reads them with `FeedReader`.
enum FeedFixtures {
    static func url(_ relativePath: String) throws -> URL {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return folder.appendingPathComponent(relativePath)
    }

    static func items(_ relativePath: String, limits: FeedLimits = FeedLimits()) throws -> [FeedItem] {
        Array(FeedReader(limits: limits).items(inFileAt: try url(relativePath)))
    }

    /// The only item of the file, which must be a booking message.
    static func booking(_ relativePath: String) throws -> OTABookingMessage {
        let items = try items(relativePath)
        #expect(items.count == 1)
        return try #require(items.first?.booking)
    }

    static func items(xml: String, limits: FeedLimits = FeedLimits()) -> [FeedItem] {
        Array(FeedReader(limits: limits).items(in: Data(xml.utf8)))
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hotelfeeds-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

extension FeedItem {
    var booking: OTABookingMessage? {
        if case .booking(let message) = self { return message }
        return nil
    }

    var otherMessage: OTAOtherMessage? {
        if case .notABookingMessage(let message) = self { return message }
        return nil
    }

    var messageError: FeedMessageError? {
        if case .messageError(let error) = self { return error }
        return nil
    }

    var fileError: FeedFileError? {
        if case .fileError(let error) = self { return error }
        return nil
    }
}

extension OTAHotelReservation {
    /// Given, middle and surname of every guest profile, e.g. ["Mr. David Dewberry"].
    var guestNames: [String] {
        resGuests.flatMap(\.profiles).compactMap(\.customer?.personName).map { name in
            [name.namePrefix, name.givenName, name.middleName, name.surname].compactMap { $0 }.joined(separator: " ")
        }
    }
}
