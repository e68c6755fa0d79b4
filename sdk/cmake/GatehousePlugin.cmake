# gatehouse_add_plugin(<target> SOURCES <src>... [OUTPUT_NAME <name>] [INSTALL_DESTINATION <dir>])
#
# Builds a Gatehouse plugin: a MODULE library (dlopen-only, never linked against) whose
# file is always lib<OUTPUT_NAME>.so, whatever the platform's defaults. OUTPUT_NAME
# defaults to <target>; the in-tree convention is gatehouse_<kind>_<name>, giving e.g.
# libgatehouse_provider_mock.so. The library
#   - links Gatehouse::sdk (the C ABI header and the C++ helper),
#   - hides every symbol but the entry point the helper's macros export, so two plugins
#     built from the same helper templates can never bind to each other's copies,
#   - is linked with --no-undefined, so a missing symbol fails the build instead of the
#     gateway's start-up.
# Inside the Gatehouse tree the file goes to ${GATEHOUSE_PLUGIN_OUTPUT_DIR}, where the
# gateway looks by default, and the tree's warning flags apply. With INSTALL_DESTINATION
# the plugin is installed there (component "plugins").
include_guard(GLOBAL)

function(gatehouse_add_plugin target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT_NAME;INSTALL_DESTINATION" "SOURCES")
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "gatehouse_add_plugin(${target}): SOURCES is required")
  endif()
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "gatehouse_add_plugin(${target}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_OUTPUT_NAME)
    set(arg_OUTPUT_NAME ${target})
  endif()

  add_library(${target} MODULE ${arg_SOURCES})
  target_link_libraries(${target} PRIVATE Gatehouse::sdk)
  set_target_properties(${target} PROPERTIES
    PREFIX "lib"
    SUFFIX ".so"
    OUTPUT_NAME ${arg_OUTPUT_NAME}
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    POSITION_INDEPENDENT_CODE ON)
  target_link_options(${target} PRIVATE LINKER:--no-undefined)

  if(TARGET gatehouse_warnings)
    target_link_libraries(${target} PRIVATE gatehouse_warnings)
  endif()
  if(GATEHOUSE_PLUGIN_OUTPUT_DIR)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${GATEHOUSE_PLUGIN_OUTPUT_DIR})
  endif()
  if(arg_INSTALL_DESTINATION)
    install(TARGETS ${target} LIBRARY DESTINATION ${arg_INSTALL_DESTINATION} COMPONENT plugins)
  endif()
endfunction()
