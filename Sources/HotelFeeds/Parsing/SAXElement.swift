import CLibXML2

/// The element being started, as SAX2 delivers it: attributes as byte ranges, line on demand.
struct SAXElement {
    /// libxml2's attribute array: 5 pointers per attribute (localname, prefix, URI, value start, value end).
    let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let attributeCount: Int
    let names: InternedNameTable
    let context: xmlParserCtxtPtr?

    /// The line where the start tag ends.
    var line: Int {
        guard let context else { return 0 }
        return Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer(context)))
    }

    /// The raw value bytes of the unqualified attribute `wanted`, if present.
    func bytes(_ wanted: OTAName) -> UnsafeBufferPointer<UInt8>? {
        guard let attributes else { return nil }
        var index = 0
        while index < attributeCount {
            let entry = attributes + index * 5
            index += 1
            guard entry[2] == nil, let localName = entry[0], names.name(at: localName) == wanted,
                let start = entry[3], let end = entry[4]
            else { continue }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    /// The value of the unqualified attribute `wanted` as written (libxml2 has already normalized it).
    subscript(_ wanted: OTAName) -> String? {
        bytes(wanted).map { String(decoding: $0, as: UTF8.self) }
    }
}
