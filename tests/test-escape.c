/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hl_escape_text(): text from a file, quoted in a message, can neither
 * steer a terminal nor reorder the words around it. */
#include <string.h>

#include "hl-escape.h"

typedef struct
{
  const char   *in;
  gssize        len;
  HlEscapeFlags flags;
  const char   *out;
} EscapeCase;

static const EscapeCase cases[] = {
  /* left alone: plain text, other scripts, emoji, backslashes */
  { "Stake.com", -1, HL_ESCAPE_NONE, "Stake.com" },
  { "日本 é 💥 שלום", -1, HL_ESCAPE_NONE, "日本 é 💥 שלום" },
  { "a\\x1b", -1, HL_ESCAPE_NONE, "a\\x1b" },
  { "", -1, HL_ESCAPE_NONE, "" },
  /* C0 controls and DEL, as bytes */
  { "\033[2J\033]0;pwned\007", -1, HL_ESCAPE_NONE, "\\x1b[2J\\x1b]0;pwned\\x07" },
  { "a\nb\rc\td", -1, HL_ESCAPE_NONE, "a\\x0ab\\x0dc\\x09d" },
  { "a\nb\rc", -1, HL_ESCAPE_KEEP_NEWLINES, "a\nb\\x0dc" },
  { "del\177", -1, HL_ESCAPE_NONE, "del\\x7f" },
  { "nul\0after", 9, HL_ESCAPE_NONE, "nul\\x00after" },
  /* C1 controls (U+009B is CSI on some terminals, U+0085 NEL) */
  { "\302\233" "31m\302\205", -1, HL_ESCAPE_NONE, "\\u009b31m\\u0085" },
  /* bidi controls: embeddings, overrides, isolates, marks; line separators */
  { "a\u202Eb\u202Ac\u202Bd\u202Ce\u202Df", -1, HL_ESCAPE_NONE,
    "a\\u202eb\\u202ac\\u202bd\\u202ce\\u202df" },
  { "\u2066\u2067\u2068\u2069", -1, HL_ESCAPE_NONE, "\\u2066\\u2067\\u2068\\u2069" },
  { "\u200E\u200F\u061C", -1, HL_ESCAPE_NONE, "\\u200e\\u200f\\u061c" },
  { "\u2028\u2029", -1, HL_ESCAPE_NONE, "\\u2028\\u2029" },
  /* not UTF-8 (a file name may be anything): each bad byte */
  { "caf\351.json", -1, HL_ESCAPE_NONE, "caf\\xe9.json" },
  { "\xe2\x80", -1, HL_ESCAPE_NONE, "\\xe2\\x80" },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const EscapeCase *c = &cases[i];
      g_autofree char *out = hl_escape_text (c->in, c->len, c->flags);

      g_assert_true (g_utf8_validate (out, -1, NULL));
      if (!g_str_equal (out, c->out))
        g_error ("case %u: got “%s”, expected “%s”", i, out, c->out);
      g_assert_cmpint (hl_escape_needed (c->in, c->len, c->flags), ==,
                       !g_str_equal (c->in, c->out) || (c->len >= 0 &&
                                                        strlen (c->in) != (gsize) c->len));
    }
}

/* Every byte and every character that matters, one at a time: what comes
 * out has no byte under 0x20 (but a kept newline), no DEL, no C1 control
 * and no bidi control, and escaping again changes nothing. */
static void
test_every_control (void)
{
  static const gunichar extra[] = { 0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D,
                                    0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029 };
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;

  for (guint b = 1; b < 0x80; b++)
    g_string_append_c (all, (char) b);
  for (gunichar ch = 0x80; ch <= 0x9F; ch++)
    g_string_append_unichar (all, ch);
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    g_string_append_unichar (all, extra[i]);

  out = hl_escape_text (all->str, (gssize) all->len, HL_ESCAPE_NONE);
  for (const char *p = out; *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      g_assert_cmpuint (ch, >=, 0x20);
      g_assert_cmpuint (ch, !=, 0x7F);
      g_assert_false (ch >= 0x80 && ch <= 0x9F);
      for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
        g_assert_cmpuint (ch, !=, extra[i]);
    }
  g_assert_false (hl_escape_needed (out, -1, HL_ESCAPE_NONE));
  again = hl_escape_text (out, -1, HL_ESCAPE_NONE);
  g_assert_cmpstr (again, ==, out);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escape/cases", test_cases);
  g_test_add_func ("/escape/every-control", test_every_control);
  return g_test_run ();
}
