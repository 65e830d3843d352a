#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer harness for the loader with clang, straight from the
# sources (the meson build uses gcc, and libFuzzer needs clang):
#   bash tests/fuzz/build.sh [OUTDIR]        (default: build-fuzz)
# Then, for example:
#   build-fuzz/fuzz-loader -dict=tests/fuzz/heistline.dict -max_total_time=60 \
#     NEW_CORPUS_DIR tests/fuzz/corpus tests/data
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${1:-$src/build-fuzz}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cc=${CC_FUZZ:-clang}

# The whole core: it needs nothing but GLib, GIO and json-glib.
sources=("$src"/src/core/*.c)

cat > "$out/config.h" <<CONFIG
#pragma once
#define PACKAGE_VERSION "fuzz"
#define APP_ID "io.github.heistline.Heistline"
#define GETTEXT_PACKAGE "heistline"
#define LOCALEDIR "/usr/share/locale"
CONFIG

for kind in source header; do
  ext=c; [ "$kind" = header ] && ext=h
  glib-compile-resources --generate-$kind --sourcedir "$src/data" --c-name hl_data \
    --target "$out/hl-data-resources.$ext" "$src/resources/heistline-data.gresource.xml"
done

# shellcheck disable=SC2046
"$cc" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -DG_LOG_DOMAIN='"Heistline"' -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 \
  -I"$out" -I"$src/src/core" \
  "$src/tests/fuzz/fuzz-loader.c" "${sources[@]}" "$out/hl-data-resources.c" \
  $(pkg-config --cflags --libs gio-2.0 gio-unix-2.0 json-glib-1.0) -lm \
  -o "$out/fuzz-loader"
echo "built $out/fuzz-loader"
