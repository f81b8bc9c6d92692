import ArgumentParser
import Foundation
import HotelDomain
import HotelStore

/// `hotelsales bookings create|list|show|modify|cancel|no-show|check-in|check-out`
struct BookingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookings",
        abstract: "Create, change and move reservations through their statuses.",
        discussion: """
            Statuses: tentative, confirmed → checked-in → checked-out; cancelled and no-show release the rooms.
            """,
        subcommands: [
            BookingsCreate.self, BookingsList.self, BookingsShow.self, BookingsModify.self, BookingsCancel.self,
            BookingsNoShow.self, BookingsCheckIn.self, BookingsCheckOut.self,
        ])
}

struct BookingsCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Book a stay; prints the confirmation number on stdout.",
        discussion: """
            The price comes from the rate engine: the company's negotiated rate when its agreement allows,
            else BAR (or --rate-plan). Refused, with the night and the reason, when a night is full beyond the
            overbooking allowance or a stay control forbids it (LRA rates ignore controls).
            Example: hotelsales bookings create --room-type DLX --arrival 2027-03-01 --nights 2 --guest "Chen Li" --company ACME
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Room type code.") var roomType: String
    @Option(help: "Arrival date (YYYY-MM-DD).") var arrival: String
    @Option(help: "Number of nights.") var nights: Int?
    @Option(help: "Departure date, instead of --nights.") var departure: String?
    @Option(help: "Guest name.") var guest: String
    @Option(help: "Agreement company code.") var company: String?
    @Option(help: "Book this rate plan instead of the best contracted one.") var ratePlan: String?
    @Option(help: "Number of rooms.") var rooms: Int = 1
    @Option(help: "VIP level, e.g. V1.") var vip: String?
    @Option(help: "Special request, e.g. \"late arrival\".") var request: String?
    @Option(help: "guest or direct-bill (direct-bill needs --company).") var billing: String = "guest"
    @Flag(help: "Book as tentative instead of confirmed.") var tentative = false
    @Option(help: "Travel agency or OTA code (owed commission).") var intermediary: String?
    @Flag(help: "Book a direct-bill stay over the company's credit limit (audited with the user).") var overrideCredit = false

    func run() throws {
        let database = try global.open()
        let today = try global.currentDate(for: database.hotel())
        let booking = try BookingRequest(
            guestName: guest, roomType: Parse.code(roomType, "room type code"),
            stay: Parse.stay(arrival: arrival, nights: nights, departure: departure), rooms: rooms,
            companyCode: company.map { try Parse.code($0, "company code") },
            ratePlanCode: ratePlan.map { try Parse.code($0, "rate plan code") }, vipLevel: vip, specialRequests: request,
            billing: BillingInstruction(parsing: billing), tentative: tentative,
            intermediaryCode: intermediary.map { try Parse.code($0, "intermediary code") })
        var request = booking
        request.overrideCredit = overrideCredit
        let reservation = try database.book(request, today: today, by: global.author)
        Console.out(reservation.confirmation)
        Console.note(
            "Booked \(reservation.confirmation): \(reservation.guestName), \(reservation.roomType) \(reservation.stay)\(reservation.rooms > 1 ? " × \(reservation.rooms) rooms" : ""), \(reservation.ratePlanCode), total \(reservation.total), \(reservation.status.rawValue).")
    }
}

struct BookingsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List reservations by arrival date.",
        discussion: "Example: hotelsales bookings list --arrival-from 2027-03-01 --arrival-to 2027-03-31 --status confirmed")

    @OptionGroup var global: GlobalOptions
    @Option(help: "First arrival date.") var arrivalFrom: String?
    @Option(help: "Last arrival date (included).") var arrivalTo: String?
    @Option(help: "tentative, confirmed, checked-in, checked-out, cancelled or no-show.") var status: String?
    @Option(help: "Company code.") var company: String?
    @Option(help: "At most this many rows.") var limit: Int = 1_000
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let filter = ReservationFilter(
            arrivalFrom: try arrivalFrom.map(Parse.date), arrivalTo: try arrivalTo.map(Parse.date),
            status: try status.map(ReservationStatus.init(parsing:)),
            companyCode: try company.map { try Parse.code($0, "company code") }, limit: limit)
        var table = Table(columns: [
            .init(key: "confirmation", title: "CONFIRMATION"), .init(key: "guest", title: "GUEST"),
            .init(key: "roomType", title: "ROOM"), .init(key: "arrival", title: "ARRIVAL"),
            .init(key: "departure", title: "DEPARTURE"), .init(key: "nights", title: "NTS", alignRight: true),
            .init(key: "rooms", title: "RMS", alignRight: true), .init(key: "ratePlan", title: "PLAN"),
            .init(key: "company", title: "COMPANY"), .init(key: "status", title: "STATUS"),
            .init(key: "total", title: "TOTAL", alignRight: true), .init(key: "totalMinor", title: "MINOR", alignRight: true),
            .init(key: "currency", title: "CUR"), .init(key: "vip", title: "VIP"),
        ])
        table.rows = try database.reservations(filter).map { reservation in
            [
                .text(reservation.confirmation), .text(reservation.guestName), .text(reservation.roomType.rawValue),
                .text(reservation.stay.arrival.description), .text(reservation.stay.departure.description),
                .integer(Int64(reservation.stay.nightCount)), .integer(Int64(reservation.rooms)),
                .text(reservation.ratePlanCode.rawValue), .text(reservation.companyCode?.rawValue),
                .text(reservation.status.rawValue), .text(reservation.total.decimalText), .integer(reservation.total.minorUnits),
                .text(reservation.total.currency.code), .text(reservation.vipLevel),
            ]
        }
        Console.out(table.render(format))
    }
}

struct BookingsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a reservation with its nightly prices and history.",
        discussion: "Example: hotelsales bookings show SHBUND-0000001 --format json")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Confirmation number.") var confirmation: String
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let reservation = try database.reservation(confirmation)
        let details = try database.channelDetails(reservation.confirmation)
        if format == .json {
            var object = Self.object(reservation)
            object["channel"] = details.map(Self.object) ?? NSNull()
            Console.out(Table.json(object))
            return
        }
        var lines = [
            "\(reservation.confirmation)  \(reservation.guestName)  \(reservation.status.rawValue)",
            "  stay        \(reservation.roomType) \(reservation.stay)\(reservation.rooms > 1 ? " × \(reservation.rooms) rooms" : "")",
            "  rate plan   \(reservation.ratePlanCode)\(reservation.lastRoomAvailability ? " (LRA)" : "")",
            "  total       \(reservation.total)",
            "  source      \(reservation.source.rawValue)\(reservation.companyCode.map { ", company \($0)" } ?? ""), billing \(reservation.billing.rawValue), booked on \(reservation.bookedOn)",
        ]
        if let intermediary = reservation.intermediaryCode { lines.append("  via         \(intermediary)") }
        if let vip = reservation.vipLevel { lines.append("  VIP         \(vip)") }
        if let requests = reservation.specialRequests { lines.append("  requests    \(requests)") }
        if let details {
            lines.append("  channel     \(details.channel) \(details.reference)\(details.travelAgentName.map { ", via \($0)\(details.travelAgentIATA.map { " (IATA \($0))" } ?? "")" } ?? "")")
            let party = "\(details.adults ?? 0) adult\(details.adults == 1 ? "" : "s")" + (details.childAges.isEmpty ? "" : ", children aged \(details.childAges.map(String.init).joined(separator: ", "))")
            lines.append("  party       \(party)")
            let contact = [details.email, details.phone].compactMap { $0 }.joined(separator: ", ")
            if !contact.isEmpty { lines.append("  contact     \(contact)") }
            if let share = details.commissionBasisPoints { lines.append("  commission  \(BasisPoints(share))") }
            if let amount = details.commissionMinorUnits { lines.append("  commission  \(Money(minorUnits: amount, currency: reservation.total.currency))") }
            if let meal = details.mealPlan { lines.append("  meal plan   \(meal)") }
            if let card = details.cardLastFour { lines.append("  card        •••• \(card)\(details.cardExpiry.map { ", expires \($0)" } ?? "")") }
            if let comments = details.comments { lines.append("  comments    \(comments.replacingOccurrences(of: "\n", with: " / "))") }
        }
        lines.append("Nights:")
        lines += reservation.nights.map { "  \($0.night)  \($0.amount.decimalText)  \($0.ratePlanCode)  \($0.basis)" }
        lines.append("History:")
        lines += try database.auditLog(entity: "reservation", key: reservation.confirmation).reversed().map {
            "  \($0.at)  \($0.user)  \($0.action)"
        }
        Console.out(lines.joined(separator: "\n"))
    }

    static func object(_ details: ChannelBookingDetails) -> [String: Any] {
        [
            "code": details.channel.rawValue, "reference": details.reference, "email": details.email ?? NSNull(),
            "phone": details.phone ?? NSNull(), "adults": details.adults ?? NSNull(), "childAges": details.childAges,
            "commissionBasisPoints": details.commissionBasisPoints ?? NSNull(),
            "commissionMinorUnits": details.commissionMinorUnits ?? NSNull(),
            "travelAgent": details.travelAgentName ?? NSNull(), "travelAgentIATA": details.travelAgentIATA ?? NSNull(),
            "mealPlan": details.mealPlan ?? NSNull(), "comments": details.comments ?? NSNull(),
            "cardLastFour": details.cardLastFour ?? NSNull(), "cardExpiry": details.cardExpiry ?? NSNull(),
        ]
    }

    static func object(_ reservation: Reservation) -> [String: Any] {
        [
            "confirmation": reservation.confirmation, "guest": reservation.guestName,
            "roomType": reservation.roomType.rawValue, "arrival": reservation.stay.arrival.description,
            "departure": reservation.stay.departure.description, "nights": reservation.stay.nightCount,
            "rooms": reservation.rooms, "ratePlan": reservation.ratePlanCode.rawValue, "lra": reservation.lastRoomAvailability,
            "status": reservation.status.rawValue, "source": reservation.source.rawValue,
            "company": reservation.companyCode?.rawValue ?? NSNull(), "vip": reservation.vipLevel ?? NSNull(),
            "specialRequests": reservation.specialRequests ?? NSNull(), "billing": reservation.billing.rawValue,
            "bookedOn": reservation.bookedOn.description,
            "intermediary": reservation.intermediaryCode?.rawValue ?? NSNull(),
            "nightly": reservation.nights.map { night -> [String: Any] in
                ["night": night.night.description, "price": QuoteDocument.money(night.amount), "ratePlan": night.ratePlanCode.rawValue, "basis": night.basis]
            },
            "totalPerRoom": QuoteDocument.money(reservation.totalPerRoom), "total": QuoteDocument.money(reservation.total),
        ]
    }
}

struct BookingsModify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modify",
        abstract:
            "Change a reservation; new dates, room type or rooms are re-priced and re-checked (inventory, controls, credit).",
        discussion: "Example: hotelsales bookings modify SHBUND-0000001 --nights 3 --room-type STD")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Confirmation number.") var confirmation: String
    @Option var guest: String?
    @Option var roomType: String?
    @Option var arrival: String?
    @Option var nights: Int?
    @Option var departure: String?
    @Option var rooms: Int?
    @Option var ratePlan: String?
    @Option var vip: String?
    @Option var request: String?
    @Flag(help: "Let a direct-bill stay grow past the company's credit limit (audited).") var overrideCredit = false

    func run() throws {
        let database = try global.open()
        let today = try global.currentDate(for: database.hotel())
        let change = BookingChange(
            guestName: guest, roomType: try roomType.map { try Parse.code($0, "room type code") },
            arrival: try arrival.map(Parse.date), nights: nights, departure: try departure.map(Parse.date), rooms: rooms,
            ratePlanCode: try ratePlan.map { try Parse.code($0, "rate plan code") }, vipLevel: vip, specialRequests: request,
            overrideCredit: overrideCredit)
        let reservation = try database.modify(confirmation, change, today: today, by: global.author)
        Console.out(
            "\(reservation.confirmation): \(reservation.guestName), \(reservation.roomType) \(reservation.stay)\(reservation.rooms > 1 ? " × \(reservation.rooms) rooms" : ""), \(reservation.ratePlanCode), total \(reservation.total), \(reservation.status.rawValue).")
    }
}

/// The shared body of the status commands.
struct BookingTransitionRunner {
    static func run(_ transition: ReservationTransition, confirmation: String, global: GlobalOptions) throws {
        let database = try global.open()
        let today = try global.currentDate(for: database.hotel())
        let reservation = try database.transition(confirmation, transition, today: today, by: global.author)
        Console.out("\(reservation.confirmation) \(transition.pastTense) (\(reservation.guestName), \(reservation.roomType) \(reservation.stay)).")
    }
}

struct BookingsCancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a tentative or confirmed reservation; its rooms return to inventory.",
        discussion: "Example: hotelsales bookings cancel SHBUND-0000001")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Confirmation number.") var confirmation: String
    func run() throws { try BookingTransitionRunner.run(.cancel, confirmation: confirmation, global: global) }
}

struct BookingsNoShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "no-show", abstract: "Mark a guest who did not arrive as a no-show (from the arrival day on).",
        discussion: "Example: hotelsales bookings no-show SHBUND-0000001 --today 2027-03-02")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Confirmation number.") var confirmation: String
    func run() throws { try BookingTransitionRunner.run(.noShow, confirmation: confirmation, global: global) }
}

struct BookingsCheckIn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-in", abstract: "Check a guest in (from the arrival day to the last night).",
        discussion: "Example: hotelsales bookings check-in SHBUND-0000001 --today 2027-03-01")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Confirmation number.") var confirmation: String
    func run() throws { try BookingTransitionRunner.run(.checkIn, confirmation: confirmation, global: global) }
}

struct BookingsCheckOut: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-out", abstract: "Check a guest out.", discussion: "Example: hotelsales bookings check-out SHBUND-0000001")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Confirmation number.") var confirmation: String
    func run() throws { try BookingTransitionRunner.run(.checkOut, confirmation: confirmation, global: global) }
}
