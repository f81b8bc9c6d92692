import CLibXML2
import Foundation

/// Walks the SAX2 element events of one feed: finds the messages, enforces the limits, queues results.
///
/// A value type held by `FeedParser`, so that a SAX callback makes one access to the parser and every field
/// access inside stays statically checked. Safety rules enforced here because libxml2's push parser does
/// not: nesting depth, text-node and attribute-value size, and a DOCTYPE stops the parse before its internal
/// subset is read.
struct FeedWalker {
    private enum URIKind { case none, openTravel, other }

    private let limits: FeedLimits
    private let names: InternedNameTable
    var context: xmlParserCtxtPtr?
    private var builder = OTAMessageBuilder()

    /// Results ready for the iterator, in document order.
    var ready: [FeedItem] = []
    /// The first reason the rest of the file is refused.
    private(set) var fatal: FeedFileError?

    private var depth = 0
    private var skipDepth = 0
    private var textRun = 0
    private var lastElementName: UnsafePointer<xmlChar>?
    private var textFollowsEndTag = false
    private var documentRootName: String?
    private var documentRootLine = 0
    private var openTravelURI: UnsafePointer<xmlChar>?
    private var otherURI: UnsafePointer<xmlChar>?

    private var messageCount = 0
    private var messageDepth = 0
    private var messageURI: UnsafePointer<xmlChar>?
    private var messageElements = 0
    private var discardingMessage = false
    private var openMessageName: String?
    private var skippedMessageItem: FeedItem?
    private var pendingNamespaceError: (detail: String, line: Int)?

    init(limits: FeedLimits, names: InternedNameTable) {
        self.limits = limits
        self.names = names
        ready.reserveCapacity(64)
    }

    var currentLine: Int {
        guard let context else { return 0 }
        return Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer(context)))
    }

    /// Records that the rest of the file cannot be read (first reason wins).
    mutating func recordFatal(_ error: FeedFileError) {
        if fatal == nil { fatal = error }
    }

    /// The fatal error completed with what had been read, for the final `.fileError` item.
    func completed(_ error: FeedFileError, bytesRead: Int64) -> FeedFileError {
        var error = error
        error.messagesRead = messageCount - (openMessageName == nil ? 0 : 1)
        error.unfinishedMessage = openMessageName
        error.bytesRead = bytesRead
        return error
    }

    /// Called once the whole input was parsed without a fatal error.
    mutating func finishDocument() {
        guard messageCount == 0 else { return }
        ready.append(
            .messageError(
                FeedMessageError(
                    rootName: documentRootName ?? "", position: 0, line: documentRootLine, reason: .noOTAMessage)))
    }

    /// Records a refusal of the rest of the file and stops libxml2 at once.
    private mutating func refuse(_ reason: FeedFileError.Reason) {
        guard fatal == nil else { return }
        fatal = FeedFileError(line: currentLine, reason: reason)
        if let context { xmlStopParser(context) }
    }

    // MARK: - SAX events

    mutating func startElement(
        localName: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?, attributeCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        depth += 1
        textRun = 0
        textFollowsEndTag = false
        lastElementName = localName
        if depth > limits.maxDepth {
            refuse(.tooDeep(limit: limits.maxDepth))
            return
        }
        if let attributes, attributeCount > 0 {
            for index in 0..<attributeCount {
                let entry = attributes + index * 5
                if let start = entry[3], let end = entry[4], end - start > limits.maxTextBytes {
                    let attribute = entry[0].map { String(cString: $0) } ?? "?"
                    let element = localName.map { String(cString: $0) } ?? "?"
                    refuse(.textTooLong(element: "attribute \(attribute) of \(element)", limit: limits.maxTextBytes))
                    return
                }
            }
        }
        if skipDepth > 0 { return }
        guard let localName else { return }
        let element = SAXElement(
            attributes: attributes, attributeCount: attributeCount, names: names, context: context)

        if messageDepth > 0 {
            if discardingMessage { return }
            if let uri, uri != messageURI, classify(uri) == .other {
                skipDepth = depth
                return
            }
            messageElements += 1
            if messageElements > limits.maxElementsPerMessage {
                builder.noteProblem(.tooManyElements(limit: limits.maxElementsPerMessage))
                builder.dropContent()
                discardingMessage = true
                return
            }
            if let pending = pendingNamespaceError {
                builder.noteProblem(.namespaceError(detail: pending.detail, line: pending.line))
                pendingNamespaceError = nil
            }
            if builder.start(names.name(at: localName), element) { skipDepth = depth }
            return
        }

        if depth == 1 {
            documentRootName = String(cString: localName)
            documentRootLine = element.line
        }
        let name = names.name(at: localName)
        let type = Self.messageType(name)
        guard type != nil || Self.hasOTAPrefix(localName) else {
            pendingNamespaceError = nil
            return  // a wrapper (SOAP envelope, body, vendor element): look inside it
        }
        messageCount += 1
        let rootName = type?.rawValue ?? String(cString: localName)
        let line = element.line
        let kind = uri.map { classify($0) } ?? URIKind.none
        openMessageName = rootName
        if kind == .other {
            let uriText = uri.map { String(cString: $0) } ?? ""
            skippedMessageItem = .messageError(
                FeedMessageError(
                    rootName: rootName, position: messageCount, line: line,
                    reason: .unexpectedNamespace(uri: uriText)))
            skipDepth = depth
            return
        }
        let namespace: OTAMessageNamespace = kind == .openTravel ? .openTravel : .missing
        guard let type else {
            skippedMessageItem = .notABookingMessage(
                OTAOtherMessage(rootName: rootName, namespace: namespace, position: messageCount, line: line))
            skipDepth = depth
            return
        }
        messageDepth = depth
        messageURI = uri
        messageElements = 0
        discardingMessage = false
        builder.begin(type: type, namespace: namespace, position: messageCount, element: element)
        if let pending = pendingNamespaceError {
            builder.noteProblem(.namespaceError(detail: pending.detail, line: pending.line))
            pendingNamespaceError = nil
        }
    }

    mutating func endElement(localName: UnsafePointer<xmlChar>?) {
        defer { depth -= 1 }
        textRun = 0
        textFollowsEndTag = true
        lastElementName = localName
        if skipDepth > 0 {
            if depth == skipDepth {
                skipDepth = 0
                if let item = skippedMessageItem.take() {
                    openMessageName = nil
                    ready.append(item)
                }
            }
            return
        }
        guard messageDepth > 0 else { return }
        if depth == messageDepth {
            ready.append(builder.finish())
            messageDepth = 0
            messageURI = nil
            discardingMessage = false
            openMessageName = nil
            return
        }
        if !discardingMessage { builder.end() }
    }

    mutating func characters(_ bytes: UnsafePointer<xmlChar>?, count: Int) {
        textRun += count
        if textRun > limits.maxTextBytes {
            let name = lastElementName.map { String(cString: $0) } ?? "the document"
            refuse(
                .textTooLong(
                    element: textFollowsEndTag ? "the text after </\(name)>" : name, limit: limits.maxTextBytes))
            return
        }
        guard let bytes, skipDepth == 0, builder.isCapturingText, !discardingMessage else { return }
        builder.appendText(bytes, count: count)
    }

    mutating func doctype(name: UnsafePointer<xmlChar>?) {
        refuse(.doctypeRefused(name: name.map { String(cString: $0) } ?? ""))
    }

    mutating func error(_ error: xmlErrorPtr) {
        let level = error.pointee.level
        if level == XML_ERR_WARNING || level == XML_ERR_NONE { return }
        var detail = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        // One line: some libxml2 messages span two ("Input is not proper UTF-8, indicate encoding !\nBytes: …").
        detail = detail.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let line = Int(error.pointee.line)
        if level == XML_ERR_FATAL {
            recordFatal(
                FeedFileError(line: line, column: Int(error.pointee.int2), reason: .notWellFormed(detail: detail)))
            return
        }
        // A recoverable (namespace) error: the XML is well-formed, so only the message it is in is refused.
        if messageDepth > 0 {
            builder.noteProblem(.namespaceError(detail: detail, line: line))
        } else {
            pendingNamespaceError = (detail, line)
        }
    }

    private mutating func classify(_ uri: UnsafePointer<xmlChar>) -> URIKind {
        if uri == openTravelURI { return .openTravel }
        if uri == otherURI { return .other }
        let isOpenTravel = Self.openTravelNamespaceBytes.withUnsafeBufferPointer { expected in
            xmlStrEqual(uri, expected.baseAddress) != 0
        }
        if isOpenTravel {
            openTravelURI = uri
            return .openTravel
        }
        otherURI = uri
        return .other
    }

    private static let openTravelNamespaceBytes: [UInt8] = Array(FeedReader.openTravelNamespace.utf8) + [0]

    private static func messageType(_ name: OTAName) -> OTAMessageType? {
        switch name {
        case .otaHotelResNotifRQ: return .hotelResNotif
        case .otaHotelResModifyNotifRQ: return .hotelResModifyNotif
        case .otaCancelRQ: return .cancel
        case .otaResRetrieveRS: return .resRetrieve
        default: return nil
        }
    }

    private static func hasOTAPrefix(_ name: UnsafePointer<xmlChar>) -> Bool {
        name[0] == 0x4F && name[1] == 0x54 && name[2] == 0x41 && name[3] == 0x5F  // "OTA_"
    }
}
