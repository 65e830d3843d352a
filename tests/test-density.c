/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Any density (issue 10), on a sample of a realistic dataset
 * (tests/data/density.json: ~230 DeFi incidents 2017-2026 with heavy-tailed
 * amounts, 40 on 2021-08-10, a $900M and a $140M two days apart, missile
 * tests of six kinds, an ICBM x2 and a cruise missile on 2022-11-18):
 * same-day events stay apart, the largest are labelled, calendar bins keep
 * the totals, and the money scale says what it shows. No display needed. */
#include <math.h>
#include <string.h>

#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-scale.h"
#include "test-util.h"

static HlDataset *
sample (void)
{
  static HlDataset *dataset;

  if (dataset == NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (TEST_DATA_DIR "/density.json");
      g_autoptr(GError) error = NULL;

      dataset = hl_dataset_new_from_file (file, NULL, &error);
      g_assert_no_error (error);
    }
  return dataset;
}

static cairo_surface_t *
render (HlChart *chart, int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  hl_chart_draw (chart, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static HlChart *
chart_of_day (HlView *view, int y, int m, int d)
{
  gint64 day = hl_date_from_ymd (y, m, d);

  hl_view_init (view, sample ());
  hl_view_set_range (view, day, day + HL_SECONDS_PER_DAY);
  return hl_chart_new (sample (), view, 1920, 1080);
}

/* ------------------------------------------------------------------ */
/* 1. Same-day events */

/* 40 incidents of one day: 40 segments, largest at the base, each its
 * own target; an official one drawn solid, a suspected one pale
 * (hatched), as each would be alone. */
static void
test_same_day_stack (void)
{
  HlDataset *dataset = sample ();
  HlView view;
  g_autoptr(HlChart) chart = chart_of_day (&view, 2021, 8, 10);
  cairo_surface_t *surface = render (chart, 1920, 1080);
  double below = G_MAXDOUBLE, prev_y = G_MAXDOUBLE;
  guint n = 0, solid = 0, pale = 0;

  for (int i = 39; i >= 0; i--)
    {
      g_autofree char *id = g_strdup_printf ("d%d", i);
      int ev = hl_dataset_find_event (dataset, id);
      const HlEvent *e = hl_dataset_get_event (dataset, ev);
      HlBox box;
      guint r, g, b, a;

      g_assert_true (hl_chart_get_event_box (chart, ev, &box));
      /* largest ($4M, d39) at the base, each above the one before */
      g_assert_cmpfloat (box.y + box.height, <=, below + 0.01);
      g_assert_cmpfloat (box.y, <, prev_y);
      below = box.y;
      prev_y = box.y;
      g_assert_cmpint (hl_chart_hit_test (chart, box.x + box.width / 2,
                                          box.y + box.height / 2), ==, ev);
      n++;
      if (box.height < 6)
        continue;
      hl_test_pixel_at (surface, (int) (box.x + box.width / 2),
                        (int) (box.y + box.height / 2) + 1, &r, &g, &b, &a);
      if (e->confidence == HL_CONFIDENCE_OFFICIAL)
        {
          /* the lane's own colour, 0xD55E00 */
          g_assert_cmpuint (r, >, 0xc0);
          g_assert_cmpuint (b, <, 0x30);
          solid++;
        }
      else
        {
          /* a quarter of it over white */
          g_assert_cmpuint (b, >, 0x90);
          pale++;
        }
    }
  g_assert_cmpuint (n, ==, 40);
  g_assert_cmpuint (solid, >, 3);
  g_assert_cmpuint (pale, >, 3);
  cairo_surface_destroy (surface);
  hl_view_clear (&view);
}

/* An ICBM x2 and a cruise missile on one day: two glyphs of their own
 * shapes, apart, each with its own target, and "×2" beside the ICBM
 * (not "×3" for the day). */
static void
test_same_day_glyphs (void)
{
  HlDataset *dataset = sample ();
  HlView view;
  g_autoptr(HlChart) chart = chart_of_day (&view, 2022, 11, 18);
  int icbm = hl_dataset_find_event (dataset, "pair-icbm");
  int cruise = hl_dataset_find_event (dataset, "pair-cruise");
  gboolean two = FALSE, three = FALSE;
  guint n_boxes;
  HlBox a, b;

  g_assert_true (hl_chart_get_event_box (chart, icbm, &a));
  g_assert_true (hl_chart_get_event_box (chart, cruise, &b));
  g_assert_false (hl_box_overlaps (&a, &b));
  g_assert_cmpint (_hl_chart_get_mark_shape (chart, icbm), ==, HL_MARK_TRIANGLE);
  g_assert_cmpint (_hl_chart_get_mark_shape (chart, cruise), ==, HL_MARK_DIAMOND);
  g_assert_cmpint (hl_chart_hit_test (chart, a.x + a.width / 2, a.y + a.height / 2), ==, icbm);
  g_assert_cmpint (hl_chart_hit_test (chart, b.x + b.width / 2, b.y + b.height / 2), ==,
                   cruise);
  _hl_chart_get_text_boxes (chart, &n_boxes);
  for (guint i = 0; i < n_boxes; i++)
    {
      two |= g_strcmp0 (_hl_chart_get_text_box_label (chart, i), "×2") == 0;
      three |= g_strcmp0 (_hl_chart_get_text_box_label (chart, i), "×3") == 0;
    }
  g_assert_true (two);
  g_assert_false (three);
  hl_view_clear (&view);
}

/* ------------------------------------------------------------------ */
/* 2. Labels by importance */

/* Does a label in the plot start with @title (alone, or "+N" after it)? */
static gboolean
has_label_for (HlChart *chart, const char *title)
{
  guint n_boxes;

  _hl_chart_get_text_boxes (chart, &n_boxes);
  for (guint i = 0; i < n_boxes; i++)
    {
      const char *text = _hl_chart_get_text_box_label (chart, i);
      gsize len = strlen (title);

      if (_hl_chart_text_is_label (chart, i) && strncmp (text, title, len) == 0 &&
          (text[len] == '\n' || text[len] == ' '))
        return TRUE;
    }
  return FALSE;
}

static int
compare_usd_desc (gconstpointer a, gconstpointer b, gpointer data)
{
  const HlEvent *events = data;
  double ua = events[*(const int *) a].usd, ub = events[*(const int *) b].usd;

  return ua < ub ? 1 : ua > ub ? -1 : 0;
}

/* At 1920x1080 over the whole span, with and without the running total:
 * the ten largest incidents carry labels; no two labels, and no label
 * and a mark, closer than half an em; no "×N" under another marker. */
static void
test_largest_labelled (void)
{
  HlDataset *dataset = sample ();
  const HlEvent *events = hl_dataset_get_events (dataset);
  g_autoptr(GArray) money = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < hl_dataset_get_n_events (dataset); i++)
    if (hl_dataset_get_lane (dataset, events[i].lane)->measure == HL_MEASURE_USD)
      g_array_append_val (money, i);
  g_qsort_with_data (money->data, money->len, sizeof (int), compare_usd_desc,
                     (gpointer) events);

  for (int cumulative = 0; cumulative < 2; cumulative++)
    {
      HlView view;
      g_autoptr(HlChart) chart = NULL;
      const HlBox *boxes;
      const HlMark *marks;
      guint n_boxes, n_marks;
      double gap;

      hl_view_init (&view, dataset);
      view.show_cumulative = cumulative;
      chart = hl_chart_new (dataset, &view, 1920, 1080);
      for (guint k = 0; k < 10; k++)
        {
          const HlEvent *ev = &events[g_array_index (money, int, k)];

          if (!has_label_for (chart, ev->title))
            g_error ("%s (%s, $%.0f) has no label%s", ev->title, ev->date, ev->usd,
                     cumulative ? " with the running total" : "");
        }

      boxes = _hl_chart_get_text_boxes (chart, &n_boxes);
      marks = _hl_chart_get_marks (chart, &n_marks);
      for (guint i = 0; i < n_boxes; i++)
        {
          gboolean count = g_str_has_prefix (_hl_chart_get_text_box_label (chart, i), "×");
          HlBox grown;

          if (!_hl_chart_text_is_label (chart, i) && !count)
            continue;
          /* half an em of the label's font, 17 px at this size for amounts */
          gap = _hl_chart_get_text_gap (chart, i) - 0.01;
          g_assert_cmpfloat (gap, >=, 6);
          for (guint j = 0; j < n_boxes && !count; j++)
            {
              double g = MIN (gap, _hl_chart_get_text_gap (chart, j) - 0.01);

              grown = (HlBox) { boxes[i].x - g, boxes[i].y - g, boxes[i].width + 2 * g,
                                boxes[i].height + 2 * g };
              if (j != i && _hl_chart_text_is_label (chart, j) &&
                  hl_box_overlaps (&grown, &boxes[j]))
                g_error ("\"%s\" within half an em of \"%s\"",
                         _hl_chart_get_text_box_label (chart, i),
                         _hl_chart_get_text_box_label (chart, j));
            }
          grown = (HlBox) { boxes[i].x - gap, boxes[i].y - gap, boxes[i].width + 2 * gap,
                            boxes[i].height + 2 * gap };
          /* a label keeps the gap from every mark but its own; a count
           * is drawn under no marker but its own */
          for (guint j = 0; j < n_marks; j++)
            if (marks[j].event != _hl_chart_get_text_event (chart, i) &&
                hl_box_overlaps (count ? &boxes[i] : &grown, &marks[j].box))
              g_error ("\"%s\" %s a mark", _hl_chart_get_text_box_label (chart, i),
                       count ? "under" : "within half an em of");
        }
      hl_view_clear (&view);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/density/same-day-stack", test_same_day_stack);
  g_test_add_func ("/density/same-day-glyphs", test_same_day_glyphs);
  g_test_add_func ("/density/largest-labelled", test_largest_labelled);
  return g_test_run ();
}
