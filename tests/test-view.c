/* SPDX-License-Identifier: GPL-3.0-or-later */
/* View state: zoom, pan, fit, and keyboard navigation order. No display. */
#include "config.h"

#include <math.h>

#include "hl-dataset.h"
#include "hl-date.h"
#include "hl-view.h"

static HlDataset *
bundled (void)
{
  static HlDataset *dataset;

  if (dataset == NULL)
    dataset = hl_dataset_new_bundled ();
  return dataset;
}

static const char *
event_id (int index)
{
  g_assert_cmpint (index, >=, 0);
  return hl_dataset_get_event (bundled (), index)->id;
}

static void
test_zoom_anchor (void)
{
  static const double factors[] = { 2.0, 0.5, 1.5, 10.0, 1 / 3.0 };
  static const double anchors[] = { 0.0, 0.25, 0.5, 0.8, 1.0 };

  for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
    for (guint a = 0; a < G_N_ELEMENTS (anchors); a++)
      {
        HlView view;
        double span, new_span, at, at_after;

        hl_view_init (&view, bundled ());
        span = (double) (view.to - view.from);
        at = view.from + anchors[a] * span;
        hl_view_zoom (&view, factors[f], anchors[a]);
        new_span = (double) (view.to - view.from);
        at_after = view.from + anchors[a] * new_span;

        /* The time under the anchor stays put (to the second). */
        g_assert_cmpfloat (fabs (at_after - at), <=, 1.0);
        g_assert_cmpfloat (fabs (new_span - span / factors[f]), <=, 1.0);
        hl_view_clear (&view);
      }
}

static void
test_zoom_clamp (void)
{
  HlView view;

  hl_view_init (&view, bundled ());
  for (int i = 0; i < 100; i++)
    hl_view_zoom (&view, 2.0, 0.5);
  g_assert_cmpint (view.to - view.from, ==, HL_VIEW_MIN_SPAN);

  for (int i = 0; i < 100; i++)
    hl_view_zoom (&view, 0.5, 0.5);
  g_assert_cmpint (view.to - view.from, ==, HL_VIEW_MAX_SPAN);

  /* Setting a range clamps it too, around the same middle. */
  hl_view_set_range (&view, hl_date_from_ymd (2023, 9, 4), hl_date_from_ymd (2023, 9, 4) + 60);
  g_assert_cmpint (view.to - view.from, ==, HL_VIEW_MIN_SPAN);
  g_assert_cmpint (view.from, <=, hl_date_from_ymd (2023, 9, 4));
  g_assert_cmpint (view.to, >=, hl_date_from_ymd (2023, 9, 4) + 60);

  /* Reversed bounds are swapped, not rejected. */
  hl_view_set_range (&view, hl_date_from_ymd (2024, 1, 1), hl_date_from_ymd (2023, 1, 1));
  g_assert_cmpint (view.from, ==, hl_date_from_ymd (2023, 1, 1));
  g_assert_cmpint (view.to, ==, hl_date_from_ymd (2024, 1, 1));
  hl_view_clear (&view);
}

static void
test_pan (void)
{
  HlView view;
  gint64 from, to, span;

  hl_view_init (&view, bundled ());
  from = view.from;
  to = view.to;
  span = to - from;

  hl_view_pan (&view, 0.5);
  g_assert_cmpint (view.from, ==, from + span / 2);
  g_assert_cmpint (view.to - view.from, ==, span);
  hl_view_pan (&view, -0.5);
  g_assert_cmpint (view.from, ==, from);
  g_assert_cmpint (view.to, ==, to);
  hl_view_pan (&view, -2);
  g_assert_cmpint (view.from, ==, from - 2 * span);
  hl_view_clear (&view);
}

static void
test_fit_all (void)
{
  HlView view;
  gint64 first, last;

  hl_view_init (&view, bundled ());
  hl_view_zoom (&view, 50, 0.1);
  hl_view_fit_all (&view, bundled ());
  g_assert_true (hl_dataset_get_extent (bundled (), &first, &last));
  g_assert_cmpint (view.from, <, first);
  g_assert_cmpint (view.to, >, last);
  /* With a margin, but not a large one. */
  g_assert_cmpint (view.to - view.from, <, (last - first) * 3 / 2);
  hl_view_clear (&view);
}

/* A requested range is shown as asked, whatever its length: only the
 * format's own limits (years 1 to 9999) cut it. */
static void
test_range_kept (void)
{
  static const int years[][2] = { { 1984, 2025 }, { 1900, 2025 }, { 1, 10000 }, { 1000, 3000 } };
  HlView view;

  hl_view_init (&view, bundled ());
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      gint64 from = hl_date_from_ymd (years[i][0], 1, 1);
      gint64 to = hl_date_from_ymd (years[i][1], 1, 1);

      hl_view_set_range (&view, from, to);
      g_assert_cmpint (view.from, ==, from);
      g_assert_cmpint (view.to, ==, to);
    }
  g_assert_cmpint (HL_VIEW_MIN_TIME, ==, hl_date_from_ymd (1, 1, 1));
  g_assert_cmpint (HL_VIEW_MAX_TIME, ==, hl_date_from_ymd (10000, 1, 1));

  /* Past the format's dates: cut to them, and only there. */
  hl_view_set_range (&view, hl_date_from_ymd (1, 1, 1) - 1000 * HL_SECONDS_PER_DAY,
                     hl_date_from_ymd (2000, 1, 1));
  g_assert_cmpint (view.from, ==, HL_VIEW_MIN_TIME);
  g_assert_cmpint (view.to, ==, hl_date_from_ymd (2000, 1, 1));
  hl_view_set_range (&view, G_MININT64 / 2, G_MAXINT64 / 2);
  g_assert_cmpint (view.from, ==, HL_VIEW_MIN_TIME);
  g_assert_cmpint (view.to, ==, HL_VIEW_MAX_TIME);

  /* Zooming out stops at the whole format; panning at its ends. */
  hl_view_set_range (&view, hl_date_from_ymd (2000, 1, 1), hl_date_from_ymd (2001, 1, 1));
  for (int i = 0; i < 40; i++)
    hl_view_zoom (&view, 0.5, 0.9);
  g_assert_cmpint (view.from, ==, HL_VIEW_MIN_TIME);
  g_assert_cmpint (view.to, ==, HL_VIEW_MAX_TIME);
  hl_view_set_range (&view, hl_date_from_ymd (9000, 1, 1), hl_date_from_ymd (9500, 1, 1));
  hl_view_pan (&view, 3);
  g_assert_cmpint (view.to, ==, HL_VIEW_MAX_TIME);
  g_assert_cmpint (view.to - view.from, ==, hl_date_from_ymd (9500, 1, 1) - hl_date_from_ymd (9000, 1, 1));
  hl_view_pan (&view, -1000);
  g_assert_cmpint (view.from, ==, HL_VIEW_MIN_TIME);
  hl_view_clear (&view);
}

/* Events in years 1 and 9999: the view opens on both, and fit-all shows
 * both. */
static void
test_fit_all_millennia (void)
{
  static const char json[] =
    "{ \"format\": \"heistline-dataset/1\", \"title\": \"Far apart\","
    "  \"lanes\": [ { \"id\": \"l\", \"title\": \"Launches\", \"measure\": \"count\" } ],"
    "  \"events\": ["
    "    { \"id\": \"a\", \"lane\": \"l\", \"date\": \"0001-01-01\", \"title\": \"First\" },"
    "    { \"id\": \"b\", \"lane\": \"l\", \"date\": \"5000-06-01\", \"title\": \"Middle\" },"
    "    { \"id\": \"c\", \"lane\": \"l\", \"date\": \"9999-12-31\", \"title\": \"Last\" } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = hl_dataset_new_from_bytes (bytes, "far.json", NULL, &error);
  HlView view;

  g_assert_no_error (error);
  hl_view_init (&view, dataset);
  hl_view_set_range (&view, view.from, view.to);   /* as the window and the CLI do */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < hl_dataset_get_n_events (dataset); i++)
        {
          const HlEvent *ev = hl_dataset_get_event (dataset, i);

          if (ev->time < view.from || ev->time >= view.to)
            g_error ("pass %u: %s (%s) is outside the view", pass, ev->title, ev->date);
        }
      hl_view_zoom (&view, 100, 0.5);
      hl_view_fit_all (&view, dataset);
    }
  hl_view_clear (&view);
}

static void
test_step_event_order (void)
{
  HlDataset *dataset = bundled ();
  HlView view;
  int current = -1, visited = 0;
  gint64 last_time = G_MININT64;

  hl_view_init (&view, dataset);
  hl_view_fit_all (&view, dataset);

  /* From the left edge, Right visits every event, in time order. */
  while ((current = hl_view_step_event (&view, dataset, current, 1)) >= 0)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, current);

      g_assert_cmpint (ev->time, >=, last_time);
      g_assert_cmpint (current, ==, visited);
      last_time = ev->time;
      visited++;
    }
  g_assert_cmpint (visited, ==, 188);

  /* Left from the right edge visits them backwards. */
  current = hl_view_step_event (&view, dataset, -1, -1);
  g_assert_cmpint (current, ==, 187);
  current = hl_view_step_event (&view, dataset, current, -1);
  g_assert_cmpint (current, ==, 186);

  /* From the left edge of the default range (1 July 2023), the first step
   * lands on the first event on or after it. */
  hl_dataset_get_default_range (dataset, &view.from, &view.to);
  g_assert_cmpstr (event_id (hl_view_step_event (&view, dataset, -1, 1)), ==,
                   "2023-07-12-icbm");
  hl_view_clear (&view);
}

static void
test_step_event_hidden_lane (void)
{
  HlDataset *dataset = bundled ();
  int heists = hl_dataset_find_lane (dataset, "heists");
  HlView view;
  int current = -1, visited = 0, n_heists = 0;

  g_assert_cmpint (heists, >=, 0);
  for (guint i = 0; i < hl_dataset_get_n_events (dataset); i++)
    n_heists += hl_dataset_get_event (dataset, i)->lane == (guint) heists;
  g_assert_cmpint (n_heists, >, 0);

  hl_view_init (&view, dataset);
  hl_view_fit_all (&view, dataset);
  hl_lane_mask_set (&view.hidden_lanes, heists);
  while ((current = hl_view_step_event (&view, dataset, current, 1)) >= 0)
    {
      g_assert_cmpuint (hl_dataset_get_event (dataset, current)->lane, !=, heists);
      visited++;
    }
  g_assert_cmpint (visited, ==, 188 - n_heists);
  hl_view_clear (&view);
}

static void
test_step_lane (void)
{
  HlDataset *dataset = bundled ();
  int stake = hl_dataset_find_event (dataset, "stake-2023");
  HlView view;
  int i;

  hl_view_init (&view, dataset);

  /* Stake.com (4 Sep) -> the nearest launch: cruise missiles on 2 Sep */
  i = hl_view_step_lane (&view, dataset, stake, 1);
  g_assert_cmpstr (event_id (i), ==, "2023-09-02-cm");
  /* -> the nearest milestone: the submarine on 6 Sep */
  i = hl_view_step_lane (&view, dataset, i, 1);
  g_assert_cmpstr (event_id (i), ==, "2023-09-06-sub");
  /* Down from the last lane stays */
  g_assert_cmpint (hl_view_step_lane (&view, dataset, i, 1), ==, i);
  /* Up from the submarine: 2 Sep (4 days) beats 13 Sep (7 days) */
  i = hl_view_step_lane (&view, dataset, i, -1);
  g_assert_cmpstr (event_id (i), ==, "2023-09-02-cm");
  i = hl_view_step_lane (&view, dataset, i, -1);
  g_assert_cmpstr (event_id (i), ==, "stake-2023");

  /* A hidden lane is skipped */
  hl_lane_mask_set (&view.hidden_lanes, hl_dataset_find_lane (dataset, "launches"));
  i = hl_view_step_lane (&view, dataset, stake, 1);
  g_assert_cmpstr (event_id (i), ==, "2023-09-06-sub");
  hl_view_clear (&view);
}

static void
test_search_matches (void)
{
  HlDataset *dataset = bundled ();
  HlView view;
  int first, i, april;

  hl_view_init (&view, dataset);
  g_assert_cmpuint (hl_view_count_matches (&view, dataset), ==, 0);
  g_assert_cmpint (hl_view_step_match (&view, dataset, -1, 1), ==, -1);

  /* Titles and notes: two Hwasong-18 flights, and two events whose notes
   * name a Hwasong variant. */
  view.search = g_strdup ("hwasong");
  g_assert_cmpuint (hl_view_count_matches (&view, dataset), ==, 4);
  g_free (view.search);
  view.search = g_strdup ("Hwasong-18");
  g_assert_cmpuint (hl_view_count_matches (&view, dataset), ==, 2);

  first = hl_view_step_match (&view, dataset, -1, 1);
  g_assert_cmpstr (event_id (first), ==, "2023-07-12-icbm");
  i = hl_view_step_match (&view, dataset, first, 1);
  g_assert_cmpstr (event_id (i), ==, "2023-12-18-icbm");
  /* Wraps around, through the April 2023 flight before the view */
  april = hl_view_step_match (&view, dataset, i, 1);
  g_assert_cmpstr (event_id (april), ==, "2023-04-13-icbm");
  g_assert_cmpint (hl_view_step_match (&view, dataset, april, 1), ==, first);
  g_assert_cmpint (hl_view_step_match (&view, dataset, first, -1), ==, april);
  g_assert_cmpint (hl_view_step_match (&view, dataset, april, -1), ==, i);

  /* Only events shown count */
  hl_lane_mask_set (&view.hidden_lanes, hl_dataset_find_lane (dataset, "launches"));
  g_assert_cmpuint (hl_view_count_matches (&view, dataset), ==, 0);
  g_assert_cmpint (hl_view_step_match (&view, dataset, -1, 1), ==, -1);
  hl_view_clear (&view);
}

/* The names settings and --bins=/--money-scale= store go both ways, and
 * anything else is refused rather than read as a default. */
static void
test_bins_and_scale_names (void)
{
  const char *bins[] = { "marks", "auto", "day", "week", "month", "quarter", "year" };
  HlBins b = HL_BINS_MARKS;
  HlMoneyScale m = HL_MONEY_LINEAR;
  HlView view;

  for (guint i = 0; i < G_N_ELEMENTS (bins); i++)
    {
      g_assert_true (hl_bins_from_string (bins[i], &b));
      g_assert_cmpstr (hl_bins_to_string (b), ==, bins[i]);
    }
  g_assert_false (hl_bins_from_string ("decade", &b));
  g_assert_false (hl_bins_from_string (NULL, &b));
  g_assert_cmpstr (hl_bins_to_string (b), ==, "year");

  g_assert_true (hl_money_scale_from_string ("log", &m));
  g_assert_cmpint (m, ==, HL_MONEY_LOG);
  g_assert_cmpstr (hl_money_scale_to_string (HL_MONEY_LINEAR), ==, "linear");
  g_assert_false (hl_money_scale_from_string ("Log", &m));

  hl_view_init (&view, NULL);
  g_assert_cmpint (view.bins, ==, HL_BINS_AUTO);
  g_assert_cmpint (view.money_scale, ==, HL_MONEY_LINEAR);
  hl_view_clear (&view);
}

/* Issue 13: a view of several files has more than 32 lanes; its masks
 * hide and grade any of them, and copy by value. */
static void
test_lane_mask_past_32 (void)
{
  HlView view;
  HlLaneMask copy, all;

  hl_view_init (&view, bundled ());
  g_assert_true (hl_lane_mask_is_empty (&view.hidden_lanes));
  hl_lane_mask_set (&view.hidden_lanes, 40);
  hl_lane_mask_set (&view.hidden_lanes, HL_VIEW_MAX_LANES - 1);
  hl_lane_mask_set (&view.hidden_lanes, HL_VIEW_MAX_LANES);   /* past the cap: ignored */
  g_assert_false (hl_view_lane_visible (&view, 40));
  g_assert_false (hl_view_lane_visible (&view, HL_VIEW_MAX_LANES - 1));
  g_assert_true (hl_view_lane_visible (&view, 39));
  g_assert_true (hl_view_lane_visible (&view, 8));
  copy = view.hidden_lanes;
  g_assert_true (hl_lane_mask_equal (&copy, &view.hidden_lanes));
  hl_lane_mask_clear (&view.hidden_lanes, 40);
  g_assert_true (hl_view_lane_visible (&view, 40));
  g_assert_false (hl_lane_mask_equal (&copy, &view.hidden_lanes));
  hl_lane_mask_fill (&all, 41);
  g_assert_true (hl_lane_mask_test (&all, 40));
  g_assert_false (hl_lane_mask_test (&all, 41));
  g_assert_true (hl_lane_mask_intersects (&all, &copy));
  g_assert_cmpuint (HL_VIEW_MAX_LANES, ==, 8 * HL_DATASET_MAX_LANES);
  hl_view_clear (&view);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/zoom-anchor", test_zoom_anchor);
  g_test_add_func ("/view/zoom-clamp", test_zoom_clamp);
  g_test_add_func ("/view/pan", test_pan);
  g_test_add_func ("/view/fit-all", test_fit_all);
  g_test_add_func ("/view/range-kept", test_range_kept);
  g_test_add_func ("/view/fit-all-millennia", test_fit_all_millennia);
  g_test_add_func ("/view/step-event-order", test_step_event_order);
  g_test_add_func ("/view/step-event-hidden-lane", test_step_event_hidden_lane);
  g_test_add_func ("/view/step-lane", test_step_lane);
  g_test_add_func ("/view/search-matches", test_search_matches);
  g_test_add_func ("/view/bins-and-scale-names", test_bins_and_scale_names);
  g_test_add_func ("/view/lane-mask-past-32", test_lane_mask_past_32);

  return g_test_run ();
}
