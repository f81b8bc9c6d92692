import ArgumentParser
import Foundation
import HotelDomain
import HotelFiles
import HotelStore

/// `hotelsales groups create|block|show|list|book|rooming-list|release-due|release|attrition|evaluate`
struct GroupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups",
        abstract: "Group blocks: contract, pickup, rooming lists, release, attrition, displacement.",
        discussion: """
            A block holds rooms per room type and night out of general inventory (inventory "held") until group
            bookings pick them up (held → sold) or the cutoff passes and 'groups release-due' gives them back.
            """,
        subcommands: [
            GroupsCreate.self, GroupsBlock.self, GroupsShow.self, GroupsList.self, GroupsBook.self,
            GroupsRoomingList.self,
            GroupsReleaseDue.self, GroupsRelease.self, GroupsAttrition.self, GroupsEvaluate.self,
        ])
}

struct GroupsCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Contract a group: code, name, company, group rate plan, cutoff, attrition, VIP level, billing.",
        discussion: """
            The rate plan must be of kind group (see rate-plans/GRP-TECH.yaml). The cutoff is the last day the
            group picks up rooms; it must fall before the first blocked night. Attrition is the share of the
            contracted room-nights the group may leave unused without paying (0% to 100%).
            Example: hotelsales groups create --code TECH27 --name "Tech Summit 2027" --company ACME --rate-plan GRP-TECH --cutoff 2027-04-20 --attrition 20% --vip V2
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Group code, e.g. TECH27.") var code: String
    @Option(help: "Group or event name.") var name: String
    @Option(help: "Agreement company the group belongs to.") var company: String?
    @Option(help: "Group rate plan (kind group).") var ratePlan: String
    @Option(help: "Last day to pick up rooms (YYYY-MM-DD).") var cutoff: String
    @Option(help: "Allowed attrition, 0% to 100% (default 0%).") var attrition: String = "0%"
    @Option(help: "VIP level of the group's guests.") var vip: String?
    @Option(help: "guest or direct-bill (direct-bill needs --company).") var billing: String = "guest"

    func run() throws {
        let database = try global.open()
        let group = try GroupBlock(
            code: Parse.code(code, "group code"), name: name,
            companyCode: company.map { try Parse.code($0, "company code") },
            ratePlanCode: Parse.code(ratePlan, "rate plan code"), cutoff: Parse.date(cutoff),
            attrition: BasisPoints(parsing: attrition), vipLevel: vip.map { try Parse.code($0, "VIP level") },
            billing: BillingInstruction(parsing: billing))
        try database.createGroup(group, by: global.author)
        Console.out(
            "Group \(group.code) \"\(group.name)\" created: \(group.ratePlanCode), cutoff \(group.cutoff), attrition \(group.attrition)\(group.companyCode.map { ", company \($0)" } ?? "")\(group.vipLevel.map { ", VIP \($0)" } ?? "")."
        )
    }
}

struct GroupsBlock: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block",
        abstract: "Hold rooms of one room type for a group on a range of nights (both included).",
        discussion: """
            Sets the block to --rooms on every night from --from to --to (0 gives the nights up; never below what
            is picked up). The rooms must be free (physical − out of order − sold − held) and leave general
            inventory at once. The rate is --rate, else the group plan's price of each night. For a direct-bill
            group, the extra held rooms × rate count against the company's credit limit (exit 1 with the figures,
            unless --override-credit, audited).
            Example: hotelsales groups block TECH27 --room-type DLX --from 2027-05-01 --to 2027-05-04 --rooms 40 --rate 890.00
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Group code.") var group: String
    @Option(help: "Room type code.") var roomType: String
    @Option(help: "First night.") var from: String
    @Option(help: "Last night (included).") var to: String
    @Option(help: "Rooms per night.") var rooms: Int
    @Option(help: "Group rate per room and night (default: the group plan's price).") var rate: String?
    @Flag(help: "Hold the rooms of a direct-bill group even over the company's credit limit (audited).")
    var overrideCredit = false

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let nights = try NightRange(first: Parse.date(from), last: Parse.date(to))
        let details = try database.setBlock(
            Parse.code(group, "group code"), roomType: Parse.code(roomType, "room type code"), nights: nights,
            rooms: rooms,
            rate: rate.map { try Parse.nonNegativeMoney($0, hotel.currency, "rate") }, overrideCredit: overrideCredit,
            by: global.author)
        let lines = details.nights.filter { $0.roomType.rawValue == roomType.uppercased() && nights.contains($0.night) }
        let rates = Set(lines.map(\.rate.decimalText)).sorted().joined(separator: "/")
        Console.out(
            "\(details.block.code) \(roomType.uppercased()) \(nights.first)…\(nights.last): \(rooms) room\(rooms == 1 ? "" : "s") × \(nights.count) night\(nights.count == 1 ? "" : "s") = \(rooms * nights.count) room-nights at \(rates); the block now holds \(details.contractedRoomNights) room-nights."
        )
    }
}

struct GroupsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract:
            "A group's terms and, per night and room type: blocked, picked up, available in block, rate, revenue.",
        discussion: """
            BLOCKED is the contracted rooms, PICKED the rooms of group bookings, RELEASED what went back to
            general inventory, AVAIL what the block still holds; revenue is picked-up rooms × rate.
            JSON: {code, name, company, ratePlan, cutoff, attrition, vip, billing, releasedOn,
                   nights: [{night, roomType, blocked, pickedUp, released, available, rate, revenue}], totals}
            Example: hotelsales groups show TECH27
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Group code.") var group: String
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let details = try database.group(Parse.code(group, "group code"))
        let currency = try database.hotel().currency
        var table = Table(columns: [
            .init(key: "night", title: "NIGHT"), .init(key: "roomType", title: "ROOM"),
            .init(key: "blocked", title: "BLOCKED", alignRight: true),
            .init(key: "pickedUp", title: "PICKED", alignRight: true),
            .init(key: "released", title: "RELEASED", alignRight: true),
            .init(key: "available", title: "AVAIL", alignRight: true),
            .init(key: "rate", title: "RATE", alignRight: true),
            .init(key: "rateMinor", title: "MINOR", alignRight: true),
            .init(key: "revenue", title: "REVENUE", alignRight: true),
            .init(key: "revenueMinor", title: "MINOR", alignRight: true),
        ])
        let revenue = details.nights.reduce(Money.zero(currency)) { $0 + $1.pickedUpRevenue }
        table.rows = details.nights.map { line in
            [
                .text(line.night.description), .text(line.roomType.rawValue), .integer(Int64(line.contracted)),
                .integer(Int64(line.pickedUp)), .integer(Int64(line.released)), .integer(Int64(line.held)),
                .text(line.rate.decimalText), .integer(line.rate.minorUnits), .text(line.pickedUpRevenue.decimalText),
                .integer(line.pickedUpRevenue.minorUnits),
            ]
        }
        switch format {
        case .json:
            var object = GroupFormat.object(details)
            object["nights"] =
                table.rows.isEmpty
                ? [Any]()
                : details.nights.map { line -> [String: Any] in
                    [
                        "night": line.night.description, "roomType": line.roomType.rawValue, "blocked": line.contracted,
                        "pickedUp": line.pickedUp, "released": line.released, "available": line.held,
                        "rate": QuoteDocument.money(line.rate), "revenue": QuoteDocument.money(line.pickedUpRevenue),
                    ]
                }
            object["totals"] = [
                "blockedRoomNights": details.contractedRoomNights, "pickedUpRoomNights": details.pickedUpRoomNights,
                "releasedRoomNights": details.releasedRoomNights, "availableRoomNights": details.heldRoomNights,
                "revenue": QuoteDocument.money(revenue),
            ]
            Console.out(Table.json(object))
        case .csv:
            Console.out(table.render(.csv))
        case .table:
            table.rows.append([
                .text("TOTAL"), .text(""), .integer(Int64(details.contractedRoomNights)),
                .integer(Int64(details.pickedUpRoomNights)),
                .integer(Int64(details.releasedRoomNights)), .integer(Int64(details.heldRoomNights)), .text(""),
                .text(nil),
                .text(revenue.decimalText), .integer(revenue.minorUnits),
            ])
            Console.out(GroupFormat.header(details) + "\n\n" + table.render(.table))
        }
    }
}

struct GroupsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every group with its cutoff, status and room-nights blocked and picked up.",
        discussion: "Example: hotelsales groups list --format csv")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        var table = Table(columns: [
            .init(key: "code", title: "CODE"), .init(key: "name", title: "NAME"),
            .init(key: "company", title: "COMPANY"),
            .init(key: "ratePlan", title: "PLAN"), .init(key: "cutoff", title: "CUTOFF"),
            .init(key: "status", title: "STATUS"),
            .init(key: "blockedRoomNights", title: "BLOCKED", alignRight: true),
            .init(key: "pickedUpRoomNights", title: "PICKED", alignRight: true),
            .init(key: "availableRoomNights", title: "AVAIL", alignRight: true),
        ])
        table.rows = try database.groups().map { details in
            [
                .text(details.block.code.rawValue), .text(details.block.name),
                .text(details.block.companyCode?.rawValue),
                .text(details.block.ratePlanCode.rawValue), .text(details.block.cutoff.description),
                .text(details.block.releasedOn.map { "released \($0)" } ?? "open"),
                .integer(Int64(details.contractedRoomNights)),
                .integer(Int64(details.pickedUpRoomNights)), .integer(Int64(details.heldRoomNights)),
            ]
        }
        Console.out(table.render(format))
    }
}

struct GroupsBook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Book one guest into a group's block (pickup); prints the confirmation number.",
        discussion: """
            The rooms move from the block ("held") to sold at the block's rate. Refused when a night is outside
            the block, the room type is not blocked, or the block has no room left.
            Example: hotelsales groups book TECH27 --guest "Chen Li" --room-type DLX --arrival 2027-05-01 --nights 4
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Group code.") var group: String
    @Option(help: "Guest name.") var guest: String
    @Option(help: "Room type code.") var roomType: String
    @Option(help: "Arrival date (YYYY-MM-DD).") var arrival: String
    @Option(help: "Number of nights.") var nights: Int?
    @Option(help: "Departure date, instead of --nights.") var departure: String?
    @Option(help: "Number of rooms.") var rooms: Int = 1
    @Option(help: "Who shares the room.") var sharer: String?
    @Option(help: "VIP level of this guest.") var vip: String?
    @Option(help: "Special request.") var request: String?

    func run() throws {
        let database = try global.open()
        let today = try global.currentDate(for: database.hotel())
        let entry = try RoomingListEntry(
            line: 0, guestName: guest, stay: Parse.stay(arrival: arrival, nights: nights, departure: departure),
            roomType: Parse.code(roomType, "room type code"), sharer: sharer,
            vipLevel: vip.map { try Parse.code($0, "VIP level") },
            specialRequests: request)
        let reservation = try database.bookInBlock(
            Parse.code(group, "group code"), entry, rooms: rooms, today: today, by: global.author)
        Console.out(reservation.confirmation)
        Console.note(
            "Booked \(reservation.confirmation) in \(group.uppercased()): \(reservation.guestName), \(reservation.roomType) \(reservation.stay)\(rooms > 1 ? " × \(rooms) rooms" : ""), total \(reservation.total)."
        )
    }
}

struct GroupsRoomingList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rooming-list",
        abstract:
            "Load a group's rooming list: books or updates each guest in the block, reports lines it could not place.",
        discussion: """
            CSV columns: guest, arrival, departure, room_type (required), sharer, vip, requests (optional); one
            room per line. A line is identified by guest name and arrival, so loading the file again books
            nobody twice (it updates departure, room type, sharer, VIP or requests that changed). A line that
            does not fit the block (night outside it, room type not blocked, block full) is reported with its
            line number and reason and the other lines are placed: exit 3. A malformed date, an unknown room type
            or VIP level refuses the whole file (exit 65) and nothing is written. --dry-run writes nothing.
            Example: hotelsales groups rooming-list TECH27 groups/TECH27-rooming.csv --dry-run
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Group code.") var group: String
    @Argument(help: "Rooming-list CSV file.") var file: String
    @Flag(help: "Show what would happen without writing anything.") var dryRun = false
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let today = try global.currentDate(for: database.hotel())
        let entries = try RoomingListFile.load(path: file)
        let report = try database.loadRoomingList(
            Parse.code(group, "group code"), entries, listName: (file as NSString).lastPathComponent, dryRun: dryRun,
            today: today, by: global.author)
        var table = Table(columns: [
            .init(key: "line", title: "LINE", alignRight: true), .init(key: "guest", title: "GUEST"),
            .init(key: "outcome", title: "OUTCOME"), .init(key: "confirmation", title: "CONFIRMATION"),
            .init(key: "detail", title: "DETAIL"),
        ])
        table.rows = report.lines.map { line in
            let (outcome, confirmation, detail): (String, String?, String?) =
                switch line.outcome {
                case .created(let confirmation): ("created", confirmation, nil)
                case .updated(let confirmation, let changes): ("updated", confirmation, changes.joined(separator: "; "))
                case .unchanged(let confirmation): ("unchanged", confirmation, nil)
                case .notPlaced(let reason): ("not placed", nil, reason)
                }
            return [
                .integer(Int64(line.line)), .text(line.guestName), .text(outcome), .text(confirmation), .text(detail),
            ]
        }
        Console.out(table.render(format))
        let created = report.count { if case .created = $0 { true } else { false } }
        let updated = report.count { if case .updated = $0 { true } else { false } }
        let unchanged = report.count { if case .unchanged = $0 { true } else { false } }
        var summary =
            "\(dryRun ? "Dry run, nothing written: " : "")\(report.group): \(report.lines.count) lines, \(created) created, \(updated) updated, \(unchanged) unchanged, \(report.notPlaced.count) not placed."
        if !report.notInList.isEmpty {
            summary +=
                " \(report.notInList.count) group booking\(report.notInList.count == 1 ? " is" : "s are") not in this list and left as they are: \(report.notInList.joined(separator: ", "))."
        }
        Console.note(summary)
        for line in report.notPlaced {
            if case .notPlaced(let reason) = line.outcome {
                Console.error("\((file as NSString).lastPathComponent) line \(line.line): \(line.guestName): \(reason)")
            }
        }
        if !report.notPlaced.isEmpty { throw ExitCode(ExitStatus.discrepancies) }
    }
}

struct GroupsReleaseDue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release-due",
        abstract: "Release the unpicked rooms of every block past its cutoff back to general inventory (nightly).",
        discussion: """
            A block is due the day after its cutoff. Each release is audited; a released block is never
            released again, so running this twice changes nothing the second time.
            Example: hotelsales groups release-due --today 2027-04-21
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let database = try global.open()
        let today = try global.currentDate(for: database.hotel())
        let releases = try database.releaseDueBlocks(today: today, by: global.author)
        guard !releases.isEmpty else {
            Console.out(
                "No block is due for release on \(today): every block whose cutoff is before it was already released.")
            return
        }
        Console.out(releases.map { GroupFormat.describe($0, today: today) }.joined(separator: "\n"))
    }
}

struct GroupsRelease: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Release one block now, before or after its cutoff (refused if it was already released).",
        discussion: "Example: hotelsales groups release TECH27 --today 2027-04-15")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Group code.") var group: String

    func run() throws {
        let database = try global.open()
        let today = try global.currentDate(for: database.hotel())
        let release = try database.releaseBlock(Parse.code(group, "group code"), today: today, by: global.author)
        Console.out(GroupFormat.describe(release, today: today))
    }
}

struct GroupsAttrition: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attrition",
        abstract:
            "Contracted vs picked-up room-nights by night, allowed attrition, and the penalty owed, with the arithmetic.",
        discussion: """
            penalty = (contracted room-nights × (1 − allowed attrition) − picked-up room-nights) × group rate, when
            positive, over the whole block; rounded half away from zero to the minor unit. The per-night columns
            show what each night contributes (MUST TAKE = contracted × (1 − attrition)).
            Example: hotelsales groups attrition TECH27 --format json
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Group code.") var group: String
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let (details, assessment) = try database.attrition(Parse.code(group, "group code"))
        var table = Table(columns: [
            .init(key: "night", title: "NIGHT"), .init(key: "roomType", title: "ROOM"),
            .init(key: "contracted", title: "CONTRACTED", alignRight: true),
            .init(key: "pickedUp", title: "PICKED", alignRight: true),
            .init(key: "mustTake", title: "MUST TAKE", alignRight: true),
            .init(key: "shortfall", title: "SHORT", alignRight: true),
            .init(key: "rate", title: "RATE", alignRight: true),
            .init(key: "rateMinor", title: "MINOR", alignRight: true),
        ])
        table.rows = details.nights.map { line in
            let required = assessment.required(on: line)
            return [
                .text(line.night.description), .text(line.roomType.rawValue), .integer(Int64(line.contracted)),
                .integer(Int64(line.pickedUp)), .text(AttritionAssessment.roomNights(required)),
                .text(AttritionAssessment.roomNights(max(0, required - Int64(line.pickedUp) * 10_000))),
                .text(line.rate.decimalText), .integer(line.rate.minorUnits),
            ]
        }
        switch format {
        case .json:
            var object: [String: Any] = [
                "group": details.block.code.rawValue, "attrition": details.block.attrition.description,
                "attritionBasisPoints": details.block.attrition.value,
                "contractedRoomNights": assessment.contractedRoomNights,
                "pickedUpRoomNights": assessment.pickedUpRoomNights,
                "mustTakeRoomNights": AttritionAssessment.roomNights(assessment.requiredTenThousandths),
                "shortfallRoomNights": AttritionAssessment.roomNights(assessment.shortfallTenThousandths),
                "rate": QuoteDocument.money(assessment.rate), "rateIsAverage": assessment.rateIsAverage,
                "penalty": QuoteDocument.money(assessment.penalty), "arithmetic": assessment.arithmetic,
            ]
            object["nights"] = table.rows.isEmpty ? [Any]() : Table.jsonRows(table)
            Console.out(Table.json(object))
        case .csv:
            Console.out(table.render(.csv))
        case .table:
            var lines = [
                "\(details.block.code) \(details.block.name): attrition \(details.block.attrition) of the contracted room-nights",
                "",
                table.render(.table),
                "",
            ]
            lines += assessment.arithmetic
            lines.append("Penalty owed: \(assessment.penalty) (\(assessment.penalty.minorUnits) minor units).")
            Console.out(lines.joined(separator: "\n"))
        }
    }
}

struct GroupsEvaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract:
            "Displacement: the transient revenue a block would push out, night by night, against the group's revenue.",
        discussion: """
            Uses the yield forecast (pickup history, or --demand FILE.csv as for 'yield forecast'): per night,
            the rate classes sell highest fare first into the rooms left (sellable − sold − held); the displaced
            revenue is what they are expected to earn with the rooms left now minus with the group's rooms taken.
            Says accept when the group's revenue covers it, else counter-offers the break-even rate rounded up to
            a whole currency unit. Nothing is written.
            Example: hotelsales groups evaluate --room-type DLX --from 2027-05-01 --to 2027-05-04 --rooms 40 --rate 890.00
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Room type code.") var roomType: String
    @Option(help: "First night.") var from: String
    @Option(help: "Last night (included).") var to: String
    @Option(help: "Rooms per night.") var rooms: Int
    @Option(help: "Group rate per room and night.") var rate: String
    @Option(help: "A demand CSV (date,room_type,rate_plan,mean,sd) instead of the pickup forecast.") var demand: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        let hotel = try database.hotel()
        let today = try global.currentDate(for: hotel)
        let nights = try NightRange(first: Parse.date(from), last: Parse.date(to))
        let evaluation = try database.evaluateGroup(
            roomType: Parse.code(roomType, "room type code"), nights: nights, rooms: rooms,
            rate: Parse.nonNegativeMoney(rate, hotel.currency, "rate"), today: today,
            supplied: demand.map { try DemandFile.load(path: $0) })
        var table = Table(columns: [
            .init(key: "night", title: "NIGHT"), .init(key: "roomType", title: "ROOM"),
            .init(key: "roomsLeft", title: "LEFT", alignRight: true),
            .init(key: "demand", title: "DEMAND", alignRight: true),
            .init(key: "transientWithout", title: "TRANS W/O", alignRight: true),
            .init(key: "transientWith", title: "TRANS WITH", alignRight: true),
            .init(key: "displacedRooms", title: "DISPL RMS", alignRight: true),
            .init(key: "displaced", title: "DISPLACED", alignRight: true),
            .init(key: "displacedMinor", title: "MINOR", alignRight: true),
            .init(key: "group", title: "GROUP", alignRight: true),
            .init(key: "groupMinor", title: "MINOR", alignRight: true),
            .init(key: "contribution", title: "NET", alignRight: true), .init(key: "fits", title: "FITS"),
        ])
        table.rows = evaluation.nights.map { night in
            [
                .text(night.night.description), .text(night.roomType.rawValue), .integer(Int64(night.roomsLeft)),
                .text(YieldFormat.number(night.transientDemand)),
                .text(YieldFormat.number(night.transientRoomsWithout)),
                .text(YieldFormat.number(night.transientRoomsWith)), .text(YieldFormat.number(night.displacedRooms)),
                .text(night.displacedRevenue.decimalText), .integer(night.displacedRevenue.minorUnits),
                .text(night.groupRevenue.decimalText), .integer(night.groupRevenue.minorUnits),
                .text(night.contribution.decimalText), .bool(night.fits),
            ]
        }
        let verdict: String =
            switch evaluation.verdict {
            case .accept: "accept"
            case .counterOffer: "counter-offer"
            case .doesNotFit: "does-not-fit"
            }
        switch format {
        case .json:
            var object: [String: Any] = [
                "roomType": roomType.uppercased(), "from": nights.first.description, "to": nights.last.description,
                "rooms": rooms, "rate": QuoteDocument.money(try Parse.money(rate, hotel.currency)),
                "groupRevenue": QuoteDocument.money(evaluation.groupRevenue),
                "displacedRevenue": QuoteDocument.money(evaluation.displacedRevenue),
                "contribution": QuoteDocument.money(evaluation.contribution),
                "breakEvenRate": QuoteDocument.money(evaluation.breakEvenRate), "verdict": verdict,
                "summary": evaluation.summary,
            ]
            if case .counterOffer(let offer) = evaluation.verdict {
                object["counterOfferRate"] = QuoteDocument.money(offer)
            }
            object["nights"] = Table.jsonRows(table)
            Console.out(Table.json(object))
        case .csv:
            Console.out(table.render(.csv))
        case .table:
            Console.out(
                [
                    table.render(.table), "",
                    "Forecast: \(demand.map { "supplied demand \($0)" } ?? "pickup history (the last 8 same-weekday nights)").",
                    "Group revenue \(evaluation.groupRevenue) (\(rooms) rooms × \(nights.count) nights × \(rate)); displaced transient revenue \(evaluation.displacedRevenue).",
                    "Verdict: \(evaluation.summary).",
                ].joined(separator: "\n"))
        }
    }
}

/// Shared rendering of groups.
enum GroupFormat {
    static func object(_ details: GroupBlockDetails) -> [String: Any] {
        let block = details.block
        return [
            "code": block.code.rawValue, "name": block.name, "company": block.companyCode?.rawValue ?? NSNull(),
            "companyName": details.companyName ?? NSNull(), "ratePlan": block.ratePlanCode.rawValue,
            "cutoff": block.cutoff.description, "attrition": block.attrition.description,
            "attritionBasisPoints": block.attrition.value, "vip": block.vipLevel?.rawValue ?? NSNull(),
            "billing": block.billing.rawValue, "releasedOn": block.releasedOn?.description ?? NSNull(),
        ]
    }

    static func header(_ details: GroupBlockDetails) -> String {
        let block = details.block
        var lines = ["\(block.code)  \(block.name)"]
        if let company = block.companyCode {
            lines.append("  company     \(company)\(details.companyName.map { " (\($0))" } ?? "")")
        }
        lines.append("  rate plan   \(block.ratePlanCode)")
        lines.append(
            "  cutoff      \(block.cutoff)\(block.releasedOn.map { ", released on \($0)" } ?? " (unpicked rooms held until then)")"
        )
        lines.append("  attrition   \(block.attrition)")
        if let vip = block.vipLevel { lines.append("  VIP         \(vip)") }
        lines.append(
            "  billing     \(block.billing == .directBill ? "direct bill to \(block.companyCode?.rawValue ?? "the company")" : "guest pays")"
        )
        return lines.joined(separator: "\n")
    }

    static func describe(_ release: BlockRelease, today: CalendarDate) -> String {
        guard release.releasedRoomNights > 0 else {
            return
                "\(release.group) (cutoff \(release.cutoff)): nothing left to release; \(release.pickedUpRoomNights) room-nights picked up. Marked released on \(today)."
        }
        let nights = release.nights.map { "\($0.roomType) \($0.night) \($0.released)" }.joined(separator: ", ")
        return
            "\(release.group) (cutoff \(release.cutoff)): released \(release.releasedRoomNights) room-nights to general inventory (\(nights)); \(release.pickedUpRoomNights) picked up stay."
    }
}

extension Table {
    /// The rows as JSON objects keyed by column key (what `render(.json)` prints), for embedding in a document.
    static func jsonRows(_ table: Table) -> [[String: Any]] {
        table.rows.map { row in Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.key), row.map(\.json))) }
    }
}
