/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cells as people type them (hl-import.h): amounts such as "$1.2M",
 * "1,200,000", "1.2e6", "USD 5m", "1.2 billion" or "1.234,5" with a
 * decimal comma; dates as ISO 8601, D/M/Y, M/D/Y, Y/M/D or with a month's
 * name. A cell that cannot be read says why; it is never taken as zero. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hl-date.h"
#include "hl-import.h"

static const char *const field_names[HL_IMPORT_N_FIELDS] = {
  "date", "end", "title", "usd", "count", "lane", "kind", "actor", "confidence", "url",
  "source", "notes",
};

/* The dataset's own name of @field, as --map writes it. */
const char *
hl_import_field_name (HlImportField field)
{
  g_return_val_if_fail (field < HL_IMPORT_N_FIELDS, NULL);
  return field_names[field];
}

/* The field as the import dialog names it. */
const char *
hl_import_field_label (HlImportField field)
{
  const char *labels[HL_IMPORT_N_FIELDS] = {
    N_("Date"), N_("End date"), N_("Title"), N_("Amount (USD)"), N_("Count"), N_("Lane"),
    N_("Kind"), N_("Actor"), N_("Confidence"), N_("Source URL"), N_("Source title"),
    N_("Notes"),
  };

  g_return_val_if_fail (field < HL_IMPORT_N_FIELDS, NULL);
  return _(labels[field]);
}

gboolean
hl_import_field_from_name (const char *name, HlImportField *field)
{
  g_return_val_if_fail (name != NULL, FALSE);
  for (guint i = 0; i < HL_IMPORT_N_FIELDS; i++)
    if (g_ascii_strcasecmp (name, field_names[i]) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

static const char *const format_names[HL_IMPORT_N_DATE_FORMATS] = { "iso", "dmy", "mdy", "ymd" };

const char *
hl_import_date_format_name (HlImportDateFormat format)
{
  g_return_val_if_fail (format < HL_IMPORT_N_DATE_FORMATS, NULL);
  return format_names[format];
}

const char *
hl_import_date_format_label (HlImportDateFormat format)
{
  const char *labels[HL_IMPORT_N_DATE_FORMATS] = {
    N_("ISO 8601 (2023-09-04)"), N_("Day/month/year (4/9/2023)"),
    N_("Month/day/year (9/4/2023)"), N_("Year/month/day (2023/9/4)"),
  };

  g_return_val_if_fail (format < HL_IMPORT_N_DATE_FORMATS, NULL);
  return _(labels[format]);
}

gboolean
hl_import_date_format_from_name (const char *name, HlImportDateFormat *format)
{
  const char *aliases[] = { "iso8601", "d/m/y", "m/d/y", "y/m/d" };

  g_return_val_if_fail (name != NULL, FALSE);
  for (guint i = 0; i < HL_IMPORT_N_DATE_FORMATS; i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0 ||
        g_ascii_strcasecmp (name, aliases[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Amounts */

typedef struct
{
  const char *word;
  double      factor;
} Multiplier;

static const Multiplier multipliers[] = {
  { "k", 1e3 }, { "thousand", 1e3 },
  { "m", 1e6 }, { "mn", 1e6 }, { "mm", 1e6 }, { "mil", 1e6 }, { "million", 1e6 },
  { "millions", 1e6 },
  { "b", 1e9 }, { "bn", 1e9 }, { "billion", 1e9 }, { "billions", 1e9 },
  { "t", 1e12 }, { "tn", 1e12 }, { "trillion", 1e12 },
};

static const char *
skip_space (const char *s)
{
  for (;;)
    {
      if (*s == ' ' || *s == '\t')
        s++;
      else if (g_str_has_prefix (s, "\xc2\xa0"))          /* no-break space */
        s += 2;
      else if (g_str_has_prefix (s, "\xe2\x80\xaf"))      /* narrow no-break space */
        s += 3;
      else
        return s;
    }
}

static const char *
skip_currency (const char *s)
{
  const char *words[] = { "us$", "usd", "$" };

  s = skip_space (s);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strncasecmp (s, words[i], strlen (words[i])) == 0)
      return skip_space (s + strlen (words[i]));
  return s;
}

static gboolean
is_group_separator (const char *s, char decimal, gsize *len)
{
  *len = 1;
  if (*s == '\'' || *s == '_')
    return TRUE;
  if (*s == ' ' && g_ascii_isdigit (s[1]))
    return TRUE;
  if (g_str_has_prefix (s, "\xc2\xa0") || g_str_has_prefix (s, "\xe2\x80\xaf"))
    {
      *len = (guchar) *s == 0xc2 ? 2 : 3;
      return TRUE;
    }
  return *s == (decimal == '.' ? ',' : '.');
}

/* The number at *s in plain C form ("1234.5e6") in @out; *s moves past
 * it. Returns FALSE, with *problem, on digits grouped wrongly. */
static gboolean
scan_number (const char **s, char decimal, const char *text, GString *out, char **problem)
{
  const char *p = *s;
  guint group = 0, groups = 0;
  gboolean grouped = FALSE;
  gsize len;

  while (g_ascii_isdigit (*p) || (out->len > 0 && is_group_separator (p, decimal, &len)))
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p++);
          group++;
          continue;
        }
      if ((groups == 0 && group > 3) || (groups > 0 && group != 3) || !g_ascii_isdigit (p[len]))
        break;
      grouped = TRUE;
      groups++;
      group = 0;
      p += len;
    }
  if (grouped && group != 3)
    {
      *problem = g_strdup_printf (_("“%s” has its digits grouped wrongly for “%c” as the "
                                    "decimal separator"), text, decimal);
      return FALSE;
    }
  if (*p == decimal && g_ascii_isdigit (p[1]))
    {
      g_string_append_c (out, '.');
      for (p++; g_ascii_isdigit (*p); p++)
        g_string_append_c (out, *p);
    }
  if ((*p == 'e' || *p == 'E') && out->len > 0 &&
      (g_ascii_isdigit (p[1]) || ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
    {
      g_string_append_c (out, 'e');
      for (p++; *p == '+' || *p == '-' || g_ascii_isdigit (*p); p++)
        g_string_append_c (out, *p);
    }
  *s = p;
  return TRUE;
}

/* A multiplier word ("m", "bn", "billion") at *s, and after it an optional
 * "USD" or "dollars". Returns FALSE if something else follows. */
static gboolean
scan_suffix (const char **s, double *factor)
{
  const char *p = skip_space (*s);
  const char *start = p;

  *factor = 1;
  while (g_ascii_isalpha (*p))
    p++;
  if (p > start)
    {
      gsize n = p - start;
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (multipliers); i++)
        if (strlen (multipliers[i].word) == n &&
            g_ascii_strncasecmp (start, multipliers[i].word, n) == 0)
          {
            *factor = multipliers[i].factor;
            found = TRUE;
          }
      if (!found)
        p = start;
    }
  p = skip_space (p);
  if (g_ascii_strncasecmp (p, "usd", 3) == 0)
    p += 3;
  else if (g_ascii_strncasecmp (p, "dollars", 7) == 0)
    p += 7;
  else if (*p == '$')
    p++;
  *s = skip_space (p);
  return **s == '\0';
}

/* Reads @text as an amount in US dollars with @decimal ('.' or ',') as
 * the decimal separator. Returns FALSE with a sentence in *problem. */
gboolean
hl_import_parse_amount (const char *text, char decimal, double *value, char **problem)
{
  g_autoptr(GString) number = g_string_new (NULL);
  const char *s;
  double factor, v;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (decimal == '.' || decimal == ',', FALSE);
  g_return_val_if_fail (value != NULL && problem != NULL, FALSE);

  *problem = NULL;
  s = skip_currency (text);
  if (*s == '-' || *s == '(' || g_str_has_prefix (s, "\xe2\x88\x92"))
    {
      *problem = g_strdup_printf (_("“%s” is negative; an amount is 0 or more"), text);
      return FALSE;
    }
  if (g_str_has_prefix (s, "\xe2\x82\xac") || g_str_has_prefix (s, "\xc2\xa3") ||
      g_str_has_prefix (s, "\xe2\x82\xa9") || g_str_has_prefix (s, "\xc2\xa5") ||
      g_ascii_strncasecmp (s, "eur", 3) == 0 || g_ascii_strncasecmp (s, "gbp", 3) == 0)
    {
      *problem = g_strdup_printf (_("“%s” is not in US dollars"), text);
      return FALSE;
    }
  if (!scan_number (&s, decimal, text, number, problem))
    return FALSE;
  if (number->len == 0 || !scan_suffix (&s, &factor))
    {
      if (*skip_space (text) == '\0')
        *problem = g_strdup (_("no amount"));
      else if (strchr (text, decimal == '.' ? ',' : '.') != NULL && number->len > 0)
        *problem = g_strdup_printf (_("“%s” is not an amount with “%c” as the decimal "
                                      "separator"), text, decimal);
      else
        *problem = g_strdup_printf (_("“%s” is not an amount"), text);
      return FALSE;
    }
  v = g_ascii_strtod (number->str, NULL) * factor;
  if (!isfinite (v) || v > 1e15)
    {
      *problem = g_strdup_printf (_("“%s” is more than 1e15 US dollars"), text);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Dates */

static const char *const months[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

/* "4 Sep 2023", "Sep 4, 2023", "September 4th 2023": a month by name is
 * not ambiguous, whatever the format. Returns FALSE if @text has none. */
static gboolean
scan_month_name (const char *text, int *y, int *m, int *d)
{
  int numbers[2] = { 0, 0 }, n = 0;

  *m = 0;
  for (const char *p = text; *p != '\0';)
    {
      if (g_ascii_isalpha (*p))
        {
          const char *start = p;

          while (g_ascii_isalpha (*p))
            p++;
          for (guint i = 0; i < G_N_ELEMENTS (months) && p - start >= 3; i++)
            if (g_ascii_strncasecmp (start, months[i], 3) == 0 && *m == 0)
              *m = i + 1;
        }
      else if (g_ascii_isdigit (*p))
        {
          if (n == 2)
            return FALSE;
          numbers[n++] = (int) strtol (p, (char **) &p, 10);
        }
      else
        p++;
    }
  if (*m == 0 || n != 2)
    return FALSE;
  *y = numbers[0] > 31 ? numbers[0] : numbers[1];
  *d = numbers[0] > 31 ? numbers[1] : numbers[0];
  return *y >= 1000;
}

/* "1/2/2023 14:30" as three numbers and the rest. */
static gboolean
scan_numeric_date (const char *text, int v[3], const char **rest, int *year_digits)
{
  const char *p = text;

  for (int i = 0; i < 3; i++)
    {
      const char *start = p;

      if (!g_ascii_isdigit (*p))
        return FALSE;
      v[i] = (int) strtol (p, (char **) &p, 10);
      if (p - start > 4)
        return FALSE;
      if (i == 0 || i == 2)
        year_digits[i / 2] = p - start;
      if (i < 2 && *p != '/' && *p != '.' && *p != '-')
        return FALSE;
      if (i < 2)
        p++;
    }
  *rest = p;
  return TRUE;
}

/* The ISO form of @text (a date, or a date-time with its offset), or NULL
 * with *problem. */
static char *
to_iso (const char *text, HlImportDateFormat format, const HlImportOptions *options,
        char **problem)
{
  int v[3], digits[2] = { 0, 0 }, y, m, d;
  const char *rest = "";
  g_autofree char *time = NULL;

  /* 2023-09-04 cannot be read two ways, whatever the format chosen */
  if (g_ascii_isdigit (text[0]) && strlen (text) >= 10 && text[4] == '-' && text[7] == '-')
    {
      y = 0;
      rest = text + 10;
      time = g_strndup (text, 10);
      if (*rest == '\0')
        return g_steal_pointer (&time);
      if (*rest != 'T' && *rest != ' ')
        goto bad;
      rest++;
      goto with_time;
    }
  if (scan_month_name (text, &y, &m, &d))
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  if (!scan_numeric_date (text, v, &rest, digits))
    goto bad;
  switch (format)
    {
    case HL_IMPORT_DATE_DMY: d = v[0]; m = v[1]; y = v[2]; break;
    case HL_IMPORT_DATE_MDY: m = v[0]; d = v[1]; y = v[2]; break;
    case HL_IMPORT_DATE_YMD: y = v[0]; m = v[1]; d = v[2]; break;
    default: goto bad;
    }
  if ((format == HL_IMPORT_DATE_YMD ? digits[0] : digits[1]) != 4)
    {
      *problem = g_strdup_printf (_("“%s” has no four-digit year"), text);
      return NULL;
    }
  time = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  if (*rest == '\0')
    return g_steal_pointer (&time);
  if (*rest != ' ' && *rest != 'T')
    goto bad;
  rest++;

with_time:
  {
    gboolean has_offset = g_str_has_suffix (rest, "Z") || strchr (rest, '+') != NULL ||
                          (strlen (rest) > 6 && rest[strlen (rest) - 6] == '-');
    g_autofree char *zone = NULL;

    if (!has_offset && !(options && options->has_zone))
      {
        *problem = g_strdup_printf (_("“%s” has a time but no UTC offset; give the time "
                                      "zone"), text);
        return NULL;
      }
    if (!has_offset)
      zone = g_strdup_printf ("%c%02d:%02d", options->zone_minutes < 0 ? '-' : '+',
                              ABS (options->zone_minutes) / 60, ABS (options->zone_minutes) % 60);
    return g_strconcat (time, "T", rest, zone, NULL);
  }

bad:
  *problem = g_strdup_printf (_("“%s” is not a date in the form %s"), text,
                              hl_import_date_format_label (format));
  return NULL;
}

/* Reads @text as a date written in @format; returns its dataset form
 * ("2023-09-04", "2023-09-04T12:00+09:00") and *time, or NULL with a
 * sentence in *problem. @options: the zone for date-times with none. */
char *
hl_import_parse_date (const char *text, HlImportDateFormat format,
                      const HlImportOptions *options, gint64 *time, char **problem)
{
  g_autofree char *iso = NULL;
  g_autofree char *stripped = NULL;
  const char *why = NULL;
  gint64 t;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (format < HL_IMPORT_N_DATE_FORMATS, NULL);
  g_return_val_if_fail (problem != NULL, NULL);

  *problem = NULL;
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      *problem = g_strdup (_("no date"));
      return NULL;
    }
  iso = to_iso (stripped, format, options, problem);
  if (iso == NULL)
    return NULL;
  if (!hl_date_parse (iso, &t, NULL, &why))
    {
      *problem = g_strdup_printf (_("“%s” is not a date: %s"), stripped, why ? why : "");
      return NULL;
    }
  if (time != NULL)
    *time = t;
  return g_steal_pointer (&iso);
}

/* "+09:00", "-05:00", "Z", "UTC", "UTC+9": the zone given to date-times
 * written without an offset. */
gboolean
hl_import_set_zone (HlImportOptions *options, const char *text)
{
  const char *p = text;
  int sign = 1, h = 0, m = 0;
  char *end;

  g_return_val_if_fail (options != NULL && text != NULL, FALSE);

  if (g_ascii_strncasecmp (p, "UTC", 3) == 0 || g_ascii_strncasecmp (p, "GMT", 3) == 0)
    p += 3;
  else if (*p == 'Z' && p[1] == '\0')
    p++;
  if (*p != '\0')
    {
      if (*p != '+' && *p != '-')
        return FALSE;
      sign = *p++ == '-' ? -1 : 1;
      h = (int) strtol (p, &end, 10);
      if (end == p || h > 14)
        return FALSE;
      p = end;
      if (*p == ':')
        {
          m = (int) strtol (p + 1, &end, 10);
          if (end != p + 3 || m > 59)
            return FALSE;
          p = end;
        }
      if (*p != '\0')
        return FALSE;
    }
  options->has_zone = TRUE;
  options->zone_minutes = sign * (h * 60 + m);
  return TRUE;
}
