# The warning set every target of the project is built with: the brief's list,
# as errors, on gcc and clang alike.
function(oarc_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror
    -Wstrict-prototypes -Wmissing-prototypes)
endfunction()
