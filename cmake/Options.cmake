# Warnings and optimisation as INTERFACE targets, linked by every project target.
add_library(distlab_warnings INTERFACE)
add_library(distlab::warnings ALIAS distlab_warnings)
target_compile_options(distlab_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  -Wno-maybe-uninitialized)

add_library(distlab_optimize INTERFACE)
add_library(distlab::optimize ALIAS distlab_optimize)
target_compile_options(distlab_optimize INTERFACE $<$<CONFIG:Release,RelWithDebInfo>:-O3>)
# Eigen's asserts cost ~2x in the hot loops; they stay on in Debug builds.
target_compile_definitions(distlab_optimize INTERFACE $<$<CONFIG:Release>:EIGEN_NO_DEBUG>)
if(DISTLAB_NATIVE)
  target_compile_options(distlab_optimize INTERFACE -march=native)
else()
  target_compile_options(distlab_optimize INTERFACE -march=x86-64-v3)
endif()
