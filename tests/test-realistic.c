/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chart on data shaped like analysts' own lists (the generator's
 * realistic profile, bench/hl-bench-gen.c) and on the bundled data: the
 * profile is what it says, the legend lists exactly the kinds and styles
 * drawn, the footnote's "N more" is the number of publishers left out.
 * No display needed. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hl-bench-gen.h"
#include "hl-chart-private.h"
#include "hl-date.h"
#include "test-util.h"

static GBytes *
realistic_bytes (guint n_events, guint64 seed)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&buf, &len);

  g_assert_nonnull (f);
  g_assert_true (hl_bench_write_dataset_realistic (f, n_events, seed));
  g_assert_cmpint (fclose (f), ==, 0);
  return g_bytes_new_take (buf, len);
}

static HlDataset *
realistic (guint n_events)
{
  static HlDataset *datasets[2];
  guint slot = n_events > 1000;

  if (datasets[slot] == NULL)
    {
      g_autoptr(GBytes) bytes = realistic_bytes (n_events, 3);
      g_autoptr(GError) error = NULL;

      datasets[slot] = hl_dataset_new_from_bytes (bytes, "realistic-2017-2026.json", NULL, &error);
      g_assert_no_error (error);
    }
  return datasets[slot];
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* ------------------------------------------------------------------ */

static void
test_profile (void)
{
  g_autoptr(GBytes) again = realistic_bytes (700, 3);
  g_autoptr(GBytes) other = realistic_bytes (700, 4);
  g_autoptr(GBytes) first = realistic_bytes (700, 3);
  HlDataset *dataset = realistic (700);
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) per_day = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         NULL);
  GHashTable *kinds[3] = { NULL };
  guint n = hl_dataset_get_n_events (dataset), biggest_day = 0, outliers = 0;
  double median;
  gint64 a, b;

  /* deterministic for a seed */
  g_assert_true (g_bytes_equal (first, again));
  g_assert_false (g_bytes_equal (first, other));
  g_assert_cmpuint (n, ==, 700);
  g_assert_cmpuint (hl_dataset_get_n_lanes (dataset), ==, 3);
  g_assert_true (hl_dataset_get_extent (dataset, &a, &b));
  g_assert_cmpint (b - a, >, 9 * 365 * HL_SECONDS_PER_DAY);

  for (guint l = 0; l < 3; l++)
    kinds[l] = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, i);

      if (hl_dataset_get_lane (dataset, ev->lane)->measure == HL_MEASURE_USD)
        {
          gint64 *day = g_new (gint64, 1);
          guint count;

          g_array_append_val (amounts, ev->usd);
          *day = hl_date_floor_day (ev->time);
          count = GPOINTER_TO_UINT (g_hash_table_lookup (per_day, day)) + 1;
          g_hash_table_replace (per_day, day, GUINT_TO_POINTER (count));
          biggest_day = MAX (biggest_day, count);
        }
      else if (ev->kind != NULL)
        g_hash_table_add (kinds[ev->lane], (gpointer) ev->kind);
    }
  g_array_sort (amounts, compare_double);
  median = g_array_index (amounts, double, amounts->len / 2);
  for (guint i = 0; i < amounts->len; i++)
    outliers += g_array_index (amounts, double, i) >= 1000 * median;
  g_test_message ("%u money events, median $%.0f, %u outliers, %u on the busiest day",
                  amounts->len, median, outliers, biggest_day);
  /* heavy-tailed amounts, a few outliers a thousand times the median */
  g_assert_cmpfloat (median, <, 200000);
  g_assert_cmpuint (outliers, >=, 3);
  g_assert_cmpuint (outliers, <, amounts->len / 20);
  /* bursts of same-day events */
  g_assert_cmpuint (biggest_day, >=, 30);
  /* several kinds per count lane */
  g_assert_cmpuint (g_hash_table_size (kinds[1]), >=, 5);
  g_assert_cmpuint (g_hash_table_size (kinds[2]), >=, 5);
  for (guint l = 0; l < 3; l++)
    g_hash_table_unref (kinds[l]);
}

/* ------------------------------------------------------------------ */
/* Legend: exactly the kinds and styles drawn */

static void
add_once (GPtrArray *list, const char *text)
{
  if (!g_ptr_array_find_with_equal_func (list, text, g_str_equal, NULL))
    g_ptr_array_add (list, g_strdup (text));
}

/* What the display list shows, in the legend's words, found apart from
 * the renderer's own bookkeeping: lanes, hatched marks, the kinds of the
 * markers and of count bins' segments, hollow ones, the counts written beside markers, the line. */
static GPtrArray *
drawn_entries (HlChart *chart)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  gboolean dashed = FALSE, hollow = FALSE, undisclosed = FALSE;
  guint n_lanes = hl_dataset_get_n_lanes (chart->dataset);

  for (guint i = 0; i < n_lanes; i++)
    if (hl_view_lane_visible (&chart->view, i))
      add_once (list, hl_dataset_get_lane (chart->dataset, i)->title);
  for (guint i = 0; i < chart->marks->len; i++)
    {
      const HlMark *mk = &g_array_index (chart->marks, HlMark, i);
      const HlEvent *ev = hl_dataset_get_event (chart->dataset, mk->event);
      const char *label;

      dashed |= mk->dashed;
      /* a count bin's segments are its kinds (issue 10) */
      if (mk->shape == HL_MARK_BAR &&
          (mk->bin == 0 ||
           hl_dataset_get_lane (chart->dataset, mk->lane)->measure != HL_MEASURE_COUNT))
        continue;
      hollow |= mk->hollow && mk->shape != HL_MARK_BAR;
      label = hl_kind_get_label (hl_dataset_lane_kind (chart->dataset, mk->lane, ev->kind));
      if (label != NULL && label[0] != '\0')
        add_once (list, label);
    }
  for (guint i = 0; i < chart->texts->len; i++)
    {
      const HlText *t = &g_array_index (chart->texts, HlText, i);
      const char *text = pango_layout_get_text (t->layout);
      const HlLane *lane;

      if (t->lane < 0 || t->role != HL_ROLE_FG || !g_str_has_prefix (text, "×"))
        continue;
      lane = hl_dataset_get_lane (chart->dataset, t->lane);
      if (g_str_equal (text, "×?"))
        undisclosed = TRUE;
      else if (lane->unit != NULL)
        {
          g_autofree char *note = g_strdup_printf ("×N \u2068%s\u2069", lane->unit);

          add_once (notes, note);
        }
      else
        add_once (notes, "×N items");
    }
  if (dashed)
    add_once (list, "suspected or disputed attribution");
  if (hollow)
    add_once (list, "failed");
  if (undisclosed)
    {
      char *last = notes->len > 0 ? g_ptr_array_steal_index (notes, notes->len - 1) : NULL;

      g_ptr_array_add (notes, last ? g_strdup_printf ("%s, ×? not disclosed", last)
                                   : g_strdup ("×? not disclosed"));
      g_free (last);
    }
  for (guint i = 0; i < notes->len; i++)
    add_once (list, g_ptr_array_index (notes, i));
  if (chart->cumulative->len >= 4)
    add_once (list, "running total of losses (right scale)");
  return list;
}

static char *
joined_sorted (GPtrArray *list)
{
  g_autoptr(GPtrArray) copy = g_ptr_array_new ();

  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (list, i));

  g_ptr_array_sort (copy, hl_test_compare_strings);
  g_ptr_array_add (copy, NULL);
  return g_strjoinv (" | ", (char **) copy->pdata);
}

typedef struct
{
  const char *name;
  const char *from, *to;     /* NULL: the dataset's default range */
  int         width, height;
  guint32     hidden_confidences;
  gboolean    cumulative;
} LegendCase;

static void
check_legend (HlDataset *dataset, const LegendCase *c, const char *must_lack)
{
  g_autoptr(HlChart) chart = NULL;
  g_autoptr(GPtrArray) drawn = NULL;
  g_auto(GStrv) legend = NULL;
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  HlView view;

  hl_view_init (&view, dataset);
  if (c->from != NULL)
    hl_view_set_range (&view, hl_date_from_ymd (atoi (c->from), atoi (c->from + 5),
                                                atoi (c->from + 8)),
                       hl_date_from_ymd (atoi (c->to), atoi (c->to + 5), atoi (c->to + 8)));
  view.hidden_confidences = c->hidden_confidences;
  view.show_cumulative = c->cumulative;
  chart = hl_chart_new (dataset, &view, c->width, c->height);
  legend = _hl_chart_get_legend (chart);
  for (guint i = 0; legend[i] != NULL; i++)
    g_ptr_array_add (listed, legend[i]);
  drawn = drawn_entries (chart);
  want = joined_sorted (drawn);
  got = joined_sorted (listed);
  g_test_message ("%s: %s", c->name, got);
  if (g_strcmp0 (want, got) != 0)
    g_error ("%s: the legend lists\n  %s\nbut the chart draws\n  %s", c->name, got, want);
  if (must_lack != NULL)
    g_assert_false (g_strv_contains ((const char *const *) legend, must_lack));
  hl_view_clear (&view);
}

#define DOUBTFUL ((1u << HL_CONFIDENCE_SUSPECTED) | (1u << HL_CONFIDENCE_DISPUTED))
#define OFFICIAL (1u << HL_CONFIDENCE_OFFICIAL)

static const LegendCase realistic_cases[] = {
  { "full-span", NULL, NULL, 1920, 1080, 0, FALSE },
  { "full-span-a4", NULL, NULL, 842, 595, 0, TRUE },
  { "one-year", "2022-01-01", "2023-01-01", 1920, 1080, 0, FALSE },
  { "one-month", "2022-06-01", "2022-07-01", 1920, 1080, 0, TRUE },
  { "one-week", "2022-06-06", "2022-06-13", 1280, 720, 0, FALSE },
  { "grades-hidden", "2022-01-01", "2023-01-01", 1920, 1080, DOUBTFUL, FALSE },
  { "only-doubtful", NULL, NULL, 1920, 1080, OFFICIAL, FALSE },
  /* small canvases, where a "×N" or "×?" beside a marker finds no room */
  { "small-autumn", "2026-09-23", "2026-11-18", 640, 400, 0, FALSE },
  { "small-2019", "2019-01-28", "2019-05-20", 640, 400, 0, FALSE },
  { "small-2021", "2021-11-01", "2022-02-21", 640, 400, 0, FALSE },
};

static const LegendCase bundled_cases[] = {
  { "default", NULL, NULL, 1920, 1080, 0, FALSE },
  { "default-hd", NULL, NULL, 1280, 720, 0, TRUE },
  { "no-money", "2023-08-01", "2023-08-31", 1920, 1080, 0, FALSE },
  { "grades-hidden", NULL, NULL, 1920, 1080, DOUBTFUL, FALSE },
  { "september", "2023-09-01", "2023-10-01", 1024, 768, 0, FALSE },
};

static void
test_legend_realistic (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (realistic_cases); i++)
    check_legend (realistic (700), &realistic_cases[i],
                  realistic_cases[i].hidden_confidences == DOUBTFUL
                    ? "suspected or disputed attribution" : NULL);
}

static void
test_legend_bundled (void)
{
  HlDataset *dataset = hl_test_bundled ();

  for (guint i = 0; i < G_N_ELEMENTS (bundled_cases); i++)
    check_legend (dataset, &bundled_cases[i],
                  bundled_cases[i].hidden_confidences == DOUBTFUL
                    ? "suspected or disputed attribution" : NULL);
}

/* ------------------------------------------------------------------ */
/* Footnote: "and N more" is the publishers left out */

static void
test_footnote_more (void)
{
  static const int sizes[][2] = { { 1920, 1080 }, { 1280, 720 }, { 842, 595 }, { 640, 480 } };
  HlDataset *dataset = realistic (5000);
  HlView view;

  hl_view_init (&view, dataset);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(HlChart) chart = hl_chart_new (dataset, &view, sizes[s][0], sizes[s][1]);
      g_autoptr(GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
      gint64 margin = (view.to - view.from) / 1000;
      const char *foot = NULL, *tail;
      guint named = 0, more = 0;

      for (guint i = 0; i < hl_dataset_get_n_events (dataset); i++)
        {
          const HlEvent *ev = hl_dataset_get_event (dataset, i);

          if (ev->time >= view.from - margin && ev->time < view.to + margin)
            for (guint j = 0; j < ev->n_sources; j++)
              g_hash_table_add (all, (gpointer) ev->sources[j].title);
        }
      for (guint i = 0; i < chart->texts->len; i++)
        if (g_str_has_prefix (_hl_chart_get_text_box_label (chart, i), "Sources: "))
          foot = _hl_chart_get_text_box_label (chart, i);
      g_assert_nonnull (foot);
      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, all);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          {
            g_autofree char *isolated = g_strdup_printf ("\u2068%s\u2069", (char *) key);

            named += strstr (foot, isolated) != NULL;
          }
      }
      tail = strstr (foot, "\u2069 and ");
      if (tail != NULL)
        more = (guint) strtoul (tail + strlen ("\u2069 and "), NULL, 10);
      g_test_message ("%dx%d: %u publishers, %u named, %u more", sizes[s][0], sizes[s][1],
                      g_hash_table_size (all), named, more);
      g_assert_cmpuint (g_hash_table_size (all), >, 300);
      g_assert_cmpuint (named, >, 0);
      g_assert_cmpuint (named + more, ==, g_hash_table_size (all));
      g_assert_nonnull (strstr (foot, " more (see \u2068realistic-2017-2026.json\u2069)."));
    }
  hl_view_clear (&view);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/realistic/profile", test_profile);
  g_test_add_func ("/realistic/legend/realistic", test_legend_realistic);
  g_test_add_func ("/realistic/legend/bundled", test_legend_bundled);
  g_test_add_func ("/realistic/footnote/more", test_footnote_more);

  return g_test_run ();
}
