/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Level of detail: with hundreds of thousands of events, the renderer sums
 * them per pixel column from the dataset's running totals. What a reader
 * must be able to trust is that the drawing still tells the truth: each
 * column's bar is the sum of its events, so the bars add up to the sum of
 * the events in view, with or without filters (which fall back to visiting
 * the events one by one). The dataset is generated in memory. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-chart-private.h"
#include "hl-dataset.h"
#include "hl-date.h"
#include "hl-sorted.h"
#include "hl-view.h"

#define N_EVENTS   200000
#define N_DENSE    40000     /* of which this many fall in one week */
#define LANE_HEISTS 0

typedef struct
{
  guint64 state;
} Rng;

static guint
rng_below (Rng *r, guint n)
{
  r->state ^= r->state << 13;
  r->state ^= r->state >> 7;
  r->state ^= r->state << 17;
  return (guint) (r->state % n);
}

static const char *confidences[] = { "official", "analyst", "suspected", "disputed" };

static gint64
dense_week_start (void)
{
  return hl_date_from_ymd (2004, 3, 1);
}

/* Events over 1984-2024 in shuffled order, plus a dense week in March
 * 2004 so that even a one-week view has to aggregate. Outside that week,
 * plain dates: each event sits at noon, far from the edges of the week
 * view, which has only that week's events in it. */
static GBytes *
generate (guint n_events, int duplicate_of, guint duplicate_at)
{
  GString *s = g_string_sized_new (n_events * 120);
  gint64 first = hl_date_from_ymd (1984, 1, 1);
  guint n_days = (guint) ((hl_date_from_ymd (2024, 12, 31) - first) / HL_SECONDS_PER_DAY);
  Rng r = { 42 };

  g_string_append (s, "{\"format\":\"heistline-dataset/1\",\"title\":\"LOD test\",\"lanes\":["
                      "{\"id\":\"heists\",\"measure\":\"usd\"},"
                      "{\"id\":\"launches\",\"measure\":\"count\"},"
                      "{\"id\":\"milestones\",\"measure\":\"count\"}],\n\"events\":[\n");
  for (guint i = 0; i < n_events; i++)
    {
      gint64 day = i < N_DENSE ? dense_week_start () + rng_below (&r, 7) * HL_SECONDS_PER_DAY
                               : first + (gint64) rng_below (&r, n_days) * HL_SECONDS_PER_DAY;
      guint lane = rng_below (&r, 10), second = rng_below (&r, 86400);
      g_autofree char *day_text = hl_date_format_iso (day);
      /* the dense week at any time of day, so its events spread over columns */
      g_autofree char *date = i < N_DENSE
                              ? g_strdup_printf ("%sT%02u:%02u:%02uZ", day_text, second / 3600,
                                                 second / 60 % 60, second % 60)
                              : g_strdup (day_text);
      g_autofree char *id = i == duplicate_at && duplicate_of >= 0
                            ? g_strdup_printf ("e%d", duplicate_of) : g_strdup_printf ("e%u", i);

      g_string_append_printf (s, "%s{\"id\":\"%s\",\"date\":\"%s\",\"title\":\"Event %u\","
                              "\"confidence\":\"%s\",", i ? ",\n" : "", id, date, i,
                              confidences[rng_below (&r, G_N_ELEMENTS (confidences))]);
      if (lane < 4)
        {
          /* Amounts from $1 to ~$1e9, with cents: sums that round. */
          guint scale = rng_below (&r, 10), dollars = 1 + scale * rng_below (&r, 100000000);
          guint cents = rng_below (&r, 100);

          g_string_append_printf (s, "\"lane\":\"heists\",\"usd\":%u.%02u}", dollars, cents);
        }
      else if (rng_below (&r, 4) == 0)
        g_string_append_printf (s, "\"lane\":\"%s\"}", lane < 9 ? "launches" : "milestones");
      else
        g_string_append_printf (s, "\"lane\":\"%s\",\"count\":%u}",
                                lane < 9 ? "launches" : "milestones", 1 + rng_below (&r, 5));
    }
  g_string_append (s, "\n]}\n");
  return g_string_free_to_bytes (s);
}

static HlDataset *dataset;

typedef enum
{
  RANGE_ALL,
  RANGE_WEEK,
} Range;

typedef struct
{
  const char *name;
  Range       range;
  guint32     hidden_confidences;
  double      min_usd;
  const char *search;
} Case;

static const Case cases[] = {
  { "/lod/all", RANGE_ALL, 0, 0, NULL },
  { "/lod/week", RANGE_WEEK, 0, 0, NULL },
  { "/lod/all/confidence-filter", RANGE_ALL, 1u << HL_CONFIDENCE_SUSPECTED, 0, NULL },
  { "/lod/week/confidence-filter", RANGE_WEEK, 1u << HL_CONFIDENCE_DISPUTED, 0, NULL },
  { "/lod/all/min-usd", RANGE_ALL, 0, 5e7, NULL },
  { "/lod/all/search", RANGE_ALL, 0, 0, "event 1" },
};

static void
set_range (HlView *view, Range range)
{
  if (range == RANGE_ALL)
    {
      view->from = hl_date_from_ymd (1983, 1, 1);
      view->to = hl_date_from_ymd (2026, 1, 1);
    }
  else
    {
      view->from = dense_week_start ();
      view->to = view->from + 7 * HL_SECONDS_PER_DAY;
    }
}

/* The chart's columns add up to the events it shows, as a person would
 * add them: every shown event in range, each once. */
static void
test_totals_kept (gconstpointer data)
{
  const Case *c = data;
  const HlEvent *events = hl_dataset_get_events (dataset);
  guint n = hl_dataset_get_n_events (dataset);
  g_autoptr(HlChart) chart = NULL;
  const HlTotals *totals;
  double usd = 0;
  guint n_heists = 0, n_launches = 0, n_unknown = 0, items = 0;
  HlView view;

  hl_view_init (&view, dataset);
  set_range (&view, c->range);
  view.hidden_confidences = c->hidden_confidences;
  view.min_usd = c->min_usd;
  view.search = g_strdup (c->search);

  for (guint i = 0; i < n; i++)
    {
      const HlEvent *ev = &events[i];

      if (ev->time < view.from || ev->time >= view.to ||
          !hl_view_shows_event (&view, dataset, ev))
        continue;
      if (ev->lane == LANE_HEISTS)
        {
          usd += ev->usd;
          n_heists++;
        }
      else
        {
          n_launches++;
          items += ev->count;
          n_unknown += !ev->count_known;
        }
    }
  g_assert_cmpuint (n_heists, >, 10000);

  chart = hl_chart_new (dataset, &view, 1920, 1080);
  totals = hl_chart_get_totals (chart);
  g_assert_cmpfloat_with_epsilon (_hl_chart_get_column_usd_sum (chart) / usd, 1.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (totals->usd / usd, 1.0, 1e-6);
  g_assert_cmpuint (totals->n_usd_events, ==, n_heists);
  g_assert_cmpuint (totals->n_count_events, ==, n_launches);
  g_assert_cmpuint (totals->count, ==, items);
  g_assert_cmpuint (totals->n_unknown, ==, n_unknown);
  /* So many heists cannot each have a bar: they are summed per column. */
  g_assert_true (_hl_chart_is_aggregated (chart, LANE_HEISTS));

  hl_view_clear (&view);
}

/* The running totals behind the columns, for any range of a lane's events:
 * sums, counts, and the largest event (ties: the earliest). */
static void
test_lane_sums (void)
{
  const HlEvent *events = hl_dataset_get_events (dataset);
  guint n_lanes = hl_dataset_get_n_lanes (dataset);
  Rng r = { 7 };

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      guint n = hl_dataset_lane_get_n_events (dataset, lane);
      guint total = 0;

      for (guint i = 0; i < hl_dataset_get_n_events (dataset); i++)
        total += events[i].lane == lane;
      g_assert_cmpuint (n, ==, total);

      for (guint k = 0; k < 300; k++)
        {
          /* short ranges (summed one by one) and long ones (by totals) */
          guint begin = rng_below (&r, n), len = k % 2 ? rng_below (&r, 20) : rng_below (&r, n);
          guint end = MIN (n, begin + len);
          double usd = 0;
          guint64 count = 0;
          guint doubtful = 0, unknown = 0;
          int largest = -1;
          HlRangeSum sum;

          for (guint p = begin; p < end; p++)
            {
              int i = hl_dataset_lane_get_event (dataset, lane, p);
              const HlEvent *ev = &events[i];

              g_assert_cmpint (ev->lane, ==, lane);
              if (p > begin)
                g_assert_cmpint (ev->time, >=,
                                 events[hl_dataset_lane_get_event (dataset, lane, p - 1)].time);
              usd += ev->usd;
              count += ev->count;
              doubtful += ev->confidence == HL_CONFIDENCE_SUSPECTED ||
                          ev->confidence == HL_CONFIDENCE_DISPUTED;
              unknown += !ev->count_known;
              if (largest < 0 || ev->usd > events[largest].usd ||
                  (ev->usd == events[largest].usd && ev->count > events[largest].count))
                largest = i;
            }
          hl_dataset_lane_sum (dataset, lane, begin, end, &sum);
          g_assert_cmpuint (sum.n_events, ==, end - begin);
          g_assert_cmpfloat (fabs (sum.usd - usd), <=, 1e-9 * MAX (usd, 1));
          g_assert_cmpuint (sum.count, ==, count);
          g_assert_cmpuint (sum.n_doubtful, ==, doubtful);
          g_assert_cmpuint (sum.n_unknown, ==, unknown);
          g_assert_cmpint (sum.largest, ==, largest);
        }
    }
}

/* hl_dataset_lane_sums() over consecutive ranges answers what
 * hl_dataset_lane_sum() answers for each: ranges of every length, empty
 * ones among them, more of them than it reads ahead, and none. */
static void
test_lane_sums_batch (void)
{
  guint n_lanes = hl_dataset_get_n_lanes (dataset);
  Rng r = { 11 };

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      guint n = hl_dataset_lane_get_n_events (dataset, lane);

      for (guint round = 0; round < 20; round++)
        {
          guint n_ranges = round == 0 ? 0 : 1 + rng_below (&r, 60);
          g_autofree guint *bounds = g_new (guint, n_ranges + 1);
          g_autofree HlRangeSum *sums = g_new0 (HlRangeSum, MAX (n_ranges, 1));

          bounds[0] = rng_below (&r, n);
          for (guint i = 0; i < n_ranges; i++)
            {
              guint step = rng_below (&r, 4) == 0 ? 0 : rng_below (&r, round % 2 ? 10 : 400);

              bounds[i + 1] = MIN (n, bounds[i] + step);
            }
          hl_dataset_lane_sums (dataset, lane, bounds, n_ranges, sums);
          for (guint i = 0; i < n_ranges; i++)
            {
              HlRangeSum one;

              hl_dataset_lane_sum (dataset, lane, bounds[i], bounds[i + 1], &one);
              g_assert_cmpuint (sums[i].n_events, ==, bounds[i + 1] - bounds[i]);
              g_assert_cmpfloat (sums[i].usd, ==, one.usd);
              g_assert_cmpuint (sums[i].count, ==, one.count);
              g_assert_cmpuint (sums[i].n_doubtful, ==, one.n_doubtful);
              g_assert_cmpuint (sums[i].n_unknown, ==, one.n_unknown);
              g_assert_cmpint (sums[i].largest, ==, one.largest);
              if (sums[i].n_events == 0)
                g_assert_cmpint (sums[i].largest, ==, -1);
            }
        }
    }
}

/* Launches of five kinds (and some with none) in one lane, seventy kinds
 * in another: a lane's kind index counts what a scan of its events
 * counts, and a lane of too many kinds has no index. */
static void
test_kind_index (void)
{
  static const char *kinds[] = { "ICBM", "SRBM", "cruise", "SLV", NULL };
  GString *s = g_string_new ("{\"format\":\"heistline-dataset/1\",\"title\":\"Kinds\","
                             "\"lanes\":[{\"id\":\"launches\",\"measure\":\"count\"},"
                             "{\"id\":\"tests\",\"measure\":\"count\"}],\"events\":[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) ds = NULL;
  Rng r = { 99 };

  for (guint i = 0; i < 3000; i++)
    {
      guint lane = i % 3 == 0, k = rng_below (&r, lane ? 70 : G_N_ELEMENTS (kinds));
      g_autofree char *date = hl_date_format_iso (hl_date_from_ymd (2010, 1, 1) +
                                                  (gint64) rng_below (&r, 4000) *
                                                  HL_SECONDS_PER_DAY);
      g_autofree char *kind = lane ? g_strdup_printf (",\"kind\":\"k%u\"", k)
                            : kinds[k] ? g_strdup_printf (",\"kind\":\"%s\"", kinds[k])
                            : g_strdup ("");

      g_string_append_printf (s, "%s{\"id\":\"e%u\",\"lane\":\"%s\",\"date\":\"%s\","
                              "\"title\":\"Launch %u\",\"count\":%u,"
                              "\"sources\":[{\"url\":\"https://example.org/%u\"}]%s}",
                              i ? "," : "", i, lane ? "tests" : "launches", date, i,
                              1 + rng_below (&r, 4), i, kind);
    }
  g_string_append (s, "]}");
  bytes = g_string_free_to_bytes (s);
  ds = hl_dataset_new_from_bytes (bytes, "kinds.json", NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (hl_dataset_lane_get_n_kinds (ds, 0), ==, G_N_ELEMENTS (kinds));
  g_assert_cmpuint (hl_dataset_lane_get_n_kinds (ds, 1), ==, 0);   /* 70 > 64 */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_assert_true (hl_dataset_lane_get_kind (ds, 0, k) ==
                   hl_dataset_lane_kind (ds, 0, hl_dataset_lane_get_kind_name (ds, 0, k)));
  for (guint t = 0; t < 400; t++)
    {
      guint n = hl_dataset_lane_get_n_events (ds, 0);
      guint begin = rng_below (&r, n + 1), len = rng_below (&r, n / (1 + t % 50));
      guint end = MIN (n, begin + len);

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          const char *name = hl_dataset_lane_get_kind_name (ds, 0, k);
          guint64 count = 0, got_count = G_MAXUINT64;
          guint matches = 0;
          int first = -1, got_first = -2;

          for (guint p = begin; p < end; p++)
            {
              int i = hl_dataset_lane_get_event (ds, 0, p);
              const HlEvent *ev = hl_dataset_get_event (ds, i);

              if (g_strcmp0 (ev->kind, name) != 0)
                continue;
              if (matches++ == 0)
                first = i;
              count += ev->count;
            }
          g_assert_cmpuint (hl_dataset_lane_kind_range (ds, 0, k, NULL, begin, end, &got_count,
                                                        &got_first), ==, matches);
          g_assert_cmpuint (got_count, ==, count);
          g_assert_cmpint (got_first, ==, first);
        }
    }

  /* Ranges left to right, gaps between some, each search starting where
   * the last ended (as a lane's bins ask): the answers of a search from
   * the start. A hint past the range is not followed. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint n = hl_dataset_lane_get_n_events (ds, 0), hint = 0, begin = 0, steps = 0;

      while (begin < n)
        {
          guint end = MIN (n, begin + 1 + rng_below (&r, 40));
          guint64 count_hinted, count;
          int first_hinted, first;

          g_assert_cmpuint (hl_dataset_lane_kind_range (ds, 0, k, &hint, begin, end,
                                                        &count_hinted, &first_hinted), ==,
                            hl_dataset_lane_kind_range (ds, 0, k, NULL, begin, end, &count,
                                                        &first));
          g_assert_cmpuint (count_hinted, ==, count);
          g_assert_cmpint (first_hinted, ==, first);
          begin = end + rng_below (&r, 3);
          steps++;
        }
      g_assert_cmpuint (steps, >, 50);
      g_assert_cmpuint (hl_dataset_lane_kind_range (ds, 0, k, &hint, 0, n, NULL, NULL), ==,
                        hl_dataset_lane_kind_range (ds, 0, k, NULL, 0, n, NULL, NULL));
      g_assert_cmpuint (hint, ==, hl_dataset_lane_kind_range (ds, 0, k, NULL, 0, n, NULL,
                                                              NULL));
    }
}

/* The searches that start from a position or a guess answer as a binary
 * search from the start does, on runs of equal values and gaps, whatever
 * the guess, as long as the answer is not before where they start. */
static void
test_sorted_searches (void)
{
  Rng r = { 5 };

  for (guint t = 0; t < 200; t++)
    {
      guint n = rng_below (&r, 300), v = 0;
      g_autofree guint *values = g_new (guint, MAX (n, 1));
      g_autofree gint64 *times = g_new (gint64, MAX (n, 1));

      for (guint i = 0; i < n; i++)
        {
          values[i] = v += rng_below (&r, 4);   /* repeats, and steps of up to 3 */
          times[i] = (gint64) values[i] * HL_SECONDS_PER_DAY - (G_GINT64_CONSTANT (1) << 40);
        }
      for (guint q = 0; q < 50; q++)
        {
          guint value = rng_below (&r, v + 3);
          guint answer = hl_lower_bound_uint (values, n, value);
          guint from = rng_below (&r, answer + 1), guess = rng_below (&r, n + 2);
          gint64 time = (gint64) value * HL_SECONDS_PER_DAY - (G_GINT64_CONSTANT (1) << 40);

          g_assert_cmpuint (hl_gallop_uint (values, n, from, value), ==, answer);
          g_assert_cmpuint (hl_lower_bound_near_uint (values, n, from, guess, value), ==, answer);
          g_assert_cmpuint (hl_lower_bound_int64 (times, n, time), ==, answer);
          g_assert_cmpuint (hl_gallop_int64 (times, n, from, time), ==, answer);
          g_assert_cmpuint (hl_lower_bound_near_int64 (times, n, from, guess, time), ==, answer);
        }
    }
}

/* A lane's next bound, which guesses from the lane's mean density, finds
 * what a binary search finds, on lanes with a fifth of their events in
 * one week of 41 years, from any position: one past the answer (a
 * caller's mistake) only costs a search from the start. */
static void
test_next_bound (void)
{
  Rng r = { 11 };

  for (guint lane = 0; lane < hl_dataset_get_n_lanes (dataset); lane++)
    {
      guint n = hl_dataset_lane_get_n_events (dataset, lane);
      gint64 first = 0, last = 0;

      if (n == 0)
        continue;
      first = hl_dataset_get_event (dataset, hl_dataset_lane_get_event (dataset, lane, 0))->time;
      last = hl_dataset_get_event (dataset, hl_dataset_lane_get_event (dataset, lane, n - 1))->time;
      for (guint q = 0; q < 2000; q++)
        {
          gint64 time = first - 10 + (gint64) ((double) rng_below (&r, 1000001) / 1e6 *
                                                (double) (last - first + 20));
          guint answer = hl_dataset_lane_lower_bound (dataset, lane, time);
          guint from = rng_below (&r, answer + 1), past = answer + rng_below (&r, n + 2);

          g_assert_cmpuint (hl_dataset_lane_next_bound (dataset, lane, from, time), ==, answer);
          g_assert_cmpuint (hl_dataset_lane_next_bound (dataset, lane, past, time), ==, answer);
        }
    }
}

/* A large file is parsed a slice of its events at a time; a problem is
 * still named by the event's place in the whole file, and the first of two
 * duplicate ids is found in another slice. */
static void
test_sliced_loading_names_places (void)
{
  g_autoptr(GBytes) bytes = generate (N_EVENTS, 10, 150000);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) broken = hl_dataset_new_from_bytes (bytes, "big.json", NULL, &error);

  g_assert_null (broken);
  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "big.json:150003: events[150000] (id “e10”): duplicate id “e10” "
                   "(first used by events[10])");
}

int
main (int argc, char **argv)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  bytes = generate (N_EVENTS, -1, 0);
  dataset = hl_dataset_new_from_bytes (bytes, "generated.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hl_dataset_get_n_events (dataset), ==, N_EVENTS);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].name, &cases[i], test_totals_kept);
  g_test_add_func ("/lod/lane-sums", test_lane_sums);
  g_test_add_func ("/lod/lane-sums-batch", test_lane_sums_batch);
  g_test_add_func ("/lod/kind-index", test_kind_index);
  g_test_add_func ("/lod/sorted-searches", test_sorted_searches);
  g_test_add_func ("/lod/next-bound", test_next_bound);
  g_test_add_func ("/lod/sliced-loading-names-places", test_sliced_loading_names_places);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
