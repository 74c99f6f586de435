# FindJsmn: jsmn (one header, Debian's libjsmn-dev) as the imported target
# jsmn::jsmn. oarc compiles jsmn into its own library, so an installed oarc
# needs no jsmn; the target is for building oarc (and its tools) from source.
#
#   jsmn::jsmn  Jsmn_FOUND  Jsmn_INCLUDE_DIR
include(FindPackageHandleStandardArgs)
find_path(Jsmn_INCLUDE_DIR jsmn.h)
find_package_handle_standard_args(Jsmn REQUIRED_VARS Jsmn_INCLUDE_DIR)
if(Jsmn_FOUND AND NOT TARGET jsmn::jsmn)
  add_library(jsmn::jsmn INTERFACE IMPORTED)
  # SYSTEM: jsmn's own code is not held to oarc's warning set.
  set_target_properties(jsmn::jsmn PROPERTIES INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${Jsmn_INCLUDE_DIR}")
  target_include_directories(jsmn::jsmn SYSTEM INTERFACE "${Jsmn_INCLUDE_DIR}")
endif()
