import ArgumentParser

struct ArrivalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arrivals",
        abstract: "The day's arrivals for the front desk, VIPs first.")
}
