import Foundation
import Testing

@testable import HotelCLI

@Suite("JSON output")
struct JSONTextTests {
    @Test("Keys are sorted, strings escaped, integral doubles written without a fraction")
    func rendering() throws {
        let text = JSONText.render([
            "b": "quote \" backslash \\ newline \n tab \t bell \u{07} é 房", "a": [1, 2.5, 3.0, true, NSNull()] as [Any],
            "c": [String: Any](), "d": [Any](),
        ] as [String: Any])
        #expect(
            text == """
                {
                  "a" : [
                    1,
                    2.5,
                    3,
                    true,
                    null
                  ],
                  "b" : "quote \\" backslash \\\\ newline \\n tab \\t bell \\u0007 é 房",
                  "c" : {},
                  "d" : []
                }
                """)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["b"] as? String == "quote \" backslash \\ newline \n tab \t bell \u{07} é 房")
    }
}
