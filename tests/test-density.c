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
#include "hl-scale-private.h"
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

/* No label lies on a mark, its own bin's segments included (those it
 * need not keep a gap from). */
static void
assert_labels_off_marks (HlChart *chart)
{
  guint n_boxes, n_marks;
  const HlBox *boxes = _hl_chart_get_text_boxes (chart, &n_boxes);
  const HlMark *marks = _hl_chart_get_marks (chart, &n_marks);

  for (guint i = 0; i < n_boxes; i++)
    for (guint j = 0; j < n_marks && _hl_chart_text_is_label (chart, i); j++)
      if (marks[j].shape == HL_MARK_BAR && hl_box_overlaps (&boxes[i], &marks[j].box))
        g_error ("\"%s\" lies on a bar", _hl_chart_get_text_box_label (chart, i));
}

/* How many of the largest incidents, in order, carry a label (in bins: a
 * bin's label counts for its largest event only, the others are
 * skipped); *missed: the first one that does not. */
static guint
labelled_in_order (HlChart *chart, GArray *money, guint max, const char **missed)
{
  const HlEvent *events = hl_dataset_get_events (sample ());
  guint found = 0;

  *missed = NULL;
  for (guint k = 0; k < money->len && found < max; k++)
    {
      int index = g_array_index (money, int, k);
      const HlChartBin *bin = _hl_chart_get_event_bin (chart, index);

      if (bin != NULL && bin->bin.sum.top != index)
        continue;
      if (!has_label_for (chart, events[index].title))
        {
          *missed = events[index].title;
          break;
        }
      found++;
    }
  return found;
}

/* The money lanes' events (indices), largest first. */
static GArray *
money_events_by_size (HlDataset *dataset)
{
  const HlEvent *events = hl_dataset_get_events (dataset);
  GArray *money = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < hl_dataset_get_n_events (dataset); i++)
    if (hl_dataset_get_lane (dataset, events[i].lane)->measure == HL_MEASURE_USD)
      g_array_append_val (money, i);
  g_qsort_with_data (money->data, money->len, sizeof (int), compare_usd_desc,
                     (gpointer) events);
  return money;
}

/* At 1280x720 and 1024x768 over the whole span, marks and bins, both
 * money scales: the SMALL_LABELLED largest incidents carry labels. */
#define SMALL_LABELLED 9

static void
test_small_labelled (void)
{
  static const int sizes[][2] = { { 1280, 720 }, { 1024, 768 } };
  HlDataset *dataset = sample ();
  g_autoptr(GArray) money = money_events_by_size (dataset);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint round = 0; round < 4; round++)
      {
        HlView view;
        g_autoptr(HlChart) chart = NULL;
        const char *missed;
        guint found;

        hl_view_init (&view, dataset);
        view.bins = round % 2 ? HL_BINS_AUTO : HL_BINS_MARKS;
        view.money_scale = round / 2 ? HL_MONEY_LOG : HL_MONEY_LINEAR;
        chart = hl_chart_new (dataset, &view, sizes[s][0], sizes[s][1]);
        found = labelled_in_order (chart, money, 30, &missed);
        assert_labels_off_marks (chart);
        g_test_message ("%dx%d %s %s: the %u largest labelled, then %s unlabelled",
                        sizes[s][0], sizes[s][1], round % 2 ? "auto" : "marks",
                        round / 2 ? "log" : "linear", found, missed ? missed : "none");
        if (found < SMALL_LABELLED)
          g_error ("%dx%d, round %u: %s is among the %d largest and has no label",
                   sizes[s][0], sizes[s][1], round, missed, SMALL_LABELLED);
        hl_view_clear (&view);
      }
}

/* At 1920x1080 over the whole span, with and without the running total:
 * the ten largest incidents carry labels; no two labels, and no label
 * and a mark, closer than half an em; no "×N" under another marker. */
static void
test_largest_labelled (void)
{
  HlDataset *dataset = sample ();
  const HlEvent *events = hl_dataset_get_events (dataset);
  g_autoptr(GArray) money = money_events_by_size (dataset);

  for (int round = 0; round < 3; round++)
    {
      gboolean cumulative = round == 1;
      guint found = 0;
      HlView view;
      g_autoptr(HlChart) chart = NULL;
      const HlBox *boxes;
      const HlMark *marks;
      guint n_boxes, n_marks;
      double gap;

      hl_view_init (&view, dataset);
      view.show_cumulative = cumulative;
      /* marks, with the running total, in the bins the zoom chooses */
      view.bins = round < 2 ? HL_BINS_MARKS : HL_BINS_AUTO;
      chart = hl_chart_new (dataset, &view, 1920, 1080);
      for (guint k = 0; k < money->len && found < 10; k++)
        {
          int index = g_array_index (money, int, k);
          const HlEvent *ev = &events[index];
          const HlChartBin *bin = _hl_chart_get_event_bin (chart, index);

          /* in bins, a bin's label is its largest event's */
          if (round == 2)
            {
              guint n_bins;

              _hl_chart_get_bins (chart, &n_bins);
              g_assert_cmpuint (n_bins, >, 0);
              if (bin == NULL || bin->bin.sum.top != index)
                continue;
            }
          found++;
          if (!has_label_for (chart, ev->title))
            g_error ("%s (%s, $%.0f) has no label (round %d)", ev->title, ev->date, ev->usd,
                     round);
        }
      g_assert_cmpuint (found, ==, 10);

      boxes = _hl_chart_get_text_boxes (chart, &n_boxes);
      marks = _hl_chart_get_marks (chart, &n_marks);
      for (guint i = 0; i < n_boxes; i++)
        {
          gboolean count = g_str_has_prefix (_hl_chart_get_text_box_label (chart, i), "×");
          const HlChartBin *own_bin;
          guint n_bins;
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
          /* a label keeps the gap from every mark but its own (a bin's
           * label: its bin's segments); a count is drawn under no marker
           * but its own */
          own_bin = _hl_chart_get_event_bin (chart, _hl_chart_get_text_event (chart, i));
          for (guint j = 0; j < n_marks; j++)
            if (marks[j].event != _hl_chart_get_text_event (chart, i) &&
                (own_bin == NULL || marks[j].bin == 0 ||
                 &_hl_chart_get_bins (chart, &n_bins)[marks[j].bin - 1] != own_bin) &&
                hl_box_overlaps (count ? &boxes[i] : &grown, &marks[j].box))
              g_error ("\"%s\" %s a mark", _hl_chart_get_text_box_label (chart, i),
                       count ? "under" : "within half an em of");
        }
      hl_view_clear (&view);
    }
}

/* ------------------------------------------------------------------ */
/* 3. Calendar bins */

static const HlTickSpec bin_units[] = {
  { HL_TICK_DAY, 1 }, { HL_TICK_WEEK, 1 }, { HL_TICK_MONTH, 1 }, { HL_TICK_QUARTER, 1 },
  { HL_TICK_YEAR, 1 }, { HL_TICK_YEAR, 10 },
};

/* For every unit, under each filter: the bins lie on the calendar's
 * boundaries, one after another, and their sums are the events' sums. */
static void
test_bins_keep_totals (void)
{
  HlDataset *dataset = sample ();

  for (guint f = 0; f < 4; f++)
    for (guint u = 0; u < G_N_ELEMENTS (bin_units); u++)
      {
        HlView view;
        g_autoptr(HlColumns) columns = NULL;
        const HlTotals *totals;

        hl_view_init (&view, dataset);
        hl_view_set_range (&view, hl_date_from_ymd (2018, 5, 17), hl_date_from_ymd (2026, 2, 3));
        if (f == 1)
          view.min_usd = 1e6;
        else if (f == 2)
          view.search = g_strdup ("Vault");
        else if (f == 3)
          view.hidden_confidences = 1u << HL_CONFIDENCE_SUSPECTED;
        columns = hl_columns_new (dataset, &view, 1500);
        totals = hl_columns_get_totals (columns);
        for (guint lane = 0; lane < 2; lane++)
          {
            g_autoptr(GArray) bins = hl_columns_get_bins (columns, lane, bin_units[u]);
            double usd = 0, count = 0;
            guint n = 0;
            gint64 last_to = G_MININT64;

            for (guint i = 0; i < bins->len; i++)
              {
                const HlBin *bin = &g_array_index (bins, HlBin, i);

                g_assert_cmpint (_hl_ticks_floor (bin_units[u], bin->from), ==, bin->from);
                g_assert_cmpint (_hl_ticks_next (bin_units[u], bin->from), ==, bin->to);
                g_assert_cmpint (bin->from, >=, last_to);
                g_assert_cmpuint (bin->sum.n, >, 0);
                last_to = bin->to;
                usd += bin->sum.usd;
                count += bin->sum.count;
                n += bin->sum.n;
              }
            g_assert_cmpuint (n, ==, totals->lanes[lane].n_events);
            g_assert_cmpfloat (fabs (usd - totals->lanes[lane].usd), <=,
                               1e-9 * MAX (1, totals->lanes[lane].usd));
            if (lane == 1)
              g_assert_cmpfloat (count, ==, (double) totals->lanes[lane].count);
          }
        hl_view_clear (&view);
      }
}

/* A bin's card names its largest few: the same as the full list's first,
 * and the count of all, for every month and every k. */
static void
test_top_events (void)
{
  HlDataset *dataset = sample ();
  HlView view;
  g_autoptr(HlColumns) columns = NULL;

  hl_view_init (&view, dataset);
  view.hidden_confidences = 1u << HL_CONFIDENCE_DISPUTED;
  columns = hl_columns_new (dataset, &view, 800);
  for (int y = 2017; y < 2027; y++)
    for (int m = 1; m <= 12; m++)
      for (guint lane = 0; lane < 2; lane++)
        for (guint k = 1; k <= 5; k += 2)
          {
            gint64 from = hl_date_from_ymd (y, m, 1);
            gint64 to = m == 12 ? hl_date_from_ymd (y + 1, 1, 1) : hl_date_from_ymd (y, m + 1, 1);
            g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (int));
            g_autoptr(GArray) top = g_array_new (FALSE, FALSE, sizeof (int));
            guint n = hl_columns_list_events (columns, lane, from, to, all);

            g_assert_cmpuint (hl_columns_top_events (columns, lane, from, to, k, top), ==, n);
            g_assert_cmpuint (top->len, ==, MIN (n, k));
            for (guint i = 0; i < top->len; i++)
              g_assert_cmpint (g_array_index (top, int, i), ==, g_array_index (all, int, i));
          }
  hl_view_clear (&view);
}

/* The zoom chooses the unit: months over ten years, weeks over one,
 * days over a month; a unit asked for is kept unless its bins would be
 * under a pixel; decades over centuries. */
static void
test_bins_follow_zoom (void)
{
  gint64 y2017 = hl_date_from_ymd (2017, 1, 1);
  HlTickSpec s;

  s = hl_bins_choose_unit (HL_BINS_AUTO, y2017, hl_date_from_ymd (2027, 1, 1), 1800, 11);
  g_assert_cmpint (s.unit, ==, HL_TICK_MONTH);
  s = hl_bins_choose_unit (HL_BINS_AUTO, y2017, hl_date_from_ymd (2018, 1, 1), 1800, 11);
  g_assert_cmpint (s.unit, ==, HL_TICK_WEEK);
  s = hl_bins_choose_unit (HL_BINS_AUTO, y2017, hl_date_from_ymd (2017, 2, 1), 1800, 11);
  g_assert_cmpint (s.unit, ==, HL_TICK_DAY);
  s = hl_bins_choose_unit (HL_BINS_AUTO, hl_date_from_ymd (1, 1, 1),
                           hl_date_from_ymd (2000, 1, 1), 1800, 11);
  g_assert_true (s.unit == HL_TICK_YEAR && s.step >= 10);
  s = hl_bins_choose_unit (HL_BINS_QUARTER, y2017, hl_date_from_ymd (2018, 1, 1), 1800, 11);
  g_assert_cmpint (s.unit, ==, HL_TICK_QUARTER);
  s = hl_bins_choose_unit (HL_BINS_DAY, hl_date_from_ymd (1, 1, 1),
                           hl_date_from_ymd (2000, 1, 1), 1800, 11);
  g_assert_cmpint (s.unit, !=, HL_TICK_DAY);
}

/* Month bins over the whole span: each bar starts at its month's first
 * day; March 2022's card gives its period, total, number of events and
 * largest few with "and N more", and the pointer on it finds it. The
 * bundled default view does not crowd: AUTO draws no bins there. */
static void
test_bins_drawn (void)
{
  HlDataset *dataset = sample ();
  HlDataset *bundled = hl_test_bundled ();
  HlView view;
  g_autoptr(HlChart) chart = NULL;
  g_autoptr(HlChart) plain = NULL;
  const HlChartBin *bins, *march = NULL;
  guint n_bins;

  hl_view_init (&view, dataset);
  view.bins = HL_BINS_MONTH;
  chart = hl_chart_new (dataset, &view, 1920, 1080);
  bins = _hl_chart_get_bins (chart, &n_bins);
  g_assert_cmpuint (n_bins, >, 100);
  for (guint i = 0; i < n_bins; i++)
    {
      int y, m, d;

      hl_date_to_ymd (bins[i].bin.from, &y, &m, &d);
      g_assert_cmpint (d, ==, 1);
      if (bins[i].bin.from > view.from)
        g_assert_cmpfloat (fabs (bins[i].box.x - hl_chart_time_to_x (chart, bins[i].bin.from)),
                           <=, 0.5);
      if (bins[i].lane == 0 && y == 2022 && m == 3)
        march = &bins[i];
    }
  g_assert_nonnull (march);
  {
    g_autofree char *title = _hl_chart_describe_bin_title (chart, march);
    g_autofree char *card = _hl_chart_describe_bin_card (chart, march);
    g_autofree char *text = hl_test_visible_text (card);
    g_autofree char *more = g_strdup_printf ("and %u more", march->bin.sum.n - 3);
    const HlBox *b = &march->box;
    int hit;

    g_assert_cmpstr (title, ==, "1 Mar 2022 – 31 Mar 2022");
    g_assert_nonnull (strstr (text, "DeFi incidents: $1.1"));
    g_assert_nonnull (strstr (text, "13 events"));
    g_assert_nonnull (strstr (text, "Huge heist: $900"));
    g_assert_nonnull (strstr (text, "Big heist: $140"));
    g_assert_nonnull (strstr (text, more));
    hit = hl_chart_hit_test (chart, b->x + b->width / 2, b->y + b->height / 2);
    g_assert_true (_hl_chart_get_event_bin (chart, hit) == march);

    /* every event of the bin, reached by the keys, is shown as the bin */
    for (guint i = 0; i < hl_dataset_get_n_events (dataset); i++)
      {
        const HlEvent *ev = hl_dataset_get_event (dataset, i);
        HlBox box;

        if (ev->lane != 0 || ev->time < march->bin.from || ev->time >= march->bin.to)
          continue;
        g_assert_true (hl_chart_get_event_box (chart, i, &box));
        g_assert_true (_hl_chart_get_event_bin (chart, i) == march);
        g_assert_cmpfloat (box.height, ==, march->box.height);
      }
  }
  hl_view_clear (&view);

  hl_view_init (&view, bundled);
  plain = hl_chart_new (bundled, &view, 1920, 1080);
  _hl_chart_get_bins (plain, &n_bins);
  g_assert_cmpuint (n_bins, ==, 0);
  hl_view_clear (&view);
}

/* Over one year in month bins, a bin's label sits over its bin, centred,
 * wherever the bin is wider than the label and its gap each side (a
 * label raised with a leader aside): the bin's own segments (other events') do not push it aside. */
/* Does a raised label's leader start at @box? */
static gboolean
has_leader (HlChart *chart, const HlBox *box)
{
  for (guint i = 0; i < chart->lines->len; i++)
    {
      const HlLine *l = &g_array_index (chart->lines, HlLine, i);

      if (l->leader && l->x0 >= box->x - 1 && l->x0 <= box->x + box->width + 1 &&
          fabs (l->y0 - (box->y + box->height)) < 1)
        return TRUE;
    }
  return FALSE;
}

static void
test_bin_label_over (void)
{
  static const int years[] = { 2021, 2022, 2023 };
  HlDataset *dataset = sample ();
  guint centred = 0;

  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    {
      HlView view;
      g_autoptr(HlChart) chart = NULL;
      guint n_boxes;
      const HlBox *boxes;

      hl_view_init (&view, dataset);
      hl_view_set_range (&view, hl_date_from_ymd (years[y], 1, 1),
                         hl_date_from_ymd (years[y] + 1, 1, 1));
      view.bins = HL_BINS_MONTH;
      chart = hl_chart_new (dataset, &view, 1920, 1080);
      boxes = _hl_chart_get_text_boxes (chart, &n_boxes);
      for (guint i = 0; i < n_boxes; i++)
        {
          int event = _hl_chart_get_text_event (chart, i);
          const HlChartBin *bin;
          double cx;

          if (!_hl_chart_text_is_label (chart, i) || event < 0 ||
              (bin = _hl_chart_get_event_bin (chart, event)) == NULL ||
              bin->bin.sum.top != event || bin->bin.sum.n < 2 ||
              boxes[i].width + 2 * _hl_chart_get_text_gap (chart, i) > bin->box.width ||
              boxes[i].y > bin->box.y || has_leader (chart, &boxes[i]))
            continue;
          cx = boxes[i].x + boxes[i].width / 2;
          if (fabs (cx - (bin->box.x + bin->box.width / 2)) > 1)
            g_error ("%d: \"%s\" is not over its bin (%.0f-%.0f) but at %.0f", years[y],
                     _hl_chart_get_text_box_label (chart, i), bin->box.x,
                     bin->box.x + bin->box.width, cx);
          centred++;
        }
      hl_view_clear (&view);
    }
  g_assert_cmpuint (centred, >=, 6);
}

/* Hovering a bin draws the card it got on its first hover (laid out once
 * per chart, with its largest events), and that card is the one a fresh
 * chart draws: the same pixels. */
static cairo_surface_t *
hover (HlChart *chart, int event)
{
  cairo_surface_t *surface = render (chart, 1920, 1080);
  cairo_t *cr = cairo_create (surface);

  hl_chart_draw_overlay (chart, cr, event, -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a, cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);

  return stride == cairo_image_surface_get_stride (b) &&
         cairo_image_surface_get_height (a) == cairo_image_surface_get_height (b) &&
         memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (size_t) stride * cairo_image_surface_get_height (a)) == 0;
}

static void
test_bin_card_kept (void)
{
  HlDataset *dataset = sample ();
  HlView view;
  g_autoptr(HlChart) chart = NULL;
  g_autoptr(HlChart) fresh = NULL;
  const HlChartBin *bins, *march = NULL, *other = NULL;
  cairo_surface_t *first, *again, *anew;
  PangoLayout *kept;
  guint n_bins;

  hl_view_init (&view, dataset);
  view.bins = HL_BINS_MONTH;
  chart = hl_chart_new (dataset, &view, 1920, 1080);
  fresh = hl_chart_new (dataset, &view, 1920, 1080);
  bins = _hl_chart_get_bins (chart, &n_bins);
  for (guint i = 0; i < n_bins; i++)
    {
      int y, m, d;

      hl_date_to_ymd (bins[i].bin.from, &y, &m, &d);
      if (bins[i].lane == 0 && y == 2022 && m == 3)
        march = &bins[i];
      else if (bins[i].lane == 0 && bins[i].bin.sum.n > 3 && other == NULL)
        other = &bins[i];
    }
  g_assert_nonnull (march);
  g_assert_nonnull (other);
  g_assert_null (march->card_title);

  first = hover (chart, march->bin.sum.top);
  g_assert_nonnull (march->card_title);
  g_assert_cmpstr (pango_layout_get_text (march->card_title), ==, "1 Mar 2022 – 31 Mar 2022");
  g_assert_nonnull (strstr (pango_layout_get_text (march->card_text), "13 events"));
  g_assert_nonnull (strstr (pango_layout_get_text (march->card_text), "Huge heist"));
  kept = march->card_text;

  cairo_surface_destroy (hover (chart, other->bin.sum.top));
  g_assert_nonnull (other->card_text);
  again = hover (chart, march->bin.sum.top);
  g_assert_true (march->card_text == kept);
  anew = hover (fresh, march->bin.sum.top);
  g_assert_true (same_pixels (first, again));
  g_assert_true (same_pixels (first, anew));
  cairo_surface_destroy (first);
  cairo_surface_destroy (again);
  cairo_surface_destroy (anew);
  hl_view_clear (&view);
}

/* ------------------------------------------------------------------ */
/* 4. The money scale */

/* The money lane's scale labels, left of the plot, top to bottom, with
 * the y of each. */
static GPtrArray *
gutter_labels (HlChart *chart, GArray *ys)
{
  GPtrArray *labels = g_ptr_array_new ();
  HlBox plot;
  guint n;
  const HlBox *boxes = _hl_chart_get_text_boxes (chart, &n);

  hl_chart_get_plot_area (chart, &plot);
  for (guint i = 0; i < n; i++)
    {
      const char *label = _hl_chart_get_text_box_label (chart, i);

      if (boxes[i].x + boxes[i].width <= plot.x &&
          (label[0] == '$' || g_str_has_prefix (label, "≤")))
        {
          double y = boxes[i].y + boxes[i].height / 2;

          g_ptr_array_add (labels, (gpointer) label);
          if (ys != NULL)
            g_array_append_val (ys, y);
        }
    }
  return labels;
}

/* Log scale: a gridline and label per decade from the floor, "≤$1K" (where
 * zero and sub-$1K amounts stand), evenly spaced; a $50K incident stands
 * tall enough to see and hover; the running total keeps its linear scale. */
static void
test_log_scale (void)
{
  static const char *expected[] = { "$1B", "$100M", "$10M", "$1M", "$100K", "$10K", "≤$1K" };
  HlDataset *dataset = sample ();
  HlView view;
  g_autoptr(HlChart) linear = NULL;
  g_autoptr(HlChart) log = NULL;
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *joined = NULL;
  const double *lin_pts, *log_pts;
  guint n_lin, n_log, at = 0;
  int small = -1;
  HlBox box;

  hl_view_init (&view, dataset);
  view.bins = HL_BINS_MARKS;
  view.show_cumulative = TRUE;
  linear = hl_chart_new (dataset, &view, 1920, 1080);
  view.money_scale = HL_MONEY_LOG;
  log = hl_chart_new (dataset, &view, 1920, 1080);

  labels = gutter_labels (log, ys);
  g_ptr_array_add (labels, NULL);
  joined = g_strjoinv (" ", (char **) labels->pdata);
  g_test_message ("log scale: %s", joined);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      for (at = 0; at < labels->len - 1; at++)
        if (g_strcmp0 (labels->pdata[at], expected[i]) == 0)
          break;
      if (at == labels->len - 1)
        g_error ("no %s on the log scale: %s", expected[i], joined);
    }
  /* the floor at the bottom */
  for (guint i = 0; i < ys->len; i++)
    if (g_strcmp0 (labels->pdata[i], "≤$1K") != 0)
      g_assert_cmpfloat (g_array_index (ys, double, i), <, g_array_index (ys, double, at));
  for (guint i = 2; i < ys->len; i++)
    g_assert_cmpfloat (fabs ((g_array_index (ys, double, i) - g_array_index (ys, double, i - 1)) -
                             (g_array_index (ys, double, i - 1) -
                              g_array_index (ys, double, i - 2))), <=, 1.01);

  for (guint i = 0; i < hl_dataset_get_n_events (dataset) && small < 0; i++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, i);

      if (ev->usd > 40e3 && ev->usd < 60e3 && hl_chart_get_event_box (log, i, &box) &&
          hl_chart_get_event_box (linear, i, NULL))
        small = (int) i;
    }
  g_assert_cmpint (small, >=, 0);
  g_assert_cmpfloat (box.height, >=, 100);
  g_assert_true (hl_chart_get_event_box (linear, small, &box));
  g_assert_cmpfloat (box.height, <=, 2);

  lin_pts = _hl_chart_get_cumulative (linear, &n_lin);
  log_pts = _hl_chart_get_cumulative (log, &n_log);
  g_assert_cmpuint (n_lin, >, 10);
  g_assert_cmpuint (n_lin, ==, n_log);
  for (guint i = 0; i < 2 * n_lin; i++)
    g_assert_cmpfloat (lin_pts[i], ==, log_pts[i]);
  hl_view_clear (&view);
}

static void
assert_no_odd_ticks (HlChart *chart, const char *what)
{
  g_autoptr(GPtrArray) labels = gutter_labels (chart, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = labels->pdata[i];

      if (!g_hash_table_add (seen, (gpointer) label))
        g_error ("%s: the tick label %s repeats", what, label);
      if (strchr (label, '.') != NULL && strpbrk (label, "KMBT") == NULL)
        g_error ("%s: a fractional dollar tick %s", what, label);
    }
}

/* No money event in view: August 2023 of the bundled data, an empty
 * dataset, the maximum zoom; both scales. Never "$1 $1 $1 $0 $0 $0". */
static void
test_empty_lanes (void)
{
  static const char empty_json[] =
    "{ \"format\": \"heistline-dataset/1\", \"title\": \"Empty\","
    "  \"lanes\": [ { \"id\": \"h\", \"title\": \"Heists\", \"measure\": \"usd\" } ],"
    "  \"events\": [] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (empty_json, strlen (empty_json));
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) empty = hl_dataset_new_from_bytes (bytes, "empty.json", NULL, &error);
  HlDataset *bundled = hl_test_bundled ();

  g_assert_no_error (error);
  for (int log = 0; log < 2; log++)
    for (guint size = 0; size < 3; size++)
      {
        static const int sizes[][2] = { { 1920, 1080 }, { 1280, 720 }, { 842, 595 } };
        int w = sizes[size][0], h = sizes[size][1];
        HlView view;
        g_autoptr(HlChart) august = NULL;
        g_autoptr(HlChart) none = NULL;
        g_autoptr(HlChart) day = NULL;

        hl_view_init (&view, bundled);
        view.money_scale = log ? HL_MONEY_LOG : HL_MONEY_LINEAR;
        hl_view_set_range (&view, hl_date_from_ymd (2023, 8, 1), hl_date_from_ymd (2023, 9, 1));
        august = hl_chart_new (bundled, &view, w, h);
        assert_no_odd_ticks (august, "August 2023");
        hl_view_set_range (&view, hl_date_from_ymd (2023, 9, 4),
                           hl_date_from_ymd (2023, 9, 4) + HL_VIEW_MIN_SPAN);
        day = hl_chart_new (bundled, &view, w, h);
        assert_no_odd_ticks (day, "4 September 2023");
        hl_view_clear (&view);

        hl_view_init (&view, empty);
        view.money_scale = log ? HL_MONEY_LOG : HL_MONEY_LINEAR;
        none = hl_chart_new (empty, &view, w, h);
        assert_no_odd_ticks (none, "an empty dataset");
        hl_view_clear (&view);
      }
}

/* ------------------------------------------------------------------ */
/* Legend truth with bins and stacks */

/* A segment's mean luminance and how much its rows differ (stripes),
 * inside its box less a pixel each side. */
static void
segment_pixels (cairo_surface_t *surface, const HlBox *box, double *mean, double *rows)
{
  int x0 = (int) ceil (box->x) + 1, x1 = (int) floor (box->x + box->width) - 1;
  int y0 = (int) ceil (box->y) + 1, y1 = (int) floor (box->y + box->height) - 1;
  double sum = 0, lo = G_MAXDOUBLE, hi = 0;
  guint n = 0;

  for (int y = y0; y < y1; y++)
    {
      double row = 0;

      for (int x = x0; x < x1; x++)
        {
          guint r, g, b, a;

          hl_test_pixel_at (surface, x, y, &r, &g, &b, &a);
          row += hl_test_luminance (r, g, b);
        }
      row /= MAX (x1 - x0, 1);
      sum += row;
      n++;
      lo = MIN (lo, row);
      hi = MAX (hi, row);
    }
  *mean = n > 0 ? sum / n : 0;
  *rows = n > 0 ? hi - lo : 0;
}

static double
linear (guint c)
{
  double v = c / 255.0;

  return v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
}

/* WCAG's contrast ratio of two opaque pixels */
static double
contrast (guint32 a, guint32 b)
{
  double la = 0.2126 * linear ((a >> 16) & 0xff) + 0.7152 * linear ((a >> 8) & 0xff) +
              0.0722 * linear (a & 0xff);
  double lb = 0.2126 * linear ((b >> 16) & 0xff) + 0.7152 * linear ((b >> 8) & 0xff) +
              0.0722 * linear (b & 0xff);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* In the dark theme a kind's shade stepped toward the background and sank
 * into it: a cruise missile's 2.3:1 on #1E1E1E. Every kind's fill, of
 * every lane colour, stands 3:1 off the dark background (WCAG's figure
 * for graphics). */
static void
test_kind_shades_dark_contrast (void)
{
  HlDataset *dataset = sample ();
  HlStyle style;
  HlView view;
  double worst = G_MAXDOUBLE;

  hl_view_init (&view, dataset);
  view.theme = HL_THEME_DARK;
  hl_style_init (&style, dataset, &view, 1920, 1080);
  for (guint lane = 0; lane < hl_dataset_get_n_lanes (dataset); lane++)
    for (HlShape shape = 0; shape < HL_N_SHAPES; shape++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 16, 16);
        cairo_t *cr = cairo_create (surface);
        guint32 *px, bg;

        hl_rgba_set_source (cr, style.roles[HL_ROLE_BG]);
        cairo_paint (cr);
        cairo_rectangle (cr, 0, 0, 16, 16);
        hl_style_fill_kind (cr, &style, style.lane_colors[lane], shape);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        px = (guint32 *) cairo_image_surface_get_data (surface);
        bg = ((guint32) (style.roles[HL_ROLE_BG].r * 255 + 0.5) << 16) |
             ((guint32) (style.roles[HL_ROLE_BG].g * 255 + 0.5) << 8) |
             (guint32) (style.roles[HL_ROLE_BG].b * 255 + 0.5);
        for (guint i = 0; i < 16 * 16; i++)
          worst = MIN (worst, contrast (px[i], bg));
        if (worst < 3)
          g_error ("lane %u, shape %d: a pixel at %.2f:1 on the background", lane, shape, worst);
        cairo_surface_destroy (surface);
      }
  g_test_message ("the faintest kind fill: %.2f:1", worst);
  hl_style_clear (&style);
  hl_view_clear (&view);
}

/* Kinds stacked in one count bin read apart: each kind's segment in its
 * own shade of the lane colour, two kinds' segments differing in mean
 * luminance by at least 0.05 or one striped (rows differing by 0.1)
 * and the other not, in light and dark, in month and quarter bins. The card counts each kind
 * and gives its largest events' numbers. */
static void
test_kind_shades (void)
{
  static const HlTheme themes[] = { HL_THEME_LIGHT, HL_THEME_DARK };
  HlDataset *dataset = sample ();

  for (guint t = 0; t < 2 * G_N_ELEMENTS (themes); t++)
    {
      HlView view;
      g_autoptr(HlChart) chart = NULL;
      cairo_surface_t *surface;
      const HlMark *marks;
      guint n_marks, pairs = 0, by_luminance = 0, by_stripes = 0;

      hl_view_init (&view, dataset);
      view.bins = t / 2 == 0 ? HL_BINS_MONTH : HL_BINS_QUARTER;
      view.theme = themes[t % 2];
      chart = hl_chart_new (dataset, &view, 1920, 1080);
      surface = render (chart, 1920, 1080);
      marks = _hl_chart_get_marks (chart, &n_marks);
      for (guint i = 0; i < n_marks; i++)
        for (guint j = i + 1; j < n_marks && marks[j].bin == marks[i].bin; j++)
          {
            double mi, ri, mj, rj;
            gboolean si, sj;

            if (marks[i].bin == 0 || marks[i].shade == 0 || marks[j].shade == 0 ||
                marks[i].box.height < 5 || marks[j].box.height < 5)
              continue;
            g_assert_cmpuint (marks[i].shade, !=, marks[j].shade);
            segment_pixels (surface, &marks[i].box, &mi, &ri);
            segment_pixels (surface, &marks[j].box, &mj, &rj);
            si = ri >= 0.1;
            sj = rj >= 0.1;
            /* the shade's own texture: striped, or one flat fill */
            g_assert_true (si || ri < 0.02);
            g_assert_true (sj || rj < 0.02);
            if (fabs (mi - mj) >= 0.05)
              by_luminance++;
            else
              {
                g_assert_true (si != sj);
                by_stripes++;
              }
            pairs++;
          }
      g_test_message ("%s: %u pairs of kinds, %u apart by luminance, %u by stripes",
                      t % 2 == 0 ? "light" : "dark", pairs, by_luminance, by_stripes);
      g_assert_cmpuint (pairs, >=, 3);
      cairo_surface_destroy (surface);

      /* the card counts each kind, as the file does */
      if (t == 0)
        {
          guint n_bins;
          const HlChartBin *bins = _hl_chart_get_bins (chart, &n_bins);
          const HlChartBin *busy = NULL;
          g_autofree char *card = NULL, *text = NULL, *line = NULL;
          guint ballistic = 0, cruise = 0;

          for (guint b = 0; b < n_bins; b++)
            if (hl_dataset_get_lane (dataset, bins[b].lane)->measure == HL_MEASURE_COUNT &&
                (busy == NULL || bins[b].bin.sum.n > busy->bin.sum.n))
              busy = &bins[b];
          g_assert_nonnull (busy);
          for (guint e = 0; e < hl_dataset_get_n_events (dataset); e++)
            {
              const HlEvent *ev = hl_dataset_get_event (dataset, e);
              const char *label;

              if (ev->lane != busy->lane || ev->time < busy->bin.from || ev->time >= busy->bin.to)
                continue;
              label = hl_kind_get_label (hl_dataset_lane_kind (dataset, ev->lane, ev->kind));
              ballistic += g_strcmp0 (label, "ballistic") == 0 ? ev->count : 0;
              cruise += g_strcmp0 (label, "cruise") == 0 ? ev->count : 0;
            }
          g_assert_cmpuint (ballistic, >, 0);
          card = _hl_chart_describe_bin_card (chart, busy);
          text = hl_test_visible_text (card);
          line = g_strdup_printf ("ballistic: %u", ballistic);
          g_assert_nonnull (strstr (text, line));
          if (cruise > 0)
            {
              g_free (line);
              line = g_strdup_printf ("cruise: %u", cruise);
              g_assert_nonnull (strstr (text, line));
            }
          /* its largest events by their numbers: "ICBM test: 8", the lane's
           * word said once, in the total */
          {
            g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

            g_assert_cmpuint (g_strv_length (lines), >=, 3);
            for (guint l = 2; lines[l] != NULL; l++)
              if (!g_str_has_prefix (lines[l], "…"))
                {
                  const char *colon = strstr (lines[l], ": ");

                  g_assert_nonnull (colon);
                  g_assert_null (strstr (colon + 2, ": "));
                  g_assert_true (g_ascii_isdigit (colon[2]));
                }
          }
        }
      hl_view_clear (&view);
    }
}

/* A count lane's bins from its kind index (nothing filtered) and from its
 * events one by one (a grade filter on, though it hides none of this
 * lane's events): the same segments, shades and events, and the same
 * kinds on the busiest bin's card. */
static void
test_kind_index_same_as_scan (void)
{
  HlDataset *dataset = sample ();
  int lane = hl_dataset_find_lane (dataset, "tests");
  static const HlBins units[] = { HL_BINS_MONTH, HL_BINS_QUARTER, HL_BINS_YEAR };

  g_assert_cmpint (lane, >=, 0);
  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      HlView view, filtered;
      g_autoptr(HlChart) a = NULL, b = NULL;
      const HlMark *ma, *mb;
      guint na, nb, ia = 0, ib = 0, compared = 0, shaded = 0;

      hl_view_init (&view, dataset);
      view.bins = units[u];
      hl_view_init (&filtered, dataset);
      filtered.bins = units[u];
      filtered.hidden_confidences = 1u << HL_CONFIDENCE_SUSPECTED;
      memset (&filtered.ungraded_lanes, 0, sizeof filtered.ungraded_lanes);
      g_assert_true (hl_view_shows_whole_lane (&view, dataset, lane));
      g_assert_false (hl_view_shows_whole_lane (&filtered, dataset, lane));
      a = hl_chart_new (dataset, &view, 1600, 900);
      b = hl_chart_new (dataset, &filtered, 1600, 900);
      ma = _hl_chart_get_marks (a, &na);
      mb = _hl_chart_get_marks (b, &nb);
      for (;; ia++, ib++)
        {
          while (ia < na && (int) ma[ia].lane != lane)
            ia++;
          while (ib < nb && (int) mb[ib].lane != lane)
            ib++;
          if (ia == na || ib == nb)
            break;
          g_assert_cmpint (ma[ia].event, ==, mb[ib].event);
          g_assert_cmpuint (ma[ia].shade, ==, mb[ib].shade);
          g_assert_cmpfloat (ma[ia].box.y, ==, mb[ib].box.y);
          g_assert_cmpfloat (ma[ia].box.height, ==, mb[ib].box.height);
          shaded += ma[ia].shade > 0;
          compared++;
        }
      g_assert_cmpuint (ia, ==, na);
      g_assert_cmpuint (ib, ==, nb);
      g_test_message ("unit %u: %u segments alike, %u by kind", u, compared, shaded);
      g_assert_cmpuint (shaded, >=, 10);
      hl_view_clear (&view);
      hl_view_clear (&filtered);
    }
}

/* The text drawn right of a legend swatch: its entry's words. */
static const char *
swatch_label (HlChart *chart, const HlSwatch *sw)
{
  guint n_boxes;
  const HlBox *boxes = _hl_chart_get_text_boxes (chart, &n_boxes);

  for (guint i = 0; i < n_boxes; i++)
    if (boxes[i].x >= sw->box.x + sw->box.width &&
        boxes[i].x <= sw->box.x + 3 * sw->box.width &&
        fabs ((boxes[i].y + boxes[i].height / 2) - (sw->box.y + sw->box.height / 2)) <
        sw->box.height)
      return _hl_chart_get_text_box_label (chart, i);
  return NULL;
}

/* A kind stacked in count bins is filled in its own shade, and its legend
 * swatch in that same shade; a swatch is shaded only for such a kind. */
static void
assert_swatches_shaded (HlChart *chart)
{
  HlDataset *dataset = sample ();
  const HlEvent *events = hl_dataset_get_events (dataset);
  g_autoptr(GHashTable) shades = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_marks;
  const HlMark *marks = _hl_chart_get_marks (chart, &n_marks);

  for (guint i = 0; i < n_marks; i++)
    {
      const char *label;
      gpointer had;

      if (marks[i].bin == 0 || marks[i].event < 0 ||
          hl_dataset_get_lane (dataset, marks[i].lane)->measure != HL_MEASURE_COUNT)
        continue;
      label = hl_kind_get_label (hl_dataset_lane_kind (dataset, marks[i].lane,
                                                       events[marks[i].event].kind));
      if (label == NULL)
        continue;
      g_assert_cmpuint (marks[i].shade, >, 0);
      if (g_hash_table_lookup_extended (shades, label, NULL, &had))
        g_assert_cmpuint (GPOINTER_TO_UINT (had), ==, marks[i].shade);
      g_hash_table_insert (shades, (gpointer) label, GUINT_TO_POINTER (marks[i].shade));
    }
  for (guint i = 0; i < chart->rects->len; i++)
    {
      const HlSwatch *sw = &g_array_index (chart->rects, HlSwatch, i);
      const char *label;
      gpointer shade;

      if (sw->role == HL_ROLE_BAND || (label = swatch_label (chart, sw)) == NULL)
        continue;
      if (g_hash_table_lookup_extended (shades, label, NULL, &shade))
        {
          g_assert_cmpuint (sw->shade, ==, GPOINTER_TO_UINT (shade));
          g_hash_table_remove (shades, label);
        }
      else
        g_assert_cmpuint (sw->shade, ==, 0);
    }
  /* every kind in a bin found its swatch */
  g_assert_cmpuint (g_hash_table_size (shades), ==, 0);
}

/* The legend's kind entries are exactly the kinds the count lanes draw
 * (a glyph, or a kind's segment of a stacked bin), and it names the
 * hatching exactly when a mark is hatched, a stack's or bin's segment
 * included. Returns how many kinds bins drew. */
static guint
assert_legend_truthful (HlChart *chart)
{
  HlDataset *dataset = sample ();
  const HlEvent *events = hl_dataset_get_events (dataset);
  g_auto(GStrv) legend = _hl_chart_get_legend (chart);
  g_autoptr(GHashTable) drawn = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean dashed = FALSE;
  guint n_marks, n_in_bins = 0;
  const HlMark *marks = _hl_chart_get_marks (chart, &n_marks);

  for (guint i = 0; i < hl_dataset_get_n_events (dataset); i++)
    if (hl_dataset_get_lane (dataset, events[i].lane)->measure == HL_MEASURE_COUNT)
      g_hash_table_add (all, (gpointer) hl_kind_get_label (
                               hl_dataset_lane_kind (dataset, events[i].lane, events[i].kind)));
  for (guint i = 0; i < n_marks; i++)
    {
      const char *label;

      dashed |= marks[i].dashed;
      if (marks[i].event < 0 ||
          hl_dataset_get_lane (dataset, marks[i].lane)->measure != HL_MEASURE_COUNT)
        continue;
      label = hl_kind_get_label (hl_dataset_lane_kind (dataset, marks[i].lane,
                                                       events[marks[i].event].kind));
      if (marks[i].bin != 0 && !g_hash_table_contains (drawn, label))
        n_in_bins++;
      g_hash_table_add (drawn, (gpointer) label);
    }
  for (guint i = 0; legend[i] != NULL; i++)
    if (g_hash_table_contains (all, legend[i]))
      {
        if (!g_hash_table_contains (drawn, legend[i]))
          g_error ("legend lists \"%s\", which is not drawn", legend[i]);
        g_hash_table_remove (drawn, legend[i]);
      }
  if (g_hash_table_size (drawn) > 0)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, drawn);
      g_hash_table_iter_next (&iter, &key, NULL);
      g_error ("\"%s\" is drawn and missing from the legend", (const char *) key);
    }
  g_assert_cmpint (g_strv_contains ((const char * const *) legend,
                                    "suspected or disputed attribution"), ==, dashed);
  assert_swatches_shaded (chart);
  return n_in_bins;
}

static void
test_legend_truth (void)
{
  static const HlBins units[] = { HL_BINS_AUTO, HL_BINS_MONTH, HL_BINS_YEAR };
  static const int sizes[][2] = { { 1920, 1080 }, { 1280, 720 }, { 842, 595 } };
  guint from_bins = 0, n_marks;
  HlView view;

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        g_autoptr(HlChart) chart = NULL;

        hl_view_init (&view, sample ());
        view.bins = units[u];
        chart = hl_chart_new (sample (), &view, sizes[z][0], sizes[z][1]);
        from_bins += assert_legend_truthful (chart);
      }
  /* kinds came from stacked count bins, not only from glyphs */
  g_assert_cmpuint (from_bins, >, 0);

  /* 2021-08-10 at the day: a stack of 40 with suspected segments among
   * official ones; and 2017 in month bins, where August stacks three
   * suspected incidents and two official ones */
  {
    g_autoptr(HlChart) day = chart_of_day (&view, 2021, 8, 10);
    g_autoptr(HlChart) month = NULL;
    const HlMark *marks = _hl_chart_get_marks (day, &n_marks);
    gboolean mixed = FALSE;

    for (guint i = 0; i < n_marks; i++)
      mixed |= marks[i].stacked && marks[i].dashed;
    g_assert_true (mixed);
    assert_legend_truthful (day);
    hl_view_set_range (&view, hl_date_from_ymd (2017, 1, 1), hl_date_from_ymd (2018, 1, 1));
    view.bins = HL_BINS_MONTH;
    month = hl_chart_new (sample (), &view, 1920, 1080);
    marks = _hl_chart_get_marks (month, &n_marks);
    mixed = FALSE;
    for (guint i = 0; i < n_marks; i++)
      mixed |= marks[i].bin != 0 && marks[i].dashed && marks[i].n_events == 0;
    g_assert_true (mixed);
    assert_legend_truthful (month);
  }
}

/* ------------------------------------------------------------------ */
/* Raised labels' leaders */

/* Every leader in the display list crosses no text box but its own
 * label's, which it touches at the edge nearest its bar. */
static guint
assert_leaders_clear (HlChart *chart, const char *what)
{
  guint n_boxes, n = 0;
  const HlBox *boxes = _hl_chart_get_text_boxes (chart, &n_boxes);

  for (guint i = 0; i < chart->lines->len; i++)
    {
      const HlLine *l = &g_array_index (chart->lines, HlLine, i);
      gboolean touches_own = FALSE;

      if (!l->leader)
        continue;
      n++;
      for (guint k = 0; k < n_boxes; k++)
        {
          HlBox grown = { boxes[k].x - 1.5, boxes[k].y - 1.5, boxes[k].width + 3,
                          boxes[k].height + 3 };
          HlBox inner = { boxes[k].x + 0.5, boxes[k].y + 0.5, boxes[k].width - 1,
                          boxes[k].height - 1 };
          /* either end may be the label's */
          gboolean ends_here = hl_segment_enters_box (l->x1 - 0.01, l->y1 - 0.01, l->x1 + 0.01,
                                               l->y1 + 0.01, &grown) ||
                               hl_segment_enters_box (l->x0 - 0.01, l->y0 - 0.01, l->x0 + 0.01,
                                               l->y0 + 0.01, &grown);

          if (ends_here)
            {
              touches_own = TRUE;
              /* its own label: reached at its edge, never run through */
              if (hl_segment_enters_box (l->x0, l->y0, l->x1, l->y1, &inner))
                g_error ("%s: a leader runs into its own label", what);
              continue;
            }
          if (hl_segment_enters_box (l->x0, l->y0, l->x1, l->y1, &grown))
            g_error ("%s: the leader (%.0f,%.0f)-(%.0f,%.0f) crosses the text at "
                     "(%.0f,%.0f %.0fx%.0f)", what, l->x0, l->y0, l->x1, l->y1,
                     boxes[k].x, boxes[k].y, boxes[k].width, boxes[k].height);
        }
      if (!touches_own)
        g_error ("%s: a leader ends away from any label", what);
    }
  return n;
}

static void
test_leaders_clear (void)
{
  static const int sizes[][2] = { { 1920, 1080 }, { 1280, 720 }, { 842, 595 } };
  static const HlBins bins[] = { HL_BINS_MARKS, HL_BINS_AUTO };
  guint n = 0;

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    for (guint s = 0; s < 2; s++)
      for (guint b = 0; b < G_N_ELEMENTS (bins); b++)
        {
          g_autoptr(HlChart) chart = NULL;
          g_autofree char *what = g_strdup_printf ("%dx%d %s %s", sizes[z][0], sizes[z][1],
                                                   s ? "log" : "linear",
                                                   hl_bins_to_string (bins[b]));
          HlView view;

          hl_view_init (&view, sample ());
          view.money_scale = s ? HL_MONEY_LOG : HL_MONEY_LINEAR;
          view.bins = bins[b];
          chart = hl_chart_new (sample (), &view, sizes[z][0], sizes[z][1]);
          n += assert_leaders_clear (chart, what);
        }
  /* leaders there are: the test would pass on none */
  g_assert_cmpuint (n, >, 10);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/density/same-day-stack", test_same_day_stack);
  g_test_add_func ("/density/same-day-glyphs", test_same_day_glyphs);
  g_test_add_func ("/density/largest-labelled", test_largest_labelled);
  g_test_add_func ("/density/small-labelled", test_small_labelled);
  g_test_add_func ("/density/bins-keep-totals", test_bins_keep_totals);
  g_test_add_func ("/density/bins-follow-zoom", test_bins_follow_zoom);
  g_test_add_func ("/density/top-events", test_top_events);
  g_test_add_func ("/density/bins-drawn", test_bins_drawn);
  g_test_add_func ("/density/bin-card-kept", test_bin_card_kept);
  g_test_add_func ("/density/bin-label-over", test_bin_label_over);
  g_test_add_func ("/density/log-scale", test_log_scale);
  g_test_add_func ("/density/empty-lanes", test_empty_lanes);
  g_test_add_func ("/density/legend-truth", test_legend_truth);
  g_test_add_func ("/density/kind-shades", test_kind_shades);
  g_test_add_func ("/density/kind-shades-dark-contrast", test_kind_shades_dark_contrast);
  g_test_add_func ("/density/kind-index-same-as-scan", test_kind_index_same_as_scan);
  g_test_add_func ("/density/leaders-clear", test_leaders_clear);
  return g_test_run ();
}
