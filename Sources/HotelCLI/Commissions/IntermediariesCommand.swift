import ArgumentParser

struct IntermediariesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intermediaries",
        abstract: "Travel agencies and OTAs with their commission terms.")
}
