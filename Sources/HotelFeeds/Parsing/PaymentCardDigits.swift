/// Card-number handling: keep the last four digits, mask card numbers typed into free text.
///
/// Rule: a card number is never turned into a `String`; only its last four decimal digits are. In free text
/// a run of 13 to 19 digits (single spaces or dashes allowed between them) that passes the Luhn check is
/// replaced by asterisks except for its last four digits. Example: "card 4111 1111 1111 1111 exp 12/27"
/// becomes "card **** **** **** 1111 exp 12/27".
enum PaymentCardDigits {
    /// The last four decimal digits of `bytes`, or `nil` when there are fewer than four.
    static func lastFour(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var digits: [UInt8] = []
        digits.reserveCapacity(4)
        var index = bytes.count - 1
        while index >= 0 && digits.count < 4 {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 { digits.append(byte) }
            index -= 1
        }
        guard digits.count == 4 else { return nil }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    /// `text` with every Luhn-valid 13–19 digit run masked to its last four digits.
    static func masked(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var digitCount = 0
        for byte in bytes where byte >= 0x30 && byte <= 0x39 { digitCount += 1 }
        guard digitCount >= 13 else { return text }
        var changed = false
        var start = 0
        while start < bytes.count {
            guard isDigit(bytes[start]) else {
                start += 1
                continue
            }
            // Collect a run of digits with single separators between them.
            var positions: [Int] = [start]
            var cursor = start + 1
            while cursor < bytes.count {
                if isDigit(bytes[cursor]) {
                    positions.append(cursor)
                    cursor += 1
                } else if (bytes[cursor] == 0x20 || bytes[cursor] == 0x2D) && cursor + 1 < bytes.count
                    && isDigit(bytes[cursor + 1])
                {
                    cursor += 1
                } else {
                    break
                }
            }
            if (13...19).contains(positions.count) && passesLuhn(positions.map { bytes[$0] }) {
                for position in positions.dropLast(4) { bytes[position] = 0x2A }
                changed = true
            }
            start = cursor
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func passesLuhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, byte) in digits.reversed().enumerated() {
            var value = Int(byte - 0x30)
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }
}
