/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The numbers the chart draws and the subtitle reports: HlColumns sums
 * each visible lane's shown events per pixel column. Every case compares
 * them with sums taken event by event, under each filter the view has
 * (hidden lanes, hidden confidences, a minimum amount, a search) and for
 * ranges inside, across and outside the data, on the bundled dataset and
 * a generated one with two money lanes and unknown counts. The totals
 * without a width (hl_totals_compute) must be the columns' totals. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-columns.h"
#include "test-util.h"
#include "hl-dataset.h"
#include "hl-date.h"
#include "hl-view.h"

#define N_GENERATED 6000

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

/* Four lanes: two money lanes, a count lane with a unit and one without;
 * a quarter of the counts not given; every confidence. */
static HlDataset *
generated (void)
{
  static const char *confidences[] = { "official", "analyst", "suspected", "disputed" };
  static const char *lanes[] = { "thefts", "scams", "launches", "tests" };
  static HlDataset *dataset;
  g_autoptr(GString) s = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first = hl_date_from_ymd (2000, 1, 1);
  Rng r = { 1234 };

  if (dataset != NULL)
    return dataset;
  s = g_string_new ("{\"format\":\"heistline-dataset/1\",\"title\":\"Columns test\",\"lanes\":["
                    "{\"id\":\"thefts\",\"measure\":\"usd\"},"
                    "{\"id\":\"scams\",\"measure\":\"usd\"},"
                    "{\"id\":\"launches\",\"measure\":\"count\",\"unit\":\"Rockets\"},"
                    "{\"id\":\"tests\",\"measure\":\"count\"}],\n\"events\":[\n");
  for (guint i = 0; i < N_GENERATED; i++)
    {
      gint64 t = first + (gint64) rng_below (&r, 20 * 365) * HL_SECONDS_PER_DAY +
                 rng_below (&r, 86400);
      g_autofree char *day = hl_date_format_iso (hl_date_floor_day (t));
      guint second = (guint) (t - hl_date_floor_day (t));
      guint lane = rng_below (&r, G_N_ELEMENTS (lanes));

      g_string_append_printf (s, "%s{\"id\":\"e%u\",\"date\":\"%sT%02u:%02u:%02uZ\","
                              "\"title\":\"Event %u\",\"confidence\":\"%s\",\"lane\":\"%s\"",
                              i ? ",\n" : "", i, day, second / 3600, second / 60 % 60,
                              second % 60, i,
                              confidences[rng_below (&r, G_N_ELEMENTS (confidences))],
                              lanes[lane]);
      if (lane < 2)
        g_string_append_printf (s, ",\"usd\":%u.%02u}", 1 + rng_below (&r, 9) *
                                rng_below (&r, 10000000), rng_below (&r, 100));
      else if (rng_below (&r, 4) == 0)
        g_string_append (s, "}");
      else
        g_string_append_printf (s, ",\"count\":%u}", 1 + rng_below (&r, 6));
    }
  g_string_append (s, "\n]}\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&s));
  dataset = hl_dataset_new_from_bytes (bytes, "columns.json", NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

typedef enum
{
  RANGE_DEFAULT,      /* the dataset's own */
  RANGE_ALL,          /* wider than the data on both sides */
  RANGE_INSIDE,       /* a few weeks well inside it */
  RANGE_BEFORE,       /* entirely before the first event */
  RANGE_AFTER,        /* entirely after the last */
} Range;

typedef struct
{
  const char *name;
  Range       range;
  guint32     hidden_lanes;
  guint32     hidden_confidences;
  double      min_usd;
  const char *search;
} Case;

static const Case cases[] = {
  { "default", RANGE_DEFAULT, 0, 0, 0, NULL },
  { "all", RANGE_ALL, 0, 0, 0, NULL },
  { "inside", RANGE_INSIDE, 0, 0, 0, NULL },
  { "before", RANGE_BEFORE, 0, 0, 0, NULL },
  { "after", RANGE_AFTER, 0, 0, 0, NULL },
  { "hidden-lane", RANGE_ALL, 1u << 1, 0, 0, NULL },
  { "hidden-lanes-inside", RANGE_INSIDE, (1u << 0) | (1u << 2), 0, 0, NULL },
  { "hidden-confidence", RANGE_ALL, 0, 1u << HL_CONFIDENCE_SUSPECTED, 0, NULL },
  { "hidden-confidences-inside", RANGE_INSIDE, 0,
    (1u << HL_CONFIDENCE_DISPUTED) | (1u << HL_CONFIDENCE_OFFICIAL), 0, NULL },
  { "min-usd", RANGE_ALL, 0, 0, 5e6, NULL },
  { "min-usd-inside", RANGE_DEFAULT, 0, 0, 5e7, NULL },
  { "search", RANGE_ALL, 0, 0, 0, "event 1" },
  { "search-bundled-words", RANGE_DEFAULT, 0, 0, 0, "stake" },
  { "search-outside", RANGE_BEFORE, 0, 0, 0, "event" },
  { "everything", RANGE_INSIDE, 1u << 3, 1u << HL_CONFIDENCE_ANALYST, 1e6, "1" },
};

static const guint widths[] = { 1, 7, 333, 1871 };

static void
set_range (HlView *view, HlDataset *dataset, Range range)
{
  guint n = hl_dataset_get_n_events (dataset);
  gint64 t0 = hl_dataset_get_event (dataset, 0)->time;
  gint64 t1 = hl_dataset_get_event (dataset, n - 1)->time;
  gint64 year = 365 * HL_SECONDS_PER_DAY;

  switch (range)
    {
    case RANGE_DEFAULT:
      break;
    case RANGE_ALL:
      view->from = t0 - year;
      view->to = t1 + year;
      break;
    case RANGE_INSIDE:
      view->from = t0 + (t1 - t0) / 3 + 4321;
      view->to = view->from + 40 * HL_SECONDS_PER_DAY + 17;
      break;
    case RANGE_BEFORE:
      view->from = t0 - 3 * year;
      view->to = t0 - year;
      break;
    case RANGE_AFTER:
      view->from = t1 + HL_SECONDS_PER_DAY;
      view->to = t1 + year;
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Sums taken event by event, per lane and per column. */
typedef struct
{
  guint   n, n_unknown, n_matches;
  double  usd;
  guint64 count;
} Sums;

static void
brute_force (HlDataset *dataset, const HlView *view, guint width, Sums *lanes, Sums *cols)
{
  double px_per_s = width / (double) (view->to - view->from);
  gboolean searching = view->search != NULL && view->search[0] != '\0';

  for (guint i = 0; i < hl_dataset_get_n_events (dataset); i++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, i);
      gint64 col;
      Sums *sums[2];

      if (ev->time < view->from || ev->time >= view->to ||
          !hl_view_shows_event (view, dataset, ev))
        continue;
      col = (gint64) floor ((double) (ev->time - view->from) * px_per_s);
      g_assert_cmpint (col, >=, 0);
      g_assert_cmpint (col, <, width);
      sums[0] = &lanes[ev->lane];
      sums[1] = &cols[ev->lane * width + col];
      for (guint k = 0; k < 2; k++)
        {
          sums[k]->n++;
          sums[k]->usd += ev->usd;
          sums[k]->count += ev->count;
          sums[k]->n_unknown += !ev->count_known;
          sums[k]->n_matches += searching && hl_view_event_matches (view, ev);
        }
    }
}

static void
assert_usd_equal (double a, double b)
{
  g_assert_cmpfloat (fabs (a - b), <=, 1e-6 * MAX (1.0, fabs (b)));
}

static void
check_case (HlDataset *dataset, const Case *c, guint width)
{
  guint n_lanes = hl_dataset_get_n_lanes (dataset);
  g_autofree Sums *lanes = g_new0 (Sums, n_lanes);
  g_autofree Sums *cols = g_new0 (Sums, n_lanes * width);
  g_autoptr(HlColumns) columns = NULL;
  const HlTotals *totals;
  HlTotals compact;
  Sums all_usd = { 0 }, all_count = { 0 };
  HlView view;

  hl_view_init (&view, dataset);
  set_range (&view, dataset, c->range);
  view.hidden_lanes.bits[0] = c->hidden_lanes;
  view.hidden_confidences = c->hidden_confidences;
  view.min_usd = c->min_usd;
  view.search = g_strdup (c->search);

  brute_force (dataset, &view, width, lanes, cols);
  columns = hl_columns_new (dataset, &view, width);
  totals = hl_columns_get_totals (columns);
  g_assert_cmpuint (hl_columns_get_n_columns (columns), ==, width);

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      const HlLane *l = hl_dataset_get_lane (dataset, lane);
      const HlColumn *col = hl_columns_get_lane (columns, lane, NULL);
      const HlLaneTotals *t = &totals->lanes[lane];

      if (!hl_view_lane_visible (&view, lane))
        {
          g_assert_null (col);
          g_assert_cmpuint (t->n_events, ==, 0);
          continue;
        }
      g_assert_nonnull (col);
      for (guint i = 0; i < width; i++)
        {
          const Sums *want = &cols[lane * width + i];

          g_assert_cmpuint (col[i].n, ==, want->n);
          assert_usd_equal (col[i].usd, want->usd);
          g_assert_cmpfloat (col[i].count, ==, (double) want->count);
          g_assert_cmpuint (col[i].n_unknown, ==, want->n_unknown);
          g_assert_cmpint (col[i].any_match, ==, want->n_matches > 0);
          g_assert_cmpint (col[i].top >= 0, ==, want->n > 0);
        }
      g_assert_cmpuint (t->n_events, ==, lanes[lane].n);
      assert_usd_equal (t->usd, lanes[lane].usd);
      g_assert_cmpuint (t->count, ==, lanes[lane].count);
      g_assert_cmpuint (t->n_unknown, ==, lanes[lane].n_unknown);
      g_assert_cmpuint (t->n_matches, ==, lanes[lane].n_matches);

      if (l->measure == HL_MEASURE_USD)
        {
          all_usd.n += lanes[lane].n;
          all_usd.usd += lanes[lane].usd;
        }
      else
        {
          all_count.n += lanes[lane].n;
          all_count.count += lanes[lane].count;
          all_count.n_unknown += lanes[lane].n_unknown;
        }
      all_usd.n_matches += lanes[lane].n_matches;
    }
  g_assert_cmpuint (totals->n_usd_events, ==, all_usd.n);
  assert_usd_equal (totals->usd, all_usd.usd);
  g_assert_cmpuint (totals->n_count_events, ==, all_count.n);
  g_assert_cmpuint (totals->count, ==, all_count.count);
  g_assert_cmpuint (totals->n_unknown, ==, all_count.n_unknown);
  g_assert_cmpuint (totals->n_matches, ==, all_usd.n_matches);

  /* Without a width: the same totals, exactly as the subtitle gets them. */
  hl_totals_compute (&compact, dataset, &view);
  g_assert_cmpuint (compact.n_usd_events, ==, totals->n_usd_events);
  g_assert_cmpuint (compact.n_count_events, ==, totals->n_count_events);
  g_assert_cmpuint (compact.count, ==, totals->count);
  g_assert_cmpuint (compact.n_unknown, ==, totals->n_unknown);
  g_assert_cmpuint (compact.n_matches, ==, totals->n_matches);
  assert_usd_equal (compact.usd, totals->usd);
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      g_assert_cmpuint (compact.lanes[lane].n_events, ==, totals->lanes[lane].n_events);
      g_assert_cmpuint (compact.lanes[lane].count, ==, totals->lanes[lane].count);
      g_assert_cmpuint (compact.lanes[lane].n_matches, ==, totals->lanes[lane].n_matches);
      assert_usd_equal (compact.lanes[lane].usd, totals->lanes[lane].usd);
    }
  hl_view_clear (&view);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  HlDataset *datasets[] = { hl_test_bundled (), generated () };

  for (guint d = 0; d < G_N_ELEMENTS (datasets); d++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      check_case (datasets[d], c, widths[w]);
}

/* The cases are not vacuous: the default view of the bundled dataset
 * holds its ten heists, and the generated one spreads over every lane. */
static void
test_not_empty (void)
{
  HlTotals totals;
  HlView view;

  hl_view_init (&view, hl_test_bundled ());
  hl_totals_compute (&totals, hl_test_bundled (), &view);
  g_assert_cmpuint (totals.n_usd_events, ==, 14);
  g_assert_cmpuint (totals.n_count_events, >, 10);
  hl_view_clear (&view);

  hl_view_init (&view, generated ());
  set_range (&view, generated (), RANGE_ALL);
  hl_totals_compute (&totals, generated (), &view);
  g_assert_cmpuint (totals.n_usd_events + totals.n_count_events, ==, N_GENERATED);
  for (guint lane = 0; lane < 4; lane++)
    g_assert_cmpuint (totals.lanes[lane].n_events, >, N_GENERATED / 8);
  g_assert_cmpuint (totals.n_unknown, >, 0);
  hl_view_clear (&view);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/columns/not-empty", test_not_empty);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/columns/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  return g_test_run ();
}
