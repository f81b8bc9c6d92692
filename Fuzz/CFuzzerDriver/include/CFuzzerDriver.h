// libFuzzer's driver (compiler-rt, linked by `-sanitize=fuzzer`). SwiftPM on Linux points `main` at the
// executable module's `<module>_main`, so each fuzz target defines that and hands over to the driver.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
