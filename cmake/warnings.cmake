# Project-wide compile settings, applied to seatsim's own targets through seatsim_settings.
add_library(seatsim_settings INTERFACE)
target_compile_options(seatsim_settings INTERFACE -Wall -Wextra -Wpedantic -Wshadow)
# GCC 12 reports a false -Wrestrict inside std::string's operator+ (GCC bug 105329) at -O2.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(seatsim_settings INTERFACE -Wno-restrict)
endif()
if(SEATSIM_WERROR)
  target_compile_options(seatsim_settings INTERFACE -Werror)
endif()
if(SEATSIM_SANITIZE)
  target_compile_options(seatsim_settings INTERFACE -fsanitize=address,undefined
                                                    -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(seatsim_settings INTERFACE -fsanitize=address,undefined)
  # GCC 12's -Wmaybe-uninitialized reports false positives inside the standard library under the sanitizers'
  # instrumentation at -O1 (std::regex's std::function state, for one): GCC's manual says the sanitizers make
  # this warning unreliable. The ordinary builds keep it, with -Werror.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(seatsim_settings INTERFACE -Wno-maybe-uninitialized)
  endif()
endif()
if(SEATSIM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "SEATSIM_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  # Coverage instrumentation for every target; the harnesses add libFuzzer's main.
  target_compile_options(seatsim_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                                                    -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(seatsim_settings INTERFACE -fsanitize=address,undefined)
endif()
if(SEATSIM_NATIVE)
  target_compile_options(seatsim_settings INTERFACE -march=native)
endif()
