import GRDB

extension AppDatabase {
    /// Schema of the groups layer ("v5 group blocks, VIP levels"); registered after v4 by `migrator`.
    static func registerGroupMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5 group blocks, rooming lists, VIP levels") { db in
            // held on inventory_night = Σ (rooms − picked_up − released) of the block nights; the CHECK keeps
            // a block from giving away more than it contracted.
            try db.execute(
                sql: """
                    CREATE TABLE vip_level (
                        code TEXT PRIMARY KEY,
                        rank INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 99),
                        name TEXT NOT NULL,
                        amenities TEXT NOT NULL DEFAULT '',
                        handling_notes TEXT NOT NULL DEFAULT '',
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE guest_vip (
                        guest_key TEXT PRIMARY KEY, -- the guest's name, lower-cased, single spaces
                        guest_name TEXT NOT NULL,
                        vip_level_code TEXT NOT NULL REFERENCES vip_level(code)
                    ) WITHOUT ROWID;
                    CREATE TABLE group_block (
                        code TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        company_code TEXT REFERENCES company(code),
                        rate_plan_code TEXT NOT NULL REFERENCES rate_plan(code),
                        cutoff TEXT NOT NULL,
                        attrition_bp INTEGER NOT NULL DEFAULT 0 CHECK (attrition_bp BETWEEN 0 AND 10000),
                        vip_level_code TEXT REFERENCES vip_level(code),
                        billing TEXT NOT NULL DEFAULT 'guest' CHECK (billing IN ('guest', 'direct-bill')),
                        currency TEXT NOT NULL,
                        released_on TEXT,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE group_block_night (
                        group_code TEXT NOT NULL REFERENCES group_block(code),
                        room_type_code TEXT NOT NULL REFERENCES room_type(code),
                        night TEXT NOT NULL,
                        rooms INTEGER NOT NULL CHECK (rooms >= 0),
                        picked_up INTEGER NOT NULL DEFAULT 0 CHECK (picked_up >= 0),
                        released INTEGER NOT NULL DEFAULT 0 CHECK (released >= 0),
                        rate_minor INTEGER NOT NULL CHECK (rate_minor >= 0),
                        CHECK (picked_up + released <= rooms),
                        PRIMARY KEY (group_code, room_type_code, night)
                    ) WITHOUT ROWID;
                    CREATE INDEX group_block_night_night ON group_block_night(night, room_type_code);
                    CREATE TABLE group_reservation (
                        reservation_id INTEGER PRIMARY KEY REFERENCES reservation(id),
                        group_code TEXT NOT NULL REFERENCES group_block(code),
                        guest_key TEXT NOT NULL,
                        arrival TEXT NOT NULL,
                        sharer TEXT
                    );
                    CREATE UNIQUE INDEX group_reservation_key ON group_reservation(group_code, guest_key, arrival);
                    """)
        }
    }
}
