/// An XML document written element by element into an `ExportBuffer`, with the layout and escaping rules of
/// `XMLMarkup` (the acknowledgements' writer): UTF-8 with an XML declaration, two spaces of indentation per
/// level, `\n` line ends, attributes in the order given (a `nil` value leaves the attribute out), every text
/// and attribute value escaped by `XMLMarkup.escaped`.
///
/// Why a second writer: `XMLMarkup` builds one `String`, fine for an acknowledgement but not for 100,000
/// reservations; this one streams. It gathers bytes in its own array (a struct's property: no run-time
/// exclusivity checks, which cost a quarter of the time on a class's) and hands them to the buffer about 1 MB
/// at a time. Plain ASCII values (the vast majority) are copied without escaping work.
struct XMLStream {
    let buffer: ExportBuffer
    private var bytes: [UInt8] = []
    private var openElements: [String] = []
    private static let chunkSize = 1 << 20
    private static let spaces = [UInt8](repeating: 0x20, count: 256)

    /// Starts a document (the XML declaration).
    init(_ buffer: ExportBuffer) {
        self.buffer = buffer
        bytes.reserveCapacity(Self.chunkSize + 64 * 1024)
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// Opens `name`; close it with `end()`.
    mutating func start(_ name: String, _ attributes: [(String, String?)] = []) {
        appendTag(name, attributes)
        bytes.append(0x3E)  // >
        bytes.append(0x0A)
        openElements.append(name)
    }

    /// Closes the innermost open element.
    mutating func end() {
        guard let name = openElements.popLast() else { return }
        indent()
        raw("</")
        raw(name)
        bytes.append(0x3E)
        bytes.append(0x0A)
    }

    /// Appends the empty element `<name …/>`.
    mutating func empty(_ name: String, _ attributes: [(String, String?)] = []) {
        appendTag(name, attributes)
        raw("/>\n")
    }

    /// Appends `<name …>content</name>` on one line.
    mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text content: String) {
        appendTag(name, attributes)
        bytes.append(0x3E)
        appendEscaped(content)
        raw("</")
        raw(name)
        bytes.append(0x3E)
        bytes.append(0x0A)
    }

    /// Hands the gathered bytes to the buffer when a chunk is full.
    mutating func flushIfFull() throws {
        if bytes.count >= Self.chunkSize { try flush() }
    }

    /// Hands on everything and finishes the buffer: the end of the document.
    mutating func finish() throws {
        try flush()
        try buffer.finish()
    }

    private mutating func flush() throws {
        guard !bytes.isEmpty else { return }
        try buffer.append(chunk: bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func appendTag(_ name: String, _ attributes: [(String, String?)]) {
        indent()
        bytes.append(0x3C)  // <
        raw(name)
        for (attribute, value) in attributes {
            guard let value else { continue }
            bytes.append(0x20)
            raw(attribute)
            bytes.append(0x3D)  // =
            bytes.append(0x22)  // "
            appendEscaped(value)
            bytes.append(0x22)
        }
    }

    private mutating func indent() {
        let count = min(openElements.count * 2, Self.spaces.count)
        bytes.append(contentsOf: Self.spaces[0..<count])
    }

    /// `text` as UTF-8, without escaping (names and fixed markup).
    private mutating func raw(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    private mutating func appendEscaped(_ value: String) {
        if Self.needsNoEscaping(value) {
            raw(value)
        } else {
            raw(XMLMarkup.escaped(value))
        }
    }

    /// Printable ASCII without `& < > " '`: exactly the values `XMLMarkup.escaped` returns unchanged among ASCII.
    static func needsNoEscaping(_ value: String) -> Bool {
        value.utf8.allSatisfy { byte in
            byte >= 0x20 && byte < 0x7F && byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22 && byte != 0x27
        }
    }
}
