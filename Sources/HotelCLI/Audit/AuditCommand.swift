import ArgumentParser
import HotelStore

/// `hotelsales audit [--entity E] [--key K]`
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit log: who changed what, when, old → new.",
        discussion: "Example: hotelsales audit --entity agreement --key 1 --format json")

    @OptionGroup var global: GlobalOptions
    @Option(help: "hotel, company, agreement or rate_plan.") var entity: String?
    @Option(help: "The code or id of the changed record.") var key: String?
    @Option(help: "How many entries, newest first.") var limit: Int = 50
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let database = try global.open()
        var table = Table(columns: [
            .init(key: "at", title: "AT"), .init(key: "user", title: "USER"), .init(key: "entity", title: "ENTITY"),
            .init(key: "key", title: "KEY"), .init(key: "action", title: "ACTION"), .init(key: "old", title: "OLD"),
            .init(key: "new", title: "NEW"),
        ])
        table.rows = try database.auditLog(entity: entity, key: key, limit: limit).map { entry in
            [
                .text(entry.at), .text(entry.user), .text(entry.entity), .text(entry.entityKey), .text(entry.action),
                .text(entry.oldValue), .text(entry.newValue),
            ]
        }
        Console.out(table.render(format))
    }
}
