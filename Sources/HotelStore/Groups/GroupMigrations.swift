import GRDB

extension AppDatabase {
    /// Schema of the groups layer ("v5 group blocks, VIP levels"); registered after v4 by `migrator`.
    static func registerGroupMigrations(_ migrator: inout DatabaseMigrator) {
    }
}
