/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-date.h"
#include "hl-money-locale.h"

static gboolean
is_leap (gint64 y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month (gint64 y, int m)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return m == 2 && is_leap (y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * civil-from-days algorithm): exact, branch-light and free of locale or
 * time zone lookups, which matters when a million events are parsed. */
static gint64
days_from_civil (gint64 y, int m, int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

gint64
hl_date_from_ymd (int year, int month, int day)
{
  return days_from_civil (year, month, day) * HL_SECONDS_PER_DAY;
}

void
hl_date_to_ymd (gint64 time, int *year, int *month, int *day)
{
  gint64 z, era, doe, yoe, y, doy, mp, d, m;

  z = (time >= 0 ? time : time - (HL_SECONDS_PER_DAY - 1)) / HL_SECONDS_PER_DAY;
  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp + (mp < 10 ? 3 : -9);

  if (year != NULL)
    *year = (int) (y + (m <= 2));
  if (month != NULL)
    *month = (int) m;
  if (day != NULL)
    *day = (int) d;
}

gint64
hl_date_floor_day (gint64 time)
{
  gint64 days = (time >= 0 ? time : time - (HL_SECONDS_PER_DAY - 1)) / HL_SECONDS_PER_DAY;

  return days * HL_SECONDS_PER_DAY;
}

static gboolean
read_digits (const char **p, int n, int *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = v;
  return TRUE;
}

#define NOT_A_DATE N_("not a date in the form YYYY-MM-DD (e.g. 2023-09-04)")
#define NOT_A_TIME N_("not a time in the form HH:MM[:SS] after the date")
#define BAD_YEAR   N_("year out of range (expected 4 digits, 0001 to 9999)")
#define BAD_OFFSET N_("time zone offset must be Z or +HH:MM")

/* "YYYY-MM-DD" at *@p. Returns NULL, or what is wrong. */
static const char *
parse_ymd (const char **p, int *y, int *mo, int *d)
{
  const char *text = *p;

  if (!read_digits (p, 4, y) || **p != '-')
    {
      if (g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && g_ascii_isdigit (text[2]) &&
          g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4]))
        return BAD_YEAR;
      return NOT_A_DATE;
    }
  (*p)++;
  if (!read_digits (p, 2, mo) || **p != '-')
    return NOT_A_DATE;
  (*p)++;
  if (!read_digits (p, 2, d))
    return NOT_A_DATE;
  if (*y < 1)
    return BAD_YEAR;
  if (*mo < 1 || *mo > 12)
    return N_("month out of range (expected 01 to 12)");
  if (*d < 1 || *d > days_in_month (*y, *mo))
    return N_("no such day in that month");
  return NULL;
}

/* "HH:MM[:SS[.frac]]" at *@p, into seconds since midnight (a leap second
 * counts as the one before it). */
static const char *
parse_time (const char **p, int *seconds)
{
  int h, mi, s = 0;

  if (!read_digits (p, 2, &h) || **p != ':')
    return NOT_A_TIME;
  (*p)++;
  if (!read_digits (p, 2, &mi))
    return NOT_A_TIME;
  if (**p == ':')
    {
      (*p)++;
      if (!read_digits (p, 2, &s))
        return NOT_A_TIME;
      if (**p == '.' || **p == ',')
        {
          (*p)++;
          if (!g_ascii_isdigit (**p))
            return NOT_A_TIME;
          while (g_ascii_isdigit (**p))
            (*p)++;
        }
    }
  if (h > 23 || mi > 59 || s > 60)
    return N_("time of day out of range");
  *seconds = h * 3600 + mi * 60 + MIN (s, 59);
  return NULL;
}

/* "Z", "+HH:MM" or "-HH:MM" (the colon optional) at *@p, in seconds east. */
static const char *
parse_offset (const char **p, int *seconds)
{
  int sign, oh, om;

  if (**p == 'Z' || **p == 'z')
    {
      (*p)++;
      *seconds = 0;
      return NULL;
    }
  if (**p != '+' && **p != '-')
    return N_("a date-time needs a time zone offset (Z or +HH:MM)");
  sign = **p == '-' ? -1 : 1;
  (*p)++;
  if (!read_digits (p, 2, &oh))
    return BAD_OFFSET;
  if (**p == ':')
    (*p)++;
  if (!read_digits (p, 2, &om) || oh > 23 || om > 59)
    return BAD_OFFSET;
  *seconds = sign * (oh * 3600 + om * 60);
  return NULL;
}

/* The first and last second of the years 1 to 9999. */
#define FIRST_SECOND ((gint64) -62135596800)
#define LAST_SECOND  ((gint64) 253402300799)

/* Accepts "YYYY-MM-DD" and "YYYY-MM-DDTHH:MM[:SS[.frac]](Z|+HH:MM|-HH:MM)".
 *
 * *@out_time is the date and time as written, read as if it were UTC: a
 * date-time is drawn on the day its own writer dated it, whatever its
 * offset ("2023-12-31T23:30-05:00" is 31 December 2023 at 23:30).
 * *@out_instant is the exact moment (the offset applied), which orders
 * events of the same local time. A plain date is the middle of its day in
 * both. A date-time whose moment falls outside the years 1 to 9999 is
 * refused.
 *
 * On failure *out_problem says, in words a person can act on, what is wrong
 * (a static, translatable string). */
gboolean
hl_date_parse_full (const char  *text,
                    gint64      *out_time,
                    gint64      *out_instant,
                    gboolean    *out_is_date_only,
                    const char **out_problem)
{
  const char *p = text;
  const char *problem;
  int y, mo, d, seconds = 0, offset = 0;
  gboolean date_only = FALSE;
  gint64 local = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  problem = parse_ymd (&p, &y, &mo, &d);
  if (problem == NULL && (date_only = *p == '\0'))
    seconds = HL_SECONDS_PER_DAY / 2;
  else if (problem == NULL && *p != 'T' && *p != 't' && *p != ' ')
    problem = N_("unexpected text after the date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM…)");
  else if (problem == NULL)
    {
      p++;
      if ((problem = parse_time (&p, &seconds)) == NULL &&
          (problem = parse_offset (&p, &offset)) == NULL && *p != '\0')
        problem = N_("unexpected text after the date");
    }
  if (problem == NULL)
    {
      local = hl_date_from_ymd (y, mo, d) + seconds;
      if (local - offset < FIRST_SECOND || local - offset > LAST_SECOND)
        problem = N_("with its time zone offset applied it falls outside the years 0001 to "
                     "9999");
    }

  if (problem != NULL)
    {
      if (out_problem)
        *out_problem = problem;
      return FALSE;
    }
  if (out_time)
    *out_time = local;
  if (out_instant)
    *out_instant = local - offset;
  if (out_is_date_only)
    *out_is_date_only = date_only;
  return TRUE;
}

/* hl_date_parse_full() without the instant. */
gboolean
hl_date_parse (const char  *text,
               gint64      *out_time,
               gboolean    *out_is_date_only,
               const char **out_problem)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return hl_date_parse_full (text, out_time, NULL, out_is_date_only, out_problem);
}

char *
hl_date_format_iso (gint64 time)
{
  int y, m, d;

  hl_date_to_ymd (time, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static GDateTime *
to_date_time (gint64 time)
{
  int y, m, d;

  hl_date_to_ymd (time, &y, &m, &d);
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

/* "4 September 2023" */
char *
hl_date_format_long (gint64 time)
{
  g_autoptr(GDateTime) dt = to_date_time (time);

  if (dt == NULL)
    return hl_date_format_iso (time);
  /* Translators: a full date; see g_date_time_format() */
  return hl_locale_format_date (dt, _("%-d %B %Y"));
}

/* "1 Jul 2023 – 31 Jan 2024"; @to is exclusive, so the last day shown is
 * the one before it. */
char *
hl_date_format_range (gint64 from, gint64 to)
{
  g_autoptr(GDateTime) a = to_date_time (from);
  g_autoptr(GDateTime) b = to_date_time (to > from ? to - 1 : to);
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;

  if (a == NULL || b == NULL)
    return g_strdup ("");
  /* Translators: a short date; see g_date_time_format() */
  sa = hl_locale_format_date (a, _("%-d %b %Y"));
  sb = hl_locale_format_date (b, _("%-d %b %Y"));
  if (g_strcmp0 (sa, sb) == 0)
    return g_steal_pointer (&sa);
  return g_strdup_printf ("%s – %s", sa, sb);
}
