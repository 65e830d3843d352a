/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Events that last (src/render/hl-layer-spans.c): a lasting event is drawn
 * as a bar along its lane from the x of its start to the x of its end, in
 * money and count lanes; a span that started before the view starts at the
 * plot's edge; its amount stays at its start date. */
#include "config.h"

#include <math.h>

#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-describe.h"
#include "test-util.h"

static HlDataset *
load (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HlDataset *ds = hl_dataset_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return ds;
}

static int
argmax (double r, double g, double b)
{
  return r >= g && r >= b ? 0 : g >= b ? 1 : 2;
}

/* TRUE if the pixel at (x, y) is drawn in the lane's colour (marks are
 * blended over the background, so its hue, not its exact value): a
 * coloured pixel, not the grey of the background and gridlines, whose
 * strongest channel is the lane colour's. */
static gboolean
is_lane_colour (HlChart *chart, cairo_surface_t *surface, double x, double y, guint lane)
{
  HlRgba c = chart->style.lane_colors[lane];
  guint r, g, b, a;

  hl_test_pixel_at (surface, (int) floor (x), (int) floor (y), &r, &g, &b, &a);
  g_test_message ("(%.1f, %.1f): %u %u %u", x, y, r, g, b);
  return MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 60 &&
         argmax (r, g, b) == argmax (c.r, c.g, c.b);
}

static gint64
at (int m, int d, int hour)
{
  return hl_date_from_ymd (2023, m, d) + hour * 3600;
}

static void
test_spans (void)
{
  g_autoptr(HlDataset) ds = load ("good-spans.json");
  g_autoptr(HlChart) chart = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 600);
  cairo_t *cr = cairo_create (surface);
  const HlTotals *totals;
  HlView view;
  double y_money, y_count;

  hl_view_init (&view, ds);
  hl_view_set_range (&view, hl_date_from_ymd (2023, 9, 1), hl_date_from_ymd (2023, 9, 26));
  chart = hl_chart_new (ds, &view, 1200, 600);
  hl_chart_draw (chart, cr);
  cairo_surface_flush (surface);
  /* along the bottom of each lane */
  y_money = chart->lanes[0].base - 2;
  y_count = chart->lanes[1].content.y + chart->lanes[1].content.height - 2;

  /* money: 4 to 10 September, both whole days */
  g_assert_true (is_lane_colour (chart, surface, hl_chart_time_to_x (chart, at (9, 7, 12)),
                                 y_money, 0));
  g_assert_true (is_lane_colour (chart, surface,
                                 hl_chart_time_to_x (chart, at (9, 4, 0)) + 1, y_money, 0));
  g_assert_true (is_lane_colour (chart, surface,
                                 hl_chart_time_to_x (chart, at (9, 11, 0)) - 1, y_money, 0));
  g_assert_false (is_lane_colour (chart, surface,
                                  hl_chart_time_to_x (chart, at (9, 11, 0)) + 2, y_money, 0));
  g_assert_false (is_lane_colour (chart, surface,
                                  hl_chart_time_to_x (chart, at (9, 3, 12)), y_money, 0));
  /* an instant has no span */
  g_assert_false (is_lane_colour (chart, surface, hl_chart_time_to_x (chart, at (9, 21, 12)),
                                  y_money, 0));

  /* count: 13 to 16 September */
  g_assert_true (is_lane_colour (chart, surface, hl_chart_time_to_x (chart, at (9, 15, 0)),
                                 y_count, 1));
  g_assert_false (is_lane_colour (chart, surface, hl_chart_time_to_x (chart, at (9, 17, 12)),
                                  y_count, 1));
  /* begun in August: drawn from the plot's edge to 6 September */
  g_assert_true (is_lane_colour (chart, surface, chart->plot.x + 1, y_count, 1));
  g_assert_true (is_lane_colour (chart, surface, hl_chart_time_to_x (chart, at (9, 6, 12)),
                                 y_count, 1));
  g_assert_false (is_lane_colour (chart, surface, hl_chart_time_to_x (chart, at (9, 8, 12)),
                                  y_count, 1));

  /* a span is its event under the pointer, along its whole length */
  g_assert_cmpint (hl_chart_hit_test (chart, hl_chart_time_to_x (chart, at (9, 8, 12)), y_money),
                   ==, hl_dataset_find_event (ds, "campaign"));
  g_assert_cmpint (hl_chart_hit_test (chart, hl_chart_time_to_x (chart, at (9, 15, 12)), y_count),
                   ==, hl_dataset_find_event (ds, "drill"));
  g_assert_cmpint (hl_chart_hit_test (chart, chart->plot.x + 3, y_count),
                   ==, hl_dataset_find_event (ds, "earlier"));

  /* the amount belongs to the start date: in the view's totals once */
  totals = hl_chart_get_totals (chart);
  g_assert_cmpfloat (totals->lanes[0].usd, ==, 42e6);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  hl_view_clear (&view);
}

/* The hover card names both dates and how long the event lasted. */
static void
test_card (void)
{
  g_autoptr(HlDataset) ds = load ("good-spans.json");
  g_autoptr(HlDataset) ends = load ("good-end.json");
  g_autoptr(HlChart) chart = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *instant = NULL;
  g_autofree char *same_day = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *earlier = NULL;
  HlView view;

  hl_view_init (&view, ds);
  chart = hl_chart_new (ds, &view, 1200, 600);
  campaign = _hl_chart_describe_event_card (chart, hl_dataset_get_event (ds,
                                              hl_dataset_find_event (ds, "campaign")));
  g_assert_true (g_str_has_prefix (campaign,
                                   "4 September 2023 – 10 September 2023 (7 days)\n"));
  instant = _hl_chart_describe_event_card (chart, hl_dataset_get_event (ds,
                                             hl_dataset_find_event (ds, "stake")));
  g_assert_true (g_str_has_prefix (instant, "20 September 2023\n"));
  /* the summary says what began before the view */
  hl_view_set_range (&view, hl_date_from_ymd (2023, 9, 1), hl_date_from_ymd (2023, 9, 26));
  earlier = hl_describe_begun_before (ds, &view, 1);
  g_assert_cmpstr (earlier, ==, "+1 event under way that began before this view (counted on "
                                "its start date)");
  g_assert_null (hl_describe_begun_before (ds, &view, 0));
  hl_view_set_range (&view, hl_date_from_ymd (2023, 9, 7), hl_date_from_ymd (2023, 9, 26));
  g_clear_pointer (&earlier, g_free);
  earlier = hl_describe_begun_before (ds, &view, 0);
  g_assert_cmpstr (earlier, ==, "+1 event under way that began before this view (counted on "
                                "its start date)");
  hl_view_clear (&view);

  same_day = hl_describe_event_dates (hl_dataset_get_event (ends,
                                        hl_dataset_find_event (ends, "same-day")));
  g_assert_cmpstr (same_day, ==, "12 September 2023 (0 minutes)");
  hours = hl_describe_event_dates (hl_dataset_get_event (ends,
                                     hl_dataset_find_event (ends, "day-of-time")));
  g_assert_cmpstr (hours, ==, "14 September 2023 (14 hours)");
}

/* Each lane's lasting events, as the layers ask for them: exactly the
 * events with an end, in time order. */
static void
test_lasting_index (void)
{
  g_autoptr(HlDataset) ds = load ("good-spans.json");
  guint total = 0, with_end = 0;

  for (guint lane = 0; lane < hl_dataset_get_n_lanes (ds); lane++)
    {
      guint n = hl_dataset_lane_get_n_lasting (ds, lane);
      gint64 last = G_MININT64;

      for (guint k = 0; k < n; k++)
        {
          const HlEvent *ev = hl_dataset_get_event (ds, hl_dataset_lane_get_lasting (ds, lane, k));

          g_assert_true (ev->has_end);
          g_assert_cmpuint (ev->lane, ==, lane);
          g_assert_cmpint (ev->time, >=, last);
          last = ev->time;
        }
      total += n;
    }
  for (guint i = 0; i < hl_dataset_get_n_events (ds); i++)
    with_end += hl_dataset_get_events (ds)[i].has_end;
  g_assert_cmpuint (with_end, >, 0);
  g_assert_cmpuint (total, ==, with_end);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/spans/drawn", test_spans);
  g_test_add_func ("/spans/card", test_card);
  g_test_add_func ("/spans/lasting-index", test_lasting_index);
  return g_test_run ();
}
