// SwiftPM needs a source file in every C target; the header is the point.
#include "CFuzzer.h"
