/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A span lane (src/render/hl-layer-span-lane.c): spans drawn from the x of
 * their start to the x of their end, packed into rows with no two in a
 * row overlapping, "+N more" for those with no row, labels inside, beside
 * or counted; the hover card, the words, the legend, hit tests and
 * stepping. On a small lane, a generated 200-span lane over ten years and
 * the sanctions-like data with Korean and Arabic titles. */
#include "config.h"

#include <math.h>

#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-describe.h"
#include "test-util.h"

#define SMALL \
  "{ \"format\": \"heistline-dataset/1\", \"title\": \"T\",\n" \
  "  \"lanes\": [ { \"id\": \"heists\", \"title\": \"Heists\", \"measure\": \"usd\" },\n" \
  "    { \"id\": \"measures\", \"title\": \"Measures\", \"measure\": \"span\"%s } ],\n" \
  "  \"events\": [\n" \
  "    { \"id\": \"h\", \"lane\": \"heists\", \"date\": \"2023-03-10\", \"title\": \"H\", \"usd\": 5e6 },\n" \
  "    { \"id\": \"long\", \"lane\": \"measures\", \"date\": \"2023-01-15\", \"end\": \"2023-12-31\",\n" \
  "      \"title\": \"Long measure\" },\n" \
  "    { \"id\": \"march\", \"lane\": \"measures\", \"date\": \"2023-03-01\", \"end\": \"2023-03-31\",\n" \
  "      \"title\": \"March\" },\n" \
  "    { \"id\": \"spring\", \"lane\": \"measures\", \"date\": \"2023-03-15\", \"end\": \"2023-04-10\",\n" \
  "      \"title\": \"Spring\", \"confidence\": \"disputed\" },\n" \
  "    { \"id\": \"tick\", \"lane\": \"measures\", \"date\": \"2023-05-01\", \"title\": \"Tick\" } ] }"

static HlDataset *
load_text (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  HlDataset *ds = hl_dataset_new_from_bytes (bytes, "span-test.json", NULL, &error);

  g_assert_no_error (error);
  return ds;
}

static HlDataset *
load_small (gboolean with_unit)
{
  g_autofree char *json = g_strdup_printf (SMALL, with_unit ? ", \"unit\": \"Measures\"" : "");

  return load_text (json);
}

static const HlMark *
mark_of (HlChart *chart, HlDataset *ds, const char *id)
{
  int event = hl_dataset_find_event (ds, id);
  guint n;
  const HlMark *marks = _hl_chart_get_marks (chart, &n);

  for (guint i = 0; i < n; i++)
    if (marks[i].event == event)
      return &marks[i];
  g_error ("no mark for %s", id);
  return NULL;
}

static gboolean
is_lane_colour (HlChart *chart, cairo_surface_t *surface, double x, double y, guint lane)
{
  HlRgba c = chart->style.lane_colors[lane];
  guint r, g, b, a;

  hl_test_pixel_at (surface, (int) floor (x), (int) floor (y), &r, &g, &b, &a);
  g_test_message ("(%.1f, %.1f): %u %u %u", x, y, r, g, b);
  return fabs (r - c.r * 255) < 8 && fabs (g - c.g * 255) < 8 && fabs (b - c.b * 255) < 8;
}

/* No two marks of @lane in one row overlap; returns how many it has. */
static guint
assert_rows_apart (HlChart *chart, guint lane)
{
  guint n, found = 0;
  const HlMark *marks = _hl_chart_get_marks (chart, &n);

  for (guint i = 0; i < n; i++)
    {
      if (marks[i].lane != lane)
        continue;
      found++;
      g_assert_cmpfloat (marks[i].box.x, >=, chart->plot.x);
      g_assert_cmpfloat (marks[i].box.x + marks[i].box.width, <=,
                         chart->plot.x + chart->plot.width + 0.01);
      g_assert_cmpfloat (marks[i].box.y + marks[i].box.height, <=,
                         chart->lanes[lane].band.y + chart->lanes[lane].band.height + 0.01);
      for (guint j = i + 1; j < n; j++)
        if (marks[j].lane == lane && marks[j].box.y == marks[i].box.y &&
            marks[j].box.x < marks[i].box.x + marks[i].box.width &&
            marks[i].box.x < marks[j].box.x + marks[j].box.width)
          g_error ("spans %d and %d overlap in a row", marks[i].event, marks[j].event);
    }
  return found;
}

static gboolean
has_text (HlChart *chart, const char *text, int event)
{
  for (guint i = 0; i < chart->texts->len; i++)
    {
      const HlText *t = &g_array_index (chart->texts, HlText, i);

      if (g_str_equal (pango_layout_get_text (t->layout), text) &&
          (event == -2 || t->event == event))
        return TRUE;
    }
  return FALSE;
}

/* The x of each span's start and end are at their dates, in pixels. */
static void
test_pixels (void)
{
  g_autoptr(HlDataset) ds = load_small (TRUE);
  g_autoptr(HlChart) chart = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 700);
  cairo_t *cr = cairo_create (surface);
  const HlMark *march, *spring, *tick, *lng;
  double x_mar1, x_apr1, y;
  HlView view;

  hl_view_init (&view, ds);
  hl_view_set_range (&view, hl_date_from_ymd (2023, 2, 1), hl_date_from_ymd (2023, 6, 1));
  chart = hl_chart_new (ds, &view, 1200, 700);
  hl_chart_draw (chart, cr);
  cairo_surface_flush (surface);

  march = mark_of (chart, ds, "march");
  spring = mark_of (chart, ds, "spring");
  tick = mark_of (chart, ds, "tick");
  lng = mark_of (chart, ds, "long");
  x_mar1 = hl_chart_time_to_x (chart, hl_date_from_ymd (2023, 3, 1));
  x_apr1 = hl_chart_time_to_x (chart, hl_date_from_ymd (2023, 4, 1));
  /* 1 to 31 March, whole days: from the first moment to the next midnight */
  g_assert_cmpfloat (fabs (march->box.x - x_mar1), <, 0.01);
  g_assert_cmpfloat (fabs (march->box.x + march->box.width - x_apr1), <, 0.01);
  y = march->box.y + 1;   /* above its label */
  g_assert_true (is_lane_colour (chart, surface, x_mar1 + 1, y, 1));
  g_assert_true (is_lane_colour (chart, surface, x_apr1 - 1.5, y, 1));
  g_assert_false (is_lane_colour (chart, surface, x_mar1 - 2, y, 1));
  g_assert_false (is_lane_colour (chart, surface, x_apr1 + 2, y, 1));
  /* overlapping spans take different rows; the spring one is hatched */
  g_assert_cmpfloat (spring->box.y, !=, march->box.y);
  g_assert_true (spring->dashed);
  g_assert_false (march->dashed);
  /* began before the view: from the plot's edge, with an arrow head there */
  g_assert_cmpfloat (lng->box.x, ==, chart->plot.x);
  g_assert_cmpfloat (lng->box.x + lng->box.width, ==, chart->plot.x + chart->plot.width);
  g_assert_true (has_text (chart, "◂", hl_dataset_find_event (ds, "long")));
  g_assert_true (has_text (chart, "▸", hl_dataset_find_event (ds, "long")));
  g_assert_false (has_text (chart, "◂", hl_dataset_find_event (ds, "march")));
  /* an instant: a short tick at its date */
  g_assert_cmpfloat (tick->box.width, <=, 3);
  g_assert_cmpfloat (fabs (tick->box.x + tick->box.width / 2 -
                           hl_chart_time_to_x (chart, hl_date_from_ymd (2023, 5, 1) + 43200)),
                     <, 0.51);
  /* labels inside the bars that hold them */
  g_assert_true (has_text (chart, "March", hl_dataset_find_event (ds, "march")));
  g_assert_true (has_text (chart, "Long measure", hl_dataset_find_event (ds, "long")));
  g_assert_cmpuint (assert_rows_apart (chart, 1), ==, 4);

  /* under the pointer, along the whole bar */
  g_assert_cmpint (hl_chart_hit_test (chart, x_apr1 - 3, march->box.y + march->box.height / 2),
                   ==, hl_dataset_find_event (ds, "march"));
  g_assert_cmpint (hl_chart_hit_test (chart, x_mar1 + 3, lng->box.y + 2),
                   ==, hl_dataset_find_event (ds, "long"));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  hl_view_clear (&view);
}

/* Both dates and the duration on the card; an instant says it has no
 * end; the lane's words, never a dataset's. */
static void
test_card_and_words (void)
{
  g_autoptr(HlDataset) ds = load_small (TRUE);
  g_autoptr(HlDataset) bare = load_small (FALSE);
  g_autoptr(HlChart) chart = NULL;
  g_autofree char *march = NULL;
  g_autofree char *tick = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *subtitle_bare = NULL;
  g_autofree char *more = NULL;
  g_autofree char *both = NULL;
  g_autofree char *bare_words = NULL;
  g_auto(GStrv) legend = NULL;
  HlView view;

  hl_view_init (&view, ds);
  hl_view_set_range (&view, hl_date_from_ymd (2023, 2, 1), hl_date_from_ymd (2023, 6, 1));
  chart = hl_chart_new (ds, &view, 1200, 700);
  march = _hl_chart_describe_event_card (chart, hl_dataset_get_event (ds,
                                           hl_dataset_find_event (ds, "march")));
  g_assert_cmpstr (march, ==, "1 March 2023 – 31 March 2023 (31 days)\n\u2068Measures\u2069");
  tick = _hl_chart_describe_event_card (chart, hl_dataset_get_event (ds,
                                          hl_dataset_find_event (ds, "tick")));
  g_assert_cmpstr (tick, ==, "1 May 2023\n\u2068Measures\u2069 · no end date");
  amount = hl_describe_amount (ds, hl_dataset_get_event (ds, hl_dataset_find_event (ds, "march")));
  g_assert_cmpstr (amount, ==, "lasting 31 days");

  /* in force in the view: the long one, March, spring, the tick */
  g_assert_cmpuint (hl_describe_count_in_force (ds, &view, 1), ==, 4);
  subtitle = hl_describe_totals (ds, &view, hl_chart_get_totals (chart));
  g_assert_nonnull (strstr (subtitle, "\u2068Measures\u2069 in force: 4"));
  subtitle_bare = hl_describe_totals (bare, &view, hl_chart_get_totals (chart));
  g_assert_nonnull (strstr (subtitle_bare, "\u2068Measures\u2069: 4 in force"));
  g_assert_null (strstr (subtitle_bare, "events"));
  hl_view_set_range (&view, hl_date_from_ymd (2023, 4, 11), hl_date_from_ymd (2023, 4, 30));
  g_assert_cmpuint (hl_describe_count_in_force (ds, &view, 1), ==, 1);

  more = hl_describe_spans_not_shown (12, 0);
  g_assert_cmpstr (more, ==, "+12 more");
  both = hl_describe_spans_not_shown (1, 30);
  g_assert_cmpstr (both, ==, "+1 more · 30 unlabelled");
  bare_words = hl_describe_spans_not_shown (0, 1);
  g_assert_cmpstr (bare_words, ==, "1 unlabelled");
  g_assert_null (hl_describe_spans_not_shown (0, 0));

  /* the legend: the lane, the tick, the hatching */
  legend = _hl_chart_get_legend (chart);
  g_assert_true (g_strv_contains ((const char * const *) legend, "Measures"));
  g_assert_true (g_strv_contains ((const char * const *) legend, "no end date"));
  g_assert_true (g_strv_contains ((const char * const *) legend,
                                  "suspected or disputed attribution"));
  hl_view_clear (&view);
}

/* Keyboard stepping reaches the spans, and the selection's box is the bar. */
static void
test_stepping (void)
{
  g_autoptr(HlDataset) ds = load_small (TRUE);
  g_autoptr(HlChart) chart = NULL;
  HlView view;
  HlBox box;
  int e = -1;
  gboolean seen_march = FALSE, seen_tick = FALSE;

  hl_view_init (&view, ds);
  hl_view_set_range (&view, hl_date_from_ymd (2023, 2, 1), hl_date_from_ymd (2023, 6, 1));
  chart = hl_chart_new (ds, &view, 1200, 700);
  while ((e = hl_view_step_event (&view, ds, e, 1)) >= 0)
    {
      seen_march |= e == hl_dataset_find_event (ds, "march");
      seen_tick |= e == hl_dataset_find_event (ds, "tick");
      if (e == hl_dataset_find_event (ds, "march"))
        {
          g_assert_true (hl_chart_get_event_box (chart, e, &box));
          g_assert_cmpfloat (fabs (box.x - hl_chart_time_to_x (chart, hl_date_from_ymd (2023, 3, 1))),
                             <, 0.01);
          g_assert_cmpfloat (box.width, >, 50);
        }
    }
  g_assert_true (seen_march && seen_tick);
  hl_view_clear (&view);
}

/* 200 spans over ten years: no overlap in a row, every span drawn or
 * counted in the "+N more" note that says so. */
static void
test_generated (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"heistline-dataset/1\",\n"
                                          "  \"lanes\": [ { \"id\": \"heists\", \"measure\": \"usd\" },\n"
                                          "    { \"id\": \"drills\", \"measure\": \"span\" } ],\n"
                                          "  \"events\": [ { \"id\": \"h\", \"lane\": \"heists\", "
                                          "\"date\": \"2020-01-01\", \"title\": \"H\", \"usd\": 1 }");
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(HlDataset) ds = NULL;
  g_autoptr(HlChart) chart = NULL;
  guint hidden, unlabelled, drawn;
  g_autofree char *note = NULL;
  HlView view;

  for (guint i = 0; i < 200; i++)
    {
      gint64 start = hl_date_from_ymd (2015, 1, 1) + g_rand_int_range (rand, 0, 3650) * HL_SECONDS_PER_DAY;
      gint64 end = start + g_rand_int_range (rand, 0, 400) * HL_SECONDS_PER_DAY;
      g_autofree char *from = hl_date_format_iso (start);
      g_autofree char *to = hl_date_format_iso (end);

      if (i % 10 == 9)
        g_string_append_printf (json, ",\n{ \"id\": \"d%u\", \"lane\": \"drills\", \"date\": \"%s\", "
                                "\"title\": \"Drill %u\" }", i, from, i);
      else
        g_string_append_printf (json, ",\n{ \"id\": \"d%u\", \"lane\": \"drills\", \"date\": \"%s\", "
                                "\"end\": \"%s\", \"title\": \"Drill %u\" }", i, from, to, i);
    }
  g_string_append (json, "] }");
  ds = load_text (json->str);
  hl_view_init (&view, ds);
  hl_view_set_range (&view, hl_date_from_ymd (2015, 1, 1), hl_date_from_ymd (2026, 1, 1));
  chart = hl_chart_new (ds, &view, 1600, 900);
  drawn = assert_rows_apart (chart, 1);
  _hl_chart_get_span_counts (chart, 1, &hidden, &unlabelled);
  g_test_message ("drawn %u, hidden %u, unlabelled %u", drawn, hidden, unlabelled);
  g_assert_cmpuint (drawn + hidden, ==, 200);
  g_assert_cmpuint (drawn, >=, 60);
  g_assert_cmpuint (hidden, >, 0);
  note = hl_describe_spans_not_shown (hidden, unlabelled);
  g_assert_true (has_text (chart, note, -2));
  g_assert_true (g_str_has_prefix (note, "+"));
  hl_view_clear (&view);
}

/* The sanctions-like file: Korean and Arabic titles inside their bars,
 * rows apart, every span accounted for, in light and dark. */
static void
test_realistic (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "span-sanctions.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) ds = hl_dataset_new_from_file (file, NULL, &error);
  guint n_in_lane;

  g_assert_no_error (error);
  n_in_lane = hl_dataset_lane_get_n_events (ds, 0);
  for (int theme = HL_THEME_LIGHT; theme <= HL_THEME_DARK; theme++)
    {
      g_autoptr(HlChart) chart = NULL;
      guint hidden, unlabelled, drawn;
      HlView view;

      hl_view_init (&view, ds);
      view.theme = theme;
      chart = hl_chart_new (ds, &view, 1600, 900);
      drawn = assert_rows_apart (chart, 0);
      _hl_chart_get_span_counts (chart, 0, &hidden, &unlabelled);
      g_assert_cmpuint (drawn + hidden, ==, n_in_lane);
      g_assert_cmpuint (drawn, >=, n_in_lane * 3 / 4);
      if (hidden > 0)
        {
          g_autofree char *note = hl_describe_spans_not_shown (hidden, unlabelled);

          g_assert_true (has_text (chart, note, -2));
        }
      g_assert_true (has_text (chart, "제재 지정", -2));
      g_assert_true (has_text (chart, "تصنيف العقوبات", -2));
      hl_view_clear (&view);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/span-lane/pixels", test_pixels);
  g_test_add_func ("/span-lane/card-and-words", test_card_and_words);
  g_test_add_func ("/span-lane/stepping", test_stepping);
  g_test_add_func ("/span-lane/generated", test_generated);
  g_test_add_func ("/span-lane/realistic", test_realistic);
  return g_test_run ();
}
