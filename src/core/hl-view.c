/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-date.h"
#include "hl-view.h"

void
hl_view_init (HlView *view, HlDataset *dataset)
{
  g_return_if_fail (view != NULL);

  memset (view, 0, sizeof *view);
  view->theme = HL_THEME_LIGHT;
  view->bins = HL_BINS_AUTO;
  view->money_scale = HL_MONEY_LINEAR;
  view->show_title = TRUE;
  view->show_legend = TRUE;
  view->show_footnote = TRUE;
  view->show_periods = TRUE;
  view->show_annotations = TRUE;
  if (dataset != NULL)
    hl_dataset_get_default_range (dataset, &view->from, &view->to);
  else
    {
      view->from = hl_date_from_ymd (2023, 7, 1);
      view->to = hl_date_from_ymd (2024, 2, 1);
    }
}

void
hl_view_copy (HlView *dest, const HlView *src)
{
  g_return_if_fail (dest != NULL && src != NULL);

  if (dest == src)
    return;
  *dest = *src;
  dest->title = g_strdup (src->title);
  dest->subtitle = g_strdup (src->subtitle);
  dest->search = g_strdup (src->search);
  if (src->annotations != NULL)
    dest->annotations = g_ptr_array_ref (src->annotations);
}

void
hl_view_clear (HlView *view)
{
  g_return_if_fail (view != NULL);

  g_clear_pointer (&view->title, g_free);
  g_clear_pointer (&view->subtitle, g_free);
  g_clear_pointer (&view->search, g_free);
  g_clear_pointer (&view->annotations, g_ptr_array_unref);
}

/* Moves [from, from + span) inside the format's dates, keeping its span
 * (at most HL_VIEW_MAX_SPAN). */
static void
place_span (HlView *view, gint64 from, gint64 span)
{
  g_assert (span >= HL_VIEW_MIN_SPAN && span <= HL_VIEW_MAX_SPAN);

  from = CLAMP (from, HL_VIEW_MIN_TIME, HL_VIEW_MAX_TIME - span);
  view->from = from;
  view->to = from + span;
}

/* Shows [@from, @to) as asked: only what lies outside the format's dates
 * (years 1 to 9999) is cut, and a span under a day grows to one around
 * its middle. */
void
hl_view_set_range (HlView *view, gint64 from, gint64 to)
{
  gint64 span;

  g_return_if_fail (view != NULL);

  if (to < from)
    {
      gint64 t = to;
      to = from;
      from = t;
    }
  from = CLAMP (from, HL_VIEW_MIN_TIME, HL_VIEW_MAX_TIME);
  to = CLAMP (to, HL_VIEW_MIN_TIME, HL_VIEW_MAX_TIME);
  span = to - from;
  if (span < HL_VIEW_MIN_SPAN)
    {
      place_span (view, from + span / 2 - HL_VIEW_MIN_SPAN / 2, HL_VIEW_MIN_SPAN);
      return;
    }
  view->from = from;
  view->to = to;
}

/* Zooms by @factor (> 1 zooms in) keeping the time under @anchor (0 = left
 * edge, 1 = right edge of the plot) where it is, as far as the format's
 * dates allow. */
void
hl_view_zoom (HlView *view, double factor, double anchor)
{
  double span, new_span, at;

  g_return_if_fail (view != NULL);
  g_return_if_fail (factor > 0);

  anchor = CLAMP (anchor, 0.0, 1.0);
  span = (double) (view->to - view->from);
  new_span = CLAMP (span / factor, (double) HL_VIEW_MIN_SPAN, (double) HL_VIEW_MAX_SPAN);
  at = view->from + anchor * span;
  place_span (view, (gint64) llround (at - anchor * new_span), (gint64) llround (new_span));
}

/* Moves the range by @fraction of its span (positive: later), stopping at
 * the format's first or last date. */
void
hl_view_pan (HlView *view, double fraction)
{
  gint64 span;
  double from;

  g_return_if_fail (view != NULL);

  span = CLAMP (view->to - view->from, HL_VIEW_MIN_SPAN, HL_VIEW_MAX_SPAN);
  from = (double) view->from + fraction * (double) span;
  from = CLAMP (from, (double) HL_VIEW_MIN_TIME, (double) (HL_VIEW_MAX_TIME - span));
  place_span (view, (gint64) llround (from), span);
}

/* Shows every event, with a small margin so the first and last marks are
 * not cut by the plot's edges. */
void
hl_view_fit_all (HlView *view, HlDataset *dataset)
{
  gint64 first, last, margin;

  g_return_if_fail (view != NULL);
  g_return_if_fail (HL_IS_DATASET (dataset));

  if (!hl_dataset_get_extent (dataset, &first, &last))
    {
      hl_dataset_get_default_range (dataset, &view->from, &view->to);
      return;
    }
  first = hl_date_floor_day (first);
  last = hl_date_floor_day (last) + HL_SECONDS_PER_DAY;
  margin = MAX ((last - first) / 20, HL_SECONDS_PER_DAY);
  hl_view_set_range (view, first - margin, last + margin);
}

/* Pans, keeping the span, so that @time lies inside the middle 90%. */
void
hl_view_ensure_visible (HlView *view, gint64 time)
{
  gint64 span, pad;

  g_return_if_fail (view != NULL);

  span = view->to - view->from;
  pad = span / 20;
  span = CLAMP (span, HL_VIEW_MIN_SPAN, HL_VIEW_MAX_SPAN);
  if (time < view->from + pad)
    place_span (view, time - pad, span);
  else if (time > view->to - pad)
    place_span (view, time + pad - span, span);
}

gboolean
hl_view_lane_visible (const HlView *view, guint lane)
{
  g_return_val_if_fail (view != NULL, FALSE);
  return !hl_lane_mask_test (&view->hidden_lanes, lane);
}

/* Whether the filters let every event of @lane show (then what a range
 * of it holds can come from the lane's index, event by event unread). */
gboolean
hl_view_shows_whole_lane (const HlView *view, HlDataset *dataset, guint lane)
{
  g_return_val_if_fail (view != NULL, FALSE);

  if (!hl_view_lane_visible (view, lane))
    return FALSE;
  if (view->hidden_confidences != 0 && !hl_lane_mask_test (&view->ungraded_lanes, lane))
    return FALSE;
  return hl_dataset_get_lane (dataset, lane)->measure != HL_MEASURE_USD || view->min_usd <= 0;
}

/* Whether the filters (lanes, confidence, minimum amount) let @event show;
 * the range is not considered. */
gboolean
hl_view_shows_event (const HlView *view, HlDataset *dataset, const HlEvent *event)
{
  const HlLane *lane;

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (!hl_view_lane_visible (view, event->lane))
    return FALSE;
  if ((view->hidden_confidences & (1u << event->confidence)) &&
      !hl_lane_mask_test (&view->ungraded_lanes, event->lane))
    return FALSE;
  lane = hl_dataset_get_lane (dataset, event->lane);
  /* An amount not known is not a small one: "amounts below" keeps it. */
  if (lane->measure == HL_MEASURE_USD && !event->usd_unknown && event->usd < view->min_usd)
    return FALSE;
  return TRUE;
}

static gboolean
contains_casefold (const char *haystack, const char *needle_folded)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle_folded) != NULL;
}

/* Case-insensitive search over title, actor, kind and notes. */
gboolean
hl_view_event_matches (const HlView *view, const HlEvent *event)
{
  g_autofree char *needle = NULL;

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (view->search == NULL || view->search[0] == '\0')
    return FALSE;
  needle = g_utf8_casefold (view->search, -1);
  return contains_casefold (event->title, needle) ||
         contains_casefold (event->actor, needle) ||
         contains_casefold (event->kind, needle) ||
         contains_casefold (event->notes, needle);
}

/* The next (@direction > 0) or previous shown event in time after
 * @current, in any visible lane; -1 to start from the edge of the view.
 * Returns -1 when there is none. */
int
hl_view_step_event (const HlView *view, HlDataset *dataset, int current, int direction)
{
  int n = (int) hl_dataset_get_n_events (dataset);
  int i;

  g_return_val_if_fail (view != NULL, -1);

  if (current < 0 || current >= n)
    {
      i = direction > 0 ? (int) hl_dataset_lower_bound (dataset, view->from)
                        : (int) hl_dataset_lower_bound (dataset, view->to) - 1;
    }
  else
    i = current + (direction > 0 ? 1 : -1);

  for (; i >= 0 && i < n; i += direction > 0 ? 1 : -1)
    if (hl_view_shows_event (view, dataset, hl_dataset_get_event (dataset, i)))
      return i;
  return -1;
}

/* The shown event nearest in time to @current in the next visible lane
 * above (@direction < 0) or below; @current when there is none. */
int
hl_view_step_lane (const HlView *view, HlDataset *dataset, int current, int direction)
{
  const HlEvent *cur;
  int n_lanes = (int) hl_dataset_get_n_lanes (dataset);
  int n = (int) hl_dataset_get_n_events (dataset);

  g_return_val_if_fail (view != NULL, -1);

  if (current < 0 || current >= n)
    return hl_view_step_event (view, dataset, -1, 1);
  cur = hl_dataset_get_event (dataset, current);

  for (int lane = (int) cur->lane + (direction > 0 ? 1 : -1);
       lane >= 0 && lane < n_lanes;
       lane += direction > 0 ? 1 : -1)
    {
      int best = -1;
      gint64 best_dist = G_MAXINT64;

      if (!hl_view_lane_visible (view, lane))
        continue;
      for (int i = 0; i < n; i++)
        {
          const HlEvent *ev = hl_dataset_get_event (dataset, i);
          gint64 dist;

          if ((int) ev->lane != lane || !hl_view_shows_event (view, dataset, ev))
            continue;
          dist = ev->time > cur->time ? ev->time - cur->time : cur->time - ev->time;
          if (dist < best_dist)
            {
              best = i;
              best_dist = dist;
            }
        }
      if (best >= 0)
        return best;
    }
  return current;
}

/* The next (@direction > 0) or previous shown event that matches the
 * search, after @current (-1: from the edge of the view), wrapping around
 * the dataset once. Returns -1 when nothing matches. */
int
hl_view_step_match (const HlView *view, HlDataset *dataset, int current, int direction)
{
  int n = (int) hl_dataset_get_n_events (dataset);
  int step = direction > 0 ? 1 : -1;
  int start;

  g_return_val_if_fail (view != NULL, -1);
  g_return_val_if_fail (HL_IS_DATASET (dataset), -1);

  if (n == 0 || view->search == NULL || view->search[0] == '\0')
    return -1;
  if (current < 0 || current >= n)
    start = direction > 0 ? (int) hl_dataset_lower_bound (dataset, view->from)
                          : (int) hl_dataset_lower_bound (dataset, view->to) - 1;
  else
    start = current + step;

  for (int k = 0; k < n; k++)
    {
      int i = ((start + k * step) % n + n) % n;
      const HlEvent *ev = hl_dataset_get_event (dataset, i);

      if (hl_view_shows_event (view, dataset, ev) && hl_view_event_matches (view, ev))
        return i;
    }
  return -1;
}

/* Shown events in the visible range that match the search. */
guint
hl_view_count_matches (const HlView *view, HlDataset *dataset)
{
  guint n = hl_dataset_get_n_events (dataset);
  guint count = 0;

  g_return_val_if_fail (view != NULL, 0);
  g_return_val_if_fail (HL_IS_DATASET (dataset), 0);

  if (view->search == NULL || view->search[0] == '\0')
    return 0;
  for (guint i = hl_dataset_lower_bound (dataset, view->from); i < n; i++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, i);

      if (ev->time >= view->to)
        break;
      if (hl_view_shows_event (view, dataset, ev) && hl_view_event_matches (view, ev))
        count++;
    }
  return count;
}

static const char *const bins_names[] = {
  [HL_BINS_MARKS] = "marks",
  [HL_BINS_AUTO] = "auto",
  [HL_BINS_DAY] = "day",
  [HL_BINS_WEEK] = "week",
  [HL_BINS_MONTH] = "month",
  [HL_BINS_QUARTER] = "quarter",
  [HL_BINS_YEAR] = "year",
};

static const char *const money_scale_names[] = {
  [HL_MONEY_LINEAR] = "linear",
  [HL_MONEY_LOG] = "log",
};

/* The names the settings and the command line use. */
const char *
hl_bins_to_string (HlBins bins)
{
  g_return_val_if_fail ((guint) bins < G_N_ELEMENTS (bins_names), NULL);

  return bins_names[bins];
}

gboolean
hl_bins_from_string (const char *name, HlBins *bins)
{
  g_return_val_if_fail (bins != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (bins_names); i++)
    if (g_str_equal (name, bins_names[i]))
      {
        *bins = (HlBins) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hl_money_scale_to_string (HlMoneyScale scale)
{
  g_return_val_if_fail ((guint) scale < G_N_ELEMENTS (money_scale_names), NULL);

  return money_scale_names[scale];
}

gboolean
hl_money_scale_from_string (const char *name, HlMoneyScale *scale)
{
  g_return_val_if_fail (scale != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (money_scale_names); i++)
    if (g_str_equal (name, money_scale_names[i]))
      {
        *scale = (HlMoneyScale) i;
        return TRUE;
      }
  return FALSE;
}
