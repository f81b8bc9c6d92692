import CLibXML2

/// Maps libxml2's interned name pointers to `OTAName` without building a `String` per element.
///
/// libxml2's SAX2 parser hands out element and attribute local names from its dictionary (`ctxt->dict`):
/// the same name is always the same pointer for the life of the parser context, and dictionary entries are
/// never freed before the context is. So a direct-mapped cache keyed by the pointer answers repeated names
/// with one integer comparison; a miss (first sight or slot collision) falls back to a byte lookup. One
/// table belongs to one parser context and dies with it.
/// The table is a plain pair of buffers so that copying it into every `SAXElement` costs no reference
/// counting; its owner (`FeedParser`) calls `deallocate()` once the parser context is freed.
struct InternedNameTable {
    private static let slotCount = 2048
    private let keys: UnsafeMutablePointer<UInt>
    private let values: UnsafeMutablePointer<OTAName>

    init() {
        keys = .allocate(capacity: Self.slotCount)
        keys.initialize(repeating: 0, count: Self.slotCount)
        values = .allocate(capacity: Self.slotCount)
        values.initialize(repeating: .unknown, count: Self.slotCount)
    }

    func deallocate() {
        keys.deallocate()
        values.deallocate()
    }

    /// The name at `pointer`, a NUL-terminated UTF-8 local name from the parser's dictionary.
    @inline(__always)
    func name(at pointer: UnsafePointer<xmlChar>) -> OTAName {
        let key = UInt(bitPattern: pointer)
        // Fibonacci hashing: dictionary strings sit a few bytes apart, so every address bit must count.
        let slot = Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 53)
        if keys[slot] == key { return values[slot] }
        let name = OTAName.lookUp(UnsafeBufferPointer(start: pointer, count: Int(xmlStrlen(pointer))))
        keys[slot] = key
        values[slot] = name
        return name
    }
}
