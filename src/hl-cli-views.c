/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The file names --export-views gives its views (issue 11). */
#include "config.h"

#include <limits.h>
#include <string.h>

#include "hl-cli-views.h"

/* Room kept in a file name for "-N" after a collision. */
#define SUFFIX_ROOM 8

static void
cut_utf8 (GString *s, gsize max)
{
  if (s->len <= max)
    return;
  while (max > 0 && ((guchar) s->str[max] & 0xC0) == 0x80)
    max--;
  g_string_truncate (s, max);
}

/* A file name from a view's name: letters and digits of any script, "_",
 * "-" and inner dots kept, anything else (spaces, "/", control and bidi
 * characters) one "-"; within NAME_MAX bytes with its extension; "-2",
 * "-3"… when an earlier view took it (compared case-insensitively, as
 * some file systems do). */
char *
hl_cli_view_file_name (const char *name, const char *ext, GHashTable *taken)
{
  g_return_val_if_fail (name != NULL && ext != NULL && taken != NULL, NULL);

  g_autoptr(GString) s = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '_' || (c == '.' && s->len > 0))
        g_string_append_unichar (s, c);
      else if (s->len > 0 && s->str[s->len - 1] != '-')
        g_string_append_c (s, '-');
    }
  while (s->len > 0 && (s->str[s->len - 1] == '-' || s->str[s->len - 1] == '.'))
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    g_string_assign (s, "view");
  cut_utf8 (s, NAME_MAX - strlen (ext) - 1 - SUFFIX_ROOM);
  for (guint n = 1;; n++)
    {
      g_autofree char *file = n == 1 ? g_strdup_printf ("%s.%s", s->str, ext)
                                     : g_strdup_printf ("%s-%u.%s", s->str, n, ext);
      char *key = g_utf8_casefold (file, -1);

      if (!g_hash_table_contains (taken, key))
        {
          g_hash_table_add (taken, key);
          return g_steal_pointer (&file);
        }
      g_free (key);
    }
}
