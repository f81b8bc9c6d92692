import ArgumentParser
import HotelFiles

/// `hotelsales init --hotel rate-plans/hotel.yaml`
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up (or update) the hotel: code, name, currency, time zone and room types.",
        discussion: """
            Creates the database if needed. Running it again with the same hotel code updates names and room
            counts; a different hotel code is refused (one hotel per database).
            Example: hotelsales init --hotel rate-plans/hotel.yaml
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The hotel file (YAML), e.g. rate-plans/hotel.yaml.") var hotel: String

    func run() throws {
        let description = try HotelFile.load(path: hotel)
        let database = try global.open()
        let changed = try database.initialize(description, by: global.author)
        let rooms = description.roomTypes.map { "\($0.code) \($0.rooms)" }.joined(separator: ", ")
        Console.out(
            "\(changed ? "Initialised" : "Unchanged:") hotel \(description.code) \"\(description.name)\" (\(description.currency), \(description.timeZone)): \(description.totalRooms) rooms — \(rooms)")
    }
}
