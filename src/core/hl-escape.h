/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HL_ESCAPE_NONE          = 0,
  HL_ESCAPE_KEEP_NEWLINES = 1 << 0,  /* leave "\n" as it is: a message of several lines */
} HlEscapeFlags;

char     *hl_escape_text   (const char    *text,
                            gssize         len,
                            HlEscapeFlags  flags);
gboolean  hl_escape_needed (const char    *text,
                            gssize         len,
                            HlEscapeFlags  flags);

G_END_DECLS
