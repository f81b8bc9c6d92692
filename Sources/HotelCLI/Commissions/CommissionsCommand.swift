import ArgumentParser

struct CommissionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commissions",
        abstract: "Commission due, statement checks, approvals and payments.")
}
