/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A strict, non-recursive JSON (RFC 8259) syntax checker for untrusted
 * files. It builds nothing: it walks the bytes once with an explicit stack,
 * so neither deep nesting nor huge strings can exhaust the stack or memory,
 * and every problem comes out as a line, a column and a sentence. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-dataset.h"
#include "hl-json-check.h"

/* Member names are compared within one object to find duplicates: the
 * first ones each against those before it, at once; an object with more
 * members than this (no dataset object has) has all its names sorted and
 * compared when it closes, which costs O(n log n) whatever the names are
 * (a hash table could be made to collide). */
#define MAX_KEYS_CHECKED 64
#define CANCEL_CHECK_EVERY ((gsize) 16 * 1024 * 1024)

typedef struct
{
  const char *name;   /* decoded, not NUL-terminated */
  gsize       len;
  gsize       pos;    /* where it is written */
} Key;

typedef struct
{
  char  type;         /* '{' or '[' */
  gsize start;
  guint first_key;    /* index into keys */
  guint n_keys;
  gsize key_pos;      /* the last member name, as written, for messages */
  gsize key_len;
} Frame;

typedef struct
{
  const char         *data;
  gsize               len;
  gsize               pos;
  const HlJsonLimits *limits;
  GCancellable       *cancellable;
  gsize               next_cancel_check;
  gboolean            cancelled;

  gsize               err_pos;
  char               *problem;
  gboolean            by_rule;   /* valid JSON, refused by the format's own rule */

  Frame              *stack;
  guint               depth;
  GArray             *keys;
  GStringChunk       *decoded;
} Checker;

static gboolean fail (Checker *c, gsize pos, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean fail_rule (Checker *c, gsize pos, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Checker *c, gsize pos, const char *format, ...)
{
  va_list args;

  if (c->problem != NULL)
    return FALSE;
  va_start (args, format);
  c->problem = g_strdup_vprintf (format, args);
  va_end (args);
  c->err_pos = pos;
  return FALSE;
}

/* fail() for what is valid JSON but refused by the format's own rule. */
static gboolean
fail_rule (Checker *c, gsize pos, const char *format, ...)
{
  va_list args;

  if (c->problem != NULL)
    return FALSE;
  va_start (args, format);
  c->problem = g_strdup_vprintf (format, args);
  va_end (args);
  c->err_pos = pos;
  c->by_rule = TRUE;
  return FALSE;
}

void
hl_json_locate (const char *data, gsize offset, guint *line, guint *column)
{
  guint ln = 1, col = 1;

  for (gsize i = 0; i < offset; i++)
    {
      guchar ch = (guchar) data[i];

      /* \n, \r\n and a lone \r each end a line, as editors count them. */
      if (ch == '\n' || (ch == '\r' && (i + 1 >= offset || data[i + 1] != '\n')))
        {
          ln++;
          col = 1;
        }
      else if ((ch & 0xC0) != 0x80 && ch != '\r')
        col++;
    }
  *line = ln;
  *column = col;
}

static gsize
utf8_cut (const char *s, gsize len, gsize max)
{
  if (len <= max)
    return len;
  while (max > 0 && ((guchar) s[max] & 0xC0) == 0x80)
    max--;
  return max;
}

/* What stands at @pos, quoted, for "found …" in a message. */
static char *
describe_at (Checker *c, gsize pos)
{
  const char *p = c->data + pos;
  gsize avail = c->len - pos, n = 0, cut;
  gboolean more;

  if (pos >= c->len)
    return g_strdup (_("the end of the file"));
  if ((guchar) *p >= 0x80)
    {
      gunichar ch = g_utf8_get_char_validated (p, (gssize) avail);

      /* Quoted, an invisible character would read as “”. */
      if (ch == 0xFEFF)
        return g_strdup (_("a byte-order mark (U+FEFF)"));
      if (ch < 0x110000 && (g_unichar_isspace (ch) || !g_unichar_isgraph (ch) ||
                            g_unichar_type (ch) == G_UNICODE_FORMAT))
        return g_strdup_printf (_("an invisible character (U+%04X)"), ch);
    }
  if (*p == '"')
    {
      for (n = 1; n < avail && n < 64 && p[n] != '"'; n++)
        if (p[n] == '\\' && n + 1 < avail)
          n++;
      if (n < avail && p[n] == '"')
        n++;
    }
  else
    {
      while (n < avail && n < 64 && !strchr (" \t\r\n,:[]{}\"", p[n]))
        n++;
      if (n == 0)
        n = g_utf8_skip[(guchar) *p];
    }
  n = MIN (n, avail);
  cut = utf8_cut (p, n, 24);
  more = cut < n;
  return g_strdup_printf ("“%.*s%s”", (int) cut, p, more ? "…" : "");
}

/* Byte classes, so that the loops over long runs of text and white space
 * cost one table lookup per byte. */
enum { PLAIN = 1, SPACE = 2 };

static const guint8 byte_class[256] = {
  ['\t'] = SPACE, ['\n'] = SPACE, ['\r'] = SPACE, [' '] = SPACE | PLAIN,
  ['!'] = PLAIN, ['#' ... '['] = PLAIN, [']' ... 0xFF] = PLAIN,
};

static void
skip_ws (Checker *c)
{
  const char *d = c->data;
  gsize i = c->pos, len = c->len;

  while (i < len && (byte_class[(guchar) d[i]] & SPACE))
    i++;
  c->pos = i;
}

static int
hex4 (const char *p, gsize avail)
{
  int v = 0;

  if (avail < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      v = (v << 4) | d;
    }
  return v;
}

/* Decodes a string already checked by scan_string() (escapes valid). */
static char *
decode_string (Checker *c, gsize from, gsize to, gsize *out_len)
{
  g_autoptr(GString) s = g_string_sized_new (to - from);
  const char *d = c->data;

  for (gsize i = from; i < to; i++)
    {
      gunichar cp;

      if (d[i] != '\\')
        {
          g_string_append_c (s, d[i]);
          continue;
        }
      i++;
      switch (d[i])
        {
        case 'b': g_string_append_c (s, '\b'); break;
        case 'f': g_string_append_c (s, '\f'); break;
        case 'n': g_string_append_c (s, '\n'); break;
        case 'r': g_string_append_c (s, '\r'); break;
        case 't': g_string_append_c (s, '\t'); break;
        case 'u':
          cp = (gunichar) hex4 (d + i + 1, to - i - 1);
          i += 4;
          if (cp >= 0xD800 && cp <= 0xDBFF)
            {
              gunichar lo = (gunichar) hex4 (d + i + 3, to - i - 3);

              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
              i += 6;
            }
          g_string_append_unichar (s, cp);
          break;
        default:
          g_string_append_c (s, d[i]);
          break;
        }
    }
  *out_len = s->len;
  return g_string_chunk_insert_len (c->decoded, s->str, (gssize) s->len);
}

/* A \u escape at @i; moves *@i past it (and past the second half of a
 * surrogate pair). */
static gboolean
scan_unicode_escape (Checker *c, gsize *i)
{
  const char *d = c->data;
  int cp = hex4 (d + *i + 2, c->len - *i - 2);

  if (cp < 0)
    return fail (c, *i, _("invalid escape in a text: \\u must be followed by four "
                          "hexadecimal digits"));
  if (cp == 0)
    return fail_rule (c, *i, _("the escape \\u0000 (a NUL character) is not allowed in "
                               "a text"));
  if (cp >= 0xDC00 && cp <= 0xDFFF)
    return fail_rule (c, *i, _("the escape \\u%04X is the second half of a surrogate pair "
                               "without its first half"), (guint) cp);
  if (cp >= 0xD800 && cp <= 0xDBFF)
    {
      int lo = -1;

      if (*i + 7 < c->len && d[*i + 6] == '\\' && d[*i + 7] == 'u')
        lo = hex4 (d + *i + 8, c->len - *i - 8);
      if (lo < 0xDC00 || lo > 0xDFFF)
        return fail_rule (c, *i, _("the escape \\u%04X is the first half of a surrogate "
                                   "pair without its second half"), (guint) cp);
      *i += 6;
    }
  *i += 6;
  return TRUE;
}

/* A backslash escape at @i (in the text that starts at @start); moves *@i
 * past it. */
static gboolean
scan_escape (Checker *c, gsize start, gsize *i)
{
  const char *d = c->data;
  const char *e;

  if (*i + 1 >= c->len)
    return fail (c, start, _("a text starting here has no closing quote (the file may "
                             "be cut short)"));
  switch (d[*i + 1])
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      *i += 2;
      return TRUE;
    case 'u':
      return scan_unicode_escape (c, i);
    default:
      e = d + *i + 1;
      return fail (c, *i, _("invalid escape “\\%.*s” in a text (valid escapes: \\\" \\\\ "
                            "\\/ \\b \\f \\n \\r \\t \\uXXXX)"),
                   (int) MIN ((gsize) g_utf8_skip[(guchar) *e], c->len - *i - 1), e);
    }
}

/* A text that ends at @end (the end of the file, or the first byte past
 * the longest allowed string) without its closing quote. */
static gboolean
fail_unclosed (Checker *c, gsize start, gsize end)
{
  if (end < c->len)
    {
      g_autofree char *limit = g_format_size_full (c->limits->max_string,
                                                   G_FORMAT_SIZE_IEC_UNITS);

      return fail (c, start, _("a text starting here is too long: more than %s in "
                               "one string"), limit);
    }
  return fail (c, start, _("a text starting here has no closing quote (the file may "
                           "be cut short)"));
}

/* At an opening quote: moves past the closing one. */
static gboolean
scan_string (Checker *c, gboolean *has_escape)
{
  const char *d = c->data;
  gsize start = c->pos, i = start + 1;
  gsize max = c->limits->max_string;
  /* Reading stops at the first byte past the longest allowed string. */
  gsize end = (c->len - i > max) ? i + max + 1 : c->len;

  *has_escape = FALSE;
  for (;;)
    {
      guchar ch;

      while (i < end && (byte_class[(guchar) d[i]] & PLAIN))
        i++;
      if (i >= end)
        return fail_unclosed (c, start, end);
      ch = (guchar) d[i];
      if (ch == '"')
        break;
      if (ch == '\n' || ch == '\r')
        return fail (c, i, _("line break inside a text: a closing quote may be missing "
                             "(inside a text, write a line break as \\n)"));
      if (ch < 0x20)
        return fail (c, i, _("control character U+%04X inside a text (write it as \\u%04X)"),
                     ch, ch);
      *has_escape = TRUE;
      if (!scan_escape (c, start, &i))
        return FALSE;
    }
  c->pos = i + 1;
  return TRUE;
}

static gboolean
is_digit (Checker *c, gsize i)
{
  return i < c->len && g_ascii_isdigit (c->data[i]);
}

static gboolean
scan_number (Checker *c)
{
  g_autofree char *what = NULL;
  const char *d = c->data;
  gsize start = c->pos, i = start, int_start, int_len;
  gboolean negative = FALSE, integral = TRUE;
  const char *hint = NULL;

  if (d[i] == '-')
    {
      negative = TRUE;
      i++;
    }
  int_start = i;
  if (!is_digit (c, i))
    hint = _("a minus sign must be followed by digits");
  else if (d[i] == '0' && is_digit (c, i + 1))
    hint = _("a number must not start with 0");
  else
    {
      while (is_digit (c, i))
        i++;
      int_len = i - int_start;
      if (i < c->len && d[i] == '.')
        {
          integral = FALSE;
          if (!is_digit (c, ++i))
            hint = _("digits must follow the decimal point");
          while (is_digit (c, i))
            i++;
        }
      if (hint == NULL && i < c->len && (d[i] == 'e' || d[i] == 'E'))
        {
          integral = FALSE;
          i++;
          if (i < c->len && (d[i] == '+' || d[i] == '-'))
            i++;
          if (!is_digit (c, i))
            hint = _("digits must follow the exponent “e”");
          while (is_digit (c, i))
            i++;
        }
      /* json-glib reads integers into 64 bits and wraps around past that:
       * 18446744073709551615 would become -1. */
      if (hint == NULL && integral &&
          (int_len > 19 ||
           (int_len == 19 && strncmp (d + int_start, negative ? "9223372036854775808"
                                                              : "9223372036854775807", 19) > 0)))
        {
          what = describe_at (c, start);
          return fail_rule (c, start, _("the number %s is too large to read exactly; write "
                                        "it with a decimal point or an exponent (e.g. "
                                        "1.5e21)"), what);
        }
    }
  if (hint != NULL)
    {
      what = describe_at (c, start);
      return fail (c, start, _("invalid number %s: %s"), what, hint);
    }
  c->pos = i;
  return TRUE;
}

static gboolean
scan_literal (Checker *c)
{
  static const char *words[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);

      if (c->len - c->pos >= n && memcmp (c->data + c->pos, words[i], n) == 0)
        {
          c->pos += n;
          return TRUE;
        }
    }
  return FALSE;
}

static const char *
container_name (char type)
{
  return type == '{' ? _("object") : _("array");
}

static gboolean
fail_truncated (Checker *c)
{
  Frame *f = &c->stack[c->depth - 1];
  guint line, col;

  hl_json_locate (c->data, f->start, &line, &col);
  return fail (c, c->len, _("the file ends inside the %s that starts at line %u, column %u; "
                            "it may be cut short"), container_name (f->type), line, col);
}

static gboolean
fail_expected_value (Checker *c)
{
  g_autofree char *what = NULL;
  char ch;

  if (c->pos >= c->len)
    return c->depth > 0 ? fail_truncated (c)
                        : fail (c, c->pos, _("no JSON value in the file"));
  ch = c->data[c->pos];
  if (ch == '/')
    return fail (c, c->pos, _("comments are not allowed in JSON"));
  if (ch == '\'')
    return fail (c, c->pos, _("texts must be in double quotes (\"), not single quotes (')"));
  what = describe_at (c, c->pos);
  if (ch == '.')
    return fail (c, c->pos, _("invalid number %s: write a 0 before the decimal point"), what);
  return fail (c, c->pos, _("expected a value (an object, an array, a text in double quotes, "
                            "a number, true, false or null), found %s"), what);
}

static gboolean
fail_duplicate (Checker *c, const Key *key, const Key *first)
{
  guint line, col;
  gsize shown = utf8_cut (key->name, key->len, 40);

  hl_json_locate (c->data, first->pos, &line, &col);
  return fail_rule (c, key->pos, _("the member “%.*s%s” appears twice in the same object "
                                   "(first at line %u, column %u)"),
                    (int) shown, key->name, shown < key->len ? "…" : "", line, col);
}

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  const Key *ka = a, *kb = b;
  int cmp = memcmp (ka->name, kb->name, MIN (ka->len, kb->len));

  if (cmp != 0)
    return cmp;
  if (ka->len != kb->len)
    return ka->len < kb->len ? -1 : 1;
  return ka->pos < kb->pos ? -1 : ka->pos > kb->pos;
}

/* At the end of an object with more than MAX_KEYS_CHECKED members: sorted
 * by name, then place, equal names are neighbours; the duplicate reported
 * is the one written first, as the check on the way would have found it. */
static gboolean
check_duplicates_sorted (Checker *c, Frame *f)
{
  Key *keys = &g_array_index (c->keys, Key, f->first_key);
  const Key *dup = NULL, *first = NULL;
  guint group = 0;

  g_assert (f->n_keys > MAX_KEYS_CHECKED);
  qsort (keys, f->n_keys, sizeof (Key), compare_keys);
  for (guint k = 1; k < f->n_keys; k++)
    {
      if (keys[k].len != keys[group].len ||
          memcmp (keys[k].name, keys[group].name, keys[k].len) != 0)
        {
          group = k;
          continue;
        }
      if (k == group + 1 && (dup == NULL || keys[k].pos < dup->pos))
        {
          dup = &keys[k];
          first = &keys[group];
        }
    }
  return dup == NULL || fail_duplicate (c, dup, first);
}

static gboolean
check_duplicate (Checker *c, Frame *f, gsize key_start, gboolean has_escape)
{
  Key key;

  key.pos = key_start;
  if (has_escape)
    key.name = decode_string (c, key_start + 1, c->pos - 1, &key.len);
  else
    {
      key.name = c->data + key_start + 1;
      key.len = c->pos - 1 - (key_start + 1);
    }
  for (guint k = f->first_key;
       f->n_keys < MAX_KEYS_CHECKED && k < f->first_key + f->n_keys; k++)
    {
      const Key *other = &g_array_index (c->keys, Key, k);

      if (other->len == key.len && memcmp (other->name, key.name, key.len) == 0)
        return fail_duplicate (c, &key, other);
    }
  g_array_append_val (c->keys, key);
  f->n_keys++;
  return TRUE;
}

/* The last member name of @f as written, without its quotes, shortened. */
static char *
key_for_message (Checker *c, Frame *f)
{
  const char *name = c->data + f->key_pos + 1;
  gsize len = f->key_len >= 2 ? f->key_len - 2 : 0;
  gsize shown = utf8_cut (name, len, 40);

  return g_strdup_printf ("%.*s%s", (int) shown, name, shown < len ? "…" : "");
}

/* At a member name (after "{" or ","): moves past its ":". */
static gboolean
scan_member_name (Checker *c)
{
  Frame *f = &c->stack[c->depth - 1];
  gsize start = c->pos;
  gboolean has_escape;

  if (c->pos >= c->len)
    return fail_truncated (c);
  if (c->data[c->pos] != '"')
    {
      g_autofree char *what = NULL;

      if (c->data[c->pos] == '\'')
        return fail (c, c->pos, _("member names must be in double quotes (\"), not single "
                                  "quotes (')"));
      if (c->data[c->pos] == '/')
        return fail (c, c->pos, _("comments are not allowed in JSON"));
      what = describe_at (c, c->pos);
      return fail (c, c->pos, _("expected a member name in double quotes, found %s"), what);
    }
  if (!scan_string (c, &has_escape))
    return FALSE;
  f->key_pos = start;
  f->key_len = c->pos - start;
  if (!check_duplicate (c, f, start, has_escape))
    return FALSE;
  skip_ws (c);
  if (c->pos >= c->len)
    return fail_truncated (c);
  if (c->data[c->pos] != ':')
    {
      g_autofree char *what = describe_at (c, c->pos);
      g_autofree char *key = key_for_message (c, f);

      return fail (c, c->pos, _("expected “:” after the member name “%s”, found %s"), key, what);
    }
  c->pos++;
  return TRUE;
}

static gboolean
check_cancelled (Checker *c)
{
  if (c->pos < c->next_cancel_check)
    return FALSE;
  c->next_cancel_check = c->pos + CANCEL_CHECK_EVERY;
  c->cancelled = g_cancellable_is_cancelled (c->cancellable);
  return c->cancelled;
}

/* At a '{' or '[': pushes its frame, or steps past it if it is empty.
 * *@want_value: whether a value (or, in an object, its name) comes next. */
static gboolean
open_container (Checker *c, char ch, gboolean *want_value)
{
  Frame *f;

  if (c->depth >= c->limits->max_depth)
    return fail (c, c->pos, _("nested deeper than %u levels; this is not a dataset"),
                 c->limits->max_depth);
  f = &c->stack[c->depth++];
  f->type = ch;
  f->start = c->pos;
  f->first_key = c->keys->len;
  f->n_keys = 0;
  f->key_pos = f->key_len = 0;
  c->pos++;
  skip_ws (c);
  if (c->pos < c->len && c->data[c->pos] == (ch == '{' ? '}' : ']'))
    {
      c->pos++;
      c->depth--;
      *want_value = FALSE;
      return TRUE;
    }
  if (ch == '{')
    {
      if (!scan_member_name (c))
        return FALSE;
      skip_ws (c);
    }
  return TRUE;
}

/* Where a value must be. */
static gboolean
scan_value (Checker *c, gboolean *want_value)
{
  gboolean has_escape;
  char ch;

  if (c->pos >= c->len)
    return fail_expected_value (c);
  ch = c->data[c->pos];
  if (ch == '{' || ch == '[')
    return open_container (c, ch, want_value);
  if (ch == '"')
    {
      if (!scan_string (c, &has_escape))
        return FALSE;
    }
  else if (ch == '-' || g_ascii_isdigit (ch))
    {
      if (!scan_number (c))
        return FALSE;
    }
  else if (!scan_literal (c))
    return fail_expected_value (c);
  *want_value = FALSE;
  skip_ws (c);
  return TRUE;
}

/* After a comma at @comma: the next member or element. */
static gboolean
scan_after_comma (Checker *c, Frame *f, gsize comma)
{
  c->pos++;
  skip_ws (c);
  if (c->pos < c->len && (c->data[c->pos] == '}' || c->data[c->pos] == ']'))
    return fail (c, comma, _("a comma must be followed by another %s; remove the "
                             "trailing comma"),
                 f->type == '{' ? _("member") : _("element"));
  if (f->type == '{')
    {
      if (!scan_member_name (c))
        return FALSE;
      skip_ws (c);
    }
  return TRUE;
}

static gboolean
fail_no_separator (Checker *c, Frame *f)
{
  g_autofree char *what = describe_at (c, c->pos);

  if (f->type == '{')
    {
      g_autofree char *key = key_for_message (c, f);

      return fail (c, c->pos, _("expected “,” or “}” after the value of “%s”, "
                                "found %s"), key, what);
    }
  return fail (c, c->pos, _("expected “,” or “]” after an element of the array, "
                            "found %s"), what);
}

/* After a value: a comma, the end of its container, or (at the top) the
 * end of the file, which sets *@done. */
static gboolean
scan_after_value (Checker *c, gboolean *want_value, gboolean *done)
{
  Frame *f;

  skip_ws (c);
  if (c->depth == 0)
    {
      g_autofree char *what = NULL;

      if ((*done = c->pos >= c->len))
        return TRUE;
      what = describe_at (c, c->pos);
      return fail (c, c->pos, _("unexpected %s after the end of the data (a file holds "
                                "one JSON value)"), what);
    }
  f = &c->stack[c->depth - 1];
  if (c->pos >= c->len)
    return fail_truncated (c);
  if (c->data[c->pos] == ',')
    return (*want_value = scan_after_comma (c, f, c->pos));
  if (c->data[c->pos] != (f->type == '{' ? '}' : ']'))
    return fail_no_separator (c, f);
  c->pos++;
  if (f->type == '{' && f->n_keys > MAX_KEYS_CHECKED && !check_duplicates_sorted (c, f))
    return FALSE;
  g_array_set_size (c->keys, f->first_key);
  c->depth--;
  return TRUE;
}

static gboolean
run (Checker *c)
{
  gboolean want_value = TRUE, done = FALSE;

  skip_ws (c);
  while (!done)
    {
      gboolean ok;

      if (check_cancelled (c))
        return FALSE;
      if (want_value)
        ok = scan_value (c, &want_value);
      else
        ok = scan_after_value (c, &want_value, &done);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Returns TRUE if @data is one well-formed JSON value within @limits. On
 * failure, *out_problem (free it) says what is wrong at *out_line,
 * *out_column; if @cancellable was cancelled, *out_problem is NULL. */
gboolean
hl_json_check (const char         *data,
               gsize               len,
               const HlJsonLimits *limits,
               GCancellable       *cancellable,
               guint              *out_line,
               guint              *out_column,
               char              **out_problem)
{
  return hl_json_check_full (data, len, limits, cancellable, out_line, out_column, out_problem,
                             NULL);
}

/* hl_json_check(), and on failure *@out_by_rule: whether the bytes are
 * valid JSON that the format refuses by its own rule (a member name twice
 * in an object, "\u0000", an unpaired surrogate, an integer past 64 bits)
 * rather than not JSON at all. */
gboolean
hl_json_check_full (const char         *data,
                    gsize               len,
                    const HlJsonLimits *limits,
                    GCancellable       *cancellable,
                    guint              *out_line,
                    guint              *out_column,
                    char              **out_problem,
                    gboolean           *out_by_rule)
{
  Checker c = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (limits != NULL && limits->max_depth > 0, FALSE);

  c.data = data;
  c.len = len;
  c.limits = limits;
  c.cancellable = cancellable;
  c.stack = g_new (Frame, limits->max_depth);
  c.keys = g_array_new (FALSE, FALSE, sizeof (Key));
  c.decoded = g_string_chunk_new (256);

  ok = run (&c);

  if (!ok && !c.cancelled)
    {
      hl_json_locate (data, c.err_pos, out_line, out_column);
      *out_problem = g_steal_pointer (&c.problem);
    }
  else
    *out_problem = NULL;
  if (out_by_rule != NULL)
    *out_by_rule = !ok && c.by_rule;

  g_free (c.problem);
  g_free (c.stack);
  g_array_unref (c.keys);
  g_string_chunk_free (c.decoded);
  return ok;
}
