/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Proximity between two lanes and its permutation test (issue 12). See
 * hl-proximity.h for what is counted; the costs are:
 *   table and lags   O(n log n) once;
 *   each shift       O(m log n) for m following and n leading events: the
 *                    shifted following days are a rotation of the sorted
 *                    ones (no sort), their windows merge in one pass, and
 *                    each merged window is summed from running sums with
 *                    two binary searches. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "hl-columns.h"
#include "hl-date.h"
#include "hl-describe.h"
#include "hl-proximity-private.h"
#include "hl-proximity.h"
#include "hl-scale.h"

/* How many shifts between two looks at the cancellable and the progress. */
#define CHECK_EVERY 256

/* The first lane measured in @measure, or -1. */
int
hl_proximity_default_lane (HlDataset *dataset, HlMeasure measure)
{
  g_return_val_if_fail (HL_IS_DATASET (dataset), -1);

  for (guint i = 0; i < hl_dataset_get_n_lanes (dataset); i++)
    if (hl_dataset_get_lane (dataset, i)->measure == measure)
      return (int) i;
  return -1;
}

/* The defaults: the first money lane leads, the first count lane follows
 * (the first two lanes when the dataset lacks one of them), over @view's
 * range (the dataset's default range without a view). */
void
hl_proximity_settings_init (HlProximitySettings *settings,
                            HlDataset           *dataset,
                            const HlView        *view)
{
  int lead, follow;

  g_return_if_fail (settings != NULL);
  g_return_if_fail (HL_IS_DATASET (dataset));

  lead = hl_proximity_default_lane (dataset, HL_MEASURE_USD);
  follow = hl_proximity_default_lane (dataset, HL_MEASURE_COUNT);
  if (lead < 0)
    lead = follow == 0 ? 1 : 0;
  if (follow < 0)
    follow = lead == 0 ? 1 : 0;
  settings->lead = (guint) lead;
  settings->follow = (guint) follow;
  if (view != NULL)
    {
      settings->from = view->from;
      settings->to = view->to;
    }
  else
    hl_dataset_get_default_range (dataset, &settings->from, &settings->to);
  settings->window_days = HL_PROXIMITY_DEFAULT_WINDOW;
  settings->n_shifts = HL_PROXIMITY_DEFAULT_SHIFTS;
  settings->seed = HL_PROXIMITY_DEFAULT_SEED;
}

static gint64
day_of (gint64 time)
{
  return hl_date_floor_day (time) / HL_SECONDS_PER_DAY;
}

/* An event's amount in whole units, and whether it has one. */
static gint64
event_units (const HlLane *lane, const HlEvent *ev, gboolean *has_amount)
{
  if (lane->measure == HL_MEASURE_USD)
    {
      double cents = round (ev->usd * 100.0);

      *has_amount = ev->usd > 0;
      return isfinite (cents) && cents > 0 ? (gint64) MIN (cents, 1e17) : 0;
    }
  *has_amount = ev->count_known;
  return ev->count_known ? (gint64) ev->count : 0;
}

/* Position of the first element >= @value in a sorted int array. */
static guint
lower_bound (const int *a, guint n, int value)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (a[mid] < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The leading amount on the days [a, b]. */
static gint64
sum_days (const HlProximity *self, int a, int b)
{
  const int *lead = (const int *) (gpointer) self->lead_pos->data;
  const gint64 *prefix = (const gint64 *) (gpointer) self->lead_prefix->data;
  guint n = self->lead_pos->len;

  return prefix[lower_bound (lead, n, b + 1)] - prefix[lower_bound (lead, n, a)];
}

gint64
_hl_proximity_statistic_at_shift (const HlProximity *self, guint shift)
{
  const int *follow = (const int *) (gpointer) self->follow_pos->data;
  guint m = self->follow_pos->len, split;
  int range = (int) self->range_days, w = (int) self->settings.window_days;
  int cur_a = 0, cur_b = -2;
  gboolean open = FALSE;
  gint64 total = 0;

  g_assert (self->range_days > 0);
  shift %= self->range_days;
  /* Those that wrap past the end come first, then the others: two runs
   * of the sorted days, no division in the loop. */
  split = lower_bound (follow, m, range - (int) shift);
  for (guint i = 0; i < m; i++)
    {
      int f = i < m - split ? follow[split + i] + (int) shift - range
                            : follow[i - (m - split)] + (int) shift;

      if (open && f - w <= cur_b + 1)
        {
          cur_b = f;
          continue;
        }
      if (open)
        total += sum_days (self, cur_a, cur_b);
      cur_a = MAX (f - w, 0);
      cur_b = f;
      open = TRUE;
    }
  if (open)
    total += sum_days (self, cur_a, cur_b);
  return total;
}

static gboolean
check_settings (HlDataset *dataset, const HlProximitySettings *s, GError **error)
{
  guint n_lanes = hl_dataset_get_n_lanes (dataset);

  if (s->lead >= n_lanes || s->follow >= n_lanes)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The dataset has no lane %u"), MAX (s->lead, s->follow) + 1);
      return FALSE;
    }
  if (s->lead == s->follow)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The leading and the following lane must be different lanes"));
      return FALSE;
    }
  if (s->window_days > HL_PROXIMITY_MAX_WINDOW || s->n_shifts > HL_PROXIMITY_MAX_SHIFTS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The window must be 0 to %u days and the shifts at most %u"),
                   HL_PROXIMITY_MAX_WINDOW, HL_PROXIMITY_MAX_SHIFTS);
      return FALSE;
    }
  if (s->to <= s->from)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The range is empty"));
      return FALSE;
    }
  return TRUE;
}

/* The two lanes' events in the range, as days from its start. */
static void
collect_events (HlProximity *self, HlDataset *dataset, GArray *lead_ev, GArray *follow_ev)
{
  const HlLane *lead_lane = hl_dataset_get_lane (dataset, self->settings.lead);
  gint64 first = day_of (self->settings.from);
  guint begin = hl_dataset_lower_bound (dataset, self->settings.from);
  guint n = hl_dataset_get_n_events (dataset);
  gint64 sum = 0;

  g_array_append_val (self->lead_prefix, sum);
  for (guint i = begin; i < n; i++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, i);
      int pos;

      if (ev->time >= self->settings.to)
        break;
      pos = (int) (day_of (ev->time) - first);
      if ((ev->lane == self->settings.lead || ev->lane == self->settings.follow) &&
          ev->date_precision != HL_DATE_PRECISION_DAY)
        g_array_append_val (self->imprecise, i);
      if (ev->lane == self->settings.lead)
        {
          gboolean has_amount;

          sum += event_units (lead_lane, ev, &has_amount);
          if (!has_amount)
            g_array_append_val (self->no_amount, i);
          g_array_append_val (self->lead_pos, pos);
          g_array_append_val (self->lead_prefix, sum);
          g_array_append_val (lead_ev, i);
        }
      else if (ev->lane == self->settings.follow)
        {
          g_array_append_val (self->follow_pos, pos);
          g_array_append_val (follow_ev, i);
        }
    }
  self->n_lead = self->lead_pos->len;
  self->n_follow = self->follow_pos->len;
  self->lead_total = sum;
}

/* The table (leading events before each following one) and the lags (the
 * next following event after each leading one). */
static void
compute_table_and_lags (HlProximity *self, GArray *lead_ev, GArray *follow_ev)
{
  const int *lead = (const int *) (gpointer) self->lead_pos->data;
  const int *follow = (const int *) (gpointer) self->follow_pos->data;
  const gint64 *prefix = (const gint64 *) (gpointer) self->lead_prefix->data;
  int w = (int) self->settings.window_days;
  guint j = 0;

  for (guint i = 0; i < self->n_follow; i++)
    {
      guint a = lower_bound (lead, self->n_lead, follow[i] - w);
      guint b = lower_bound (lead, self->n_lead, follow[i] + 1);
      HlProximityRow row = { g_array_index (follow_ev, guint, i), b - a, prefix[b] - prefix[a] };

      g_array_append_val (self->rows, row);
    }
  for (guint i = 0; i < self->n_lead; i++)
    {
      HlProximityLag lag = { g_array_index (lead_ev, guint, i), -1 };
      gint64 units = prefix[i + 1] - prefix[i];

      while (j < self->n_follow && follow[j] < lead[i])
        j++;
      if (j < self->n_follow)
        lag.lag_days = follow[j] - lead[i];
      if (lag.lag_days < 0)
        {
          self->n_no_later++;
          self->no_later_amount += units;
        }
      else if (lag.lag_days <= w)
        self->n_within++;
      g_array_append_val (self->lags, lag);
    }
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The value at or above @share of a sorted array (nearest rank). */
static gint64
nearest_rank (const gint64 *sorted, guint n, double share)
{
  guint rank = (guint) ceil (share * n);

  return sorted[CLAMP (rank, 1, n) - 1];
}

static gboolean
run_test (HlProximity *self, GCancellable *cancellable,
          HlProximityProgress progress, gpointer user_data, GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (self->settings.seed);
  guint n = self->settings.n_shifts;
  g_autofree gint64 *null = g_new (gint64, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      guint shift = (guint) g_rand_int_range (rand, 0, (gint32) self->range_days);

      if (i % CHECK_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) i / n, user_data);
        }
      null[i] = _hl_proximity_statistic_at_shift (self, shift);
      if (null[i] >= self->observed)
        self->k++;
    }
  qsort (null, n, sizeof (gint64), compare_gint64);
  self->n_shifts = n;
  self->p = (self->k + 1.0) / (n + 1.0);
  self->null_median = nearest_rank (null, n, 0.5);
  self->null_p95 = nearest_rank (null, n, 0.95);
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

/* Everything for @settings: the table, the lags, the statistic and, with
 * n_shifts > 0 and some following event, the test. Runs on any thread
 * (the dataset is read only); NULL with @error when the settings are wrong
 * or @cancellable was cancelled. */
HlProximity *
hl_proximity_analyze (HlDataset                 *dataset,
                      const HlProximitySettings *settings,
                      GCancellable              *cancellable,
                      HlProximityProgress        progress,
                      gpointer                   user_data,
                      GError                   **error)
{
  g_autoptr(HlProximity) self = NULL;
  g_autoptr(GArray) lead_ev = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) follow_ev = g_array_new (FALSE, FALSE, sizeof (guint));
  gint64 first, last;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_settings (dataset, settings, error))
    return NULL;
  self = g_new0 (HlProximity, 1);
  self->settings = *settings;
  first = day_of (settings->from);
  last = day_of (settings->to - 1);
  self->range_days = (guint) MIN (last - first + 1, G_MAXINT32);
  self->rows = g_array_new (FALSE, FALSE, sizeof (HlProximityRow));
  self->lags = g_array_new (FALSE, FALSE, sizeof (HlProximityLag));
  self->no_amount = g_array_new (FALSE, FALSE, sizeof (guint));
  self->imprecise = g_array_new (FALSE, FALSE, sizeof (guint));
  self->lead_pos = g_array_new (FALSE, FALSE, sizeof (int));
  self->lead_prefix = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->follow_pos = g_array_new (FALSE, FALSE, sizeof (int));

  collect_events (self, dataset, lead_ev, follow_ev);
  compute_table_and_lags (self, lead_ev, follow_ev);
  self->observed = _hl_proximity_statistic_at_shift (self, 0);
  if (settings->n_shifts > 0 && self->n_follow > 0 && self->n_lead > 0 &&
      !run_test (self, cancellable, progress, user_data, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
hl_proximity_free (HlProximity *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->lags, g_array_unref);
  g_clear_pointer (&self->no_amount, g_array_unref);
  g_clear_pointer (&self->imprecise, g_array_unref);
  g_clear_pointer (&self->lead_pos, g_array_unref);
  g_clear_pointer (&self->lead_prefix, g_array_unref);
  g_clear_pointer (&self->follow_pos, g_array_unref);
  g_free (self);
}

/* Units back to dollars (money lane) or a count. */
double
hl_proximity_units_to_value (HlDataset *dataset, guint lane, gint64 units)
{
  g_return_val_if_fail (HL_IS_DATASET (dataset), 0);
  g_return_val_if_fail (lane < hl_dataset_get_n_lanes (dataset), 0);

  if (hl_dataset_get_lane (dataset, lane)->measure == HL_MEASURE_USD)
    return units / 100.0;
  return (double) units;
}

/* "$236M" in a money lane, "Missiles or rockets: 12" in a count lane. */
char *
hl_proximity_describe_amount (HlDataset *dataset, guint lane, gint64 units)
{
  const HlLane *l;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (lane < hl_dataset_get_n_lanes (dataset), NULL);

  l = hl_dataset_get_lane (dataset, lane);
  if (l->measure == HL_MEASURE_USD)
    return hl_money_format_short (units / 100.0);
  return hl_describe_count (l, (guint64) MAX (units, 0));
}

/* What the test says, in words: the result and what it does not show. */
char *
hl_proximity_describe_test (HlDataset *dataset, const HlProximity *self)
{
  g_autofree char *observed = NULL;
  g_autofree char *median = NULL;
  g_autofree char *p95 = NULL;
  g_autofree char *n = NULL;
  g_autofree char *p = NULL;
  g_autofree char *window = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *follow = NULL;
  guint lane;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (self != NULL, NULL);

  lane = self->settings.lead;
  lead = hl_describe_isolate (hl_dataset_get_lane (dataset, lane)->title);
  follow = hl_describe_isolate (hl_dataset_get_lane (dataset, self->settings.follow)->title);
  if (self->n_shifts == 0)
    /* TRANSLATORS: the two lane titles */
    return g_strdup_printf (_("No test: %s or %s has no events in the range."), lead, follow);
  observed = hl_proximity_describe_amount (dataset, lane, self->observed);
  median = hl_proximity_describe_amount (dataset, lane, self->null_median);
  p95 = hl_proximity_describe_amount (dataset, lane, self->null_p95);
  n = hl_describe_number (self->n_shifts);
  p = hl_describe_decimal (self->p, 4);
  window = hl_describe_number (self->settings.window_days);
  if (self->p < 0.05)
    /* TRANSLATORS: lead lane, window in days, follow lane, observed amount,
     * median and 95th percentile of the shifted amounts, number of shifts, p */
    return g_strdup_printf (_("The timing is closer than chance: %s within %s days before %s "
                              "came to %s, against a median of %s (95th percentile %s) "
                              "over %s random shifts; p = %s."),
                            lead, window, follow, observed, median, p95, n, p);
  return g_strdup_printf (_("The timing is not closer than chance: %s within %s days before %s "
                            "came to %s, against a median of %s (95th percentile %s) "
                            "over %s random shifts; p = %s."),
                          lead, window, follow, observed, median, p95, n, p);
}

const char *
hl_proximity_caveat (void)
{
  return _("This does not show that one caused the other.");
}

const char *
hl_proximity_several_windows_warning (void)
{
  return _("Several windows were tried on the same data: each try is another chance "
           "of a fluke, so a small p means less.");
}

void
hl_proximity_neighbours (HlDataset *dataset,
                         guint      event,
                         guint      lane,
                         guint      window_days,
                         gboolean   after,
                         guint     *begin,
                         guint     *end)
{
  gint64 day;

  g_return_if_fail (HL_IS_DATASET (dataset));
  g_return_if_fail (event < hl_dataset_get_n_events (dataset));
  g_return_if_fail (lane < hl_dataset_get_n_lanes (dataset));
  g_return_if_fail (begin != NULL && end != NULL);

  day = hl_date_floor_day (hl_dataset_get_event (dataset, event)->time);
  if (after)
    {
      *begin = hl_dataset_lane_lower_bound (dataset, lane, day);
      *end = hl_dataset_lane_lower_bound (dataset, lane,
                                          day + (window_days + 1) * HL_SECONDS_PER_DAY);
    }
  else
    {
      *begin = hl_dataset_lane_lower_bound (dataset, lane,
                                            day - window_days * HL_SECONDS_PER_DAY);
      *end = hl_dataset_lane_lower_bound (dataset, lane, day + HL_SECONDS_PER_DAY);
    }
}

/* Where @event's neighbours are: an event of the following lane (or of
 * another count lane) looks back into the leading lane; one of the leading
 * lane (or of another money lane) looks ahead into the following lane. */
gboolean
hl_proximity_neighbour_lane (HlDataset *dataset,
                             guint      event,
                             guint      lead,
                             guint      follow,
                             guint     *lane,
                             gboolean  *after)
{
  guint own;
  gboolean looks_back;

  g_return_val_if_fail (HL_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (event < hl_dataset_get_n_events (dataset), FALSE);

  if (lead == follow || lead >= hl_dataset_get_n_lanes (dataset) ||
      follow >= hl_dataset_get_n_lanes (dataset))
    return FALSE;
  own = hl_dataset_get_event (dataset, event)->lane;
  if (own == follow)
    looks_back = TRUE;
  else if (own == lead)
    looks_back = FALSE;
  else
    looks_back = hl_dataset_get_lane (dataset, own)->measure == HL_MEASURE_COUNT;
  *lane = looks_back ? lead : follow;
  *after = !looks_back;
  return TRUE;
}

/* What the panel says of a selected event's neighbours, in the lane's own
 * words: "In the 30 days before: Crypto heists: 2 events, $236M", "In the
 * 30 days after: Missile and satellite launches: 3 events". */
char *
hl_proximity_describe_neighbours (HlDataset        *dataset,
                                  guint             lane,
                                  guint             window_days,
                                  gboolean          after,
                                  const HlRangeSum *sum)
{
  HlLaneTotals totals = { 0 };
  g_autofree char *what = NULL;
  g_autofree char *days = NULL;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (lane < hl_dataset_get_n_lanes (dataset), NULL);
  g_return_val_if_fail (sum != NULL, NULL);

  totals.n_events = sum->n_events;
  totals.usd = sum->usd;
  totals.count = sum->count;
  totals.n_unknown = sum->n_unknown;
  what = hl_describe_lane_totals (dataset, lane, &totals);
  days = hl_describe_number (window_days);
  if (window_days == 0)
    /* TRANSLATORS: a lane's totals ("Crypto heists: 2 events, $236M") */
    return g_strdup_printf (_("On the same day: %s"), what);
  if (after)
    /* TRANSLATORS: a number of days, then a lane's totals */
    return g_strdup_printf (ngettext ("In the %s day after: %s", "In the %s days after: %s",
                                      window_days), days, what);
  return g_strdup_printf (ngettext ("In the %s day before: %s", "In the %s days before: %s",
                                    window_days), days, what);
}
