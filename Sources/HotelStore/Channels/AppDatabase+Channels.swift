import GRDB
import HotelDomain

/// Which code list a channel mapping belongs to.
public enum ChannelMappingKind: String, Sendable {
    case roomType = "room-type"
    case ratePlan = "rate-plan"
}

extension AppDatabase {
    /// Registers a channel, or updates its name, commission and settings when it exists (mappings are kept
    /// and extended). Returns whether it was created.
    ///
    /// Rules: a default rate plan must exist; mapped hotel codes must exist.
    @discardableResult
    public func saveChannel(_ channel: Channel, by author: ChangeAuthor) throws -> Bool {
        try write { db in
            _ = try Self.requireHotel(db)
            let old = try Self.fetchChannel(db, channel.code)
            if let plan = channel.settings.defaultRatePlan, try Self.fetchRatePlan(db, plan) == nil {
                throw DomainError.notFound("default rate plan \(plan) of channel \(channel.code) does not exist; import it first")
            }
            if let roomType = channel.settings.defaultRoomType { _ = try Self.requireHotel(db).roomType(roomType) }
            try db.execute(
                sql: """
                    INSERT INTO channel (code, name, commission_bp, expire_date_inclusive, decimal_places_implied,
                        commission_percent_is_fraction, hotel_codes, default_rate_plan, default_room_type, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(code) DO UPDATE SET name = excluded.name, commission_bp = excluded.commission_bp,
                        expire_date_inclusive = excluded.expire_date_inclusive,
                        decimal_places_implied = excluded.decimal_places_implied,
                        commission_percent_is_fraction = excluded.commission_percent_is_fraction,
                        hotel_codes = excluded.hotel_codes, default_rate_plan = excluded.default_rate_plan,
                        default_room_type = excluded.default_room_type
                    """,
                arguments: [
                    channel.code.rawValue, channel.name, channel.commission?.value, channel.settings.expireDateInclusive,
                    channel.settings.decimalPlacesImplied, channel.settings.commissionPercentIsFraction,
                    channel.settings.hotelCodes.joined(separator: ","), channel.settings.defaultRatePlan?.rawValue,
                    channel.settings.defaultRoomType?.rawValue, author.timestamp,
                ])
            for (external, code) in channel.roomTypes.sorted(by: { $0.key < $1.key }) {
                try Self.map(db, channel: channel.code, kind: .roomType, external: external, to: code)
            }
            for (external, code) in channel.ratePlans.sorted(by: { $0.key < $1.key }) {
                try Self.map(db, channel: channel.code, kind: .ratePlan, external: external, to: code)
            }
            let new = try Self.fetchChannel(db, channel.code)
            if old != new {
                try db.audit(
                    author, entity: "channel", key: channel.code.rawValue, action: old == nil ? "add" : "update",
                    old: old.map(Self.snapshot), new: new.map(Self.snapshot))
            }
            return old == nil
        }
    }

    /// Maps a channel's room-type or rate-plan code to the hotel's.
    public func mapChannelCode(
        channel: Code, kind: ChannelMappingKind, external: String, to code: Code, by author: ChangeAuthor
    ) throws {
        try write { db in
            let old = try Self.requireChannel(db, channel)
            try Self.map(db, channel: channel, kind: kind, external: external, to: code)
            let new = try Self.requireChannel(db, channel)
            if old != new {
                try db.audit(
                    author, entity: "channel", key: channel.rawValue, action: "map", old: ["\(kind.rawValue) \(external)": (kind == .roomType ? old.roomTypes[external] : old.ratePlans[external])?.rawValue ?? "-"],
                    new: ["\(kind.rawValue) \(external)": code.rawValue])
            }
        }
    }

    public func channels() throws -> [Channel] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT code FROM channel ORDER BY code").compactMap { try Self.fetchChannel(db, Code($0)) }
        }
    }

    public func channel(_ code: Code) throws -> Channel {
        try read { db in try Self.requireChannel(db, code) }
    }

    static func map(_ db: Database, channel: Code, kind: ChannelMappingKind, external: String, to code: Code) throws {
        let trimmed = external.trimmingWhitespace
        guard !trimmed.isEmpty, trimmed.count <= 64 else {
            throw DomainError.invalid("channel code \"\(external)\" is not valid; give the code exactly as the channel sends it (1 to 64 characters)")
        }
        switch kind {
        case .roomType: _ = try requireHotel(db).roomType(code)
        case .ratePlan:
            guard try fetchRatePlan(db, code) != nil else {
                throw DomainError.notFound("rate plan \(code) does not exist; see 'hotelsales rates list'")
            }
        }
        try db.execute(
            sql: """
                INSERT INTO channel_mapping (channel_code, kind, external_code, hotel_code) VALUES (?, ?, ?, ?)
                ON CONFLICT(channel_code, kind, external_code) DO UPDATE SET hotel_code = excluded.hotel_code
                """,
            arguments: [channel.rawValue, kind.rawValue, trimmed, code.rawValue])
    }

    static func requireChannel(_ db: Database, _ code: Code) throws -> Channel {
        guard let channel = try fetchChannel(db, code) else {
            let known = try String.fetchAll(db, sql: "SELECT code FROM channel ORDER BY code").joined(separator: ", ")
            throw DomainError.notFound(
                "channel \(code) does not exist; \(known.isEmpty ? "add one with 'channels add' or 'channels import channel-feeds/channels.yaml'" : "known channels: \(known)")")
        }
        return channel
    }

    static func fetchChannel(_ db: Database, _ code: Code) throws -> Channel? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM channel WHERE code = ?", arguments: [code.rawValue]) else { return nil }
        var roomTypes: [String: Code] = [:]
        var ratePlans: [String: Code] = [:]
        for mapping in try Row.fetchAll(db, sql: "SELECT * FROM channel_mapping WHERE channel_code = ?", arguments: [code.rawValue]) {
            let hotelCode = try Code(mapping["hotel_code"] as String)
            if mapping["kind"] as String == ChannelMappingKind.roomType.rawValue {
                roomTypes[mapping["external_code"]] = hotelCode
            } else {
                ratePlans[mapping["external_code"]] = hotelCode
            }
        }
        let hotelCodes: String = row["hotel_codes"]
        return Channel(
            code: code, name: row["name"], commission: (row["commission_bp"] as Int?).map(BasisPoints.init),
            settings: ChannelSettings(
                expireDateInclusive: row["expire_date_inclusive"], decimalPlacesImplied: row["decimal_places_implied"],
                commissionPercentIsFraction: row["commission_percent_is_fraction"],
                hotelCodes: hotelCodes.split(separator: ",").map(String.init),
                defaultRatePlan: try (row["default_rate_plan"] as String?).map { try Code($0) },
                defaultRoomType: try (row["default_room_type"] as String?).map { try Code($0) }),
            roomTypes: roomTypes, ratePlans: ratePlans)
    }

    static func snapshot(_ channel: Channel) -> [String: String] {
        var values: [String: String] = [
            "name": channel.name, "expireDateInclusive": String(channel.settings.expireDateInclusive),
            "decimalPlacesImplied": String(channel.settings.decimalPlacesImplied),
            "commissionPercentIsFraction": String(channel.settings.commissionPercentIsFraction),
            "hotelCodes": channel.settings.hotelCodes.joined(separator: ","),
            "roomTypes": channel.roomTypes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
            "ratePlans": channel.ratePlans.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
        ]
        values["commission"] = channel.commission?.description
        values["defaultRatePlan"] = channel.settings.defaultRatePlan?.rawValue
        values["defaultRoomType"] = channel.settings.defaultRoomType?.rawValue
        return values
    }
}
