import ArgumentParser

struct GroupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups",
        abstract: "Group blocks: contract, pickup, rooming lists, release, attrition, displacement.")
}
