/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates are what a dataset is drawn along: a wrong day moves a heist next to
 * the wrong launch. Parsing is checked against times computed elsewhere
 * (Python's datetime), the calendar against GLib's GDate. */
#include <string.h>

#include "hl-date.h"

typedef struct
{
  const char *text;
  gint64      time;       /* the local date and time as written, as if UTC */
  gint64      instant;    /* the exact moment */
  gboolean    date_only;
} ValidCase;

static const ValidCase valid_cases[] = {
  /* A calendar date stands for the middle of its day. */
  { "2023-09-04", 1693828800, 1693828800, TRUE },
  { "1970-01-01", 43200, 43200, TRUE },
  { "1969-12-31", -43200, -43200, TRUE },
  { "0001-01-01", -62135553600, -62135553600, TRUE },
  { "9999-12-31", 253402257600, 253402257600, TRUE },
  /* Leap days: every 4 years, not every 100, again every 400. */
  { "2000-02-29", 951825600, 951825600, TRUE },
  { "2024-02-29", 1709208000, 1709208000, TRUE },
  { "1996-02-29", 825595200, 825595200, TRUE },
  { "0004-02-29", -62035848000, -62035848000, TRUE },
  /* Date-times with an offset: drawn at their local time, ordered by their
   * moment too. */
  { "2023-09-04T12:00:00Z", 1693828800, 1693828800, FALSE },
  { "2023-09-04t12:00:00z", 1693828800, 1693828800, FALSE },
  { "2023-09-04 12:00:00Z", 1693828800, 1693828800, FALSE },
  { "2023-09-04T12:00Z", 1693828800, 1693828800, FALSE },
  { "2023-09-04T12:00:00+09:00", 1693828800, 1693796400, FALSE },
  { "2023-09-04T12:00:00+0900", 1693828800, 1693796400, FALSE },
  { "2023-09-04T03:30:15-05:30", 1693798215, 1693818015, FALSE },
  { "2023-09-04T12:00:00.123456Z", 1693828800, 1693828800, FALSE },
  { "2023-09-04T12:00:00,5+00:00", 1693828800, 1693828800, FALSE },
  { "2024-01-14T14:55:00+09:00", 1705244100, 1705211700, FALSE },
  { "1950-06-25T04:00:00+09:00", -616017600, -616050000, FALSE },
  { "2023-12-31T23:59:60Z", 1704067199, 1704067199, FALSE }, /* a leap second is the last second */
  /* both sides of midnight: the day as written, not the UTC day */
  { "2023-01-01T00:30:00+01:00", 1672533000, 1672529400, FALSE }, /* 31 Dec in UTC */
  { "2024-01-01T08:30:00+09:00", 1704097800, 1704065400, FALSE }, /* 31 Dec in UTC */
  { "2023-12-31T23:30:00-05:00", 1704065400, 1704083400, FALSE }, /* 1 Jan in UTC */
  /* the years' ends, where the offset keeps the moment within 1 to 9999 */
  { "0001-01-01T00:30-00:30", -62135595000, -62135593200, FALSE },
  { "9999-12-31T23:30+00:30", 253402299000, 253402297200, FALSE },
};

typedef struct
{
  const char *text;
  const char *problem;   /* a piece of what the user is told */
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "", "not a date in the form YYYY-MM-DD" },
  { "yesterday", "not a date in the form YYYY-MM-DD" },
  { "07/22/2023", "not a date in the form YYYY-MM-DD" },
  { "22.07.2023", "not a date in the form YYYY-MM-DD" },
  { "2023/07/22", "not a date in the form YYYY-MM-DD" },
  { "2023-7-22", "not a date in the form YYYY-MM-DD" },
  { "2023-07", "not a date in the form YYYY-MM-DD" },
  { "23-07-22", "not a date in the form YYYY-MM-DD" },
  { "99999-01-01", "year out of range" },
  { "0000-01-01", "year out of range" },
  { "-0500-01-01", "not a date in the form YYYY-MM-DD" },
  { "2023-00-10", "month out of range" },
  { "2023-13-01", "month out of range" },
  { "2023-01-00", "no such day in that month" },
  { "2023-01-32", "no such day in that month" },
  { "2023-02-29", "no such day in that month" },
  { "2023-02-30", "no such day in that month" },
  { "1900-02-29", "no such day in that month" },
  { "2100-02-29", "no such day in that month" },
  { "2023-04-31", "no such day in that month" },
  { "2023-09-04T12:00:00", "needs a time zone offset" },
  { "2023-09-04T12:00", "needs a time zone offset" },
  { "2023-09-04T24:00Z", "time of day out of range" },
  { "2023-09-04T12:60Z", "time of day out of range" },
  { "2023-09-04T12:00:61Z", "time of day out of range" },
  { "2023-09-04T12Z", "not a time in the form HH:MM" },
  { "2023-09-04T", "not a time in the form HH:MM" },
  { "2023-09-04T12:00:00.Z", "not a time in the form HH:MM" },
  { "2023-09-04T12:00+25:00", "time zone offset must be Z or +HH:MM" },
  { "2023-09-04T12:00+09", "time zone offset must be Z or +HH:MM" },
  { "2023-09-04T12:00+09:60", "time zone offset must be Z or +HH:MM" },
  { "2023-09-04T12:00:00Z trailing", "unexpected text after the date" },
  { "2023-09-04Z", "unexpected text after the date" },
  { "2023-09-041", "unexpected text after the date" },
  { " 2023-09-04", "not a date in the form YYYY-MM-DD" },
  /* within 1 to 9999 as written, but not once the offset is applied */
  { "0001-01-01T00:30+01:00", "outside the years 0001 to 9999" },
  { "0001-01-01T00:00:00+00:01", "outside the years 0001 to 9999" },
  { "9999-12-31T23:30-01:00", "outside the years 0001 to 9999" },
};

static void
test_parse_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      const ValidCase *c = &valid_cases[i];
      const char *problem = NULL;
      gint64 t = 0, instant = 0, t2 = 0;
      gboolean date_only = !c->date_only;

      if (!hl_date_parse_full (c->text, &t, &instant, &date_only, &problem))
        g_error ("“%s” refused: %s", c->text, problem);
      g_assert_cmpint (t, ==, c->time);
      g_assert_cmpint (instant, ==, c->instant);
      g_assert_cmpint (date_only, ==, c->date_only);
      g_assert_true (hl_date_parse (c->text, &t2, NULL, NULL));
      g_assert_cmpint (t2, ==, c->time);
      /* All outputs are optional. */
      g_assert_true (hl_date_parse (c->text, NULL, NULL, NULL));
    }
}

static void
test_parse_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      const char *problem = NULL;
      gint64 t = 12345;

      if (hl_date_parse (c->text, &t, NULL, &problem))
        g_error ("“%s” accepted as %" G_GINT64_FORMAT, c->text, t);
      g_assert_nonnull (problem);
      if (strstr (problem, c->problem) == NULL)
        g_error ("“%s”: told “%s”, expected “%s”", c->text, problem, c->problem);
      g_assert_false (hl_date_parse (c->text, NULL, NULL, NULL));
    }
}

/* Days since 1970-01-01 from GLib's own calendar (years 1 to 9999). */
static gint64
gdate_days (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  g_assert_true (g_date_valid (&date));
  return (gint64) g_date_get_julian (&date) - 719163;
}

static int
days_in_month (int y, int m)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

  return m == 2 && leap ? 29 : days[m - 1];
}

/* Every day of years 1 to 9999 against GDate, both ways. */
static void
test_round_trip_gdate (void)
{
  for (int y = 1; y <= 9999; y += (y < 1900 || y > 2100) ? 7 : 1)
    for (int m = 1; m <= 12; m++)
      for (int d = 1; d <= days_in_month (y, m); d++)
        {
          gint64 t = hl_date_from_ymd (y, m, d);
          int yy, mm, dd;

          g_assert_cmpint (t, ==, gdate_days (y, m, d) * HL_SECONDS_PER_DAY);
          /* Any second of the day maps back to it. */
          hl_date_to_ymd (t + (d * 3607) % HL_SECONDS_PER_DAY, &yy, &mm, &dd);
          g_assert_cmpint (yy, ==, y);
          g_assert_cmpint (mm, ==, m);
          g_assert_cmpint (dd, ==, d);
          g_assert_cmpint (hl_date_floor_day (t + HL_SECONDS_PER_DAY - 1), ==, t);
        }
}

/* Years before 1970, down to before year 1 (proleptic Gregorian, with a
 * year 0): day by day, each date follows the previous one. */
static void
test_round_trip_negative (void)
{
  int py, pm, pd;
  gint64 start = hl_date_from_ymd (-1000, 1, 1);
  gint64 end = hl_date_from_ymd (1971, 1, 1);

  g_assert_cmpint (start, <, 0);
  hl_date_to_ymd (start, &py, &pm, &pd);
  g_assert_cmpint (py, ==, -1000);
  g_assert_cmpint (pm, ==, 1);
  g_assert_cmpint (pd, ==, 1);

  for (gint64 t = start + HL_SECONDS_PER_DAY; t < end; t += HL_SECONDS_PER_DAY)
    {
      int y, m, d;

      hl_date_to_ymd (t, &y, &m, &d);
      if (d == pd + 1)
        g_assert_true (y == py && m == pm);
      else
        {
          g_assert_cmpint (d, ==, 1);
          g_assert_cmpint (pd, ==, days_in_month (py, pm));
          g_assert_true ((y == py && m == pm + 1) || (y == py + 1 && m == 1 && pm == 12));
        }
      g_assert_cmpint (hl_date_from_ymd (y, m, d), ==, t);
      /* The last second of the day still belongs to it. */
      hl_date_to_ymd (t + HL_SECONDS_PER_DAY - 1, &py, &pm, &pd);
      g_assert_true (py == y && pm == m && pd == d);
    }
  /* Year 0 is a leap year in the proleptic calendar. */
  hl_date_to_ymd (hl_date_from_ymd (0, 2, 29), &py, &pm, &pd);
  g_assert_true (py == 0 && pm == 2 && pd == 29);
}

static void
test_floor_day (void)
{
  static const struct { gint64 t, floor; } cases[] = {
    { 0, 0 }, { 1, 0 }, { 86399, 0 }, { 86400, 86400 },
    { -1, -86400 }, { -86400, -86400 }, { -86401, -172800 },
    { 1693828800, 1693785600 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (hl_date_floor_day (cases[i].t), ==, cases[i].floor);
}

/* Parse, format, parse: a calendar date survives. */
static void
test_format_iso_round_trip (void)
{
  for (int y = 1; y <= 9999; y += 37)
    for (int m = 1; m <= 12; m += 5)
      {
        int d = days_in_month (y, m);
        g_autofree char *text = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
        g_autofree char *again = NULL;
        gint64 t;

        g_assert_true (hl_date_parse (text, &t, NULL, NULL));
        again = hl_date_format_iso (t);
        g_assert_cmpstr (again, ==, text);
      }
}

static void
test_format (void)
{
  static const struct { const char *date; const char *iso, *longer; } cases[] = {
    { "2023-09-04", "2023-09-04", "4 September 2023" },
    { "2024-01-31", "2024-01-31", "31 January 2024" },
    { "1969-12-31", "1969-12-31", "31 December 1969" },
    { "2024-02-29", "2024-02-29", "29 February 2024" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 t;
      g_autofree char *iso = NULL;
      g_autofree char *longer = NULL;

      g_assert_true (hl_date_parse (cases[i].date, &t, NULL, NULL));
      iso = hl_date_format_iso (t);
      longer = hl_date_format_long (t);
      g_assert_cmpstr (iso, ==, cases[i].iso);
      g_assert_cmpstr (longer, ==, cases[i].longer);
    }
}

/* Ranges end exclusively: the last day shown is the one before "to". */
static void
test_format_range (void)
{
  static const struct { int y1, m1, d1, y2, m2, d2; const char *text; } cases[] = {
    { 2023, 7, 1, 2024, 2, 1, "1 Jul 2023 – 31 Jan 2024" },
    { 2023, 9, 4, 2023, 9, 5, "4 Sep 2023" },
    { 2023, 9, 4, 2023, 9, 6, "4 Sep 2023 – 5 Sep 2023" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hl_date_format_range (
        hl_date_from_ymd (cases[i].y1, cases[i].m1, cases[i].d1),
        hl_date_from_ymd (cases[i].y2, cases[i].m2, cases[i].d2));

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/valid", test_parse_valid);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/ymd/round-trip-gdate", test_round_trip_gdate);
  g_test_add_func ("/date/ymd/round-trip-negative", test_round_trip_negative);
  g_test_add_func ("/date/floor-day", test_floor_day);
  g_test_add_func ("/date/format/iso-round-trip", test_format_iso_round_trip);
  g_test_add_func ("/date/format/long", test_format);
  g_test_add_func ("/date/format/range", test_format_range);

  return g_test_run ();
}
