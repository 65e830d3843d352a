/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the data does not know, drawn and said as such (issue 16): a theft
 * known only to the month is a hollow bar with a line across its month,
 * never a bar on a made-up day; one with no published amount is a hollow
 * square, never a $0 bar; the hover card and the words say so. */
#include <math.h>

#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-describe.h"
#include "test-util.h"

#define LANE_R 0xD5
#define LANE_G 0x5E
#define LANE_B 0x00

static HlDataset *
fixture (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "good-precision-no-amount.json",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HlDataset *dataset = hl_dataset_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static const HlEvent *
event (HlDataset *dataset, const char *id, int *index)
{
  *index = hl_dataset_find_event (dataset, id);
  g_assert_cmpint (*index, >=, 0);
  return hl_dataset_get_event (dataset, (guint) *index);
}

static gboolean
is_lane_colour (cairo_surface_t *surface, double x, double y)
{
  guint r, g, b, a;

  hl_test_pixel_at (surface, (int) floor (x), (int) floor (y), &r, &g, &b, &a);
  return abs ((int) r - LANE_R) <= 8 && abs ((int) g - LANE_G) <= 8 && b <= 8 && a == 255;
}

/* The lane's orange anywhere on the pixel row from @x0 to @x1: an outline
 * drawn with antialiasing is paler than the fill, but orange still. */
static gboolean
orange_between (cairo_surface_t *surface, double x0, double x1, double y)
{
  for (int x = (int) floor (x0); x <= (int) ceil (x1); x++)
    {
      guint r, g, b, a;

      hl_test_pixel_at (surface, x, (int) floor (y), &r, &g, &b, &a);
      if (r > 180 && (int) r - (int) b > 90 && (int) r - (int) g > 40)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_text (HlChart *chart, const char *text)
{
  guint n;

  _hl_chart_get_text_boxes (chart, &n);
  for (guint i = 0; i < n; i++)
    if (strstr (_hl_chart_get_text_box_label (chart, i), text) != NULL)
      return TRUE;
  return FALSE;
}

/* 2017 at 1280×720: Bithumb (February 2017, day not known) and Youbit
 * (19 December 2017, no amount) */
static void
test_drawn (void)
{
  g_autoptr(HlDataset) dataset = fixture ();
  g_autoptr(HlChart) chart = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  const HlEvent *bithumb, *youbit;
  int bi, yi;
  HlBox bar, square;
  HlView view;
  double base, mid_month;

  bithumb = event (dataset, "bithumb", &bi);
  youbit = event (dataset, "youbit", &yi);
  hl_view_init (&view, dataset);
  hl_view_set_range (&view, hl_date_from_ymd (2017, 1, 1), hl_date_from_ymd (2018, 1, 1));
  chart = hl_chart_new (dataset, &view, 1280, 720);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
  cr = cairo_create (surface);
  hl_chart_draw (chart, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Bithumb: a bar of $7M, hollow (its middle is not the lane's colour,
   * its edge is), and the lane's colour along the baseline in mid-February */
  g_assert_true (hl_chart_get_event_box (chart, bi, &bar));
  g_assert_cmpfloat (bar.height, >, 10);
  g_assert_false (is_lane_colour (surface, bar.x + bar.width / 2, bar.y + bar.height / 2));
  g_assert_true (orange_between (surface, bar.x - 1, bar.x + 1, bar.y + bar.height / 2));
  base = bar.y + bar.height;
  mid_month = hl_chart_time_to_x (chart, hl_date_from_ymd (2017, 2, 15));
  g_assert_true (orange_between (surface, mid_month, mid_month, base));
  /* and not in mid-March, where no event is */
  mid_month = hl_chart_time_to_x (chart, hl_date_from_ymd (2017, 3, 15));
  g_assert_false (orange_between (surface, mid_month, mid_month, base));

  /* Youbit: no bar but a hollow square on the baseline */
  g_assert_true (hl_chart_get_event_box (chart, yi, &square));
  g_assert_cmpfloat (square.width, ==, square.height);
  g_assert_cmpfloat_with_epsilon (square.y + square.height, base, 1);
  g_assert_false (is_lane_colour (surface, square.x + square.width / 2,
                                  square.y + square.height / 2));
  g_assert_true (orange_between (surface, square.x - 1, square.x + 1,
                                 square.y + square.height / 2));

  /* The legend says what both mean */
  g_assert_true (has_text (chart, "month or year known, not the day"));
  g_assert_true (has_text (chart, "amount not known"));

  /* The hover card says no more than the file knows */
  {
    g_autofree char *card = _hl_chart_describe_event_card (chart, bithumb);
    g_autofree char *no_amount = _hl_chart_describe_event_card (chart, youbit);

    g_assert_true (g_str_has_prefix (card, "February 2017 (day not known)\n"));
    g_assert_nonnull (strstr (no_amount, "amount not known"));
    g_assert_null (strstr (no_amount, "$0"));
  }
  cairo_surface_destroy (surface);
  hl_view_clear (&view);
}

/* The words: a month, a year, a day; an amount nobody published */
static void
test_words (void)
{
  g_autoptr(HlDataset) dataset = fixture ();
  int i;
  g_autofree char *month = hl_describe_event_date (event (dataset, "bithumb", &i));
  g_autofree char *year = hl_describe_event_date (event (dataset, "y", &i));
  g_autofree char *day = hl_describe_event_date (event (dataset, "stake", &i));
  g_autofree char *amount = hl_describe_amount (dataset, event (dataset, "youbit", &i));
  g_autofree char *known = hl_describe_amount (dataset, event (dataset, "bithumb", &i));

  g_assert_cmpstr (month, ==, "February 2017 (day not known)");
  g_assert_cmpstr (year, ==, "2019 (month not known)");
  g_assert_cmpstr (day, ==, "4 September 2023");
  g_assert_cmpstr (amount, ==, "amount not known");
  g_assert_cmpstr (known, ==, "$7.0 million");

  /* A lane's totals say how many events have no amount */
  {
    HlTotals totals;
    HlView view;
    g_autofree char *line = NULL;

    hl_view_init (&view, dataset);
    hl_view_set_range (&view, hl_date_from_ymd (2017, 1, 1), hl_date_from_ymd (2024, 1, 1));
    hl_totals_compute (&totals, dataset, &view);
    line = hl_describe_lane_totals (dataset, 0, &totals.lanes[0]);
    g_assert_cmpstr (line, ==, "\u2068Heists\u2069: 3 events, $48M (1 without an amount)");
    hl_view_clear (&view);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/uncertain/drawn", test_drawn);
  g_test_add_func ("/uncertain/words", test_words);
  return g_test_run ();
}
