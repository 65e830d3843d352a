/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-dataset-private.h"
#include "hl-sorted.h"

G_DEFINE_FINAL_TYPE (HlDataset, hl_dataset, G_TYPE_OBJECT)

G_DEFINE_QUARK (hl-dataset-error-quark, hl_dataset_error)

static void
clear_lane_index (HlDataset *self)
{
  if (self->lane_index == NULL)
    return;
  for (guint i = 0; i < self->lanes->len; i++)
    {
      HlLaneIndex *li = &self->lane_index[i];

      g_free (li->times);
      g_free (li->events);
      g_free (li->usd);
      g_free (li->counts);
      g_free (li->totals);
      g_free (li->rank);
      g_free (li->event_of_rank);
      g_free (li->largest);
      g_clear_pointer (&li->lasting, g_array_unref);
      for (guint k = 0; k < li->n_kinds; k++)
        {
          g_free (li->kinds[k].positions);
          g_free (li->kinds[k].count_sums);
        }
      g_free (li->kinds);
    }
  g_clear_pointer (&self->lane_index, g_free);
}

static void
hl_dataset_finalize (GObject *object)
{
  HlDataset *self = (HlDataset *)object;

  clear_lane_index (self);   /* before the lanes: it walks them */
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->facts, g_array_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->kind_maps, g_ptr_array_unref);
  g_clear_pointer (&self->event_ids, g_hash_table_unref);
  g_clear_pointer (&self->parts, g_ptr_array_unref);

  G_OBJECT_CLASS (hl_dataset_parent_class)->finalize (object);
}

static void
hl_dataset_class_init (HlDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hl_dataset_finalize;
}

static void
hl_dataset_init (HlDataset *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->lanes = g_array_new (FALSE, TRUE, sizeof (HlLane));
  self->periods = g_array_new (FALSE, TRUE, sizeof (HlPeriod));
  self->facts = g_array_new (FALSE, TRUE, sizeof (HlFact));
  self->events = g_array_new (FALSE, TRUE, sizeof (HlEvent));
  self->sources = g_array_new (FALSE, TRUE, sizeof (HlSource));
  self->kind_maps = g_ptr_array_new_with_free_func (g_free);
  self->event_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->title = "";
  self->description = "";
}

HlDataset *
hl_dataset_new_empty (const char *display_name)
{
  HlDataset *self = g_object_new (HL_TYPE_DATASET, NULL);

  self->display_name = g_strdup (display_name);
  return self;
}

const char *
hl_dataset_get_display_name (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  return self->display_name;
}

/* Returns: (nullable) (transfer none): the file it was read from, if any */
GFile *
hl_dataset_get_file (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  return self->file;
}

const char *
hl_dataset_get_title (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  return self->title;
}

const char *
hl_dataset_get_description (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  return self->description;
}

void
hl_dataset_get_default_range (HlDataset *self, gint64 *from, gint64 *to)
{
  g_return_if_fail (HL_IS_DATASET (self));
  if (from)
    *from = self->default_from;
  if (to)
    *to = self->default_to;
}

gboolean
hl_dataset_get_extent (HlDataset *self, gint64 *first, gint64 *last)
{
  g_return_val_if_fail (HL_IS_DATASET (self), FALSE);

  if (self->events->len == 0)
    return FALSE;
  if (first)
    *first = g_array_index (self->events, HlEvent, 0).time;
  if (last)
    *last = g_array_index (self->events, HlEvent, self->events->len - 1).time;
  return TRUE;
}

guint
hl_dataset_get_n_lanes (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), 0);
  return self->lanes->len;
}

const HlLane *
hl_dataset_get_lane (HlDataset *self, guint index)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->lanes->len, NULL);
  return &g_array_index (self->lanes, HlLane, index);
}

int
hl_dataset_find_lane (HlDataset *self, const char *id)
{
  g_return_val_if_fail (HL_IS_DATASET (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < self->lanes->len; i++)
    if (g_str_equal (g_array_index (self->lanes, HlLane, i).id, id))
      return (int) i;
  return -1;
}

/* How @kind is drawn in @lane: the lane's own map, then the default table. */
const HlKind *
hl_dataset_lane_kind (HlDataset *self, guint lane, const char *kind)
{
  const HlLane *l;

  g_return_val_if_fail (HL_IS_DATASET (self), hl_kind_lookup (NULL, 0, NULL));
  g_return_val_if_fail (lane < self->lanes->len, hl_kind_lookup (NULL, 0, NULL));

  l = &g_array_index (self->lanes, HlLane, lane);
  return hl_kind_lookup (l->kinds, l->n_kinds, kind);
}

guint
hl_dataset_get_n_periods (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), 0);
  return self->periods->len;
}

const HlPeriod *
hl_dataset_get_period (HlDataset *self, guint index)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->periods->len, NULL);
  return &g_array_index (self->periods, HlPeriod, index);
}

guint
hl_dataset_get_n_facts (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), 0);
  return self->facts->len;
}

const HlFact *
hl_dataset_get_fact (HlDataset *self, guint index)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->facts->len, NULL);
  return &g_array_index (self->facts, HlFact, index);
}

guint
hl_dataset_get_n_events (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), 0);
  return self->events->len;
}

const HlEvent *
hl_dataset_get_events (HlDataset *self)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  return (const HlEvent *) (gpointer) self->events->data;
}

const HlEvent *
hl_dataset_get_event (HlDataset *self, guint index)
{
  g_return_val_if_fail (HL_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->events->len, NULL);
  return &g_array_index (self->events, HlEvent, index);
}

int
hl_dataset_find_event (HlDataset *self, const char *id)
{
  g_return_val_if_fail (HL_IS_DATASET (self), -1);

  if (id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->event_ids, id)) - 1;
}

/* The index of the first event at or after @time (n_events if none). */
guint
hl_dataset_lower_bound (HlDataset *self, gint64 time)
{
  const HlEvent *events;
  guint lo = 0, hi;

  g_return_val_if_fail (HL_IS_DATASET (self), 0);

  events = (const HlEvent *) (gpointer) self->events->data;
  hi = self->events->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (events[mid].time < time)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* ------------------------------------------------------------------ */
/* Level of detail */

/* Room for @n events and n + 1 running totals, which start at 0. */
static void
lane_index_alloc (HlLaneIndex *li, guint n)
{
  li->times = g_new (gint64, MAX (n, 1));
  li->events = g_new (guint, MAX (n, 1));
  li->usd = g_new (double, MAX (n, 1));
  li->counts = g_new (guint, MAX (n, 1));
  li->totals = g_new0 (HlLaneTotals, n + 1);
  li->n = 0;   /* counts up again as the events are filed */
}

/* Files event @i at the lane's next position, adding it to the totals. */
static void
lane_index_append (HlLaneIndex *li, const HlEvent *ev, guint i)
{
  guint p = li->n++;
  gboolean doubtful = ev->confidence == HL_CONFIDENCE_SUSPECTED ||
                      ev->confidence == HL_CONFIDENCE_DISPUTED;
  const HlLaneTotals *t = &li->totals[p];
  HlLaneTotals *next = &li->totals[p + 1];

  li->times[p] = ev->time;
  li->events[p] = i;
  li->usd[p] = ev->usd;
  li->counts[p] = ev->count;
  next->usd = t->usd + ev->usd;
  next->count = t->count + ev->count;
  next->doubtful = t->doubtful + (doubtful ? 1 : 0);
  next->unknown = t->unknown + (ev->count_known ? 0 : 1);
  if (ev->has_end)
    {
      if (li->lasting == NULL)
        li->lasting = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (li->lasting, i);
    }
}

/* Smaller first: less usd, then a smaller count, then the later one, so
 * that the largest is the one the renderer's linear scan would pick. */
static int
compare_sizes (gconstpointer a, gconstpointer b, gpointer data)
{
  const HlLaneIndex *li = data;
  guint pa = *(const guint *) a, pb = *(const guint *) b;

  if (li->usd[pa] != li->usd[pb])
    return li->usd[pa] < li->usd[pb] ? -1 : 1;
  if (li->counts[pa] != li->counts[pb])
    return li->counts[pa] < li->counts[pb] ? -1 : 1;
  return pa > pb ? -1 : pa < pb;
}

static void
lane_index_build_ranks (HlLaneIndex *li)
{
  guint *by_rank = g_new (guint, MAX (li->n, 1));

  li->rank = g_new (guint, MAX (li->n, 1));
  for (guint p = 0; p < li->n; p++)
    by_rank[p] = p;
  g_qsort_with_data (by_rank, li->n, sizeof (guint), compare_sizes, li);
  for (guint r = 0; r < li->n; r++)
    {
      li->rank[by_rank[r]] = r + 1;
      /* the position's event: a range's largest is then one read away */
      by_rank[r] = li->events[by_rank[r]];
    }
  li->event_of_rank = by_rank;
}

/* Each block's largest on either side of each boundary, and the sparse
 * table: level 0 is each block's largest, level k the larger of two
 * level k-1 entries 2^(k-1) blocks apart. */
static void
lane_index_build_largest (HlLaneIndex *li)
{
  guint nb = (li->n + HL_LANE_BLOCK - 1) / HL_LANE_BLOCK, levels = 1;

  lane_index_build_ranks (li);
  while ((2u << (levels - 1)) <= nb)
    levels++;
  li->n_blocks = nb;
  li->largest = g_new (guint, MAX (nb * levels, 1));
  for (guint b = 0; b < nb; b++)
    {
      guint start = b * HL_LANE_BLOCK, stop = MIN (li->n, (b + 1) * HL_LANE_BLOCK);
      guint best = 0;

      for (guint p = start; p < stop; p++)
        li->totals[p + 1].before = best = MAX (best, li->rank[p]);
      li->largest[b] = best;
      best = 0;
      for (guint p = stop; p-- > start;)
        li->totals[p].after = best = MAX (best, li->rank[p]);
    }
  for (guint k = 1; k < levels; k++)
    {
      guint *prev = li->largest + (k - 1) * nb, *cur = li->largest + k * nb;
      guint half = 1u << (k - 1);

      for (guint b = 0; b + 2 * half <= nb; b++)
        cur[b] = MAX (prev[b], prev[b + half]);
    }
}

/* The kind @name's entry in @li, added if new; -1 past the limit. Names
 * are mostly interned by the loader, so the address is tried first. */
static int
lane_index_kind (HlLaneIndex *li, const char *name)
{
  for (guint k = 0; k < li->n_kinds; k++)
    if (li->kinds[k].name == name || g_strcmp0 (li->kinds[k].name, name) == 0)
      return (int) k;
  if (li->n_kinds == HL_LANE_MAX_KINDS)
    return -1;
  li->kinds[li->n_kinds].name = name;
  return (int) li->n_kinds++;
}

/* Each kind's positions and running count totals, in two passes: O(n). */
static void
lane_index_build_kinds (HlLaneIndex *li, const HlEvent *events)
{
  guint8 *of = g_new (guint8, MAX (li->n, 1));
  int last = -1;

  li->kinds = g_new0 (HlLaneKind, HL_LANE_MAX_KINDS);
  for (guint p = 0; p < li->n; p++)
    {
      const char *name = events[li->events[p]].kind;

      if (last < 0 || (li->kinds[last].name != name &&
                       g_strcmp0 (li->kinds[last].name, name) != 0))
        last = lane_index_kind (li, name);
      if (last < 0)
        break;
      of[p] = (guint8) last;
      li->kinds[last].n++;
    }
  if (last < 0 && li->n > 0)
    {
      /* too many kinds: ranges are scanned instead */
      g_clear_pointer (&li->kinds, g_free);
      li->n_kinds = 0;
      g_free (of);
      return;
    }
  for (guint k = 0; k < li->n_kinds; k++)
    {
      li->kinds[k].positions = g_new (guint, MAX (li->kinds[k].n, 1));
      li->kinds[k].count_sums = g_new (guint64, li->kinds[k].n + 1);
      li->kinds[k].count_sums[0] = 0;
      li->kinds[k].n = 0;
    }
  for (guint p = 0; p < li->n; p++)
    {
      HlLaneKind *k = &li->kinds[of[p]];

      k->positions[k->n] = p;
      k->count_sums[k->n + 1] = k->count_sums[k->n] + li->counts[p];
      k->n++;
    }
  g_free (of);
}

/* Splits the sorted events by lane and sums them up: O(n), once. */
static void
build_lane_index (HlDataset *self)
{
  const HlEvent *events = (const HlEvent *) (gpointer) self->events->data;
  guint n_lanes = self->lanes->len;

  clear_lane_index (self);
  self->lane_index = g_new0 (HlLaneIndex, MAX (n_lanes, 1));

  for (guint i = 0; i < self->events->len; i++)
    if (events[i].lane < n_lanes)
      self->lane_index[events[i].lane].n++;
  for (guint lane = 0; lane < n_lanes; lane++)
    lane_index_alloc (&self->lane_index[lane], self->lane_index[lane].n);
  for (guint i = 0; i < self->events->len; i++)
    if (events[i].lane < n_lanes)
      lane_index_append (&self->lane_index[events[i].lane], &events[i], i);
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      HlLaneIndex *li = &self->lane_index[lane];

      lane_index_build_largest (li);
      lane_index_build_kinds (li, events);
      for (guint k = 0; k < li->n_kinds; k++)
        li->kinds[k].kind = hl_dataset_lane_kind (self, lane, li->kinds[k].name);
    }
}

/* Events in @lane. */
guint
hl_dataset_lane_get_n_events (HlDataset *self, guint lane)
{
  g_return_val_if_fail (HL_IS_DATASET (self), 0);
  g_return_val_if_fail (lane < self->lanes->len, 0);
  g_return_val_if_fail (self->lane_index != NULL, 0);
  return self->lane_index[lane].n;
}

/* The position of @lane's first event at or after @time (its number of
 * events if none). */
guint
hl_dataset_lane_lower_bound (HlDataset *self, guint lane, gint64 time)
{
  g_return_val_if_fail (HL_IS_DATASET (self), 0);
  g_return_val_if_fail (lane < self->lanes->len, 0);
  g_return_val_if_fail (self->lane_index != NULL, 0);

  return hl_lower_bound_int64 (self->lane_index[lane].times, self->lane_index[lane].n, time);
}

/* Like hl_dataset_lane_lower_bound(), searching forward from @position,
 * which should not be past the answer (if it is, the search starts from
 * the beginning): from where the lane's mean density puts the answer,
 * galloping either way. On an evenly spread lane a sweep over a range in
 * small steps thus reads a cache line or two per step, and on a
 * clustered one O(log distance). */
guint
hl_dataset_lane_next_bound (HlDataset *self, guint lane, guint position, gint64 time)
{
  const HlLaneIndex *li;
  guint guess, end, ahead;

  g_return_val_if_fail (HL_IS_DATASET (self), 0);
  g_return_val_if_fail (lane < self->lanes->len, 0);
  g_return_val_if_fail (self->lane_index != NULL, 0);

  li = &self->lane_index[lane];
  position = MIN (position, li->n);
  if (position > 0 && li->times[position - 1] >= time)
    position = 0;   /* past the answer */
  if (position == li->n || li->times[position] >= time)
    return position;
  guess = position;
  if (li->times[li->n - 1] > li->times[0])
    guess += (guint) MIN ((double) (time - li->times[position]) * li->n /
                          (double) (li->times[li->n - 1] - li->times[0]), li->n);
  /* the caller sums up to the answer next: its running totals */
  __builtin_prefetch (&li->totals[MIN (guess, li->n)]);
  end = hl_lower_bound_near_int64 (li->times, li->n, position, guess, time);
  /* A sweep asks next about as far on, and sums up to there: what it
   * reads then is fetched while the caller works on this answer. */
  ahead = MIN (end + (end - position), li->n);
  __builtin_prefetch (&li->times[MIN (ahead, li->n - 1)]);
  __builtin_prefetch (&li->totals[ahead]);
  return end;
}

/* Events in @lane that last (have an end): a view asks for those begun
 * before it without going through every event. */
guint
hl_dataset_lane_get_n_lasting (HlDataset *self, guint lane)
{
  g_return_val_if_fail (HL_IS_DATASET (self), 0);
  g_return_val_if_fail (lane < self->lanes->len, 0);
  g_return_val_if_fail (self->lane_index != NULL, 0);
  return self->lane_index[lane].lasting ? self->lane_index[lane].lasting->len : 0;
}

/* The index (into the dataset's events) of @lane's @k-th lasting event,
 * in time order. */
int
hl_dataset_lane_get_lasting (HlDataset *self, guint lane, guint k)
{
  g_return_val_if_fail (k < hl_dataset_lane_get_n_lasting (self, lane), -1);
  return (int) g_array_index (self->lane_index[lane].lasting, guint, k);
}

/* The index (into the dataset's events) of @lane's event at @position. */
int
hl_dataset_lane_get_event (HlDataset *self, guint lane, guint position)
{
  g_return_val_if_fail (HL_IS_DATASET (self), -1);
  g_return_val_if_fail (lane < self->lanes->len, -1);
  g_return_val_if_fail (self->lane_index != NULL, -1);
  g_return_val_if_fail (position < self->lane_index[lane].n, -1);
  return (int) self->lane_index[lane].events[position];
}

/* How many kinds @lane's events have, as the index keeps them (0 when
 * the lane has more than HL_LANE_MAX_KINDS: then ask each event). */
guint
hl_dataset_lane_get_n_kinds (HlDataset *self, guint lane)
{
  g_return_val_if_fail (HL_IS_DATASET (self), 0);
  g_return_val_if_fail (lane < self->lanes->len, 0);
  g_return_val_if_fail (self->lane_index != NULL, 0);
  return self->lane_index[lane].n_kinds;
}

/* The name of @lane's @k-th kind (NULL for events with no kind). */
const char *
hl_dataset_lane_get_kind_name (HlDataset *self, guint lane, guint k)
{
  g_return_val_if_fail (k < hl_dataset_lane_get_n_kinds (self, lane), NULL);
  return self->lane_index[lane].kinds[k].name;
}

/* How @lane draws its @k-th kind: hl_dataset_lane_kind() of its name. */
const HlKind *
hl_dataset_lane_get_kind (HlDataset *self, guint lane, guint k)
{
  g_return_val_if_fail (k < hl_dataset_lane_get_n_kinds (self, lane), NULL);
  return self->lane_index[lane].kinds[k].kind;
}

/* How many of @lane's events at positions [@begin, @end) are of its @k-th
 * kind: two binary searches. @count gets the sum of their counts and
 * @first the first one's index in the dataset (-1 if none); either may
 * be NULL. @hint, if not NULL, is where the last of a series of ranges
 * asked left to right ended in the kind's positions (start it at 0):
 * the range's start is then galloped to from there, and its end from
 * where the kind's share of the lane puts it. A hint past the range is
 * not followed. */
guint
hl_dataset_lane_kind_range (HlDataset *self,
                            guint      lane,
                            guint      k,
                            guint     *hint,
                            guint      begin,
                            guint      end,
                            guint64   *count,
                            int       *first)
{
  const HlLaneIndex *li;
  const HlLaneKind *kind;
  guint b, e;

  g_return_val_if_fail (k < hl_dataset_lane_get_n_kinds (self, lane), 0);

  li = &self->lane_index[lane];
  kind = &li->kinds[k];
  if (hint != NULL && *hint <= kind->n && (*hint == 0 || kind->positions[*hint - 1] < begin))
    {
      /* the range's end is likely where the kind's share of the lane's
       * events puts it */
      guint guess;

      b = hl_gallop_uint (kind->positions, kind->n, *hint, begin);
      guess = b + (guint) ((guint64) (MAX (begin, end) - begin) * kind->n / MAX (li->n, 1));
      e = hl_lower_bound_near_uint (kind->positions, kind->n, b, guess, MAX (begin, end));
    }
  else
    {
      b = hl_lower_bound_uint (kind->positions, kind->n, begin);
      e = hl_lower_bound_uint (kind->positions, kind->n, MAX (begin, end));
    }
  if (hint != NULL)
    *hint = e;
  if (count != NULL)
    *count = kind->count_sums[e] - kind->count_sums[b];
  if (first != NULL)
    *first = e > b ? (int) li->events[kind->positions[b]] : -1;
  return e - b;
}

/* The sums of [@begin, @end) but for the largest event: its rank
 * instead (0 if the range is empty), which the callers turn into an
 * event. */
static guint
sum_ranked (const HlLaneIndex *li, guint begin, guint end, HlRangeSum *sum)
{
  const HlLaneTotals *b, *e;
  guint best = 0;

  end = MIN (end, li->n);
  begin = MIN (begin, end);
  b = &li->totals[begin];
  e = &li->totals[end];

  sum->n_events = end - begin;
  sum->count = e->count - b->count;
  sum->n_doubtful = e->doubtful - b->doubtful;
  sum->n_unknown = e->unknown - b->unknown;

  /* A few events: added up one by one, exactly, in order. Many: the
   * difference of two running totals, off by at most a rounding of the
   * lane's whole sum, which is negligible next to so many events. */
  if (end - begin <= 16)
    {
      sum->usd = 0;
      for (guint p = begin; p < end; p++)
        sum->usd += li->usd[p];
    }
  else
    sum->usd = e->usd - b->usd;

  /* The largest: within one block, one by one; else the partial blocks
   * at the ends from the totals and the whole blocks between from the
   * sparse table (two entries that cover them). */
  if (begin < end && begin / HL_LANE_BLOCK == (end - 1) / HL_LANE_BLOCK)
    for (guint p = begin; p < end; p++)
      best = MAX (best, li->rank[p]);
  else if (begin < end)
    {
      guint bl = (begin + HL_LANE_BLOCK - 1) / HL_LANE_BLOCK, br = end / HL_LANE_BLOCK;
      guint k = 0;

      if (begin < bl * HL_LANE_BLOCK)
        best = b->after;
      if (end > br * HL_LANE_BLOCK)
        best = MAX (best, e->before);
      if (bl < br)
        {
          while ((2u << k) <= br - bl)
            k++;
          best = MAX (best, li->largest[k * li->n_blocks + bl]);
          best = MAX (best, li->largest[k * li->n_blocks + br - (1u << k)]);
        }
    }
  return best;
}

/* Starts reading what sum_ranked() will read of [@begin, @end). */
static void
prefetch_range (const HlLaneIndex *li, guint begin, guint end)
{
  end = MIN (end, li->n);
  begin = MIN (begin, end);
  __builtin_prefetch (&li->totals[end]);
  if (begin < end && begin / HL_LANE_BLOCK == (end - 1) / HL_LANE_BLOCK)
    __builtin_prefetch (&li->rank[begin]);
  else if (begin < end)
    {
      guint bl = (begin + HL_LANE_BLOCK - 1) / HL_LANE_BLOCK, br = end / HL_LANE_BLOCK;
      guint k = 0;

      if (bl < br)
        {
          while ((2u << k) <= br - bl)
            k++;
          __builtin_prefetch (&li->largest[k * li->n_blocks + bl]);
          __builtin_prefetch (&li->largest[k * li->n_blocks + br - (1u << k)]);
        }
    }
}

/* Sums @lane's events at positions [@begin, @end). */
void
hl_dataset_lane_sum (HlDataset *self, guint lane, guint begin, guint end, HlRangeSum *sum)
{
  const HlLaneIndex *li;
  guint best;

  g_return_if_fail (HL_IS_DATASET (self));
  g_return_if_fail (lane < self->lanes->len);
  g_return_if_fail (self->lane_index != NULL);
  g_return_if_fail (sum != NULL);

  li = &self->lane_index[lane];
  best = sum_ranked (li, begin, end, sum);
  sum->largest = best == 0 ? -1 : (int) li->event_of_rank[best - 1];
}

/* How many ranges ahead hl_dataset_lane_sums() starts reading */
#define SUMS_AHEAD 8

/**
 * hl_dataset_lane_sums:
 * @bounds: @n + 1 ascending positions
 * @sums: (out caller-allocates) (array length=n): one per range
 *
 * Sums @lane's events in each of the @n consecutive ranges [@bounds[i],
 * @bounds[i + 1]), as hl_dataset_lane_sum() would. On a large lane each
 * range reads a few places far apart; here the reads of the ranges
 * ahead are started early, so that a sweep waits for memory a few times
 * per several ranges instead of a few times per range.
 */
void
hl_dataset_lane_sums (HlDataset *self, guint lane, const guint *bounds, guint n, HlRangeSum *sums)
{
  const HlLaneIndex *li;

  g_return_if_fail (HL_IS_DATASET (self));
  g_return_if_fail (lane < self->lanes->len);
  g_return_if_fail (self->lane_index != NULL);
  g_return_if_fail (n == 0 || (bounds != NULL && sums != NULL));

  li = &self->lane_index[lane];
  /* the ranks first, then their events: two sweeps of independent reads */
  for (guint i = 0; i < n; i++)
    {
      if (i + SUMS_AHEAD < n)
        prefetch_range (li, bounds[i + SUMS_AHEAD], bounds[i + SUMS_AHEAD + 1]);
      sums[i].largest = (int) sum_ranked (li, bounds[i], bounds[i + 1], &sums[i]);
    }
  for (guint i = 0; i < n; i++)
    {
      if (i + SUMS_AHEAD < n && sums[i + SUMS_AHEAD].largest > 0)
        __builtin_prefetch (&li->event_of_rank[sums[i + SUMS_AHEAD].largest - 1]);
      sums[i].largest = sums[i].largest == 0 ? -1
                        : (int) li->event_of_rank[sums[i].largest - 1];
    }
}

static int
compare_events (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const HlEvent *ea = a, *eb = b;

  if (ea->time != eb->time)
    return ea->time < eb->time ? -1 : 1;
  /* 12:00+09:00 came before 12:00Z: the same day and hour, drawn alike */
  if (ea->instant != eb->instant)
    return ea->instant < eb->instant ? -1 : 1;
  return 0;
}

/* Sorts the events, points them at their sources and indexes their ids.
 * Called once by the loader when everything validated. */
void
hl_dataset_finish (HlDataset *self)
{
  HlEvent *events = (HlEvent *) (gpointer) self->events->data;
  HlSource *sources = (HlSource *) (gpointer) self->sources->data;
  HlFact *facts = (HlFact *) (gpointer) self->facts->data;

  /* Until now `sources` held an offset into the shared array, which may
   * have moved while it grew. */
  for (guint i = 0; i < self->events->len; i++)
    events[i].sources = events[i].n_sources ? sources + GPOINTER_TO_SIZE (events[i].sources) : NULL;
  for (guint i = 0; i < self->facts->len; i++)
    facts[i].sources = facts[i].n_sources ? sources + GPOINTER_TO_SIZE (facts[i].sources) : NULL;

  /* By the time as written, then by the exact moment; g_qsort_with_data()
   * is stable, so events at the same moment keep file order. */
  g_qsort_with_data (events, self->events->len, sizeof (HlEvent),
                     compare_events, NULL);

  g_hash_table_remove_all (self->event_ids);
  for (guint i = 0; i < self->events->len; i++)
    g_hash_table_insert (self->event_ids, (gpointer) events[i].id, GUINT_TO_POINTER (i + 1));

  build_lane_index (self);
}

const char *
hl_confidence_to_string (HlConfidence confidence)
{
  static const char *names[] = { "", "official", "analyst", "suspected", "disputed" };

  g_return_val_if_fail (confidence < HL_N_CONFIDENCES, "");
  return names[confidence];
}

/* One line a reader can trust to tell what a confidence level means. */
const char *
hl_confidence_describe (HlConfidence confidence)
{
  switch (confidence)
    {
    case HL_CONFIDENCE_OFFICIAL:
      return _("A government named the actor or reported the event.");
    case HL_CONFIDENCE_ANALYST:
      return _("Attributed by blockchain analysts or investigators, not by a government.");
    case HL_CONFIDENCE_SUSPECTED:
      return _("Suspected only: no formal attribution has been made.");
    case HL_CONFIDENCE_DISPUTED:
      return _("Disputed: there is credible evidence against this attribution.");
    case HL_CONFIDENCE_UNSPECIFIED:
    case HL_N_CONFIDENCES:
    default:
      return _("The dataset gives no confidence level.");
    }
}

/* Only web links are ever handed to the desktop; anything else (file:,
 * javascript:, custom schemes) is shown as text. */
gboolean
hl_source_url_is_openable (const char *url)
{
  if (url == NULL)
    return FALSE;
  return (g_ascii_strncasecmp (url, "https://", 8) == 0 && url[8] != '\0') ||
         (g_ascii_strncasecmp (url, "http://", 7) == 0 && url[7] != '\0');
}
