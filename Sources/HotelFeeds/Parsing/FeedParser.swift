import CLibXML2
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `close(2)`, named apart from `FeedParser.close()`.
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}

/// libxml2 must be initialised once per process before parsers are used from several threads.
private let libxml2Initialized: Void = xmlInitParser()

/// One libxml2 SAX2 push parser over one input, driven by `FeedItems.Iterator`.
///
/// Reads the input in chunks of `FeedLimits.chunkSize` (≤ 1 MiB) and pushes each to libxml2, which calls
/// back into `walker`; the iterator then hands out the items the chunk completed. Only `XML_PARSE_NONET` is
/// set: never `NOENT`, `DTDLOAD` or `HUGE`, so entities are not expanded, no DTD is loaded, and libxml2's
/// own guard ("Huge input lookup", 10 MB) still bounds a start tag or comment that never ends.
final class FeedParser {
    private let input: FeedItems.Input
    private let limits: FeedLimits
    private let names = InternedNameTable()
    private var walker: FeedWalker
    private var attributeGuard: AttributeRunGuard
    private var context: xmlParserCtxtPtr?
    private var fileDescriptor: Int32 = -1
    private var dataOffset = 0
    private var started = false
    private var finished = false
    private var chunk: [UInt8] = []
    private var readyIndex = 0
    private(set) var bytesRead: Int64 = 0
    /// Sees every chunk of input as it is read (all of it, even what a refusal leaves unparsed).
    var observeInput: ((UnsafeRawBufferPointer) -> Void)?

    init(input: FeedItems.Input, limits: FeedLimits) {
        self.input = input
        self.limits = limits
        walker = FeedWalker(limits: limits, names: names)
        attributeGuard = AttributeRunGuard(limit: limits.maxAttributes)
    }

    deinit {
        close()
        names.deallocate()
    }

    func next() -> FeedItem? {
        while true {
            if readyIndex < walker.ready.count {
                let item = walker.ready[readyIndex]
                readyIndex += 1
                if readyIndex == walker.ready.count {
                    walker.ready.removeAll(keepingCapacity: true)
                    readyIndex = 0
                }
                return item
            }
            if finished { return nil }
            advance()
        }
    }

    /// Feeds one chunk (or the end of input) to the parser and leaves what it completed in `walker.ready`.
    private func advance() {
        if !started {
            started = true
            _ = libxml2Initialized
            if case .file(let url) = input {
                fileDescriptor = url.withUnsafeFileSystemRepresentation { path in
                    guard let path else { return -1 }
                    return open(path, O_RDONLY)
                }
                if fileDescriptor < 0 {
                    let detail = String(cString: strerror(errno))
                    fail(FeedFileError(line: 0, reason: .unreadable(path: url.path, detail: detail)))
                    return
                }
            }
        }
        if chunk.isEmpty { chunk = [UInt8](repeating: 0, count: limits.chunkSize) }
        let count: Int
        switch readInput() {
        case .success(let read): count = read
        case .failure(let detail):
            fail(FeedFileError(line: walker.currentLine, reason: .unreadable(path: inputName, detail: detail)))
            return
        }
        if count == 0 && bytesRead == 0 {
            // libxml2 calls an empty push "Extra content at the end of the document"; say what it is.
            fail(FeedFileError(line: 1, reason: .notWellFormed(detail: "Document is empty")))
            return
        }
        bytesRead += Int64(count)
        if let observeInput, count > 0 {
            chunk.withUnsafeBytes { observeInput(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        // An element with too many attributes is refused before libxml2 spends quadratic time on it; what
        // comes before it in the chunk is still parsed, so the messages it completes are delivered.
        let refusedAt = chunk.withUnsafeBytes { attributeGuard.firstOffendingRun(in: $0, count: count) }
        push(count: refusedAt ?? count, terminate: count == 0)
        if let error = walker.fatal {
            fail(error)
        } else if refusedAt != nil {
            fail(FeedFileError(line: walker.currentLine, reason: .tooManyAttributes(limit: limits.maxAttributes)))
        } else if count == 0 {
            walker.finishDocument()
            finished = true
            close()
        }
    }

    private enum ReadResult {
        case success(Int)
        case failure(String)
    }

    private func readInput() -> ReadResult {
        switch input {
        case .data(let data):
            let count = min(chunk.count, data.count - dataOffset)
            if count > 0 {
                let start = data.startIndex + dataOffset
                chunk.withUnsafeMutableBytes { target in
                    data.copyBytes(to: target.bindMemory(to: UInt8.self), from: start..<(start + count))
                }
            }
            dataOffset += count
            return .success(count)
        case .file:
            while true {
                let count = chunk.withUnsafeMutableBytes { target in
                    read(fileDescriptor, target.baseAddress, target.count)
                }
                if count >= 0 { return .success(count) }
                if errno != EINTR { return .failure(String(cString: strerror(errno))) }
            }
        }
    }

    private var inputName: String {
        if case .file(let url) = input { return url.path }
        return "(data)"
    }

    /// Pushes the first `count` bytes of `chunk` to libxml2, and the end of input when `terminate`.
    private func push(count: Int, terminate: Bool) {
        if count == 0 && !terminate { return }
        chunk.withUnsafeBytes { buffer in
            guard let bytes = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
            var offset = 0
            if context == nil {
                // Only the first bytes at creation, so that libxml2 detects a BOM or UTF-16 before decoding.
                offset = min(4, count)
                var handler = Self.saxHandler()
                let userData = Unmanaged.passUnretained(self).toOpaque()
                context = xmlCreatePushParserCtxt(&handler, userData, bytes, Int32(offset), nil)
                guard let context else {
                    walker.recordFatal(
                        FeedFileError(line: 0, reason: .notWellFormed(detail: "libxml2 could not create a parser")))
                    return
                }
                _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
                walker.context = context
            }
            guard let context, walker.fatal == nil else { return }
            let status = xmlParseChunk(context, bytes + offset, Int32(count - offset), terminate ? 1 : 0)
            if status != 0 {
                walker.recordFatal(
                    FeedFileError(line: walker.currentLine, reason: .notWellFormed(detail: "libxml2 error \(status)")))
            }
        }
    }

    private func fail(_ error: FeedFileError) {
        walker.ready.append(.fileError(walker.completed(error, bytesRead: bytesRead)))
        finished = true
        close()
    }

    private func close() {
        if let context {
            walker.context = nil
            xmlFreeParserCtxt(context)
            self.context = nil
        }
        if fileDescriptor >= 0 {
            closeDescriptor(fileDescriptor)
            fileDescriptor = -1
        }
    }

    // MARK: - libxml2 handler

    private static func parser(_ userData: UnsafeMutableRawPointer) -> FeedParser {
        Unmanaged<FeedParser>.fromOpaque(userData).takeUnretainedValue()
    }

    private static func saxHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(truncatingIfNeeded: XML_SAX2_MAGIC)
        handler.startElementNs = { userData, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let userData else { return }
            FeedParser.parser(userData).walker.startElement(
                localName: localName, uri: uri, attributeCount: Int(attributeCount), attributes: attributes)
        }
        handler.endElementNs = { userData, localName, _, _ in
            guard let userData else { return }
            FeedParser.parser(userData).walker.endElement(localName: localName)
        }
        handler.characters = { userData, bytes, count in
            guard let userData else { return }
            FeedParser.parser(userData).walker.characters(bytes, count: Int(count))
        }
        handler.cdataBlock = { userData, bytes, count in
            guard let userData else { return }
            FeedParser.parser(userData).walker.characters(bytes, count: Int(count))
        }
        // A DOCTYPE (internal subset callback) or any entity declaration refuses the document.
        handler.internalSubset = { userData, name, _, _ in
            guard let userData else { return }
            FeedParser.parser(userData).walker.doctype(name: name)
        }
        handler.entityDecl = { userData, name, _, _, _, _ in
            guard let userData else { return }
            FeedParser.parser(userData).walker.doctype(name: name)
        }
        handler.serror = { userData, error in
            guard let userData, let error else { return }
            FeedParser.parser(userData).walker.error(error)
        }
        return handler
    }
}
