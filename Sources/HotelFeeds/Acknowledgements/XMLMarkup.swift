/// An XML document built as text, element by element, with every text and attribute value escaped.
///
/// Rule: the output is fully determined by the calls: UTF-8, an XML declaration, two spaces of indentation per
/// level, `\n` line ends, attributes in the order given (a `nil` value leaves the attribute out). Text and
/// attribute values escape `& < > " '`; tab, line feed and carriage return become character references (so a
/// parser reads them back unchanged); DEL and the C1 controls become character references; the other C0
/// controls, U+FFFE and U+FFFF, which XML 1.0 cannot carry at all, become U+FFFD. Example:
/// `element("Warning", ["RecordID": "4712"], text: "a < b")` appends `<Warning RecordID="4712">a &lt; b</Warning>`.
struct XMLMarkup {
    /// The document so far.
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var openElements: [String] = []

    /// An empty document (the XML declaration only).
    init() {}

    /// Opens `name`; close it with `end()`.
    mutating func start(_ name: String, _ attributes: [(String, String?)] = []) {
        appendTag(name, attributes)
        text += ">\n"
        openElements.append(name)
    }

    /// Closes the innermost open element.
    mutating func end() {
        guard let name = openElements.popLast() else { return }
        indent()
        text += "</\(name)>\n"
    }

    /// Appends the empty element `<name …/>`.
    mutating func empty(_ name: String, _ attributes: [(String, String?)] = []) {
        appendTag(name, attributes)
        text += "/>\n"
    }

    /// Appends `<name …>content</name>` on one line.
    mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text content: String) {
        appendTag(name, attributes)
        text += ">"
        text += Self.escaped(content)
        text += "</\(name)>\n"
    }

    private mutating func appendTag(_ name: String, _ attributes: [(String, String?)]) {
        indent()
        text += "<\(name)"
        for (attribute, value) in attributes {
            guard let value else { continue }
            text += " \(attribute)=\"\(Self.escaped(value))\""
        }
    }

    private mutating func indent() {
        text += String(repeating: "  ", count: openElements.count)
    }

    /// `value` safe for XML text and double- or single-quoted attribute values, as the type's rule says.
    /// Example: `escaped("Tom & \"Jerry\"")` is `Tom &amp; &quot;Jerry&quot;`.
    static func escaped(_ value: String) -> String {
        var result = String.UnicodeScalarView()
        result.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x26: result.append(contentsOf: "&amp;".unicodeScalars)
            case 0x3C: result.append(contentsOf: "&lt;".unicodeScalars)
            case 0x3E: result.append(contentsOf: "&gt;".unicodeScalars)
            case 0x22: result.append(contentsOf: "&quot;".unicodeScalars)
            case 0x27: result.append(contentsOf: "&apos;".unicodeScalars)
            case 0x09, 0x0A, 0x0D, 0x7F...0x9F: result.append(contentsOf: "&#\(scalar.value);".unicodeScalars)
            case 0x00...0x1F, 0xFFFE, 0xFFFF: result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
