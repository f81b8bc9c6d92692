#ifndef HOTELSALES_CLIBXML2_SHIM_H
#define HOTELSALES_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU 72; Foundation carries its own ICU. Importing both into one Swift
   target fails a clean build ("UErrorCode has different definitions"). Turn libxml2's ICU declarations
   off before any other libxml2 header is read (see shared PLATFORM-NOTES.md). */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

/* xmlFree is a mutable global function pointer, which Swift 6 rejects; call it through this. */
static inline void hotelsales_xml_free(void *pointer) { xmlFree(pointer); }

#endif
