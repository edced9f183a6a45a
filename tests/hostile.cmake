# Hostile input (issue 8): the reader hardening unit tests, the fuzz regressions replayed
# without libFuzzer, and the malformed-input suite tests/hostile/*.sh. Label: hostile.
# Each shell case has its own CTest TIMEOUT, which is what catches a hang or a quadratic path.
ng_add_unit(test_hostile ng_core ZLIB::ZLIB)
set_tests_properties(test_hostile PROPERTIES LABELS "unit;hostile")

# Replay binaries: each fuzz target with a plain main() over files, so the seeds and every
# saved finding run under gcc, the sanitizers and valgrind in every build.
include(${NG_TEST_DIR}/fuzz/targets.cmake)
foreach(t IN LISTS NG_FUZZ_TARGETS)
  set(replay ${t}_replay)
  add_executable(${replay} ${NG_TEST_DIR}/fuzz/${t}.c ${NG_TEST_DIR}/fuzz/standalone_main.c)
  target_include_directories(${replay} PRIVATE ${NG_TEST_DIR}/fuzz ${NG_FUZZ_PRIVATE_${t}})
  target_link_libraries(${replay} PRIVATE ${NG_FUZZ_LIBS_${t}})
  set(dirs "")
  foreach(d corpus regressions)
    if(EXISTS ${NG_TEST_DIR}/fuzz/${d}/${t})
      list(APPEND dirs ${NG_TEST_DIR}/fuzz/${d}/${t})
    endif()
  endforeach()
  if(dirs)
    add_test(NAME ${replay} COMMAND ${replay} ${dirs})
    set_tests_properties(${replay} PROPERTIES LABELS hostile TIMEOUT 300)
  endif()
endforeach()

# The malformed-input suite: one CTest per case file; a case prints "skipped: why" and exits
# 77 when it cannot run here (as root, without a tool).
file(GLOB NG_HOSTILE_CASES ${NG_TEST_DIR}/hostile/*.sh)
list(FILTER NG_HOSTILE_CASES EXCLUDE REGEX "/lib\\.sh$")
foreach(case IN LISTS NG_HOSTILE_CASES)
  get_filename_component(name ${case} NAME_WE)
  ng_add_sh(hostile_${name} hostile hostile/${name}.sh)
  set_tests_properties(hostile_${name} PROPERTIES TIMEOUT 120)
endforeach()
# The chain of 3,001 people computes eigenvector centrality's fallback in five commands
# (about 12 CPU-seconds in all): more room than the other cases on a loaded machine.
set_tests_properties(hostile_metrics_chain PROPERTIES TIMEOUT 300)
