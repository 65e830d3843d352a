/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hl-date.h"
#include "hl-describe.h"
#include "hl-money-locale.h"
#include "hl-scale-private.h"

#define HOUR ((gint64) 3600)
#define DAY  HL_SECONDS_PER_DAY

/* Finest first: the first whose labels fit is chosen. No 12-hour step:
 * "00:00 12:00" says less than one tick per day (a week shows days). */
static const HlTickSpec candidates[] = {
  { HL_TICK_HOUR, 1 }, { HL_TICK_HOUR, 3 }, { HL_TICK_HOUR, 6 },
  { HL_TICK_DAY, 1 }, { HL_TICK_DAY, 2 },
  { HL_TICK_WEEK, 1 },
  { HL_TICK_MONTH, 1 }, { HL_TICK_QUARTER, 1 },
  { HL_TICK_YEAR, 1 }, { HL_TICK_YEAR, 2 }, { HL_TICK_YEAR, 5 },
  /* decades, centuries and millennia, up to the format's ten thousand years */
  { HL_TICK_YEAR, 10 }, { HL_TICK_YEAR, 20 }, { HL_TICK_YEAR, 50 },
  { HL_TICK_YEAR, 100 }, { HL_TICK_YEAR, 200 }, { HL_TICK_YEAR, 500 },
  { HL_TICK_YEAR, 1000 }, { HL_TICK_YEAR, 2000 }, { HL_TICK_YEAR, 5000 },
};

static double
approx_seconds (HlTickSpec spec)
{
  switch (spec.unit)
    {
    case HL_TICK_HOUR:    return spec.step * (double) HOUR;
    case HL_TICK_DAY:     return spec.step * (double) DAY;
    case HL_TICK_WEEK:    return spec.step * 7.0 * DAY;
    case HL_TICK_MONTH:   return spec.step * 30.436875 * DAY;
    case HL_TICK_QUARTER: return spec.step * 91.310625 * DAY;
    case HL_TICK_YEAR:
    default:              return spec.step * 365.2425 * DAY;
    }
}

/* The widest label a unit can have, in characters ("14:00", "30", "Sep"…);
 * month names are taken as up to 4 wide to allow for other languages. */
guint
_hl_ticks_label_chars (HlTickSpec spec)
{
  switch (spec.unit)
    {
    case HL_TICK_HOUR:    return 5;
    case HL_TICK_DAY:     return 2;
    case HL_TICK_WEEK:    return 6;
    case HL_TICK_MONTH:   return 4;
    case HL_TICK_QUARTER: return 2;
    case HL_TICK_YEAR:
    default:              return 4;
    }
}

/* Picks the finest ticks whose labels (@char_px wide per character, plus a
 * gap) fit between neighbours on a @width_px axis. */
HlTickSpec
hl_ticks_choose (gint64 from, gint64 to, double width_px, double char_px)
{
  double span = (double) MAX (to - from, 1);

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      double step_px = approx_seconds (candidates[i]) / span * width_px;

      /* Room for the label and a gap, and never denser than one tick per
       * nine characters: months read better than crowded weeks. */
      if (step_px >= MAX (_hl_ticks_label_chars (candidates[i]) + 2, 9) * char_px)
        return candidates[i];
    }
  return candidates[G_N_ELEMENTS (candidates) - 1];
}

static gint64
floor_div (gint64 a, gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* The tick at or before @time. */
gint64
_hl_ticks_floor (HlTickSpec spec, gint64 time)
{
  int y, m, d;

  switch (spec.unit)
    {
    case HL_TICK_HOUR:
      return floor_div (time, spec.step * HOUR) * spec.step * HOUR;
    case HL_TICK_DAY:
      return floor_div (time, spec.step * DAY) * spec.step * DAY;
    case HL_TICK_WEEK:
      /* Weeks start on Monday; 1970-01-05 was one. */
      return floor_div (time - 4 * DAY, spec.step * 7 * DAY) * spec.step * 7 * DAY + 4 * DAY;
    case HL_TICK_MONTH:
    case HL_TICK_QUARTER:
      {
        int months = spec.unit == HL_TICK_QUARTER ? 3 * spec.step : spec.step;
        gint64 index;

        hl_date_to_ymd (time, &y, &m, &d);
        index = (gint64) y * 12 + (m - 1);
        index = floor_div (index, months) * months;
        return hl_date_from_ymd ((int) floor_div (index, 12), (int) (index - floor_div (index, 12) * 12) + 1, 1);
      }
    case HL_TICK_YEAR:
    default:
      hl_date_to_ymd (time, &y, &m, &d);
      return hl_date_from_ymd ((int) floor_div (y, spec.step) * spec.step, 1, 1);
    }
}

gint64
_hl_ticks_next (HlTickSpec spec, gint64 tick)
{
  int y, m, d;

  switch (spec.unit)
    {
    case HL_TICK_HOUR:
      return tick + spec.step * HOUR;
    case HL_TICK_DAY:
      return tick + spec.step * DAY;
    case HL_TICK_WEEK:
      return tick + spec.step * 7 * DAY;
    case HL_TICK_MONTH:
    case HL_TICK_QUARTER:
      {
        int months = spec.unit == HL_TICK_QUARTER ? 3 * spec.step : spec.step;

        hl_date_to_ymd (tick, &y, &m, &d);
        m += months;
        y += (m - 1) / 12;
        m = (m - 1) % 12 + 1;
        return hl_date_from_ymd (y, m, 1);
      }
    case HL_TICK_YEAR:
    default:
      hl_date_to_ymd (tick, &y, &m, &d);
      return hl_date_from_ymd (y + spec.step, 1, 1);
    }
}

/* Every tick from the one at or before @from up to the first at or after
 * @to, so that each visible interval has both its ends. */
GArray *
hl_ticks_build (HlTickSpec spec, gint64 from, gint64 to)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 t = _hl_ticks_floor (spec, from);

  g_array_append_val (ticks, t);
  while (t < to && ticks->len < 100000)
    {
      t = _hl_ticks_next (spec, t);
      g_array_append_val (ticks, t);
    }
  return ticks;
}

static char *
format_utc (gint64 time, const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  hl_date_to_ymd (time, &y, &m, &d);
  if (y < 1 || y > 9999)
    return g_strdup ("");
  dt = g_date_time_new_utc (y, m, d, (int) ((time - hl_date_floor_day (time)) / HOUR), 0, 0);
  return dt ? hl_locale_format_date (dt, format) : g_strdup ("");
}

/* The label of the interval that starts at @tick. */
char *
hl_ticks_label (HlTickSpec spec, gint64 tick)
{
  int y, m, d;

  switch (spec.unit)
    {
    case HL_TICK_HOUR:
      return format_utc (tick, "%H:%M");
    case HL_TICK_DAY:
      return format_utc (tick, "%-d");
    case HL_TICK_WEEK:
      /* Translators: a week's first day on the date axis, e.g. "4 Sep" */
      return format_utc (tick, _("%-d %b"));
    case HL_TICK_MONTH:
      return format_utc (tick, "%b");
    case HL_TICK_QUARTER:
      hl_date_to_ymd (tick, &y, &m, &d);
      /* Translators: a quarter of the year on the date axis: Q1 to Q4 */
      return g_strdup_printf (_("Q%d"), (m - 1) / 3 + 1);
    case HL_TICK_YEAR:
    default:
      return format_utc (tick, "%Y");
    }
}

/* The coarser row under the tick labels: days under a month, months under
 * a year. FALSE when the ticks are years and need no context. */
gboolean
hl_ticks_context (HlTickSpec spec, HlTickSpec *context)
{
  HlTickSpec c = { HL_TICK_YEAR, 1 };

  switch (spec.unit)
    {
    case HL_TICK_HOUR:
      c.unit = HL_TICK_DAY;
      break;
    case HL_TICK_DAY:
      c.unit = HL_TICK_MONTH;
      break;
    case HL_TICK_WEEK:
    case HL_TICK_MONTH:
    case HL_TICK_QUARTER:
      c.unit = HL_TICK_YEAR;
      break;
    case HL_TICK_YEAR:
    default:
      return FALSE;
    }
  if (context)
    *context = c;
  return TRUE;
}

char *
hl_ticks_context_label (HlTickSpec spec, gint64 tick)
{
  switch (spec.unit)
    {
    case HL_TICK_DAY:
      /* Translators: a day under the hours of the date axis */
      return format_utc (tick, _("%-d %b %Y"));
    case HL_TICK_MONTH:
      /* Translators: a month under the days of the date axis */
      return format_utc (tick, _("%B %Y"));
    case HL_TICK_HOUR:
    case HL_TICK_WEEK:
    case HL_TICK_QUARTER:
    case HL_TICK_YEAR:
    default:
      return format_utc (tick, "%Y");
    }
}

/* A round axis maximum at or above @max, and the step between gridlines
 * (3 to 6 of them). The maximum is at least HL_MONEY_MIN_MAX, so that a
 * tiny (5e-324) or empty lane still has whole-dollar gridlines, and steps
 * under $10 are whole dollars: every gridline's label is different. */
double
hl_money_nice_max (double max, double *step)
{
  static const double mults[] = { 1, 2, 2.5, 5, 10 };
  double magnitude, s = 1;

  if (!(max > HL_MONEY_MIN_MAX) || !isfinite (max))
    max = HL_MONEY_MIN_MAX;
  magnitude = pow (10, floor (log10 (max / 4)));
  for (guint i = 0; i < G_N_ELEMENTS (mults); i++)
    {
      s = mults[i] * magnitude;
      if (s != floor (s) && s < 10)
        continue;   /* $2.5 would be labelled "$2" */
      if (max / s <= 5)
        break;
    }
  if (step)
    *step = s;
  return ceil (max / s - 1e-9) * s;
}

/* "$41M", "$7.6M", "$818.1M", "$1.5B", "$950K", "$12" */
char *
hl_money_format_short (double usd)
{
  static const struct { double div; const char *suffix; } units[] = {
    { 1e12, "T" }, { 1e9, "B" }, { 1e6, "M" }, { 1e3, "K" },
  };

  if (hl_money_uses_myriads ())
    return hl_money_format_myriad (usd, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (usd >= units[i].div * 0.9995)
        {
          double v = usd / units[i].div;
          g_autofree char *number = hl_locale_format_decimal (v, v >= 100 ||
                                                              fabs (v - round (v)) < 0.05 ? 0 : 1);

          return g_strdup_printf ("$%s%s", number, units[i].suffix);
        }
    }
  /* Never "$0" for an amount that is not nothing. */
  if (usd > 0 && usd < 0.5)
    return g_strdup (_("<$1"));
  return g_strdup_printf ("$%.0f", usd);
}

/* "$41.0 million", "$1.72 million", "$1.5 billion", "$950,000", with the
 * decimal and group marks of the catalogue in use (hl-money-locale.h) */
char *
hl_money_format_long (double usd)
{
  g_autofree char *digits = NULL;

  if (hl_money_uses_myriads ())
    return hl_money_format_myriad (usd, FALSE);
  if (usd >= 1e12)
    {
      g_autofree char *v = hl_locale_format_decimal (usd / 1e12, 1);

      /* TRANSLATORS: %s is a number with one decimal: "$2.1 trillion" */
      return g_strdup_printf (_("$%s trillion"), v);
    }
  if (usd >= 1e9)
    {
      g_autofree char *v = hl_locale_format_decimal (usd / 1e9, 1);

      /* TRANSLATORS: %s is a number with one decimal: "$1.5 billion" */
      return g_strdup_printf (_("$%s billion"), v);
    }
  if (usd >= 1e6)
    {
      double v = usd / 1e6;
      /* Keep a third significant figure for small millions ($1.72 million). */
      g_autofree char *number = hl_locale_format_decimal (v, v < 10 &&
                                                          fabs (v * 10 - round (v * 10)) > 1e-6
                                                          ? 2 : 1);

      /* TRANSLATORS: %s is a number with decimals: "$7.62 million" */
      return g_strdup_printf (_("$%s million"), number);
    }
  if (usd > 0 && usd < 0.5)
    return g_strdup (_("less than $1"));
  digits = hl_describe_number ((guint64) round (MAX (usd, 0)));
  return g_strdup_printf ("$%s", digits);
}

/* Typical lengths of the calendar units, in seconds: to compare widths. */
static double
unit_seconds (HlTickSpec spec)
{
  switch (spec.unit)
    {
    case HL_TICK_HOUR:
      return spec.step * 3600.0;
    case HL_TICK_DAY:
      return spec.step * 86400.0;
    case HL_TICK_WEEK:
      return spec.step * 7 * 86400.0;
    case HL_TICK_MONTH:
      return spec.step * 30.44 * 86400.0;
    case HL_TICK_QUARTER:
      return spec.step * 91.31 * 86400.0;
    case HL_TICK_YEAR:
    default:
      return spec.step * 365.25 * 86400.0;
    }
}

/**
 * hl_bins_choose_unit:
 * @min_bin_px: the narrowest a bin may be drawn
 *
 * The calendar unit of @bins over [@from, @to) drawn @width_px wide: the
 * finest of day, week, month, quarter, year, decade, century… whose bins
 * are at least @min_bin_px wide for HL_BINS_AUTO; the unit asked for
 * otherwise, unless its bins would be narrower than a pixel (a day over
 * centuries), when the zoom chooses as for AUTO.
 */
HlTickSpec
hl_bins_choose_unit (HlBins bins, gint64 from, gint64 to, double width_px, double min_bin_px)
{
  static const HlTickSpec units[] = {
    { HL_TICK_DAY, 1 }, { HL_TICK_WEEK, 1 }, { HL_TICK_MONTH, 1 }, { HL_TICK_QUARTER, 1 },
    { HL_TICK_YEAR, 1 }, { HL_TICK_YEAR, 10 }, { HL_TICK_YEAR, 100 }, { HL_TICK_YEAR, 1000 },
  };
  double px_per_s = width_px / (double) MAX (to - from, 1);
  HlTickSpec asked = { HL_TICK_DAY, 1 };

  g_return_val_if_fail (to > from, asked);

  switch (bins)
    {
    case HL_BINS_DAY:
      asked = units[0];
      break;
    case HL_BINS_WEEK:
      asked = units[1];
      break;
    case HL_BINS_MONTH:
      asked = units[2];
      break;
    case HL_BINS_QUARTER:
      asked = units[3];
      break;
    case HL_BINS_YEAR:
      asked = units[4];
      break;
    case HL_BINS_MARKS:
    case HL_BINS_AUTO:
    default:
      asked.step = 0;
      break;
    }
  if (asked.step > 0 && unit_seconds (asked) * px_per_s >= 1)
    return asked;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (unit_seconds (units[i]) * px_per_s >= min_bin_px)
      return units[i];
  return units[G_N_ELEMENTS (units) - 1];
}
