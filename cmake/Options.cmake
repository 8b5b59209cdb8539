# The sanitizer build (scripts/run-sanitized-tests.sh, CI): see the end of this file.
option(DISTLAB_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

# Warnings and optimisation as INTERFACE targets, linked by every project target.
add_library(distlab_warnings INTERFACE)
add_library(distlab::warnings ALIAS distlab_warnings)
target_compile_options(distlab_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)

add_library(distlab_optimize INTERFACE)
add_library(distlab::optimize ALIAS distlab_optimize)
# The sanitizer and fuzzing builds use -O1 (as the sanitizers' authors advise): they are for
# finding bugs, and -O3 would double their compile time on CI's two cores.
if(DISTLAB_SANITIZE OR DISTLAB_FUZZ)
  target_compile_options(distlab_optimize INTERFACE -O1)
else()
  target_compile_options(distlab_optimize INTERFACE $<$<CONFIG:Release,RelWithDebInfo>:-O3>)
endif()
# Eigen's asserts cost ~2x in the hot loops; they stay on in Debug builds.
target_compile_definitions(distlab_optimize INTERFACE $<$<CONFIG:Release>:EIGEN_NO_DEBUG>)
if(DISTLAB_NATIVE)
  target_compile_options(distlab_optimize INTERFACE -march=native)
else()
  target_compile_options(distlab_optimize INTERFACE -march=x86-64-v3)
endif()

# The sanitizer build (scripts/run-sanitized-tests.sh, CI): AddressSanitizer and
# UndefinedBehaviorSanitizer on every target, so the worker processes the tests start are
# checked too. Any undefined behaviour stops the program, as a failed test.
if(DISTLAB_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

if(DISTLAB_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "DISTLAB_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer -gline-tables-only)
  add_link_options(-fsanitize=address,undefined)
endif()
