import GRDB

extension AppDatabase {
    /// Schema of the export layer ("v7 PMS export runs"); registered after v4 by `migrator`.
    static func registerExportMigrations(_ migrator: inout DatabaseMigrator) {
    }
}
