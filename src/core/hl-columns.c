/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Column sums and totals for a view (see hl-columns.h). Lifted from 0.1's
 * renderer, which binned inside each lane's layout, up to three times per
 * layout; now they are computed once and read by everyone. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-columns.h"
#include "hl-scale-private.h"

struct _HlColumns
{
  HlDataset *dataset;
  HlView     view;
  guint      n_columns;
  double     px_per_s;      /* columns per second of the range */
  HlColumn  *lanes[HL_VIEW_MAX_LANES];  /* NULL for hidden lanes */
  guint      n_used[HL_VIEW_MAX_LANES];
  HlTotals   totals;
};

/* The column an event at @time falls in (may be outside [0, n)). */
static inline gint64
column_of (HlColumns *self, gint64 time)
{
  return (gint64) floor ((double) (time - self->view.from) * self->px_per_s);
}

/* The first time that falls in column @col or later: the column's left
 * edge, exactly as column_of() rounds. */
gint64
hl_columns_get_start (HlColumns *self, guint col)
{
  gint64 t;

  g_return_val_if_fail (self != NULL, 0);

  t = self->view.from + (gint64) ceil ((double) col / self->px_per_s);
  while (column_of (self, t - 1) >= (gint64) col)
    t--;
  while (column_of (self, t) < (gint64) col)
    t++;
  return t;
}

/* The running totals can answer only when every event of the lane in
 * range is shown as it is: a filter that drops or highlights single
 * events needs them one by one. */
static gboolean
can_sum_by_index (HlColumns *self, guint lane)
{
  const HlLane *l = hl_dataset_get_lane (self->dataset, lane);

  if (self->view.search != NULL && self->view.search[0] != '\0')
    return FALSE;
  if (self->view.hidden_confidences & ((1u << HL_N_CONFIDENCES) - 1))
    return FALSE;
  if (l->measure == HL_MEASURE_USD && self->view.min_usd > 0)
    return FALSE;
  return TRUE;
}

static guint
sum_by_index (HlColumns *self, guint lane, HlColumn *c)
{
  HlDataset *dataset = self->dataset;
  guint n_lane = hl_dataset_lane_get_n_events (dataset, lane);
  g_autofree guint *bounds = g_new (guint, self->n_columns + 1);
  g_autofree HlRangeSum *sums = g_new (HlRangeSum, self->n_columns);
  guint hi, used = 0;

  bounds[0] = hl_dataset_lane_lower_bound (dataset, lane, hl_columns_get_start (self, 0));
  hi = hl_dataset_lane_lower_bound (dataset, lane,
                                    hl_columns_get_start (self, self->n_columns));
  hi = MIN (hi, n_lane);
  bounds[0] = MIN (bounds[0], hi);
  /* Columns go left to right: each boundary is found from the last. */
  for (guint i = 0; i < self->n_columns; i++)
    bounds[i + 1] = bounds[i] == hi ? hi
                    : CLAMP (hl_dataset_lane_next_bound (dataset, lane, bounds[i],
                                                         hl_columns_get_start (self, i + 1)),
                             bounds[i], hi);
  hl_dataset_lane_sums (dataset, lane, bounds, self->n_columns, sums);
  for (guint i = 0; i < self->n_columns; i++)
    {
      if (sums[i].n_events == 0)
        continue;
      c[i].usd = sums[i].usd;
      c[i].count = (double) sums[i].count;
      c[i].n = sums[i].n_events;
      c[i].n_unknown = sums[i].n_unknown;
      c[i].top = sums[i].largest;
      c[i].all_doubtful = sums[i].n_doubtful == sums[i].n_events;
      used++;
    }
  return used;
}

static void
add_event (HlColumns *self, HlColumn *c, const HlEvent *events, guint i, gboolean searching)
{
  const HlEvent *ev = &events[i];
  gboolean doubtful = ev->confidence == HL_CONFIDENCE_SUSPECTED ||
                      ev->confidence == HL_CONFIDENCE_DISPUTED;

  if (c->n == 0)
    {
      c->top = (int) i;
      c->all_doubtful = doubtful;
    }
  else
    {
      const HlEvent *top = &events[c->top];

      if (ev->usd > top->usd || (ev->usd == top->usd && ev->count > top->count))
        c->top = (int) i;
      c->all_doubtful &= doubtful;
    }
  c->usd += ev->usd;
  c->count += ev->count;
  c->n++;
  if (!ev->count_known)
    c->n_unknown++;
  if (searching && hl_view_event_matches (&self->view, ev))
    {
      c->any_match = TRUE;
      self->totals.lanes[ev->lane].n_matches++;
    }
}

/* Visits every event of the range: for filters the running totals cannot
 * answer. */
static guint
sum_linear (HlColumns *self, guint lane, HlColumn *c)
{
  const HlEvent *events = hl_dataset_get_events (self->dataset);
  gboolean searching = self->view.search != NULL && self->view.search[0] != '\0';
  guint first = hl_dataset_lower_bound (self->dataset, hl_columns_get_start (self, 0));
  guint last = hl_dataset_lower_bound (self->dataset,
                                       hl_columns_get_start (self, self->n_columns));
  guint used = 0;

  for (guint i = first; i < last; i++)
    {
      const HlEvent *ev = &events[i];
      gint64 col;

      if (ev->lane != lane || !hl_view_shows_event (&self->view, self->dataset, ev))
        continue;
      col = column_of (self, ev->time);
      if (col < 0 || col >= (gint64) self->n_columns)
        continue;
      if (c[col].n == 0)
        used++;
      add_event (self, &c[col], events, i, searching);
    }
  return used;
}

static void
add_lane_totals (HlColumns *self, guint lane)
{
  const HlLane *l = hl_dataset_get_lane (self->dataset, lane);
  const HlColumn *c = self->lanes[lane];
  HlLaneTotals *t = &self->totals.lanes[lane];

  for (guint i = 0; i < self->n_columns; i++)
    {
      t->n_events += c[i].n;
      t->usd += c[i].usd;
      t->count += (guint64) c[i].count;
      t->n_unknown += c[i].n_unknown;
    }
  if (l->measure == HL_MEASURE_USD)
    {
      self->totals.usd += t->usd;
      self->totals.n_usd_events += t->n_events;
    }
  else
    {
      self->totals.n_count_events += t->n_events;
      self->totals.count += t->count;
      self->totals.n_unknown += t->n_unknown;
    }
  self->totals.n_matches += t->n_matches;
}

/**
 * hl_columns_new:
 * @n_columns: how many equal columns [view->from, view->to) is cut into
 *   (the plot's width in pixels; 1 for totals alone)
 *
 * Sums the shown events of every visible lane per column, and the totals.
 */
HlColumns *
hl_columns_new (HlDataset *dataset, const HlView *view, guint n_columns)
{
  HlColumns *self;
  guint n_lanes;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (view != NULL && view->to > view->from, NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  self = g_new0 (HlColumns, 1);
  self->dataset = g_object_ref (dataset);
  hl_view_copy (&self->view, view);
  self->n_columns = n_columns;
  self->px_per_s = n_columns / (double) (view->to - view->from);

  n_lanes = MIN (hl_dataset_get_n_lanes (dataset), HL_VIEW_MAX_LANES);
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      HlColumn *c;

      if (!hl_view_lane_visible (view, lane))
        continue;
      c = self->lanes[lane] = g_new0 (HlColumn, n_columns);
      for (guint i = 0; i < n_columns; i++)
        c[i].top = -1;
      self->n_used[lane] = can_sum_by_index (self, lane) ? sum_by_index (self, lane, c)
                                                         : sum_linear (self, lane, c);
      add_lane_totals (self, lane);
    }
  return self;
}

void
hl_columns_free (HlColumns *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < HL_VIEW_MAX_LANES; i++)
    g_free (self->lanes[i]);
  hl_view_clear (&self->view);
  g_object_unref (self->dataset);
  g_free (self);
}

guint
hl_columns_get_n_columns (HlColumns *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

/* The lane's columns (NULL for a hidden lane); @n_used: how many hold events. */
const HlColumn *
hl_columns_get_lane (HlColumns *self, guint lane, guint *n_used)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < HL_VIEW_MAX_LANES, NULL);

  if (n_used != NULL)
    *n_used = self->n_used[lane];
  return self->lanes[lane];
}

const HlTotals *
hl_columns_get_totals (HlColumns *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->totals;
}

static int
compare_by_size (gconstpointer a, gconstpointer b, gpointer data)
{
  const HlEvent *events = data;
  int ia = *(const int *) a, ib = *(const int *) b;
  const HlEvent *ea = &events[ia], *eb = &events[ib];

  if (ea->usd != eb->usd)
    return ea->usd < eb->usd ? 1 : -1;
  if (ea->count != eb->count)
    return ea->count < eb->count ? 1 : -1;
  return ia < ib ? -1 : ia > ib;
}

/**
 * hl_columns_list_events:
 * @events: (element-type int): where the event indices are appended
 *
 * The events of @lane in [@from, @to) that the view shows, largest first
 * (amount, then count, then file order): a stack's segments from its
 * base, a bin's card and list. Returns how many were appended.
 */
guint
hl_columns_list_events (HlColumns *self, guint lane, gint64 from, gint64 to, GArray *events)
{
  const HlEvent *all;
  guint first, last, before;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (lane < HL_VIEW_MAX_LANES, 0);
  g_return_val_if_fail (events != NULL, 0);

  if (self->lanes[lane] == NULL || to <= from)
    return 0;
  all = hl_dataset_get_events (self->dataset);
  first = hl_dataset_lower_bound (self->dataset, MAX (from, self->view.from));
  last = hl_dataset_lower_bound (self->dataset, MIN (to, self->view.to));
  before = events->len;
  for (guint i = first; i < last; i++)
    if (all[i].lane == lane && hl_view_shows_event (&self->view, self->dataset, &all[i]))
      {
        int index = (int) i;

        g_array_append_val (events, index);
      }
  g_qsort_with_data ((int *) (gpointer) events->data + before, events->len - before,
                     sizeof (int), compare_by_size, (gpointer) all);
  return events->len - before;
}

/* The lane's positions [b, e) and the largest event among them. */
typedef struct
{
  guint b, e;
  int   top;
} TopPart;

#define MAX_TOP_BY_INDEX 16

static void
add_top_part (HlDataset *dataset, guint lane, guint b, guint e, TopPart *parts, guint *n)
{
  HlRangeSum sum;

  if (b >= e)
    return;
  hl_dataset_lane_sum (dataset, lane, b, e, &sum);
  if (sum.largest >= 0)
    parts[(*n)++] = (TopPart) { b, e, sum.largest };
}

/* Where event @index sits among the lane's positions [b, e). */
static guint
lane_position (HlDataset *dataset, guint lane, guint b, guint e, int index)
{
  while (b + 1 < e)
    {
      guint mid = b + (e - b) / 2;

      if (hl_dataset_lane_get_event (dataset, lane, mid) <= index)
        b = mid;
      else
        e = mid;
    }
  g_assert (hl_dataset_lane_get_event (dataset, lane, b) == index);
  return b;
}

/* hl_columns_top_events() when every event of the lane in range is shown:
 * the @k largest from the lane's table of largest events, taking the
 * largest of a range and splitting the range around it, O(k log n)
 * whatever the range holds (a bin's card at a million events). */
static guint
top_by_index (HlColumns *self, guint lane, gint64 from, gint64 to, guint k, GArray *events)
{
  HlDataset *dataset = self->dataset;
  const HlEvent *all = hl_dataset_get_events (dataset);
  guint begin = hl_dataset_lane_lower_bound (dataset, lane, from);
  guint end = hl_dataset_lane_next_bound (dataset, lane, begin, to);
  TopPart parts[MAX_TOP_BY_INDEX + 1];
  guint n_parts = 0;

  g_assert (k <= MAX_TOP_BY_INDEX);
  add_top_part (dataset, lane, begin, end, parts, &n_parts);
  for (guint kept = 0; kept < k && n_parts > 0; kept++)
    {
      guint best = 0, at;
      TopPart part;

      for (guint p = 1; p < n_parts; p++)
        if (compare_by_size (&parts[p].top, &parts[best].top, (gpointer) all) < 0)
          best = p;
      part = parts[best];
      parts[best] = parts[--n_parts];
      g_array_append_val (events, part.top);
      at = lane_position (dataset, lane, part.b, part.e, part.top);
      add_top_part (dataset, lane, part.b, at, parts, &n_parts);
      add_top_part (dataset, lane, at + 1, part.e, parts, &n_parts);
    }
  return end > begin ? end - begin : 0;
}

/**
 * hl_columns_top_events:
 * @k: how many to keep
 * @events: (element-type int): where the @k largest are appended, largest first
 *
 * Like hl_columns_list_events(), but keeps only the @k largest, without
 * sorting the rest: a bin's card names a few of thousands.
 *
 * Returns: how many events the range holds
 */
guint
hl_columns_top_events (HlColumns *self, guint lane, gint64 from, gint64 to, guint k,
                       GArray *events)
{
  const HlEvent *all;
  guint first, last, n = 0, before, kept = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (lane < HL_VIEW_MAX_LANES, 0);
  g_return_val_if_fail (events != NULL, 0);

  if (self->lanes[lane] == NULL || to <= from || k == 0)
    return 0;
  if (k <= MAX_TOP_BY_INDEX && can_sum_by_index (self, lane))
    return top_by_index (self, lane, MAX (from, self->view.from), MIN (to, self->view.to), k,
                         events);
  all = hl_dataset_get_events (self->dataset);
  first = hl_dataset_lower_bound (self->dataset, MAX (from, self->view.from));
  last = hl_dataset_lower_bound (self->dataset, MIN (to, self->view.to));
  before = events->len;
  g_array_set_size (events, before + k);
  for (guint i = first; i < last; i++)
    {
      int *top = (int *) (gpointer) events->data + before;
      int index = (int) i;
      guint at;

      if (all[i].lane != lane || !hl_view_shows_event (&self->view, self->dataset, &all[i]))
        continue;
      n++;
      /* insertion into the k kept so far, largest first */
      at = kept;
      while (at > 0 && compare_by_size (&index, &top[at - 1], (gpointer) all) < 0)
        at--;
      if (at >= k)
        continue;
      memmove (&top[at + 1], &top[at], (MIN (kept, k - 1) - at) * sizeof (int));
      top[at] = index;
      kept = MIN (kept + 1, k);
    }
  g_array_set_size (events, before + kept);
  return n;
}

/* The events column @column of @lane sums, largest first. */
guint
hl_columns_get_column_events (HlColumns *self, guint lane, guint column, GArray *events)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (column < self->n_columns, 0);

  return hl_columns_list_events (self, lane, hl_columns_get_start (self, column),
                                 hl_columns_get_start (self, column + 1), events);
}

/* One bin's sums from the lane's running totals: O(log n). */
static void
bin_by_index (HlColumns *self, guint lane, HlBin *bin)
{
  gint64 from = MAX (bin->from, self->view.from), to = MIN (bin->to, self->view.to);
  guint begin = hl_dataset_lane_lower_bound (self->dataset, lane, from);
  guint end = hl_dataset_lane_next_bound (self->dataset, lane, begin, to);
  HlRangeSum sum;

  if (end <= begin)
    return;
  hl_dataset_lane_sum (self->dataset, lane, begin, end, &sum);
  bin->sum.usd = sum.usd;
  bin->sum.count = (double) sum.count;
  bin->sum.n = sum.n_events;
  bin->sum.n_unknown = sum.n_unknown;
  bin->sum.top = sum.largest;
  bin->sum.all_doubtful = sum.n_doubtful == sum.n_events;
  bin->n_doubtful = sum.n_doubtful;
}

/* Every bin's sums in one pass over the shown events of the range. */
static void
bins_linear (HlColumns *self, guint lane, GArray *bins)
{
  const HlEvent *events = hl_dataset_get_events (self->dataset);
  gboolean searching = self->view.search != NULL && self->view.search[0] != '\0';
  guint first = hl_dataset_lower_bound (self->dataset, self->view.from);
  guint last = hl_dataset_lower_bound (self->dataset, self->view.to);
  HlLaneTotals saved = self->totals.lanes[lane];
  guint b = 0;

  for (guint i = first; i < last && b < bins->len; i++)
    {
      const HlEvent *ev = &events[i];
      HlBin *bin;

      if (ev->lane != lane || !hl_view_shows_event (&self->view, self->dataset, ev))
        continue;
      while (b < bins->len && ev->time >= g_array_index (bins, HlBin, b).to)
        b++;
      if (b == bins->len)
        break;
      bin = &g_array_index (bins, HlBin, b);
      add_event (self, &bin->sum, events, i, searching);
      bin->n_doubtful += ev->confidence == HL_CONFIDENCE_SUSPECTED ||
                         ev->confidence == HL_CONFIDENCE_DISPUTED;
    }
  /* add_event() counts matches into the totals: they are the columns' */
  self->totals.lanes[lane] = saved;
}

/**
 * hl_columns_get_bins:
 * @unit: the calendar unit (hl_bins_choose_unit())
 *
 * The calendar bins of @lane over the view, aligned to @unit's
 * boundaries, with the sums of their shown events: the sum over bins is
 * the sum over the events of the view. Empty bins are left out.
 *
 * Returns: (transfer full) (element-type HlBin): NULL for a hidden lane
 */
GArray *
hl_columns_get_bins (HlColumns *self, guint lane, HlTickSpec unit)
{
  GArray *bins, *all;
  gint64 t;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < HL_VIEW_MAX_LANES, NULL);
  g_return_val_if_fail (unit.step > 0, NULL);

  if (self->lanes[lane] == NULL)
    return NULL;
  all = g_array_new (FALSE, TRUE, sizeof (HlBin));
  for (t = _hl_ticks_floor (unit, self->view.from); t < self->view.to && all->len < 1000000;)
    {
      HlBin bin = { t, _hl_ticks_next (unit, t), { 0, 0, 0, 0, -1, FALSE, FALSE }, 0 };

      g_array_append_val (all, bin);
      t = bin.to;
    }
  if (can_sum_by_index (self, lane))
    for (guint i = 0; i < all->len; i++)
      bin_by_index (self, lane, &g_array_index (all, HlBin, i));
  else
    bins_linear (self, lane, all);
  bins = g_array_new (FALSE, FALSE, sizeof (HlBin));
  for (guint i = 0; i < all->len; i++)
    if (g_array_index (all, HlBin, i).sum.n > 0)
      g_array_append_val (bins, g_array_index (all, HlBin, i));
  g_array_unref (all);
  return bins;
}

/* The totals of a view with no columns to draw: the same sums as any
 * width gives (columns split the range, they do not change it). */
void
hl_totals_compute (HlTotals *totals, HlDataset *dataset, const HlView *view)
{
  g_autoptr(HlColumns) columns = NULL;

  g_return_if_fail (totals != NULL);
  g_return_if_fail (HL_IS_DATASET (dataset));
  g_return_if_fail (view != NULL);

  columns = hl_columns_new (dataset, view, 1);
  *totals = columns->totals;
}
