import ArgumentParser
import Foundation
import HotelDomain

/// `hotelsales`: the sales office of a hotel on the command line.
public struct HotelSalesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hotelsales",
        abstract: "Run a hotel's sales office: agreement companies, contracts, negotiated rates and quotes.",
        discussion: """
            The database is ./hotelsales.sqlite unless --db PATH or HOTELSALES_DB says otherwise.
            Exit codes: 0 ok, 1 refused by a business rule or failed, 3 a check found discrepancies,
            64 usage error, 65 invalid input data.
            """,
        subcommands: [
            InitCommand.self, CompaniesCommand.self, AgreementsCommand.self, RatesCommand.self, BookingsCommand.self,
            InventoryCommand.self, ControlsCommand.self, YieldCommand.self, ChannelsCommand.self, FeedsCommand.self,
            GroupsCommand.self, VIPCommand.self, ArrivalsCommand.self, IntermediariesCommand.self,
            CommissionsCommand.self, ExportCommand.self, ARCommand.self, ReportsCommand.self, TargetsCommand.self,
            AuditCommand.self, NightlyCommand.self,
        ])

    public init() {}

    /// Parses the command line, runs the command and exits with the documented code.
    ///
    /// Domain errors print one line on stderr (`hotelsales: <sentence>`) and exit 65 for invalid input, 1 for
    /// a refusal; argument errors keep ArgumentParser's usage message and exit 64.
    public static func main(_ arguments: [String]? = nil) {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as DomainError {
            Console.error(error.description)
            Foundation.exit(ExitStatus.code(for: error))
        } catch {
            exit(withError: error)
        }
    }
}

/// The process exit codes of `hotelsales` (also in the README).
public enum ExitStatus {
    public static let ok: Int32 = 0
    public static let refused: Int32 = 1
    public static let discrepancies: Int32 = 3
    public static let usage: Int32 = 64
    public static let invalidInput: Int32 = 65

    static func code(for error: DomainError) -> Int32 {
        switch error.kind {
        case .invalidInput: invalidInput
        case .refused, .notFound: refused
        }
    }
}
