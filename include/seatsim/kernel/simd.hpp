#pragma once
// Which SIMD instruction set the fast kernels run on. The default build runs on any x86-64:
// the kernels are compiled for several levels (Google Highway) and the best one the processor
// supports is chosen at run time. Tests and benchmarks pin a level to cover or compare them.
#include <string>
#include <string_view>
#include <vector>

namespace seatsim {

// The levels compiled in that this processor runs, best first: some of "AVX3" (AVX-512),
// "AVX2", "SSE4", "SSSE3", and always the portable "SCALAR" (or "EMU128").
std::vector<std::string> simd_targets();

// The level the kernels use now (the best one unless pinned).
std::string simd_target();

// Pins every later kernel call, in every thread, to one of simd_targets(); "" returns to the
// best. Throws seatsim::Error for a level that is not in simd_targets(). Results never depend
// on it — only speed does.
void set_simd_target(std::string_view name);

}  // namespace seatsim
