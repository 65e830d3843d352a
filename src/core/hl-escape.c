/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text from a file, made safe to quote in a message that reaches a
 * terminal or a label: nothing in it can move the cursor, clear the
 * screen, retitle the window, start a new line or reorder what follows.
 * Control characters, invalid bytes and bidirectional controls are written
 * out in a visible notation ("\x1b", "\u202e"); the rest is left as it is. */
#include "config.h"

#include <string.h>

#include "hl-escape.h"

/* What a character becomes: 0 itself, 'x' "\xNN" (one byte), 'u' "\uNNNN". */
static char
escape_kind (gunichar ch, HlEscapeFlags flags)
{
  if (ch == '\n' && (flags & HL_ESCAPE_KEEP_NEWLINES))
    return 0;
  if (ch < 0x20 || ch == 0x7F)
    return 'x';
  if (ch < 0x80)
    return 0;
  if (ch <= 0x9F ||                          /* C1 controls: CSI, OSC, NEL… */
      ch == 0x061C ||                        /* ARABIC LETTER MARK */
      ch == 0x200E || ch == 0x200F ||        /* LRM, RLM */
      (ch >= 0x202A && ch <= 0x202E) ||      /* LRE, RLE, PDF, LRO, RLO */
      (ch >= 0x2066 && ch <= 0x2069) ||      /* LRI, RLI, FSI, PDI */
      ch == 0x2028 || ch == 0x2029)          /* line and paragraph separators */
    return 'u';
  return 0;
}

/* Appends @text, escaped, to @out; with @out NULL, only looks. Returns
 * whether anything needed escaping. */
static gboolean
scan (const char *text, gsize len, HlEscapeFlags flags, GString *out)
{
  const char *p = text, *end = text + len, *plain = text;
  gboolean escaped = FALSE;

  while (p < end)
    {
      gunichar ch;
      gsize n;
      char kind;

      if ((guchar) *p < 0x80)
        {
          ch = (guchar) *p;
          n = 1;
        }
      else
        {
          ch = g_utf8_get_char_validated (p, end - p);
          n = ch < (gunichar) -2 ? (gsize) g_utf8_skip[(guchar) *p] : 1;
        }
      if (ch >= (gunichar) -2)
        kind = 'x';      /* not UTF-8: the byte itself, in hexadecimal */
      else
        kind = escape_kind (ch, flags);
      if (kind == 0)
        {
          p += n;
          continue;
        }
      escaped = TRUE;
      if (out == NULL)
        return TRUE;
      g_string_append_len (out, plain, p - plain);
      if (kind == 'x')
        g_string_append_printf (out, "\\x%02x", (guchar) *p);
      else
        g_string_append_printf (out, "\\u%04x", ch);
      p += n;
      plain = p;
    }
  if (out != NULL)
    g_string_append_len (out, plain, p - plain);
  return escaped;
}

/**
 * hl_escape_text:
 * @text: any bytes, not necessarily UTF-8
 * @len: the length of @text, or -1 if it is NUL-terminated
 * @flags: %HL_ESCAPE_KEEP_NEWLINES for a message of several lines
 *
 * Returns: (transfer full): @text with C0 and C1 control characters, DEL,
 * bytes that are not UTF-8 and the bidirectional controls (U+061C,
 * U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069; U+2028 and U+2029
 * too) written as "\x1b" or "\u202e". Valid UTF-8 either way.
 */
char *
hl_escape_text (const char *text, gssize len, HlEscapeFlags flags)
{
  GString *out;
  gsize n;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (text == NULL)
    return g_strdup ("");
  n = len < 0 ? strlen (text) : (gsize) len;
  if (!scan (text, n, flags, NULL))
    return g_strndup (text, n);
  out = g_string_sized_new (n + 16);
  scan (text, n, flags, out);
  return g_string_free (out, FALSE);
}

/* Whether hl_escape_text() would change @text. */
gboolean
hl_escape_needed (const char *text, gssize len, HlEscapeFlags flags)
{
  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  if (text == NULL)
    return FALSE;
  return scan (text, len < 0 ? strlen (text) : (gsize) len, flags, NULL);
}
