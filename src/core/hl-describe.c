/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hl-date.h"
#include "hl-describe.h"
#include "hl-money-locale.h"
#include "hl-scale.h"

/* The one place where digits are grouped: "1,000,000", with the group
 * mark of the catalogue in use (hl_locale_group_mark), never LC_NUMERIC's,
 * so the number agrees with the words around it. Every count the chart,
 * the panel, the hover card and the summaries say goes through here. */
char *
hl_describe_number (guint64 n)
{
  char digits[32];
  const char *mark = hl_locale_group_mark ();
  GString *str = g_string_new (NULL);
  gsize len;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, n);
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (str, mark);
      g_string_append_c (str, digits[i]);
    }
  return g_string_free (str, FALSE);
}

/* A figure with @digits decimals and the catalogue's decimal mark:
 * "0.0312" (a p-value), "7.6". */
char *
hl_describe_decimal (double value, guint digits)
{
  return hl_locale_format_decimal (value, digits);
}

/* An amount in words: "$950", "$550,000", "$7.62 million", "$1.5 billion". */
char *
hl_describe_usd (double usd)
{
  g_autofree char *digits = NULL;

  if (!isfinite (usd) || usd < 0)
    usd = 0;
  if (usd >= 1e6 || hl_money_uses_myriads ())
    return hl_money_format_long (usd);
  digits = hl_describe_number ((guint64) round (usd));
  /* TRANSLATORS: an amount in US dollars below a million, digits grouped */
  return g_strdup_printf (_("$%s"), digits);
}

/* An estimate from @low to @high: "$550,000 – $7.62 million"; one amount
 * when both ends say the same ("$200.0 million", never a range of two). */
char *
hl_describe_usd_range (double low, double high)
{
  g_autofree char *from = hl_describe_usd (MIN (low, high));
  g_autofree char *to = hl_describe_usd (MAX (low, high));

  if (g_str_equal (from, to))
    return g_steal_pointer (&from);
  /* TRANSLATORS: a range of two amounts, low to high */
  return g_strdup_printf (_("%s – %s"), from, to);
}

/* A grade as the filter and the panel name it: "Official". */
const char *
hl_describe_confidence (HlConfidence confidence)
{
  switch (confidence)
    {
    case HL_CONFIDENCE_OFFICIAL:
      return _("Official");
    case HL_CONFIDENCE_ANALYST:
      return _("Analyst");
    case HL_CONFIDENCE_SUSPECTED:
      return _("Suspected");
    case HL_CONFIDENCE_DISPUTED:
      return _("Disputed");
    case HL_CONFIDENCE_UNSPECIFIED:
    case HL_N_CONFIDENCES:
    default:
      return _("Not given");
    }
}

/* "no events", "1 event", "12,345 events". */
char *
hl_describe_events (guint n_events)
{
  g_autofree char *n = NULL;

  if (n_events == 0)
    return g_strdup (_("no events"));
  n = hl_describe_number (n_events);
  /* TRANSLATORS: %s is a number of events, digits grouped */
  return g_strdup_printf (ngettext ("%s event", "%s events", n_events), n);
}

/* @text (dataset text) between FSI and PDI, to be joined with other words. */
char *
hl_describe_isolate (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_strconcat (HL_FSI, text, HL_PDI, NULL);
}

/* @text led by a mark of the reader's direction (LRM, or RLM when @rtl):
 * a label's paragraph takes the direction of its first strong letter,
 * and where the text opens with the file's words (an Arabic lane title,
 * isolated or not) that letter is theirs, so the line was laid out right
 * to left, its numbers and words in the wrong order. */
char *
hl_describe_directed (const char *text, gboolean rtl)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_strconcat (rtl ? HL_RLM : HL_LRM, text, NULL);
}

/* What a count lane counts: "Missiles or rockets: 31" with the lane's unit,
 * "31 items" without one. */
char *
hl_describe_count (const HlLane *lane, guint64 count)
{
  g_autofree char *n = NULL;

  g_return_val_if_fail (lane != NULL, NULL);

  n = hl_describe_number (count);
  if (lane->unit != NULL)
    {
      g_autofree char *unit = hl_describe_isolate (lane->unit);

      /* TRANSLATORS: what a lane counts: the number */
      return g_strdup_printf (_("%s: %s"), unit, n);
    }
  return g_strdup_printf (ngettext ("%s item", "%s items", (gulong) MIN (count, G_MAXULONG)), n);
}

/* When an event happened, saying no more than the file knows:
 * "4 September 2023", "March 2022 (day not known)", "2019 (month not
 * known)". */
char *
hl_describe_event_date (const HlEvent *ev)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (ev != NULL, NULL);

  if (ev->date_precision == HL_DATE_PRECISION_DAY ||
      (dt = g_date_time_new_from_unix_utc (ev->time)) == NULL)
    return hl_date_format_long (ev->time);
  if (ev->date_precision == HL_DATE_PRECISION_MONTH)
    {
      /* Translators: a month of a year; see g_date_time_format() */
      when = hl_locale_format_date (dt, _("%B %Y"));
      /* Translators: a month whose day is not known, e.g. "March 2022 (day not known)" */
      return g_strdup_printf (_("%s (day not known)"), when);
    }
  when = hl_locale_format_date (dt, "%Y");
  /* Translators: a year whose month is not known, e.g. "2019 (month not known)" */
  return g_strdup_printf (_("%s (month not known)"), when);
}

static char *describe_duration (const HlEvent *ev);

/* A span lane's event has no amount: how long it lasted, "lasting 7
 * days", or that it is an instant. */
static char *
describe_span_amount (const HlEvent *ev)
{
  g_autofree char *duration = NULL;

  if (!ev->has_end)
    return g_strdup (_("no end date"));
  duration = describe_duration (ev);
  /* TRANSLATORS: how long a span lane's event lasted: "lasting 7 days" */
  return g_strdup_printf (_("lasting %s"), duration);
}

/* How many of @lane's events the filters show in force in @view: those
 * that last and overlap it, and the instants inside it. */
guint
hl_describe_count_in_force (HlDataset *dataset, const HlView *view, guint lane)
{
  guint n, found = 0;

  g_return_val_if_fail (HL_IS_DATASET (dataset), 0);
  g_return_val_if_fail (view != NULL, 0);
  g_return_val_if_fail (lane < hl_dataset_get_n_lanes (dataset), 0);

  n = hl_dataset_lane_get_n_events (dataset, lane);
  for (guint i = 0; i < n; i++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset,
                                                hl_dataset_lane_get_event (dataset, lane, i));
      gint64 start = ev->date != NULL && ev->date[10] == '\0' && ev->has_end
                     ? hl_date_floor_day (ev->time) : ev->time;

      if (start >= view->to)
        break;
      if ((ev->has_end ? ev->end_time > view->from : start >= view->from) &&
          hl_view_shows_event (view, dataset, ev))
        found++;
    }
  return found;
}

/* A span lane's number in force: "Measures in force: 3" with the lane's
 * unit, "3 in force" without one. */
char *
hl_describe_in_force (const HlLane *lane, guint n)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (lane != NULL, NULL);

  number = hl_describe_number (n);
  if (lane->unit != NULL)
    {
      g_autofree char *unit = hl_describe_isolate (lane->unit);

      /* TRANSLATORS: a span lane's unit, and how many are in force in the view */
      return g_strdup_printf (_("%s in force: %s"), unit, number);
    }
  /* TRANSLATORS: how many of a span lane's events are in force in the view */
  return g_strdup_printf (ngettext ("%s in force", "%s in force", n), number);
}

/* What a span lane could not show: "+12 more", "+12 more · 30
 * unlabelled", "30 unlabelled"; NULL when it showed everything. */
char *
hl_describe_spans_not_shown (guint n_hidden, guint n_unlabelled)
{
  g_autofree char *more = NULL;
  g_autofree char *bare = NULL;

  if (n_hidden > 0)
    {
      g_autofree char *n = hl_describe_number (n_hidden);

      /* TRANSLATORS: spans of a lane that had no row left to be drawn in */
      more = g_strdup_printf (ngettext ("+%s more", "+%s more", n_hidden), n);
    }
  if (n_unlabelled > 0)
    {
      g_autofree char *n = hl_describe_number (n_unlabelled);

      /* TRANSLATORS: spans of a lane drawn without their label, for want of room */
      bare = g_strdup_printf (ngettext ("%s unlabelled", "%s unlabelled", n_unlabelled), n);
    }
  if (more != NULL && bare != NULL)
    return g_strdup_printf ("%s · %s", more, bare);
  return more != NULL ? g_steal_pointer (&more) : g_steal_pointer (&bare);
}

/* An event's amount as the chart says it: "$41.0 million",
 * "Missiles or rockets: 2", "3 items", "number not disclosed" or
 * "amount not known". */
char *
hl_describe_amount (HlDataset *dataset, const HlEvent *ev)
{
  const HlLane *lane;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ev != NULL, NULL);

  lane = hl_dataset_get_lane (dataset, ev->lane);
  if (lane->measure == HL_MEASURE_SPAN)
    return describe_span_amount (ev);
  if (lane->measure == HL_MEASURE_USD && ev->usd_unknown)
    return g_strdup (_("amount not known"));
  if (lane->measure == HL_MEASURE_USD)
    return hl_describe_usd (ev->usd);
  if (!ev->count_known)
    return g_strdup (_("number not disclosed"));
  return hl_describe_count (lane, ev->count);
}

/* One lane's part of a summary: "Heists: 10 events, $719M",
 * "Heists: 67 events, $4.4B (1 without an amount)", "Launches: 19
 * events". */
char *
hl_describe_lane_totals (HlDataset *dataset, guint lane, const HlLaneTotals *t)
{
  const HlLane *l;
  g_autofree char *title = NULL;
  g_autofree char *events = NULL;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (lane < hl_dataset_get_n_lanes (dataset), NULL);
  g_return_val_if_fail (t != NULL, NULL);

  l = hl_dataset_get_lane (dataset, lane);
  title = hl_describe_isolate (l->title);
  events = hl_describe_events (t->n_events);
  if (l->measure == HL_MEASURE_USD && t->n_events > 0)
    {
      g_autofree char *usd = hl_money_format_short (t->usd);

      /* In a money lane, n_unknown counts the events with no amount */
      if (t->n_unknown > 0)
        {
          g_autofree char *unknown = hl_describe_number (t->n_unknown);

          /* TRANSLATORS: lane title: number of events, amount, how many have none */
          return g_strdup_printf (ngettext ("%s: %s, %s (%s without an amount)",
                                            "%s: %s, %s (%s without an amount)", t->n_unknown),
                                  title, events, usd, unknown);
        }
      /* TRANSLATORS: lane title: number of events, amount */
      return g_strdup_printf (_("%s: %s, %s"), title, events, usd);
    }
  /* TRANSLATORS: lane title: number of events */
  return g_strdup_printf (_("%s: %s"), title, events);
}

/* A span lane's part of a summary: "Measures: 3 in force", or with the
 * lane's unit "Regimes in force: 3" (the subtitle leaves out a lane with
 * none in force). */
char *
hl_describe_span_lane_totals (HlDataset *dataset, const HlView *view, guint lane)
{
  const HlLane *l;
  guint n;
  g_autofree char *title = NULL;
  g_autofree char *in_force = NULL;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (lane < hl_dataset_get_n_lanes (dataset), NULL);

  l = hl_dataset_get_lane (dataset, lane);
  n = hl_describe_count_in_force (dataset, view, lane);
  in_force = hl_describe_in_force (l, n);
  if (l->unit != NULL)
    return g_steal_pointer (&in_force);
  title = hl_describe_isolate (l->title);
  /* TRANSLATORS: a span lane's title: how many are in force */
  return g_strdup_printf (_("%s: %s"), title, in_force);
}

/* The totals part of the chart's subtitle: each visible lane that holds
 * events, and the sum over money lanes when there are several:
 * "$719M in all  ·  Heists: 6 events, $400M  ·  Other: 4 events, $319M". */
char *
hl_describe_totals (HlDataset *dataset, const HlView *view, const HlTotals *totals)
{
  GString *str = g_string_new (NULL);
  guint n_lanes, n_usd_lanes = 0;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (view != NULL && totals != NULL, NULL);

  n_lanes = MIN (hl_dataset_get_n_lanes (dataset), HL_VIEW_MAX_LANES);
  for (guint i = 0; i < n_lanes; i++)
    if (hl_view_lane_visible (view, i) && totals->lanes[i].n_events > 0 &&
        hl_dataset_get_lane (dataset, i)->measure == HL_MEASURE_USD)
      n_usd_lanes++;
  if (n_usd_lanes > 1)
    {
      g_autofree char *usd = hl_money_format_short (totals->usd);

      /* TRANSLATORS: the sum over several money lanes */
      g_string_append_printf (str, _("%s in all"), usd);
    }
  for (guint i = 0; i < n_lanes; i++)
    {
      g_autofree char *part = NULL;

      if (hl_view_lane_visible (view, i) &&
          hl_dataset_get_lane (dataset, i)->measure == HL_MEASURE_SPAN)
        part = hl_describe_count_in_force (dataset, view, i) > 0
               ? hl_describe_span_lane_totals (dataset, view, i) : NULL;
      else if (hl_view_lane_visible (view, i) && totals->lanes[i].n_events > 0)
        part = hl_describe_lane_totals (dataset, i, &totals->lanes[i]);
      if (part == NULL)
        continue;
      if (str->len > 0)
        g_string_append (str, "  ·  ");
      g_string_append (str, part);
    }
  return g_string_free (str, FALSE);
}

/* The filters that are on, in a list: "Missile and satellite launches,
 * Disputed attribution, amounts below $5.0 million"; NULL when none is.
 * A hidden grade is named only if it applies to some lane (see
 * HlView.ungraded_lanes). The panel, the filter popover and, in a
 * subtitle, the chart can all say it. */
char *
hl_describe_filter_list (HlDataset *dataset, const HlView *view)
{
  GString *what;
  guint n_lanes;
  gboolean grades_apply = FALSE;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  what = g_string_new (NULL);
  n_lanes = MIN (hl_dataset_get_n_lanes (dataset), HL_VIEW_MAX_LANES);
  for (guint i = 0; i < n_lanes; i++)
    {
      if (!hl_view_lane_visible (view, i))
        g_string_append_printf (what, "%s" HL_FSI "%s" HL_PDI, what->len ? ", " : "",
                                hl_dataset_get_lane (dataset, i)->title);
      else if (!hl_lane_mask_test (&view->ungraded_lanes, i))
        grades_apply = TRUE;
    }
  for (guint c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES && grades_apply; c++)
    if (view->hidden_confidences & (1u << c))
      {
        /* TRANSLATORS: a hidden grade in the filters line: "Disputed attribution" */
        g_autofree char *grade = g_strdup_printf (_("%s attribution"),
                                                  hl_describe_confidence (c));

        g_string_append_printf (what, "%s%s", what->len ? ", " : "", grade);
      }
  if (view->min_usd > 0)
    {
      g_autofree char *usd = hl_describe_usd (view->min_usd);
      /* TRANSLATORS: the smallest amount shown, in the filters line */
      g_autofree char *below = g_strdup_printf (_("amounts below %s"), usd);

      g_string_append_printf (what, "%s%s", what->len ? ", " : "", below);
    }
  if (what->len == 0)
    {
      g_string_free (what, TRUE);
      return NULL;
    }
  return g_string_free (what, FALSE);
}

/* What a search found, as the match label says it: "9 matches", "3 of 9,
 * 1 outside the view", "No matches", "1 match hidden by filters",
 * "2 matches, 1 hidden by filters". @n_matches counts the matches the
 * filters show over the whole dataset, @position the selected one's place
 * among them from 1 (0: the selection is not a match), @n_outside those
 * outside the view, @n_hidden the matches the filters hide. */
char *
hl_describe_matches (guint n_matches, guint position, guint n_outside, guint n_hidden)
{
  GString *str;
  g_autofree char *n = NULL;

  if (n_matches == 0)
    {
      if (n_hidden == 0)
        return g_strdup (_("No matches"));
      n = hl_describe_number (n_hidden);
      return g_strdup_printf (ngettext ("%s match hidden by filters",
                                        "%s matches hidden by filters", n_hidden), n);
    }
  str = g_string_new (NULL);
  n = hl_describe_number (n_matches);
  if (position > 0 && position <= n_matches)
    {
      g_autofree char *at = hl_describe_number (position);

      /* TRANSLATORS: the selected match's place among all: "3 of 9" */
      g_string_printf (str, _("%s of %s"), at, n);
    }
  else
    g_string_printf (str, ngettext ("%s match", "%s matches", n_matches), n);
  if (n_outside > 0)
    {
      g_autofree char *outside = hl_describe_number (n_outside);

      /* TRANSLATORS: after "3 of 9": how many matches are out of view */
      g_string_append_printf (str, _(", %s outside the view"), outside);
    }
  if (n_hidden > 0)
    {
      g_autofree char *hidden = hl_describe_number (n_hidden);

      /* TRANSLATORS: after "3 of 9": how many matches the filters hide */
      g_string_append_printf (str, _(", %s hidden by filters"), hidden);
    }
  return g_string_free (str, FALSE);
}

/* How long an event that lasts lasted: "7 days" (calendar dates count
 * both their days), "3 hours", "45 minutes". */
static char *
describe_duration (const HlEvent *ev)
{
  gint64 start = ev->date != NULL && ev->date[10] == '\0' ? hl_date_floor_day (ev->time)
                                                          : ev->time;
  gint64 seconds = MAX (0, ev->end_time - start);
  g_autofree char *n = NULL;

  if (seconds >= HL_SECONDS_PER_DAY)
    {
      guint days = (guint) ((seconds + HL_SECONDS_PER_DAY / 2) / HL_SECONDS_PER_DAY);

      n = hl_describe_number (days);
      /* TRANSLATORS: %s is a number of days, digits grouped */
      return g_strdup_printf (ngettext ("%s day", "%s days", days), n);
    }
  if (seconds >= 3600)
    {
      guint hours = (guint) ((seconds + 1800) / 3600);

      n = hl_describe_number (hours);
      return g_strdup_printf (ngettext ("%s hour", "%s hours", hours), n);
    }
  n = hl_describe_number ((guint64) (seconds / 60));
  return g_strdup_printf (ngettext ("%s minute", "%s minutes", (guint) (seconds / 60)), n);
}

/* When an event that lasts ended, "10 September 2023" (its last day:
 * a calendar date's end_time is the midnight after it); NULL for an
 * instant. */
char *
hl_describe_event_end (const HlEvent *ev)
{
  g_return_val_if_fail (ev != NULL, NULL);

  if (!ev->has_end)
    return NULL;
  return hl_date_format_long (ev->end != NULL && ev->end[10] == '\0'
                              ? ev->end_time - HL_SECONDS_PER_DAY : ev->end_time);
}

/* An event's date, "4 September 2023"; for an event that lasts, both
 * dates and how long: "4 September 2023 – 10 September 2023 (7 days)". */
char *
hl_describe_event_dates (const HlEvent *ev)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *duration = NULL;

  g_return_val_if_fail (ev != NULL, NULL);

  start = hl_describe_event_date (ev);
  if (!ev->has_end)
    return g_steal_pointer (&start);
  end = hl_describe_event_end (ev);
  duration = describe_duration (ev);
  if (g_str_equal (start, end))
    /* TRANSLATORS: a date and how long the event lasted that day */
    return g_strdup_printf (_("%s (%s)"), start, duration);
  /* TRANSLATORS: first day, last day, and how long the event lasted */
  return g_strdup_printf (_("%s – %s (%s)"), start, end, duration);
}

/* For the summary of @view: "+1 event under way that began before this
 * view (counted on its start date)", for lasting events of @lane shown
 * in the view that began before it; NULL when there are none. */
char *
hl_describe_begun_before (HlDataset *dataset, const HlView *view, guint lane)
{
  guint n, found = 0;
  g_autofree char *n_found = NULL;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  n = hl_dataset_lane_get_n_lasting (dataset, lane);
  for (guint i = 0; i < n; i++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, hl_dataset_lane_get_lasting (dataset, lane,
                                                                                     i));

      if (ev->time >= view->from)
        break;   /* in time order: the rest began in the view or after */
      if (ev->time < view->from && ev->end_time > view->from &&
          hl_view_shows_event (view, dataset, ev))
        found++;
    }
  if (found == 0)
    return NULL;
  n_found = hl_describe_number (found);
  return g_strdup_printf (ngettext ("+%s event under way that began before this view "
                                    "(counted on its start date)",
                                    "+%s events under way that began before this view "
                                    "(counted on their start dates)", found), n_found);
}
