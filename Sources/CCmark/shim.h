// The whole C surface `review` uses: Debian's libcmark (libcmark-dev).
// Only Sources/ReviewKit/Rendering/CMark.swift imports this module.
#ifndef REVIEW_CCMARK_SHIM_H
#define REVIEW_CCMARK_SHIM_H
#include <cmark.h>
#endif
