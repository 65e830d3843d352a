/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A strict RFC 8259 syntax check of untrusted bytes, run before json-glib
 * sees them: one linear pass, no recursion, bounded memory. It refuses what
 * json-glib would crash on (deep nesting), silently misread (integers past
 * 64 bits, "\u0000", unpaired surrogates, duplicate member names, a second
 * value after the first) or accept against the standard (leading zeros), and
 * says where and what, in words. */
typedef struct
{
  guint max_depth;       /* deepest nesting of arrays and objects */
  gsize max_string;      /* longest string, in bytes as written */
} HlJsonLimits;

gboolean hl_json_check (const char         *data,
                        gsize               len,
                        const HlJsonLimits *limits,
                        GCancellable       *cancellable,
                        guint              *out_line,
                        guint              *out_column,
                        char              **out_problem);

gboolean hl_json_check_full (const char         *data,
                             gsize               len,
                             const HlJsonLimits *limits,
                             GCancellable       *cancellable,
                             guint              *out_line,
                             guint              *out_column,
                             char              **out_problem,
                             gboolean           *out_by_rule);

void     hl_json_locate (const char         *data,
                         gsize               offset,
                         guint              *line,
                         guint              *column);

G_END_DECLS
