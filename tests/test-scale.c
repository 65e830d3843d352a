/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The time axis and the money scale: the ticks a reader sees as the view
 * zooms from a day to ten years, and the amounts printed on the chart. */
#include <math.h>
#include <string.h>

#include "hl-date.h"
#include "hl-scale-private.h"

#define AXIS_PX 1750.0
#define CHAR_PX 8.0     /* about what the chart measures for its small font */
#define DAY     HL_SECONDS_PER_DAY

static const char *
unit_name (HlTickUnit unit)
{
  static const char *names[] = { "hour", "day", "week", "month", "quarter", "year" };

  return names[unit];
}

typedef struct
{
  const char *what;
  double      days;
  HlTickUnit  unit;
} SpanCase;

static const SpanCase span_cases[] = {
  { "6 hours", 0.25, HL_TICK_HOUR },
  { "a day", 1, HL_TICK_HOUR },
  { "3 days", 3, HL_TICK_HOUR },
  { "a week", 7, HL_TICK_DAY },
  { "2 weeks", 14, HL_TICK_DAY },
  { "a month", 31, HL_TICK_DAY },
  { "3 months", 92, HL_TICK_WEEK },
  { "7 months", 215, HL_TICK_MONTH },
  { "a year", 365, HL_TICK_MONTH },
  { "2 years", 730, HL_TICK_MONTH },
  { "3 years", 1096, HL_TICK_QUARTER },
  { "5 years", 1826, HL_TICK_QUARTER },
  { "10 years", 3653, HL_TICK_YEAR },
  { "a century", 36525, HL_TICK_YEAR },
};

/* Whether @t is where a tick of @spec belongs: hours on the hour, days at
 * midnight, weeks on Monday, months on the 1st, quarters in Jan/Apr/Jul/Oct,
 * years on 1 January of a multiple of the step. */
static gboolean
is_aligned (HlTickSpec spec, gint64 t)
{
  int y, m, d;
  gint64 day = t - hl_date_floor_day (t);

  hl_date_to_ymd (t, &y, &m, &d);
  switch (spec.unit)
    {
    case HL_TICK_HOUR:
      return t % 3600 == 0 && (day / 3600) % spec.step == 0;
    case HL_TICK_DAY:
      return day == 0;
    case HL_TICK_WEEK:
      /* 1970-01-01 was a Thursday, so Mondays are 4 days after it, mod 7. */
      return day == 0 && ((t / DAY - 4) % 7 + 7) % 7 == 0;
    case HL_TICK_MONTH:
      return day == 0 && d == 1;
    case HL_TICK_QUARTER:
      return day == 0 && d == 1 && (m - 1) % 3 == 0;
    case HL_TICK_YEAR:
    default:
      return day == 0 && d == 1 && m == 1 && y % spec.step == 0;
    }
}

static void
check_span (const SpanCase *c, gint64 from)
{
  gint64 to = from + (gint64) (c->days * DAY);
  double span = (double) (to - from);
  HlTickSpec spec = hl_ticks_choose (from, to, AXIS_PX, CHAR_PX);
  g_autoptr(GArray) ticks = hl_ticks_build (spec, from, to);
  g_autofree char *start = hl_date_format_iso (from);

  if (spec.unit != c->unit)
    g_error ("%s from %s: ticks every %d %s, expected %ss", c->what, start, spec.step,
             unit_name (spec.unit), unit_name (c->unit));

  /* The ticks cover the view, so that each visible interval has both ends. */
  g_assert_cmpuint (ticks->len, >=, 2);
  g_assert_cmpint (g_array_index (ticks, gint64, 0), <=, from);
  g_assert_cmpint (g_array_index (ticks, gint64, ticks->len - 1), >=, to);
  /* Not so many that the axis is a comb, nor so few that it says nothing. */
  g_assert_cmpuint (ticks->len, <=, AXIS_PX / (9 * CHAR_PX) + 2);
  g_assert_cmpuint (ticks->len, >=, 4);

  for (guint i = 0; i < ticks->len; i++)
    {
      gint64 t = g_array_index (ticks, gint64, i);
      g_autofree char *label = hl_ticks_label (spec, t);

      if (!is_aligned (spec, t))
        {
          g_autofree char *when = hl_date_format_iso (t);

          g_error ("%s: tick %u at %s (%" G_GINT64_FORMAT ") is not at the start of a %s",
                   c->what, i, when, t, unit_name (spec.unit));
        }
      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_cmpuint (g_utf8_strlen (label, -1), <=, _hl_ticks_label_chars (spec));

      if (i > 0)
        {
          gint64 prev = g_array_index (ticks, gint64, i - 1);
          g_autofree char *prev_label = hl_ticks_label (spec, prev);
          double step_px = (double) (t - prev) / span * AXIS_PX;

          g_assert_cmpint (t, >, prev);
          g_assert_cmpint (_hl_ticks_next (spec, prev), ==, t);
          /* Each interval's label fits in it. */
          if (step_px < g_utf8_strlen (prev_label, -1) * CHAR_PX)
            g_error ("%s: label “%s” needs %.0f px, its interval has %.0f", c->what, prev_label,
                     g_utf8_strlen (prev_label, -1) * CHAR_PX, step_px);
        }
    }
}

static void
test_ticks_spans (void)
{
  /* From the start of the bundled dataset's focus, from mid-day in the
   * middle of a month, and from before 1970. */
  gint64 starts[] = {
    hl_date_from_ymd (2023, 7, 1),
    hl_date_from_ymd (2023, 9, 14) + 13 * 3600 + 1234,
    hl_date_from_ymd (1953, 7, 27) + 5 * 3600,
  };

  for (guint s = 0; s < G_N_ELEMENTS (starts); s++)
    for (guint i = 0; i < G_N_ELEMENTS (span_cases); i++)
      check_span (&span_cases[i], starts[s]);
}

/* Zooming out never picks finer ticks. */
static void
test_ticks_monotonic (void)
{
  gint64 from = hl_date_from_ymd (2023, 7, 1);
  double last = 0;

  for (double days = 0.1; days < 3600000; days *= 1.1)
    {
      HlTickSpec spec = hl_ticks_choose (from, from + (gint64) (days * DAY), AXIS_PX, CHAR_PX);
      g_autoptr(GArray) ticks = hl_ticks_build (spec, from, from + (gint64) (days * DAY));
      double approx = (double) (g_array_index (ticks, gint64, 1) -
                                g_array_index (ticks, gint64, 0));

      /* Months and years vary in length: compare with some slack. */
      g_assert_cmpfloat (approx, >=, last * 0.85);
      last = MAX (last, approx);
    }
}

/* Decades, centuries and millennia: any span the format's dates allow. */
static void
test_ticks_long_spans (void)
{
  static const struct {
    int from_year, to_year;
    double width;
    int step;
    const char *labels[3];   /* some of the labels, in order */
  } cases[] = {
    { 1984, 2025, AXIS_PX, 2, { "1984", "2000", "2024" } },
    { 1900, 2025, AXIS_PX, 10, { "1900", "1950", "2020" } },
    { 1900, 2025, 600, 20, { "1900", "2000", "2020" } },
    { 1000, 3000, AXIS_PX, 100, { "1000", "1900", "2000" } },
    { 1, 10000, AXIS_PX, 500, { "500", "1000", "9500" } },
    { 1, 10000, 800, 1000, { "1000", "2000", "9000" } },
    { 1, 10000, 300, 5000, { "5000", NULL, NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 from = hl_date_from_ymd (cases[i].from_year, 1, 1);
      gint64 to = hl_date_from_ymd (cases[i].to_year, 1, 1);
      HlTickSpec spec = hl_ticks_choose (from, to, cases[i].width, CHAR_PX);
      g_autoptr(GArray) ticks = hl_ticks_build (spec, from, to);
      g_autoptr(GString) all = g_string_new ("");
      guint next = 0;

      g_assert_cmpint (spec.unit, ==, HL_TICK_YEAR);
      if (spec.step != cases[i].step)
        g_error ("%d to %d at %.0f px: ticks every %d years, expected %d", cases[i].from_year,
                 cases[i].to_year, cases[i].width, spec.step, cases[i].step);
      /* Few enough to read, each label fitting its interval. */
      g_assert_cmpuint (ticks->len, <=, cases[i].width / (9 * CHAR_PX) + 2);
      g_assert_cmpuint (ticks->len, >=, 3);
      for (guint k = 0; k < ticks->len; k++)
        {
          g_autofree char *label = hl_ticks_label (spec, g_array_index (ticks, gint64, k));

          g_string_append_printf (all, " %s", label);
          if (next < 3 && cases[i].labels[next] && g_str_equal (label, cases[i].labels[next]))
            next++;
        }
      g_test_message ("%d to %d at %.0f px:%s", cases[i].from_year, cases[i].to_year,
                      cases[i].width, all->str);
      g_assert_true (next == 3 || cases[i].labels[next] == NULL);
    }
}

static void
test_ticks_labels (void)
{
  static const struct { HlTickUnit unit; int step; int y, m, d, h; const char *label; } cases[] = {
    { HL_TICK_HOUR, 1, 2023, 9, 4, 14, "14:00" },
    { HL_TICK_HOUR, 6, 2023, 9, 4, 0, "00:00" },
    { HL_TICK_DAY, 1, 2023, 9, 4, 0, "4" },
    { HL_TICK_WEEK, 1, 2023, 9, 4, 0, "4 Sep" },
    { HL_TICK_MONTH, 1, 2023, 9, 1, 0, "Sep" },
    { HL_TICK_QUARTER, 1, 2023, 10, 1, 0, "Q4" },
    { HL_TICK_YEAR, 1, 2024, 1, 1, 0, "2024" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HlTickSpec spec = { cases[i].unit, cases[i].step };
      gint64 t = hl_date_from_ymd (cases[i].y, cases[i].m, cases[i].d) + cases[i].h * 3600;
      g_autofree char *label = hl_ticks_label (spec, t);

      g_assert_cmpstr (label, ==, cases[i].label);
      g_assert_cmpint (_hl_ticks_floor (spec, t), ==, t);
      g_assert_cmpint (_hl_ticks_floor (spec, t + 1), ==, t);
    }
}

/* Under hours, the day; under days, the month; under months, the year. */
static void
test_ticks_context (void)
{
  HlTickSpec hours = { HL_TICK_HOUR, 1 }, days = { HL_TICK_DAY, 1 };
  HlTickSpec months = { HL_TICK_MONTH, 1 }, years = { HL_TICK_YEAR, 1 }, c;
  gint64 t = hl_date_from_ymd (2023, 9, 4);
  g_autofree char *a = NULL, *b = NULL, *d = NULL;

  g_assert_true (hl_ticks_context (hours, &c));
  g_assert_cmpint (c.unit, ==, HL_TICK_DAY);
  a = hl_ticks_context_label (c, t);
  g_assert_cmpstr (a, ==, "4 Sep 2023");
  g_assert_true (hl_ticks_context (days, &c));
  g_assert_cmpint (c.unit, ==, HL_TICK_MONTH);
  b = hl_ticks_context_label (c, t);
  g_assert_cmpstr (b, ==, "September 2023");
  g_assert_true (hl_ticks_context (months, &c));
  g_assert_cmpint (c.unit, ==, HL_TICK_YEAR);
  d = hl_ticks_context_label (c, t);
  g_assert_cmpstr (d, ==, "2023");
  g_assert_false (hl_ticks_context (years, NULL));
}

/* ---- Money ---- */

static void
test_money_nice_max (void)
{
  static const struct { double max, nice, step; } cases[] = {
    { 41e6, 50e6, 10e6 },
    { 200e6, 200e6, 50e6 },
    { 54e6, 60e6, 20e6 },
    { 1.72e6, 2e6, 0.5e6 },
    { 1e9, 1e9, 0.2e9 },
    { 12, 15, 5 },
    { 3, 10, 2 },
    { 5e-324, 10, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double step = 0, nice = hl_money_nice_max (cases[i].max, &step);

      g_assert_cmpfloat_with_epsilon (nice, cases[i].nice, cases[i].nice * 1e-9);
      g_assert_cmpfloat_with_epsilon (step, cases[i].step, cases[i].step * 1e-9);
    }

  /* For any amount: a round maximum at or above it, in 3 to 6 round steps. */
  for (double max = 0.37; max < 5e12; max *= 1.37)
    {
      g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      double step = 0, nice = hl_money_nice_max (max, &step);
      double mantissa = step / pow (10, floor (log10 (step) + 1e-9));
      double n = nice / step;

      g_assert_cmpfloat (nice, >=, max);
      g_assert_cmpfloat (fabs (n - round (n)), <, 1e-6);
      g_assert_cmpfloat (n, >=, 3 - 1e-9);
      g_assert_cmpfloat (n, <=, 6 + 1e-9);
      g_assert_true (fabs (mantissa - 1) < 1e-6 || fabs (mantissa - 2) < 1e-6 ||
                     fabs (mantissa - 2.5) < 1e-6 || fabs (mantissa - 5) < 1e-6);
      /* never under $10, and every gridline labelled differently */
      g_assert_cmpfloat (nice, >=, HL_MONEY_MIN_MAX);
      for (double v = 0; v <= nice + step / 2; v += step)
        {
          char *label = hl_money_format_short (v);

          if (!g_hash_table_add (labels, label))
            g_error ("max %g: the gridline label %s repeats", max, label);
        }
    }

  /* Nothing to show still gives a usable axis. */
  for (guint i = 0; i < 4; i++)
    {
      double bad[] = { 0, -5, NAN, INFINITY };
      double step = 0, nice = hl_money_nice_max (bad[i], &step);

      g_assert_true (isfinite (nice) && nice > 0 && step > 0);
    }
}

static void
test_money_format (void)
{
  static const struct { double usd; const char *shorter, *longer; } cases[] = {
    { 41e6, "$41M", "$41.0 million" },
    { 7.6e6, "$7.6M", "$7.6 million" },
    { 1.5e9, "$1.5B", "$1.5 billion" },
    { 1.72e6, "$1.7M", "$1.72 million" },
    { 54e6, "$54M", "$54.0 million" },
    { 100e6, "$100M", "$100.0 million" },
    { 200e6, "$200M", "$200.0 million" },
    { 1e6, "$1M", "$1.0 million" },
    { 21e9, "$21B", "$21.0 billion" },
  };
  static const struct { double usd; const char *shorter; } short_only[] = {
    { 0, "$0" }, { 1e-320, "<$1" }, { 0.4, "<$1" }, { 12, "$12" }, { 950, "$950" }, { 41e3, "$41K" }, { 950e3, "$950K" },
    { 999999, "$1M" }, { 3.5e12, "$3.5T" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = hl_money_format_short (cases[i].usd);
      g_autofree char *l = hl_money_format_long (cases[i].usd);

      g_assert_cmpstr (s, ==, cases[i].shorter);
      g_assert_cmpstr (l, ==, cases[i].longer);
    }
  for (guint i = 0; i < G_N_ELEMENTS (short_only); i++)
    {
      g_autofree char *s = hl_money_format_short (short_only[i].usd);

      g_assert_cmpstr (s, ==, short_only[i].shorter);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scale/ticks/spans", test_ticks_spans);
  g_test_add_func ("/scale/ticks/monotonic", test_ticks_monotonic);
  g_test_add_func ("/scale/ticks/long-spans", test_ticks_long_spans);
  g_test_add_func ("/scale/ticks/labels", test_ticks_labels);
  g_test_add_func ("/scale/ticks/context", test_ticks_context);
  g_test_add_func ("/scale/money/nice-max", test_money_nice_max);
  g_test_add_func ("/scale/money/format", test_money_format);

  return g_test_run ();
}
