#!/bin/sh
# Fails when the built library references the heap (malloc, calloc, realloc,
# free) or defines mutable globals (data or bss symbols), reading its symbol
# table with nm. Usage: check_lib_symbols.sh LIBRARY [NM]
lib=$1
nm=${2:-nm}
[ -f "$lib" ] || { echo "no library at '$lib'"; exit 1; }
syms=$("$nm" -A "$lib") || { echo "nm failed on $lib"; exit 1; }
[ -n "$syms" ] || { echo "no symbols read from $lib"; exit 1; }
status=0
heap=$(printf '%s\n' "$syms" | grep -E ' U (malloc|calloc|realloc|free)$')
if [ -n "$heap" ]; then
    echo "heap calls referenced:"; printf '%s\n' "$heap"; status=1
fi
globals=$(printf '%s\n' "$syms" | grep -E ' [BbDdCGgSs] ' | grep -vE ' [bdsS] \.|__(sancov|asan|ubsan|llvm)|\.L')
if [ -n "$globals" ]; then
    echo "mutable globals defined:"; printf '%s\n' "$globals"; status=1
fi
defined=$(printf '%s\n' "$syms" | grep -cE ' T ')
echo "$lib: $defined functions defined, heap references: $(printf '%s' "$heap" | grep -c .), mutable globals: $(printf '%s' "$globals" | grep -c .)"
exit $status
