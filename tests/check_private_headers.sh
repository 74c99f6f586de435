#!/bin/sh
# lib/src's headers are private to lib/ (issue 13): no CMakeLists outside lib/
# and tests/ puts lib/src on an include path, and no source of tools/,
# firmware/, boards/ or bench/ includes one of them by name. Exits 1 naming
# each offender. Usage: check_private_headers.sh REPOSITORY_ROOT
set -eu
root=$1
status=0
if grep -rn 'lib/src' "$root/tools" "$root/firmware" "$root/boards" "$root/bench" \
        --include=CMakeLists.txt --include='*.cmake'; then
    echo "lib/src on an include path outside lib/ (above)" >&2
    status=1
fi
for h in "$root"/lib/src/*.h; do
    name=$(basename "$h")
    if grep -rn --include='*.c' --include='*.h' "#include \"$name\"" \
            "$root/tools" "$root/firmware" "$root/boards" "$root/bench"; then
        echo "a private header of lib/src included outside lib/: $name (above)" >&2
        status=1
    fi
done
[ "$status" -eq 0 ] && echo "lib/src's headers stay private to lib/"
exit "$status"
