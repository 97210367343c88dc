// libFuzzer's entry point for a program that has its own main (SwiftPM gives
// every executable one). Only referenced when built with -DFUZZING and
// -sanitize=fuzzer, which links libFuzzer; a plain build never calls it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
