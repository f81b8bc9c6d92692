import ArgumentParser

struct VIPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vip",
        abstract: "VIP levels and who has them.")
}
