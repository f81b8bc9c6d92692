import Testing

@testable import HotelFeeds

/// Trailing zeros beyond the currency's decimals: dropped before the amount is read exactly.
@Suite("Channel amounts: extra trailing zeros")
struct AmountTextTests {
    @Test(
        "Zeros beyond the currency's decimals are dropped, nothing else",
        arguments: [
            ("169.000", 2, "169.00"), ("169.00", 2, "169.00"), ("169.", 2, "169"), ("169.10", 0, "169.1"),
            ("169.000", 0, "169"), ("1200", 2, "1200"), (".", 2, ""), ("169.0500", 2, "169.05"), ("12,500", 2, "12,500"),
            // Not ASCII: counted in characters (the amount is then refused by Money(parsing:)).
            ("１６９.500", 2, "１６９.50"), ("169.50\u{301}0", 2, "169.50\u{301}"),
        ])
    func dropping(text: String, decimals: Int, expected: String) {
        #expect(ChannelNormalizer.droppingExtraZeros(of: text, keeping: decimals) == expected)
    }
}
