#ifndef HOTELSALES_CSQLITECONFIG_SHIM_H
#define HOTELSALES_CSQLITECONFIG_SHIM_H

/* sqlite3_config is variadic, which Swift cannot call; these call it. Declared here rather than by including
   sqlite3.h, which GRDB's own SQLite module already owns. The option numbers are SQLite's documented, stable
   values (https://www.sqlite.org/c3ref/c_config_covering_index_scan.html). Both must run before SQLite is
   initialized (before the first connection opens); afterwards SQLite refuses them with SQLITE_MISUSE and
   nothing changes. */
int sqlite3_config(int, ...);

/* SQLITE_CONFIG_MULTITHREAD (2): no mutex per connection call. GRDB already serializes every use of a
   connection (it supports only this mode); the mutexes were about 3% of a feed import's writer thread. */
static inline int hotelsales_sqlite_multithread(void) { return sqlite3_config(2); }

/* SQLITE_CONFIG_MEMSTATUS (9) off: no global mutex around every allocation to keep memory statistics, which
   hotelsales never reads. */
static inline int hotelsales_sqlite_no_memory_statistics(void) { return sqlite3_config(9, 0); }

#endif
