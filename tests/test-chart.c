/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The renderer, read back as pixels and text boxes: marks at their dates,
 * theme backgrounds, labels that never overlap or leave the canvas at any
 * export size, amounts on the largest heists, an honest footnote, dataset
 * text drawn literally. No display needed. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hl-chart-private.h"
#include "test-util.h"
#include "hl-date.h"
#include "hl-scale.h"

typedef struct
{
  const char *name;
  int         width;
  int         height;
} Size;

static const Size sizes[] = {
  { "hd", 1280, 720 },
  { "slide-16x9", 1920, 1080 },
  { "4k", 3840, 2160 },
  { "slide-4x3", 1024, 768 },
  { "a4", 842, 595 },
};

static HlDataset *
bundled (void)
{
  static HlDataset *dataset;

  if (dataset == NULL)
    dataset = hl_dataset_new_bundled ();
  g_assert_nonnull (dataset);
  return dataset;
}

static cairo_surface_t *
render (HlChart *chart, int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  hl_chart_draw (chart, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* ------------------------------------------------------------------ */

static void
test_mark_at_date (void)
{
  HlDataset *dataset = bundled ();
  int index = hl_dataset_find_event (dataset, "stake-2023");
  const HlEvent *ev;

  g_assert_cmpint (index, >=, 0);
  ev = hl_dataset_get_event (dataset, index);
  g_assert_cmpstr (ev->title, ==, "Stake.com");
  g_assert_cmpstr (ev->date, ==, "2023-09-04");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      HlView view;
      g_autoptr(HlChart) chart = NULL;
      cairo_surface_t *surface;
      HlBox box, plot;
      double cx, expected;
      guint r, g, b, a;
      int px, py;

      hl_view_init (&view, dataset);
      chart = hl_chart_new (dataset, &view, sizes[i].width, sizes[i].height);
      g_assert_true (hl_chart_get_event_box (chart, index, &box));
      hl_chart_get_plot_area (chart, &plot);

      /* The middle of 4 September 2023, the date the file gives. */
      expected = hl_chart_time_to_x (chart, hl_date_from_ymd (2023, 9, 4) + HL_SECONDS_PER_DAY / 2);
      cx = box.x + box.width / 2;
      g_assert_cmpfloat_with_epsilon (cx, expected, 0.5);
      g_assert_cmpfloat (cx, >, plot.x);
      g_assert_cmpfloat (cx, <, plot.x + plot.width);
      /* and the axis maps it back to that day */
      g_assert_cmpint (hl_date_floor_day (hl_chart_x_to_time (chart, cx)), ==,
                       hl_date_from_ymd (2023, 9, 4));

      surface = render (chart, sizes[i].width, sizes[i].height);
      px = (int) floor (cx);
      py = (int) floor (box.y + box.height * 0.6);
      hl_test_pixel_at (surface, px, py, &r, &g, &b, &a);
      g_test_message ("%s: Stake.com mark at x=%.1f, pixel #%02X%02X%02X", sizes[i].name, cx,
                      r, g, b);
      g_assert_cmpuint (a, ==, 255);
      g_assert_cmpint (abs ((int) r - 0xD5), <=, 2);
      g_assert_cmpint (abs ((int) g - 0x5E), <=, 2);
      g_assert_cmpint (abs ((int) b - 0x00), <=, 2);

      /* and not a bar's width beside it */
      hl_test_pixel_at (surface, (int) floor (box.x - box.width - 2), py, &r, &g, &b, &a);
      g_assert_false (abs ((int) r - 0xD5) <= 2 && abs ((int) g - 0x5E) <= 2 && b <= 2);
      cairo_surface_destroy (surface);
      hl_view_clear (&view);
    }
}

static void
test_theme_background (void)
{
  static const struct { HlTheme theme; const char *name; } themes[] = {
    { HL_THEME_LIGHT, "light" }, { HL_THEME_DARK, "dark" }, { HL_THEME_TRANSPARENT, "transparent" },
  };
  HlDataset *dataset = bundled ();

  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      HlView view;
      g_autoptr(HlChart) chart = NULL;
      cairo_surface_t *surface;

      hl_view_init (&view, dataset);
      view.theme = themes[i].theme;
      chart = hl_chart_new (dataset, &view, 1280, 720);
      surface = render (chart, 1280, 720);

      /* the corners and the middle of the empty strip under the title */
      for (guint k = 0; k < 3; k++)
        {
          int x = k == 0 ? 2 : k == 1 ? 1277 : 2;
          int y = k == 2 ? 717 : 2;

          hl_test_assert_background (surface, x, y, themes[i].theme);
        }
      cairo_surface_destroy (surface);
      hl_view_clear (&view);
    }
}

/* ------------------------------------------------------------------ */
/* Layout at every export size */

typedef struct
{
  const char *name;
  void      (*setup) (HlView *view, HlDataset *dataset);
} Variant;

static void
setup_default (HlView *view, HlDataset *dataset)
{
}

static void
setup_dark_cumulative (HlView *view, HlDataset *dataset)
{
  view->theme = HL_THEME_DARK;
  view->show_cumulative = TRUE;
}

static void
setup_bare (HlView *view, HlDataset *dataset)
{
  view->theme = HL_THEME_TRANSPARENT;
  view->show_legend = FALSE;
  view->show_footnote = FALSE;
  view->show_periods = FALSE;
}

static void
setup_all_time (HlView *view, HlDataset *dataset)
{
  hl_view_fit_all (view, dataset);
  view->show_cumulative = TRUE;
}

static void
setup_one_month (HlView *view, HlDataset *dataset)
{
  hl_view_set_range (view, hl_date_from_ymd (2023, 9, 1), hl_date_from_ymd (2023, 10, 1));
}

static void
setup_heists_only (HlView *view, HlDataset *dataset)
{
  hl_lane_mask_fill (&view->hidden_lanes, hl_dataset_get_n_lanes (dataset));
  hl_lane_mask_clear (&view->hidden_lanes, hl_dataset_find_lane (dataset, "heists"));
  view->title = g_strdup ("A custom title that is long enough to need the whole width of a "
                          "small slide, and then some more words after that");
  view->subtitle = g_strdup ("Custom subtitle");
}

static const Variant variants[] = {
  { "default", setup_default },
  { "dark-cumulative", setup_dark_cumulative },
  { "bare", setup_bare },
  { "all-time", setup_all_time },
  { "one-month", setup_one_month },
  { "heists-only", setup_heists_only },
};

static void
assert_layout_clean (HlChart *chart, int width, int height, const char *what)
{
  const HlBox *boxes;
  guint n;

  boxes = _hl_chart_get_text_boxes (chart, &n);
  g_assert_cmpuint (n, >, width >= 480 ? 5 : 0);
  for (guint i = 0; i < n; i++)
    {
      const HlBox *a = &boxes[i];
      const char *label = _hl_chart_get_text_box_label (chart, i);

      if (a->x < -0.01 || a->y < -0.01 || a->x + a->width > width + 0.01 ||
          a->y + a->height > height + 0.01)
        g_error ("%s: “%s” (%.1f,%.1f %.1fx%.1f) leaves the %dx%d canvas", what, label,
                 a->x, a->y, a->width, a->height, width, height);
      g_assert_cmpfloat (a->width, >, 0);
      g_assert_cmpfloat (a->height, >, 0);

      for (guint j = i + 1; j < n; j++)
        {
          const HlBox *b = &boxes[j];

          if (a->x < b->x + b->width - 0.01 && b->x < a->x + a->width - 0.01 &&
              a->y < b->y + b->height - 0.01 && b->y < a->y + a->height - 0.01)
            g_error ("%s: “%s” (%.1f,%.1f %.1fx%.1f) overlaps “%s” (%.1f,%.1f %.1fx%.1f)",
                     what, label, a->x, a->y, a->width, a->height,
                     _hl_chart_get_text_box_label (chart, j), b->x, b->y, b->width, b->height);
        }
    }
}

static void
test_layout_sizes (gconstpointer data)
{
  const Size *size = data;
  HlDataset *dataset = bundled ();

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autofree char *what = g_strdup_printf ("%s/%s", size->name, variants[v].name);
      g_autoptr(HlChart) chart = NULL;
      HlView view;

      hl_view_init (&view, dataset);
      variants[v].setup (&view, dataset);
      chart = hl_chart_new (dataset, &view, size->width, size->height);
      assert_layout_clean (chart, size->width, size->height, what);
      hl_view_clear (&view);
    }
}

/* Every custom size a presenter might type, from a thumbnail up. */
static void
test_layout_odd_sizes (void)
{
  static const int odd[][2] = { { 640, 360 }, { 800, 600 }, { 1080, 1080 }, { 1080, 1920 },
                                { 2560, 1080 }, { 3000, 600 }, { 1600, 1200 }, { 595, 842 },
                                { 480, 270 }, { 400, 300 }, { 320, 180 }, { 700, 200 },
                                { 300, 600 }, { 200, 200 }, { 64, 64 }, { 8000, 1000 } };
  HlDataset *dataset = bundled ();

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autofree char *what = g_strdup_printf ("%dx%d", odd[i][0], odd[i][1]);
      g_autoptr(HlChart) chart = NULL;
      HlView view;

      hl_view_init (&view, dataset);
      chart = hl_chart_new (dataset, &view, odd[i][0], odd[i][1]);
      assert_layout_clean (chart, odd[i][0], odd[i][1], what);
      hl_view_clear (&view);
    }
}

static gboolean
has_line (HlChart *chart, const char *line)
{
  guint n;

  _hl_chart_get_text_boxes (chart, &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) lines = g_strsplit (_hl_chart_get_text_box_label (chart, i), "\n", -1);

      if (g_strv_contains ((const char *const *) lines, line))
        return TRUE;
    }
  return FALSE;
}

static int
compare_usd_desc (gconstpointer a, gconstpointer b)
{
  const HlEvent *ea = *(const HlEvent **) a, *eb = *(const HlEvent **) b;

  return ea->usd < eb->usd ? 1 : ea->usd > eb->usd ? -1 : 0;
}

/* The five largest heists shown carry their names and amounts, at every size. */
static void
test_largest_heists_labelled (void)
{
  HlDataset *dataset = bundled ();
  int heists = hl_dataset_find_lane (dataset, "heists");

  g_assert_cmpint (heists, >=, 0);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GPtrArray) shown = g_ptr_array_new ();
      g_autoptr(HlChart) chart = NULL;
      HlView view;

      hl_view_init (&view, dataset);
      for (guint k = 0; k < hl_dataset_get_n_events (dataset); k++)
        {
          const HlEvent *ev = hl_dataset_get_event (dataset, k);

          if ((int) ev->lane == heists && ev->time >= view.from && ev->time < view.to)
            g_ptr_array_add (shown, (gpointer) ev);
        }
      g_assert_cmpuint (shown->len, >=, 5);
      g_ptr_array_sort (shown, compare_usd_desc);

      chart = hl_chart_new (dataset, &view, sizes[i].width, sizes[i].height);
      for (guint k = 0; k < 5; k++)
        {
          const HlEvent *ev = g_ptr_array_index (shown, k);
          g_autofree char *amount = hl_money_format_short (ev->usd);

          if (!has_line (chart, amount) || !has_line (chart, ev->title))
            g_error ("%s: the heist “%s” (%s) is not labelled", sizes[i].name, ev->title, amount);
        }
      hl_view_clear (&view);
    }
}

/* ------------------------------------------------------------------ */
/* Footnote */

/* Written apart from the renderer's: "Name (via X)" and "Name 2024-02-09"
 * are Name. */
static char *
expected_publisher (const char *title)
{
  const char *paren = strstr (title, " (");
  char *name = paren ? g_strndup (title, paren - title) : g_strdup (title);
  gsize len = strlen (name);
  int y, m, d;

  if (len > 11 && sscanf (name + len - 10, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
      name[len - 11] == ' ')
    name[len - 11] = '\0';
  return name;
}

static GHashTable *
publishers_between (HlDataset *dataset, gint64 from, gint64 to)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < hl_dataset_get_n_events (dataset); i++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, i);

      if (ev->time < from || ev->time >= to)
        continue;
      for (guint j = 0; j < ev->n_sources; j++)
        g_hash_table_add (set, expected_publisher (ev->sources[j].title));
    }
  return set;
}

static const char *
find_footnote (HlChart *chart)
{
  guint n;

  _hl_chart_get_text_boxes (chart, &n);
  for (guint i = 0; i < n; i++)
    if (g_str_has_prefix (_hl_chart_get_text_box_label (chart, i), "Sources: "))
      return _hl_chart_get_text_box_label (chart, i);
  return NULL;
}

static void
test_footnote (void)
{
  HlDataset *dataset = bundled ();
  gint64 sep = hl_date_from_ymd (2023, 9, 1), oct = hl_date_from_ymd (2023, 10, 1);
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GHashTable) in_sep = publishers_between (dataset, sep, oct);
  const char *outsider = NULL;
  GHashTableIter iter;
  gpointer key;
  HlView view;

  hl_view_init (&view, dataset);
  all = publishers_between (dataset, view.from, view.to);
  g_assert_cmpuint (g_hash_table_size (all), >, 10);

  /* At every size, every publisher of the events shown, and the file. */
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(HlChart) chart = hl_chart_new (dataset, &view, sizes[i].width, sizes[i].height);
      const char *foot = find_footnote (chart);

      g_assert_nonnull (foot);
      g_assert_nonnull (strstr (foot, "heistline.json"));
      g_hash_table_iter_init (&iter, all);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (strstr (foot, key) == NULL)
          g_error ("%s: the footnote does not name “%s”: %s", sizes[i].name, (char *) key, foot);
      g_assert_null (strstr (foot, "…"));
    }

  /* A narrower range names only its own publishers. */
  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean is_prefix = FALSE;
      GHashTableIter it2;
      gpointer k2;

      if (g_hash_table_contains (in_sep, key))
        continue;
      /* one that is not part of another's name */
      g_hash_table_iter_init (&it2, in_sep);
      while (g_hash_table_iter_next (&it2, &k2, NULL))
        is_prefix |= strstr (k2, key) != NULL;
      if (!is_prefix)
        {
          outsider = key;
          break;
        }
    }
  g_assert_nonnull (outsider);
  hl_view_set_range (&view, sep, oct);
  {
    g_autoptr(HlChart) chart = hl_chart_new (dataset, &view, 1920, 1080);
    const char *foot = find_footnote (chart);

    g_assert_nonnull (foot);
    g_assert_null (strstr (foot, outsider));
    g_hash_table_iter_init (&iter, in_sep);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_assert_nonnull (strstr (foot, key));
  }

  /* Off: no footnote */
  view.show_footnote = FALSE;
  {
    g_autoptr(HlChart) chart = hl_chart_new (dataset, &view, 1920, 1080);

    g_assert_null (find_footnote (chart));
  }
  hl_view_clear (&view);
}

/* ------------------------------------------------------------------ */

static const char markup_dataset[] =
  "{ \"format\": \"heistline-dataset/1\", \"title\": \"<span size='99999'>T</span> & <u>\","
  "  \"default_range\": { \"from\": \"2023-09-01\", \"to\": \"2023-09-30\" },"
  "  \"lanes\": ["
  "    { \"id\": \"h\", \"title\": \"<i>Heists</i> &amp;\", \"measure\": \"usd\" },"
  "    { \"id\": \"l\", \"title\": \"Launches\", \"measure\": \"count\" } ],"
  "  \"events\": ["
  "    { \"id\": \"a\", \"lane\": \"h\", \"date\": \"2023-09-10\", \"title\": \"<b>x</b> & co\","
  "      \"usd\": 5000000, \"sources\": [ { \"title\": \"<b>News</b> & Co\", \"url\": \"https://e.org\" } ] },"
  "    { \"id\": \"b\", \"lane\": \"l\", \"date\": \"2023-09-12\", \"title\": \"<b>x</b> & co\" } ] }";

static void
test_markup_literal (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (markup_dataset, sizeof markup_dataset - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = hl_dataset_new_from_bytes (bytes, "markup.json", NULL, &error);
  g_autoptr(HlChart) chart = NULL;
  cairo_surface_t *surface;
  gboolean title = FALSE, event = FALSE, amount = FALSE, lane = FALSE, source = FALSE;
  HlView view;
  guint n;

  g_assert_no_error (error);
  hl_view_init (&view, dataset);
  chart = hl_chart_new (dataset, &view, 1280, 720);
  _hl_chart_get_text_boxes (chart, &n);
  for (guint i = 0; i < n; i++)
    {
      const char *label = _hl_chart_get_text_box_label (chart, i);

      title |= g_str_equal (label, "<span size='99999'>T</span> & <u>");
      event |= g_str_equal (label, "<b>x</b> & co");
      amount |= g_str_equal (label, "<b>x</b> & co\n$5M");
      lane |= g_str_equal (label, "<i>Heists</i> &amp;");
      source |= strstr (label, "<b>News</b> & Co") != NULL;
    }
  g_assert_true (title);
  g_assert_true (event);
  g_assert_true (amount);
  g_assert_true (lane);
  g_assert_true (source);
  assert_layout_clean (chart, 1280, 720, "markup");

  surface = render (chart, 1280, 720);
  cairo_surface_destroy (surface);
  hl_view_clear (&view);
}

static gsize
count_differences (cairo_surface_t *a, cairo_surface_t *b, const HlBox *within)
{
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  gsize n = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (memcmp (da + y * stride + 4 * x, db + y * stride + 4 * x, 4) != 0)
        {
          if (within == NULL || (x >= within->x && x <= within->x + within->width &&
                                 y >= within->y && y <= within->y + within->height))
            n++;
        }
  return n;
}

static void
test_search_highlight (void)
{
  HlDataset *dataset = bundled ();
  g_autoptr(HlChart) plain = NULL;
  g_autoptr(HlChart) found = NULL;
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (HlBox));
  cairo_surface_t *a, *b;
  gsize total = 0;
  HlView view;

  hl_view_init (&view, dataset);
  plain = hl_chart_new (dataset, &view, 1280, 720);
  view.search = g_strdup ("Stake");
  found = hl_chart_new (dataset, &view, 1280, 720);

  /* the matching events, found apart from the renderer */
  for (guint i = 0; i < hl_dataset_get_n_events (dataset); i++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, i);
      HlBox box;

      if (ev->time < view.from || ev->time >= view.to || !hl_view_event_matches (&view, ev))
        continue;
      g_assert_true (hl_chart_get_event_box (found, (int) i, &box));
      box = (HlBox) { box.x - 8, box.y - 8, box.width + 16, box.height + 16 };
      g_array_append_val (near, box);
    }
  g_assert_cmpuint (near->len, >=, 1);
  g_assert_cmpuint (hl_chart_get_totals (found)->n_matches, ==, near->len);
  g_assert_true (hl_chart_get_event_box (found, hl_dataset_find_event (dataset, "stake-2023"),
                                         NULL));

  a = render (plain, 1280, 720);
  b = render (found, 1280, 720);
  /* every match is marked, and nothing else changes */
  for (guint i = 0; i < near->len; i++)
    {
      gsize n = count_differences (a, b, &g_array_index (near, HlBox, i));

      g_assert_cmpuint (n, >, 20);
      total += n;
    }
  g_assert_cmpuint (count_differences (a, b, NULL), <=, total);
  g_assert_cmpuint (count_differences (a, b, NULL), >, 0);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  hl_view_clear (&view);
}

/* ------------------------------------------------------------------ */
/* The legend names what is drawn, in the dataset's words */

static gboolean
shows_label (HlChart *chart, const char *text)
{
  guint n;

  _hl_chart_get_text_boxes (chart, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = hl_test_visible_text (_hl_chart_get_text_box_label (chart, i));

      if (g_str_equal (label, text))
        return TRUE;
    }
  return FALSE;
}

/* The first text box holding @word (ignoring case), or NULL. The app's
 * own name, in the footnote, does not count. */
static const char *
label_containing (HlChart *chart, const char *word)
{
  guint n;

  _hl_chart_get_text_boxes (chart, &n);
  for (guint i = 0; i < n; i++)
    {
      const char *label = _hl_chart_get_text_box_label (chart, i);
      g_autofree char *visible = hl_test_visible_text (label);
      g_autofree char *lower = g_utf8_strdown (visible, -1);
      g_auto(GStrv) parts = g_strsplit (lower, "heistline", -1);
      g_autofree char *rest = g_strjoinv ("", parts);

      if (strstr (rest, word) != NULL)
        return label;
    }
  return NULL;
}

/* A filtered view says so in its subtitle, so its totals are not read as
 * the whole story (the window and every export draw the same subtitle). */
static void
test_subtitle_filtered (void)
{
  g_autoptr(HlDataset) dataset = hl_dataset_new_bundled ();
  HlView view;
  const char *label;

  hl_view_init (&view, dataset);
  {
    g_autoptr(HlChart) chart = hl_chart_new (dataset, &view, 1920, 1080);

    g_assert_null (label_containing (chart, "filtered"));
  }
  view.min_usd = 5e6;
  hl_lane_mask_set (&view.hidden_lanes, hl_dataset_find_lane (dataset, "milestones"));
  {
    g_autoptr(HlChart) chart = hl_chart_new (dataset, &view, 1920, 1080);
    g_autofree char *text = NULL;

    label = label_containing (chart, "filtered");
    g_assert_nonnull (label);
    text = hl_test_visible_text (label);
    g_assert_nonnull (strstr (text, "Crypto heists: 9 events, $717M"));
    g_assert_nonnull (strstr (text, "filtered: Other weapons milestones, amounts below "
                                    "$5.0 million"));
  }
  hl_view_clear (&view);
}

static HlChart *
chart_of (HlDataset *dataset, void (*setup) (HlView *, HlDataset *))
{
  HlChart *chart;
  HlView view;

  hl_view_init (&view, dataset);
  if (setup != NULL)
    setup (&view, dataset);
  chart = hl_chart_new (dataset, &view, 1920, 1080);
  hl_view_clear (&view);
  return chart;
}

static void
test_legend_other_dataset (void)
{
  static const char *words[] = { "heist", "stolen", "weapons", "missile", "ballistic",
                                 "cruise", "satellite", "failed", "suspected" };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good-sanctions-frozen.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = hl_dataset_new_from_file (file, NULL, &error);
  g_autoptr(HlChart) chart = NULL;

  g_assert_no_error (error);
  chart = chart_of (dataset, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (label_containing (chart, words[i]) != NULL)
      g_error ("“%s” says “%s”", label_containing (chart, words[i]), words[i]);
  /* its own lanes, and what its numbers count */
  g_assert_true (shows_label (chart, "Sanctions designations"));
  g_assert_true (shows_label (chart, "Assets frozen"));
  g_assert_true (shows_label (chart, "×N items, ×? not disclosed"));
  g_assert_nonnull (label_containing (chart, "assets frozen: 3 events, $46.5m"));
  g_assert_nonnull (label_containing (chart, "sanctions designations: 5 events"));
}

static void
setup_cumulative (HlView *view, HlDataset *dataset)
{
  view->show_cumulative = TRUE;
}

static void
setup_certain_only (HlView *view, HlDataset *dataset)
{
  view->hidden_confidences = (1u << HL_CONFIDENCE_SUSPECTED) | (1u << HL_CONFIDENCE_DISPUTED);
}

static void
setup_after_launches (HlView *view, HlDataset *dataset)
{
  /* the last weeks of 2023: a ballistic launch, no failure, no satellite */
  hl_view_set_range (view, hl_date_from_ymd (2023, 12, 10), hl_date_from_ymd (2023, 12, 31));
}

static void
test_legend_bundled (void)
{
  static const char *kinds[] = { "ballistic", "cruise", "satellite", "failed" };
  g_autoptr(HlChart) chart = chart_of (bundled (), NULL);
  g_autoptr(HlChart) heists = chart_of (bundled (), setup_heists_only);
  g_autoptr(HlChart) certain = chart_of (bundled (), setup_certain_only);
  g_autoptr(HlChart) cumulative = chart_of (bundled (), setup_cumulative);
  g_autoptr(HlChart) december = chart_of (bundled (), setup_after_launches);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_assert_true (shows_label (chart, kinds[i]));
      g_assert_false (shows_label (heists, kinds[i]));
    }
  g_assert_true (shows_label (chart, "×N Missiles or rockets, ×? not disclosed"));
  g_assert_true (shows_label (chart, "suspected or disputed attribution"));
  g_assert_false (shows_label (chart, "running total of losses (right scale)"));
  g_assert_null (label_containing (heists, "×n"));
  g_assert_false (shows_label (certain, "suspected or disputed attribution"));
  g_assert_true (shows_label (cumulative, "running total of losses (right scale)"));
  g_assert_true (shows_label (december, "ballistic"));
  g_assert_false (shows_label (december, "satellite"));
  g_assert_false (shows_label (december, "failed"));
}

/* ------------------------------------------------------------------ */
/* Text caches belong to whoever draws */

static gsize
count_all_differences (cairo_surface_t *a, cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a), h = cairo_image_surface_get_height (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  gsize n = 0;

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  for (int y = 0; y < h; y++)
    for (int x = 0; x < stride; x += 4)
      n += memcmp (pa + y * stride + x, pb + y * stride + x, 4) != 0;
  return n;
}

/* The cache keeps the last HL_TEXT_CACHE_FOOTNOTES footnotes, the one
 * asked for last kept longest: zooming back out finds them again. */
static void
test_footnote_cache (void)
{
  g_autoptr(HlTextCache) cache = hl_text_cache_new ();
  PangoLayout *layouts[HL_TEXT_CACHE_FOOTNOTES + 1];
  PangoLayout *got;

  for (guint i = 0; i <= HL_TEXT_CACHE_FOOTNOTES; i++)
    {
      g_autofree char *key = g_strdup_printf ("footnote %u", i);

      layouts[i] = pango_layout_new (hl_text_cache_get_context (cache));
      hl_text_cache_set_footnote (cache, key, layouts[i]);
      if (i == 1)
        {
          /* asked for again: the first is now the oldest */
          got = hl_text_cache_get_footnote (cache, "footnote 0");
          g_assert_true (got == layouts[0]);
          g_object_unref (got);
        }
    }
  got = hl_text_cache_get_footnote (cache, "footnote 0");
  g_assert_true (got == layouts[0]);
  g_object_unref (got);
  g_assert_null (hl_text_cache_get_footnote (cache, "footnote 1"));   /* the oldest went */
  for (guint i = 2; i <= HL_TEXT_CACHE_FOOTNOTES; i++)
    {
      g_autofree char *key = g_strdup_printf ("footnote %u", i);

      got = hl_text_cache_get_footnote (cache, key);
      g_assert_true (got == layouts[i]);
      g_object_unref (got);
    }
  for (guint i = 0; i <= HL_TEXT_CACHE_FOOTNOTES; i++)
    g_object_unref (layouts[i]);
}

static void
test_text_cache (void)
{
  HlDataset *dataset = bundled ();
  g_autoptr(HlTextCache) a = hl_text_cache_new ();
  g_autoptr(HlTextCache) b = hl_text_cache_new ();
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 9");
  HlChart *first, *other, *panned, *again, *kept;
  cairo_surface_t *reference, *surface;
  HlView view, pan;

  hl_view_init (&view, dataset);
  hl_view_copy (&pan, &view);
  hl_view_pan (&pan, 0.3);

  /* Two caches, the same pixels */
  first = hl_chart_new_cached (dataset, &view, 1280, 720, a);
  other = hl_chart_new_cached (dataset, &view, 1280, 720, b);
  g_assert_cmpuint (hl_text_cache_get_size (a), >, 20);
  reference = render (first, 1280, 720);
  surface = render (other, 1280, 720);
  g_assert_cmpuint (count_all_differences (reference, surface), ==, 0);
  cairo_surface_destroy (surface);

  /* A warm cache (another view laid out in between) draws the same */
  panned = hl_chart_new_cached (dataset, &pan, 1280, 720, a);
  again = hl_chart_new_cached (dataset, &view, 1280, 720, a);
  surface = render (again, 1280, 720);
  g_assert_cmpuint (count_all_differences (reference, surface), ==, 0);
  cairo_surface_destroy (surface);

  /* The owner frees the other charts, floods the cache past its bound
   * (it starts afresh) and lets it go: a chart made before is unaffected. */
  kept = hl_chart_new_cached (dataset, &view, 1280, 720, a);
  hl_chart_unref (first);
  hl_chart_unref (other);
  hl_chart_unref (panned);
  hl_chart_unref (again);
  for (guint i = 0; i < HL_TEXT_CACHE_MAX + 10; i++)
    {
      g_autofree char *text = g_strdup_printf ("flood %u", i);

      g_object_unref (hl_text_cache_get (a, font, text, PANGO_ALIGN_LEFT));
    }
  g_assert_cmpuint (hl_text_cache_get_size (a), <=, HL_TEXT_CACHE_MAX);
  g_clear_pointer (&a, hl_text_cache_unref);
  surface = render (kept, 1280, 720);
  g_assert_cmpuint (count_all_differences (reference, surface), ==, 0);
  cairo_surface_destroy (surface);
  hl_chart_unref (kept);

  /* A chart with a cache of its own draws the same as well */
  kept = hl_chart_new (dataset, &view, 1280, 720);
  surface = render (kept, 1280, 720);
  g_assert_cmpuint (count_all_differences (reference, surface), ==, 0);
  cairo_surface_destroy (surface);
  hl_chart_unref (kept);

  cairo_surface_destroy (reference);
  hl_view_clear (&pan);
  hl_view_clear (&view);
}

/* ------------------------------------------------------------------ */
/* Two money lanes */

/* The bundled dataset with its heists split over two money lanes, the
 * second without a colour of its own. */
static HlDataset *
two_money_lanes (void)
{
  static const char *moved[] = { "coinspaid-2023", "stake-2023", "mixin-2023",
                                 "poloniex-2023", "orbit-bridge-2023" };
  static HlDataset *dataset;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) s = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *lane = "\"id\": \"launches\",";
  char *at;

  if (dataset != NULL)
    return dataset;
  path = g_test_build_filename (G_TEST_DIST, "..", "data", "heistline.json", NULL);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  s = g_string_new (text);
  at = strstr (s->str, lane);
  g_assert_nonnull (at);
  g_string_insert (s, at - s->str - strlen ("{\n      "),
                   "{ \"id\": \"heists-b\", \"title\": \"More heists\", "
                   "\"measure\": \"usd\" },\n    ");
  for (guint i = 0; i < G_N_ELEMENTS (moved); i++)
    {
      g_autofree char *id = g_strdup_printf ("\"id\": \"%s\",", moved[i]);
      char *ev = strstr (s->str, id), *field;

      g_assert_nonnull (ev);
      field = strstr (ev, "\"lane\": \"heists\"");
      g_assert_nonnull (field);
      g_string_insert (s, field - s->str + strlen ("\"lane\": \"heists"), "-b");
    }
  bytes = g_string_free_to_bytes (g_steal_pointer (&s));
  dataset = hl_dataset_new_from_bytes (bytes, "two-money-lanes.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hl_dataset_find_lane (dataset, "heists-b"), ==, 1);
  return dataset;
}

/* "$200M", "$1.2B", "$0" */
static double
parse_money (const char *text)
{
  char *end;
  double v;

  g_assert_true (text[0] == '$');
  v = g_ascii_strtod (text + 1, &end);
  g_assert_true (end > text + 1);
  switch (*end)
    {
    case 'K': return v * 1e3;
    case 'M': return v * 1e6;
    case 'B': return v * 1e9;
    case '\0': return v;
    default: g_assert_not_reached ();
    }
}

/* With the running total over two money lanes: one line, one scale at the
 * right, and the line ends at the total the subtitle gives. */
static void
test_cumulative_two_money_lanes (void)
{
  HlDataset *dataset = two_money_lanes ();
  g_autoptr(HlChart) chart = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const HlTotals *totals;
  const double *pts;
  const HlBox *boxes;
  double v[2] = { 0 }, y[2] = { 0 }, expected;
  guint n_points, n_boxes, n_scale = 0;
  HlBox plot;
  HlView view;

  hl_view_init (&view, dataset);
  view.show_cumulative = TRUE;
  chart = hl_chart_new (dataset, &view, 1920, 1080);
  hl_view_clear (&view);
  hl_chart_get_plot_area (chart, &plot);
  totals = hl_chart_get_totals (chart);
  g_assert_cmpfloat_with_epsilon (totals->usd, 725395564, 1);
  g_assert_cmpuint (totals->lanes[0].n_events, >, 0);
  g_assert_cmpuint (totals->lanes[1].n_events, >, 0);
  g_assert_nonnull (label_containing (chart, "$725m in all"));

  /* one scale: each value once, right of the plot */
  boxes = _hl_chart_get_text_boxes (chart, &n_boxes);
  for (guint i = 0; i < n_boxes; i++)
    {
      const char *label = _hl_chart_get_text_box_label (chart, i);

      if (boxes[i].x <= plot.x + plot.width)
        continue;
      g_assert_false (g_hash_table_contains (seen, label));
      g_hash_table_add (seen, (gpointer) label);
      if (n_scale < 2)
        {
          v[n_scale] = parse_money (label);
          y[n_scale] = boxes[i].y + boxes[i].height / 2;
        }
      n_scale++;
    }
  g_assert_cmpuint (n_scale, >=, 2);
  g_assert_cmpfloat (v[0], !=, v[1]);

  /* one line, from the baseline at the left edge, rising to the total */
  pts = _hl_chart_get_cumulative (chart, &n_points);
  g_assert_cmpuint (n_points, >=, 2 * 11);
  g_assert_cmpfloat (pts[0], ==, plot.x);
  g_assert_cmpfloat (pts[2 * (n_points - 1)], ==, plot.x + plot.width);
  for (guint i = 1; i < n_points; i++)
    {
      g_assert_cmpfloat (pts[2 * i], >=, pts[2 * i - 2]);
      g_assert_cmpfloat (pts[2 * i + 1], <=, pts[2 * i - 1]);
    }
  expected = y[0] + (totals->usd - v[0]) * (y[1] - y[0]) / (v[1] - v[0]);
  g_assert_cmpfloat (fabs (pts[2 * n_points - 1] - expected), <, 0.5);
  g_assert_true (shows_label (chart, "running total of losses (right scale)"));
}

/* A lane without a colour gets one that no other lane has: not the
 * launches' blue, which would say it is a launch lane. */
static void
test_default_lane_color (void)
{
  HlDataset *dataset = two_money_lanes ();
  int b = hl_dataset_find_lane (dataset, "heists-b");
  int stake = hl_dataset_find_event (dataset, "stake-2023");
  guint n = hl_dataset_get_n_lanes (dataset);
  guint32 color = hl_style_lane_color (dataset, (guint) b);
  g_autoptr(HlChart) chart = NULL;
  cairo_surface_t *surface;
  guint r, g, bl, a;
  HlBox box;
  HlView view;

  g_assert_false (hl_dataset_get_lane (dataset, (guint) b)->has_color);
  for (guint i = 0; i < n; i++)
    if ((int) i != b)
      g_assert_cmphex (hl_style_lane_color (dataset, i), !=, color);

  /* and the bar is drawn in it */
  hl_view_init (&view, dataset);
  chart = hl_chart_new (dataset, &view, 1920, 1080);
  hl_view_clear (&view);
  g_assert_true (hl_chart_get_event_box (chart, stake, &box));
  surface = render (chart, 1920, 1080);
  hl_test_pixel_at (surface, (int) (box.x + box.width / 2), (int) (box.y + box.height * 0.6),
                    &r, &g, &bl, &a);
  cairo_surface_destroy (surface);
  g_assert_cmphex ((r << 16) | (g << 8) | bl, ==, color);
  g_assert_cmphex ((r << 16) | (g << 8) | bl, !=, 0x0072B2);
}

/* The hover card says an amount in the lane's words, as count lanes do. */
static void
test_hover_card (void)
{
  HlDataset *dataset = bundled ();
  g_autoptr(HlChart) chart = chart_of (dataset, NULL);
  const HlEvent *stake = hl_dataset_get_event (dataset, hl_dataset_find_event (dataset,
                                                                               "stake-2023"));
  const HlEvent *launch = hl_dataset_get_event (dataset,
                                                hl_dataset_find_event (dataset, "2023-09-02-cm"));
  g_autofree char *money_text = _hl_chart_describe_event_card (chart, stake);
  g_autofree char *count_text = _hl_chart_describe_event_card (chart, launch);
  g_autofree char *money = hl_test_visible_text (money_text);
  g_autofree char *count = hl_test_visible_text (count_text);

  g_assert_nonnull (strstr (money, "4 September 2023\n"));
  g_assert_nonnull (strstr (money, "Crypto heists: $41.0 million"));
  g_assert_null (strstr (money, "stolen"));
  g_assert_nonnull (strstr (count, "Missiles or rockets: "));
}

/* ------------------------------------------------------------------ */
/* Amounts at the edges of doubles */

static HlDataset *
dataset_with_heist (const char *usd, const char *date)
{
  g_autofree char *json = g_strdup_printf (
    "{ \"format\": \"heistline-dataset/1\", \"title\": \"Edges\","
    "  \"default_range\": { \"from\": \"2023-09-01\", \"to\": \"2023-10-01\" },"
    "  \"lanes\": ["
    "    { \"id\": \"h\", \"title\": \"Heists\", \"measure\": \"usd\" },"
    "    { \"id\": \"l\", \"title\": \"Launches\", \"measure\": \"count\" } ],"
    "  \"events\": ["
    "    { \"id\": \"a\", \"lane\": \"h\", \"date\": \"%s\", \"title\": \"Tiny\", \"usd\": %s },"
    "    { \"id\": \"b\", \"lane\": \"l\", \"date\": \"2023-09-12\", \"title\": \"Launch\" } ] }",
    date, usd);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_strdup (json), strlen (json));
  g_autoptr(GError) error = NULL;
  HlDataset *dataset = hl_dataset_new_from_bytes (bytes, "edges.json", NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

/* Issue 15 follow-up: a label that finds room only beside its bar (a long
 * title at the plot's right end) was centred, so its amount sat far left
 * of the bar, over another date. Its lines now end against the bar. */
static void
test_label_beside_bar (void)
{
  const char *title = "Exchange hot wallets drained in a long multi-stage attack";
  g_autofree char *json = g_strdup_printf (
    "{ \"format\": \"heistline-dataset/1\", \"title\": \"Beside\","
    "  \"default_range\": { \"from\": \"2023-09-01\", \"to\": \"2023-10-01\" },"
    "  \"lanes\": [ { \"id\": \"h\", \"title\": \"Heists\", \"measure\": \"usd\" } ],"
    "  \"events\": ["
    "    { \"id\": \"a\", \"lane\": \"h\", \"date\": \"2023-09-30\", \"title\": \"%s\","
    "      \"usd\": 50000000 } ] }", title);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_strdup (json), strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = hl_dataset_new_from_bytes (bytes, "beside.json", NULL, &error);
  g_autoptr(HlChart) chart = NULL;
  const HlText *label = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  HlView view;
  HlBox bar;
  int rightmost = -1;

  g_assert_no_error (error);
  hl_view_init (&view, dataset);
  chart = hl_chart_new (dataset, &view, 960, 540);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 540);
  cr = cairo_create (surface);
  hl_chart_draw (chart, cr);
  cairo_destroy (cr);
  g_assert_true (hl_chart_get_event_box (chart, 0, &bar));
  for (guint i = 0; i < chart->texts->len; i++)
    if (g_array_index (chart->texts, HlText, i).event == 0)
      label = &g_array_index (chart->texts, HlText, i);
  g_assert_nonnull (label);
  g_test_message ("label %.1f..%.1f, bar at %.1f", label->box.x,
                  label->box.x + label->box.width, bar.x);
  g_assert_cmpfloat (label->box.x + label->box.width, <=, bar.x);
  /* the amount, the label's second line: its ink ends at the label's
   * right edge, next to the bar, not half a title's width left of it */
  for (int y = (int) (label->box.y + label->box.height * 0.6);
       y < (int) (label->box.y + label->box.height); y++)
    for (int x = (int) label->box.x; x < (int) (label->box.x + label->box.width); x++)
      {
        guint r, g, b, a;

        hl_test_pixel_at (surface, x, y, &r, &g, &b, &a);
        if (hl_test_luminance (r, g, b) < 0.4 && x > rightmost)
          rightmost = x;
      }
  g_test_message ("the amount's ink ends at x = %d", rightmost);
  g_assert_cmpint (rightmost, >=, (int) (label->box.x + label->box.width) - 3);
  cairo_surface_destroy (surface);
  hl_view_clear (&view);
}

/* Twelve launches on one day, each with its count, stand side by side as
 * twelve glyphs, however far their counts push them: the bound that keeps glyphs
 * near their date when a column holds years had folded them into one
 * "×73". */
static void
test_one_day_pack (void)
{
  GString *json = g_string_new ("{ \"format\": \"heistline-dataset/1\", \"title\": \"Day\","
                                "  \"default_range\": { \"from\": \"2023-08-01\","
                                " \"to\": \"2023-12-31\" },"
                                "  \"lanes\": [ { \"id\": \"l\", \"title\": \"Launches\","
                                " \"measure\": \"count\" }, { \"id\": \"h\","
                                " \"title\": \"Heists\", \"measure\": \"usd\" } ],"
                                " \"events\": [ { \"id\": \"h0\", \"lane\": \"h\","
                                " \"date\": \"2023-10-04\", \"title\": \"Heist\","
                                " \"usd\": 5000000 },");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = NULL;
  g_autoptr(HlChart) chart = NULL;
  HlView view;
  guint n = 0;

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"lane\": \"l\", \"date\": \"2023-09-04\","
                            " \"title\": \"Launch %u\", \"count\": %u }", i ? "," : "", i, i,
                            10 + i);
  g_string_append (json, "] }");
  bytes = g_string_free_to_bytes (json);
  dataset = hl_dataset_new_from_bytes (bytes, "day.json", NULL, &error);
  g_assert_no_error (error);
  hl_view_init (&view, dataset);
  chart = hl_chart_new (dataset, &view, 1600, 900);
  for (guint i = 0; i < chart->marks->len; i++)
    {
      const HlMark *mk = &g_array_index (chart->marks, HlMark, i);

      g_test_message ("glyph of event %d at %.0f,%.0f", mk->event, mk->box.x, mk->box.y);
      n += hl_dataset_get_lane (dataset, mk->lane)->measure == HL_MEASURE_COUNT;
    }
  g_assert_cmpuint (n, ==, 12);
  hl_view_clear (&view);
}

/* With suspected attributions hidden, Poloniex ($123M, the tallest bar of
 * the default view, with Samudai's $1.1M on top of it the same day) went
 * unlabelled in the window: every place for its label touched Samudai's
 * segment, which did not count as its own. A stack's label stands for the
 * stack: it sits over it. */
static void
test_stack_labelled (void)
{
  HlDataset *dataset = hl_test_bundled ();
  int poloniex = hl_dataset_find_event (dataset, "poloniex-2023");
  g_autoptr(HlChart) chart = NULL;
  const HlText *label = NULL;
  HlView view;
  HlBox bar;

  g_assert_cmpint (poloniex, >=, 0);
  hl_view_init (&view, dataset);
  view.hidden_confidences = 1u << HL_CONFIDENCE_SUSPECTED;
  chart = hl_chart_new (dataset, &view, 920, 650);
  g_assert_true (hl_chart_get_event_box (chart, poloniex, &bar));
  for (guint i = 0; i < chart->texts->len; i++)
    if (g_array_index (chart->texts, HlText, i).event == poloniex)
      label = &g_array_index (chart->texts, HlText, i);
  g_assert_nonnull (label);
  g_test_message ("label %.1f..%.1f, bottom %.1f; bar %.1f..%.1f, top %.1f", label->box.x,
                  label->box.x + label->box.width, label->box.y + label->box.height, bar.x,
                  bar.x + bar.width, bar.y);
  /* over the stack, not beside it */
  g_assert_cmpfloat (label->box.x, <, bar.x);
  g_assert_cmpfloat (label->box.x + label->box.width, >, bar.x + bar.width);
  g_assert_cmpfloat (label->box.y + label->box.height, <=, bar.y);
  hl_view_clear (&view);
}

/* Zoomed out to the widest view the window allows (years 63 to 3606), the
 * bundled launches (2017-2024) were drawn from 2000 to 3100: each day's
 * glyphs, set side by side, pushed the next days' along. Every glyph
 * stays within a few widths of its date. */
static void
test_markers_near_their_dates (void)
{
  HlDataset *dataset = hl_test_bundled ();
  g_autoptr(HlChart) chart = NULL;
  HlView view;
  guint n = 0;
  gint64 from, to;

  g_assert_true (hl_date_parse ("0063-04-14", &from, NULL, NULL));
  g_assert_true (hl_date_parse ("3606-02-03", &to, NULL, NULL));
  hl_view_init (&view, dataset);
  hl_view_set_range (&view, from, to);
  chart = hl_chart_new (dataset, &view, 1600, 900);
  for (guint i = 0; i < chart->marks->len; i++)
    {
      const HlMark *mk = &g_array_index (chart->marks, HlMark, i);
      const HlEvent *ev = hl_dataset_get_event (dataset, mk->event);
      double date_x = hl_chart_time_to_x (chart, ev->time);
      double centre = mk->box.x + mk->box.width / 2;

      if (hl_dataset_get_lane (dataset, mk->lane)->measure != HL_MEASURE_COUNT)
        continue;
      if (fabs (centre - date_x) > 4 * mk->box.width)
        g_error ("“%s” is drawn at x %.0f, its date at %.0f", ev->title, centre, date_x);
      n++;
    }
  g_test_message ("%u glyphs checked", n);
  g_assert_cmpuint (n, >, 0);
  hl_view_clear (&view);
}

/* The money scale's labels, left of the plot, in order; and its gridlines. */
static GPtrArray *
money_scale_labels (HlChart *chart, guint *n_grid)
{
  GPtrArray *labels = g_ptr_array_new ();
  HlBox plot;
  guint n;

  hl_chart_get_plot_area (chart, &plot);
  _hl_chart_get_text_boxes (chart, &n);
  for (guint i = 0; i < n; i++)
    {
      const HlText *t = &g_array_index (chart->texts, HlText, i);
      const char *label = _hl_chart_get_text_box_label (chart, i);

      if (t->box.x + t->box.width <= plot.x && (label[0] == '$' || label[0] == '<'))
        g_ptr_array_add (labels, (gpointer) label);
    }
  *n_grid = 0;
  for (guint i = 0; i < chart->lines->len; i++)
    {
      const HlLine *l = &g_array_index (chart->lines, HlLine, i);

      *n_grid += l->role == HL_ROLE_GRID && isfinite (l->y0) && l->y0 == l->y1 &&
                 l->y0 >= plot.y && l->y0 <= plot.y + plot.height;
    }
  return labels;
}

static void
assert_scale_sane (HlChart *chart, const char *what)
{
  guint n_grid;
  g_autoptr(GPtrArray) labels = money_scale_labels (chart, &n_grid);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *joined = NULL;

  g_ptr_array_add (labels, NULL);
  joined = g_strjoinv (" ", (char **) labels->pdata);
  g_test_message ("%s: money scale \"%s\", %u gridlines", what, joined, n_grid);
  g_assert_cmpuint (labels->len - 1, >=, 3);
  g_assert_cmpuint (n_grid, >=, 2);
  for (guint i = 0; i + 1 < labels->len; i++)
    {
      const char *label = labels->pdata[i];

      if (!g_hash_table_add (seen, (gpointer) label))
        g_error ("%s: the label %s repeats: %s", what, label, joined);
      g_assert_null (strchr (label, '.'));
    }
  g_assert_true (g_hash_table_contains (seen, "$0"));
  g_assert_true (g_hash_table_contains (seen, "$10"));
}

static void
test_money_edges (void)
{
  static const char *amounts[] = { "5e-324", "1e-320", "3", "0.4", "4.9" };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autoptr(HlDataset) dataset = dataset_with_heist (amounts[i], "2023-09-10");
      g_autoptr(HlChart) chart = NULL;
      cairo_surface_t *surface;
      int index = hl_dataset_find_event (dataset, "a");
      HlBox box;
      guint r, g, b, a;
      HlView view;

      hl_view_init (&view, dataset);
      chart = hl_chart_new (dataset, &view, 1280, 720);
      assert_scale_sane (chart, amounts[i]);
      g_assert_true (hl_chart_get_event_box (chart, index, &box));
      /* A sliver of a bar, not one up to the top of the lane, and never
       * an amount of "$0". */
      for (guint k = 0; k < chart->texts->len; k++)
        g_assert_cmpstr (_hl_chart_get_text_box_label (chart, k), !=, "Tiny\n$0");
      surface = render (chart, 1280, 720);
      if (i == 2)
        {
          /* (the lane's colour, where a bar is) */
          hl_test_pixel_at (surface, (int) (box.x + box.width / 2), (int) (box.y + 2),
                            &r, &g, &b, &a);
          g_assert_true (abs ((int) r - 0xD5) <= 8 && abs ((int) g - 0x5E) <= 8 && b <= 8);
        }
      if (i < 2)
        {
          g_assert_cmpfloat (box.height, <=, 1.0 + 1e-9);
          hl_test_pixel_at (surface, (int) (box.x + box.width / 2), (int) box.y - 20,
                            &r, &g, &b, &a);
          g_assert_false (abs ((int) r - 0xD5) <= 8 && abs ((int) g - 0x5E) <= 8 && b <= 8);
        }
      cairo_surface_destroy (surface);
      hl_view_clear (&view);
    }

  /* A money lane with nothing in view: $0 to $10 in whole dollars. */
  {
    g_autoptr(HlDataset) dataset = dataset_with_heist ("5000000", "2022-01-10");
    g_autoptr(HlChart) chart = NULL;
    HlView view;

    hl_view_init (&view, dataset);
    chart = hl_chart_new (dataset, &view, 1280, 720);
    assert_scale_sane (chart, "empty lane");
    hl_view_clear (&view);
  }
}

/* ------------------------------------------------------------------ */
/* Many periods: merged bands, one label each */

static HlDataset *
dataset_with_periods (guint n_overlapping)
{
  g_autoptr(GString) json = g_string_new (
    "{ \"format\": \"heistline-dataset/1\", \"title\": \"Periods\","
    "  \"default_range\": { \"from\": \"2023-09-01\", \"to\": \"2023-10-01\" },"
    "  \"lanes\": [ { \"id\": \"l\", \"title\": \"Launches\", \"measure\": \"count\" } ],"
    "  \"events\": [ { \"id\": \"b\", \"lane\": \"l\", \"date\": \"2023-09-12\","
    "                  \"title\": \"Launch\" } ],"
    "  \"periods\": ["
    "    { \"from\": \"2023-09-02\", \"to\": \"2023-09-07\", \"label\": \"Early\" },"
    "    { \"from\": \"2023-09-24\", \"to\": \"2023-09-29\", \"label\": \"Late\" },"
    "    { \"from\": \"2023-09-10\", \"to\": \"2023-09-20\", \"label\": \"Wide\" }");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HlDataset *dataset;

  /* Inside "Wide", each overlapping the next. */
  for (guint i = 0; i < n_overlapping; i++)
    g_string_append_printf (json, ", { \"from\": \"2023-09-%02u\", \"to\": \"2023-09-%02u\","
                            " \"label\": \"Inner %u\" }", 10 + i % 5, 12 + i % 5 + i % 4, i);
  g_string_append (json, " ] }");
  bytes = g_bytes_new (json->str, json->len);
  dataset = hl_dataset_new_from_bytes (bytes, "periods.json", NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

static void
test_periods_merged (void)
{
  g_autoptr(HlDataset) dataset = dataset_with_periods (2000);
  g_autoptr(HlChart) chart = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  cairo_surface_t *surface;
  guint n_bands = 0, n;
  HlView view;
  HlBox plot;
  guint r1, g1, b1, a1, r2, g2, b2, a2;
  double y;

  hl_view_init (&view, dataset);
  chart = hl_chart_new (dataset, &view, 1280, 720);
  hl_chart_get_plot_area (chart, &plot);
  for (guint i = 0; i < chart->rects->len; i++)
    n_bands += g_array_index (chart->rects, HlSwatch, i).role == HL_ROLE_BAND;
  _hl_chart_get_text_boxes (chart, &n);
  for (guint i = 0; i < n; i++)
    if (g_array_index (chart->texts, HlText, i).role == HL_ROLE_BAND_TEXT)
      g_ptr_array_add (labels, (gpointer) _hl_chart_get_text_box_label (chart, i));

  /* 2003 periods, three bands: each labelled once, the cluster by its
   * widest period. */
  g_assert_cmpuint (n_bands, ==, 3);
  g_assert_cmpuint (labels->len, ==, 3);
  g_assert_cmpstr (labels->pdata[0], ==, "Early");
  g_assert_cmpstr (labels->pdata[1], ==, "Wide");
  g_assert_cmpstr (labels->pdata[2], ==, "Late");
  assert_layout_clean (chart, 1280, 720, "periods");

  /* The cluster is tinted as one band is, not 2000 tints deep. */
  surface = render (chart, 1280, 720);
  y = plot.y + plot.height * 0.45;
  hl_test_pixel_at (surface, (int) hl_chart_time_to_x (chart, hl_date_from_ymd (2023, 9, 4) + 7200),
                    (int) y, &r1, &g1, &b1, &a1);
  hl_test_pixel_at (surface, (int) hl_chart_time_to_x (chart, hl_date_from_ymd (2023, 9, 14) + 7200),
                    (int) y, &r2, &g2, &b2, &a2);
  g_test_message ("single band #%02X%02X%02X, cluster #%02X%02X%02X", r1, g1, b1, r2, g2, b2);
  g_assert_cmpint (abs ((int) r1 - (int) r2) + abs ((int) g1 - (int) g2) + abs ((int) b1 - (int) b2),
                   <=, 3);
  /* and outside any period, the background */
  hl_test_assert_background (surface, (int) hl_chart_time_to_x (chart, hl_date_from_ymd (2023, 9, 8) + 7200),
                             (int) y, HL_THEME_LIGHT);
  cairo_surface_destroy (surface);
  hl_view_clear (&view);
}

/* ------------------------------------------------------------------ */
/* A thousand publishers: named as far as they fit, the rest counted
 * honestly */

static HlDataset *
dataset_with_publishers (guint n_events, guint n_sources)
{
  g_autoptr(GString) json = g_string_new (
    "{ \"format\": \"heistline-dataset/1\", \"title\": \"Many publishers\","
    "  \"default_range\": { \"from\": \"2023-01-01\", \"to\": \"2024-01-01\" },"
    "  \"lanes\": [ { \"id\": \"l\", \"title\": \"Launches\", \"measure\": \"count\" } ],"
    "  \"events\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HlDataset *dataset;

  for (guint i = 0; i < n_events; i++)
    {
      g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"lane\": \"l\", \"date\": \"2023-%02u-%02u\","
                              " \"title\": \"Launch %u\", \"sources\": [", i ? ", " : "", i,
                              1 + i % 12, 1 + i % 28, i);
      for (guint j = 0; j < n_sources; j++)
        g_string_append_printf (json, "%s{ \"title\": \"Publisher %u-%u\", \"url\": \"https://e.org/%u/%u\" }",
                                j ? ", " : "", i, j, i, j);
      g_string_append (json, "] }");
    }
  g_string_append (json, " ] }");
  bytes = g_bytes_new (json->str, json->len);
  dataset = hl_dataset_new_from_bytes (bytes, "many.json", NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

/* Named publishers, and the number the footnote says are left. */
static guint
footnote_named (const char *foot, guint *more, gboolean *at_least)
{
  const char *tail = strstr (foot, " and ");
  guint named = 0;

  for (const char *p = foot; (p = strstr (p, "Publisher ")) != NULL; p++)
    named++;
  *at_least = tail != NULL && g_str_has_prefix (tail, " and at least ");
  *more = 0;
  /* the count is grouped as every count is: "and 1,837 more" */
  for (const char *p = tail ? tail + (*at_least ? 14 : 5) : ""; g_ascii_isdigit (*p) ||
       (*p == ',' && g_ascii_isdigit (p[1])); p++)
    if (*p != ',')
      *more = *more * 10 + (guint) (*p - '0');
  if (*more >= 1000)
    g_assert_true (g_regex_match_simple ("and [0-9]{1,3}(,[0-9]{3})+ more", foot, 0, 0));
  return named;
}

static void
test_footnote_many_publishers (void)
{
  /* 1000 events of one publisher each (read as a sample), and 20 events
   * of 100 publishers each (more than are read per event). */
  static const guint shapes[][2] = { { 1000, 1 }, { 20, 100 }, { 300, 3 } };

  for (guint k = 0; k < G_N_ELEMENTS (shapes); k++)
    {
      g_autoptr(HlDataset) dataset = dataset_with_publishers (shapes[k][0], shapes[k][1]);
      guint total = shapes[k][0] * shapes[k][1];
      HlView view;

      hl_view_init (&view, dataset);
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          g_autoptr(HlChart) chart = hl_chart_new (dataset, &view, sizes[i].width, sizes[i].height);
          const char *foot = NULL;
          guint n, named, more;
          gboolean at_least;

          _hl_chart_get_text_boxes (chart, &n);
          for (guint t = 0; t < n; t++)
            if (strstr (_hl_chart_get_text_box_label (chart, t), "Sources") != NULL)
              foot = _hl_chart_get_text_box_label (chart, t);
          g_assert_nonnull (foot);
          named = footnote_named (foot, &more, &at_least);
          g_test_message ("%u×%u at %s: %u named, %s%u more", shapes[k][0], shapes[k][1],
                          sizes[i].name, named, at_least ? "at least " : "", more);
          /* Some named, the rest counted exactly, never a lower bound
           * (issue 10: every publisher is read, not a sample). */
          g_assert_cmpuint (named, >, 0);
          g_assert_cmpuint (named, <, total);
          g_assert_cmpuint (named + more, ==, total);
          g_assert_false (at_least);
          g_assert_true (g_str_has_prefix (foot, "Sources: "));
          g_assert_nonnull (strstr (foot, "many.json"));
          g_assert_true (g_str_has_suffix (foot, " (Heistline)."));
        }
      hl_view_clear (&view);
    }
}

/* ------------------------------------------------------------------ */
/* Right-to-left text and bidi controls */

static const char bidi_dataset[] =
  "{ \"format\": \"heistline-dataset/1\", \"title\": \"Bidi\","
  "  \"default_range\": { \"from\": \"2023-09-01\", \"to\": \"2023-10-01\" },"
  "  \"lanes\": ["
  "    { \"id\": \"a\", \"title\": \"\u0633\u0631\u0642\u0627\u062a \u0627\u0644\u0639\u0645\u0644\u0627\u062a\","
  "      \"measure\": \"count\", \"color\": \"#D55E00\" },"
  "    { \"id\": \"l\", \"title\": \"Launches\", \"measure\": \"count\", \"color\": \"#0072B2\" } ],"
  "  \"periods\": [ { \"from\": \"2023-09-02\", \"to\": \"2023-09-16\","
  "                   \"label\": \"\u0641\u062a\u0631\u0629 \u0627\u0644\u062a\u0642\u0631\u064a\u0631\" } ],"
  "  \"events\": ["
  "    { \"id\": \"e\", \"lane\": \"a\", \"date\": \"2023-09-28\", \"title\": \"x\","
  "      \"sources\": [ { \"title\": \"Evil \u202e News\", \"url\": \"https://e.org/1\" },"
  "                     { \"title\": \"Plain Press\", \"url\": \"https://e.org/2\" } ] },"
  "    { \"id\": \"b\", \"lane\": \"l\", \"date\": \"2023-09-29\", \"title\": \"Launch\" } ] }";

/* The x where the character at byte @index of @layout's text is drawn. */
static double
x_of (PangoLayout *layout, const char *needle)
{
  const char *text = pango_layout_get_text (layout);
  const char *at = strstr (text, needle);
  PangoRectangle pos;

  g_assert_nonnull (at);
  pango_layout_index_to_pos (layout, (int) (at - text), &pos);
  return (double) MIN (pos.x, pos.x + pos.width) / PANGO_SCALE;
}

/* Pixels unlike the background in [x0, x1) x [y0, y1): their extent. */
static gboolean
ink_extent (cairo_surface_t *surface, int x0, int x1, int y0, int y1, int *left, int *right)
{
  *left = G_MAXINT;
  *right = G_MININT;
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint r, g, b, a;

        hl_test_pixel_at (surface, x, y, &r, &g, &b, &a);
        if (hl_test_luminance (r, g, b) < 0.75)
          {
            *left = MIN (*left, x);
            *right = MAX (*right, x);
          }
      }
  return *left <= *right;
}

static void
test_bidi (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (bidi_dataset, sizeof bidi_dataset - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = hl_dataset_new_from_bytes (bytes, "bidi.json", NULL, &error);
  g_autoptr(HlChart) chart = NULL;
  cairo_surface_t *surface;
  const HlText *foot = NULL, *lane_title = NULL, *period = NULL;
  HlView view;
  HlBox plot;
  int left, right;

  g_assert_no_error (error);
  hl_view_init (&view, dataset);
  chart = hl_chart_new (dataset, &view, 1280, 720);
  hl_chart_get_plot_area (chart, &plot);
  for (guint i = 0; i < chart->texts->len; i++)
    {
      const HlText *t = &g_array_index (chart->texts, HlText, i);
      const char *label = pango_layout_get_text (t->layout);

      if (g_str_has_prefix (label, "Sources: "))
        foot = t;
      else if (t->lane == 0 && g_str_has_prefix (label, "\u0633"))
        lane_title = t;
      else if (t->role == HL_ROLE_BAND_TEXT)
        period = t;
    }
  g_assert_nonnull (foot);
  g_assert_nonnull (lane_title);
  g_assert_nonnull (period);

  /* The U+202E in one source title stays in it: the footnote still reads
   * "… Data: bidi.json (Heistline)." left to right, to its end. */
  g_test_message ("footnote: %s", pango_layout_get_text (foot->layout));
  g_assert_cmpfloat (x_of (foot->layout, "Data:"), <, x_of (foot->layout, "bidi.json"));
  g_assert_cmpfloat (x_of (foot->layout, "bidi.json"), <, x_of (foot->layout, "(Heistline)"));
  g_assert_cmpfloat (x_of (foot->layout, "Plain Press"), <, x_of (foot->layout, "Data:"));

  /* The hover card isolates what it quotes from the file. */
  {
    const HlEvent *ev = hl_dataset_get_event (dataset, hl_dataset_find_event (dataset, "e"));
    g_autofree char *card = _hl_chart_describe_event_card (chart, ev);
    g_autofree char *seen = hl_test_visible_text (card);

    g_assert_nonnull (strstr (card, "\u2068"));
    g_assert_cmpuint (strlen (card) - strlen (seen), ==, 6);   /* one FSI … PDI pair */
  }

  /* An Arabic lane title and period label are drawn inside their boxes. */
  surface = render (chart, 1280, 720);
  g_assert_true (ink_extent (surface, (int) plot.x + 2, (int) (plot.x + plot.width * 0.6),
                             (int) ceil (lane_title->box.y + 1),
                             (int) (lane_title->box.y + lane_title->box.height - 1),
                             &left, &right));
  g_test_message ("lane title box %.0f-%.0f, drawn %d-%d", lane_title->box.x,
                  lane_title->box.x + lane_title->box.width, left, right);
  g_assert_cmpfloat (left, >=, lane_title->box.x - 1);
  g_assert_cmpfloat (right, <=, lane_title->box.x + lane_title->box.width + 1);
  g_assert_true (ink_extent (surface, (int) plot.x, (int) (plot.x + plot.width),
                             (int) ceil (period->box.y + 1),
                             (int) (period->box.y + period->box.height - 1), &left, &right));
  g_test_message ("period label box %.0f-%.0f, drawn %d-%d", period->box.x,
                  period->box.x + period->box.width, left, right);
  g_assert_cmpfloat (left, >=, period->box.x - 1);
  g_assert_cmpfloat (right, <=, period->box.x + period->box.width + 1);
  cairo_surface_destroy (surface);
  hl_view_clear (&view);
}

/* ------------------------------------------------------------------ */
/* No fonts at all */

static void
test_fonts_missing (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *conf = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      /* Here FONTCONFIG_FILE finds no font: all text would be boxes. */
      g_assert_false (hl_chart_check_fonts (&error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, "fonts-dejavu-core"));
      g_assert_nonnull (strstr (error->message, "fonts-cantarell"));
      g_printerr ("%s\n", error->message);
      return;
    }

  /* With the fonts this machine has: nothing to say. */
  g_assert_true (hl_chart_check_fonts (&error));
  g_assert_no_error (error);

  dir = hl_test_make_tmpdir ();
  conf = g_build_filename (dir, "fonts.conf", NULL);
  g_assert_true (g_file_set_contents (conf, "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n",
                                      -1, NULL));
  g_setenv ("FONTCONFIG_FILE", conf, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("FONTCONFIG_FILE");
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*fonts-cantarell*");
  hl_test_remove_tmpdir (dir);
}

/* ------------------------------------------------------------------ */
/* Axis labels at their ticks (issue 10) */

typedef struct
{
  const char *name;
  const char *from, *to;
  int         width;
  HlTickSpec  spec;     /* the ticks this zoom gets */
} AxisCase;

static gint64
one_span_end (HlTickUnit unit, gint64 tick)
{
  g_autoptr(GArray) one = hl_ticks_build ((HlTickSpec) { unit, 1 }, tick, tick + 1);

  return g_array_index (one, gint64, one->len - 1);
}

/* The middle of the part of [a, b) inside the plot. */
static double
visible_centre (HlChart *chart, gint64 a, gint64 b)
{
  double xa = MAX (hl_chart_time_to_x (chart, a), chart->plot.x);
  double xb = MIN (hl_chart_time_to_x (chart, b), chart->plot.x + chart->plot.width);

  return (xa + xb) / 2;
}

/* The tick of @spec labelled @label nearest to @x. */
static gint64
tick_labelled (HlChart *chart, HlTickSpec spec, gboolean context, const char *label, double x)
{
  gint64 span = chart->view.to - chart->view.from, best = G_MININT64;
  g_autoptr(GArray) ticks = hl_ticks_build (spec, chart->view.from - span, chart->view.to + span);

  for (guint i = 0; i < ticks->len; i++)
    {
      gint64 t = g_array_index (ticks, gint64, i);
      g_autofree char *l = context ? hl_ticks_context_label (spec, t) : hl_ticks_label (spec, t);

      if (g_str_equal (l, label) &&
          (best == G_MININT64 ||
           fabs (hl_chart_time_to_x (chart, t) - x) < fabs (hl_chart_time_to_x (chart, best) - x)))
        best = t;
    }
  if (best == G_MININT64)
    g_error ("“%s” is no label of these ticks", label);
  return best;
}

static void
test_axis_labels_at_ticks (gconstpointer data)
{
  const AxisCase *c = data;
  HlDataset *dataset = bundled ();
  gint64 from = 0, to = 0;
  gboolean date_only = FALSE;
  HlView view;
  g_autoptr(HlChart) chart = NULL;
  HlTickSpec context;
  double bottom, fine_y = G_MAXDOUBLE;
  guint n, n_fine = 0, n_context = 0;
  const HlBox *boxes;

  g_assert_true (hl_date_parse (c->from, &from, &date_only, NULL));
  from = date_only ? hl_date_floor_day (from) : from;
  g_assert_true (hl_date_parse (c->to, &to, &date_only, NULL));
  to = date_only ? hl_date_floor_day (to) : to;
  hl_view_init (&view, dataset);
  hl_view_set_range (&view, from, to);
  chart = hl_chart_new (dataset, &view, c->width, 720);
  bottom = chart->plot.y + chart->plot.height;
  boxes = _hl_chart_get_text_boxes (chart, &n);
  /* the fine row is the first below the plot; the footnote is not the axis */
  for (guint i = 0; i < n; i++)
    if (boxes[i].y >= bottom && !strstr (_hl_chart_get_text_box_label (chart, i), "(Heistline)"))
      fine_y = MIN (fine_y, boxes[i].y);
  for (guint i = 0; i < n; i++)
    {
      const char *label = _hl_chart_get_text_box_label (chart, i);
      double left = boxes[i].x, centre = boxes[i].x + boxes[i].width / 2, x;
      gint64 t;

      if (boxes[i].y < bottom || strstr (label, "(Heistline)"))
        continue;
      if (fabs (boxes[i].y - fine_y) < 0.5)
        {
          n_fine++;
          t = tick_labelled (chart, c->spec, FALSE, label, centre);
          x = hl_chart_time_to_x (chart, t);
          if (c->spec.unit <= HL_TICK_WEEK)
            {
              /* a date or a time: at its tick */
              if (fabs (left - x) > 1 && fabs (centre - x) > 1)
                g_error ("%s: “%s” spans %.1f–%.1f, its tick is at %.1f", c->name, label, left,
                         left + boxes[i].width, x);
            }
          else if (fabs (centre - visible_centre (chart, t, one_span_end (c->spec.unit, t))) > 1)
            g_error ("%s: “%s” is centred at %.1f, its span at %.1f", c->name, label, centre,
                     visible_centre (chart, t, one_span_end (c->spec.unit, t)));
        }
      else
        {
          /* the context row names spans: each centred on the part in view */
          n_context++;
          g_assert_true (hl_ticks_context (c->spec, &context));
          t = tick_labelled (chart, context, TRUE, label, centre);
          g_test_message ("%s: context “%s”", c->name, label);
          if (fabs (centre - visible_centre (chart, t, one_span_end (context.unit, t))) > 1)
            g_error ("%s: “%s” is centred at %.1f, its span at %.1f", c->name, label, centre,
                     visible_centre (chart, t, one_span_end (context.unit, t)));
        }
    }
  g_test_message ("%s: %u tick labels, %u context labels", c->name, n_fine, n_context);
  g_assert_cmpuint (n_fine, >=, 4);
  if (c->spec.unit != HL_TICK_YEAR)
    g_assert_cmpuint (n_context, >=, 1);
  hl_view_clear (&view);
}

/* "00:00" at midnight: the label's middle on the day's first tick. */
static void
test_axis_midnight (void)
{
  HlDataset *dataset = bundled ();
  gint64 day = hl_date_from_ymd (2023, 9, 5);
  g_autoptr(HlChart) chart = NULL;
  gboolean found = FALSE;
  const HlBox *boxes;
  HlView view;
  guint n;

  hl_view_init (&view, dataset);
  hl_view_set_range (&view, day - 6 * 3600, day + 18 * 3600);
  chart = hl_chart_new (dataset, &view, 1280, 720);
  boxes = _hl_chart_get_text_boxes (chart, &n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (_hl_chart_get_text_box_label (chart, i), "00:00"))
      {
        g_assert_cmpfloat (fabs (boxes[i].x + boxes[i].width / 2 -
                                 hl_chart_time_to_x (chart, day)), <=, 1);
        found = TRUE;
      }
  g_assert_true (found);
  hl_view_clear (&view);
}

static const AxisCase axis_cases[] = {
  { "week", "2023-08-01", "2023-10-16", 1280, { HL_TICK_WEEK, 1 } },
  { "two-day", "2023-09-01", "2023-09-21", 1280, { HL_TICK_DAY, 2 } },
  { "day", "2023-09-01", "2023-09-21", 1920, { HL_TICK_DAY, 1 } },
  { "hour", "2023-09-05", "2023-09-07", 1280, { HL_TICK_HOUR, 3 } },
  { "hour-1", "2023-09-05", "2023-09-06", 3840, { HL_TICK_HOUR, 1 } },
  { "month", "2023-01-01", "2024-01-01", 1280, { HL_TICK_MONTH, 1 } },
  { "month-part", "2023-01-20", "2023-09-10", 1280, { HL_TICK_MONTH, 1 } },
  { "quarter", "2021-01-01", "2024-01-01", 1280, { HL_TICK_QUARTER, 1 } },
  { "year", "2010-03-01", "2024-01-01", 1280, { HL_TICK_YEAR, 1 } },
  { "decades", "1900-01-01", "2024-01-01", 1280, { HL_TICK_YEAR, 10 } },
};

/* ------------------------------------------------------------------ */
/* The footnote tells the truth (issue 10) */

/* @n_events events; even ones cite "Outlet A", odd ones one of
 * @n_outlets others in turn: a sample of every second event sees one. */
static HlDataset *
dataset_with_outlets (guint n_events, guint n_outlets, const char *name)
{
  g_autoptr(GString) json = g_string_new (
    "{ \"format\": \"heistline-dataset/1\", \"title\": \"Outlets\","
    "  \"default_range\": { \"from\": \"2020-01-01\", \"to\": \"2024-01-01\" },"
    "  \"lanes\": [ { \"id\": \"l\", \"title\": \"Launches\", \"measure\": \"count\" } ],"
    "  \"events\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HlDataset *dataset;

  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *outlet = i % 2 == 0 ? g_strdup ("Outlet A")
                                           : g_strdup_printf ("Outlet %u", (i / 2) % n_outlets);

      g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"lane\": \"l\", \"date\": \"%u-%02u-%02u\","
                              " \"title\": \"Launch %u\", \"sources\": [ { \"title\": \"%s\","
                              " \"url\": \"https://e.org/%u\" } ] }", i ? ", " : "", i,
                              2020 + i % 4, 1 + i % 12, 1 + i % 28, i, outlet, i);
    }
  g_string_append (json, " ] }");
  bytes = g_bytes_new (json->str, json->len);
  dataset = hl_dataset_new_from_bytes (bytes, name, NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

static const HlText *
footnote_text_of (HlChart *chart)
{
  for (guint i = 0; i < chart->texts->len; i++)
    {
      const HlText *t = &g_array_index (chart->texts, HlText, i);

      if (strstr (pango_layout_get_text (t->layout), "(Heistline)") != NULL)
        return t;
    }
  return NULL;
}

/* Publishers are named in alphabetical order, whatever their counts and
 * case: a pan that keeps the same ones keeps the same footnote. When not
 * all fit, the most cited are the ones named. */
static void
test_footnote_order (void)
{
  static const char json[] =
    "{ \"format\": \"heistline-dataset/1\", \"title\": \"Order\","
    "  \"lanes\": [ { \"id\": \"l\", \"title\": \"Launches\", \"measure\": \"count\" } ],"
    "  \"events\": ["
    "    { \"id\": \"z1\", \"lane\": \"l\", \"date\": \"2024-01-02\", \"title\": \"a\","
    "      \"sources\": [ { \"title\": \"Zeta Wire\", \"url\": \"https://z.org/1\" } ] },"
    "    { \"id\": \"z2\", \"lane\": \"l\", \"date\": \"2024-01-03\", \"title\": \"b\","
    "      \"sources\": [ { \"title\": \"Zeta Wire\", \"url\": \"https://z.org/2\" } ] },"
    "    { \"id\": \"z3\", \"lane\": \"l\", \"date\": \"2024-01-04\", \"title\": \"c\","
    "      \"sources\": [ { \"title\": \"Zeta Wire\", \"url\": \"https://z.org/3\" },"
    "                     { \"title\": \"Alpha News\", \"url\": \"https://a.org/1\" } ] },"
    "    { \"id\": \"m1\", \"lane\": \"l\", \"date\": \"2024-01-05\", \"title\": \"d\","
    "      \"sources\": [ { \"title\": \"mid post\", \"url\": \"https://m.org/1\" } ] },"
    "    { \"id\": \"a2\", \"lane\": \"l\", \"date\": \"2024-02-02\", \"title\": \"e\","
    "      \"sources\": [ { \"title\": \"Alpha News\", \"url\": \"https://a.org/2\" } ] },"
    "    { \"id\": \"a3\", \"lane\": \"l\", \"date\": \"2024-02-03\", \"title\": \"f\","
    "      \"sources\": [ { \"title\": \"Alpha News\", \"url\": \"https://a.org/3\" } ] },"
    "    { \"id\": \"a4\", \"lane\": \"l\", \"date\": \"2024-02-04\", \"title\": \"g\","
    "      \"sources\": [ { \"title\": \"Alpha News\", \"url\": \"https://a.org/4\" } ] } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = hl_dataset_new_from_bytes (bytes, "order.json", NULL, &error);
  g_autoptr(HlTextCache) cache = hl_text_cache_new ();
  g_autofree char *january = NULL;
  HlView view;

  g_assert_no_error (error);
  hl_view_init (&view, dataset);
  /* January: Zeta Wire 3, Alpha News 1, mid post 1 (lower case, read
   * among the Ms); with February
   * Alpha News leads with 4. */
  hl_view_set_range (&view, hl_date_from_ymd (2024, 1, 1), hl_date_from_ymd (2024, 1, 20));
  {
    g_autoptr(HlChart) chart = hl_chart_new_cached (dataset, &view, 1280, 720, cache);
    const char *foot = pango_layout_get_text (footnote_text_of (chart)->layout);

    g_test_message ("January: %s", foot);
    g_assert_true (g_str_has_prefix (foot, "Sources: " HL_FSI "Alpha News" HL_PDI ", "
                                     HL_FSI "mid post" HL_PDI ", " HL_FSI "Zeta Wire" HL_PDI "."));
    january = g_strdup (foot);
  }
  hl_view_set_range (&view, hl_date_from_ymd (2024, 1, 1), hl_date_from_ymd (2024, 2, 20));
  {
    g_autoptr(HlChart) chart = hl_chart_new_cached (dataset, &view, 1280, 720, cache);

    g_assert_cmpstr (pango_layout_get_text (footnote_text_of (chart)->layout), ==, january);
  }
  hl_view_clear (&view);

  /* 300 outlets, one cited by every second event: at a slide's size not
   * all are named, and that one is; numbered names go by their number. */
  {
    g_autoptr(HlDataset) many = dataset_with_outlets (3000, 300, "outlets.json");
    g_autoptr(HlChart) chart = NULL;
    const char *foot;

    hl_view_init (&view, many);
    chart = hl_chart_new (many, &view, 960, 540);
    foot = pango_layout_get_text (footnote_text_of (chart)->layout);
    g_test_message ("960x540: %s", foot);
    g_assert_nonnull (strstr (foot, " more (see "));
    g_assert_nonnull (strstr (foot, HL_FSI "Outlet A" HL_PDI));
    /* numbers by value */
    g_assert_nonnull (strstr (foot, HL_FSI "Outlet 2" HL_PDI));
    g_assert_nonnull (strstr (foot, HL_FSI "Outlet 10" HL_PDI));
    g_assert_true (strstr (foot, HL_FSI "Outlet 2" HL_PDI) <
                   strstr (foot, HL_FSI "Outlet 10" HL_PDI));
    hl_view_clear (&view);
  }
}

/* Past 512 events in view every publisher is listed, or those left out
 * are counted exactly: "and N more (see FILE)". */
static void
test_footnote_every_publisher (void)
{
  static const guint outlets[] = { 1, 56, 300 };

  for (guint k = 0; k < G_N_ELEMENTS (outlets); k++)
    {
      g_autoptr(HlDataset) dataset = dataset_with_outlets (1400, outlets[k], "outlets.json");
      guint total = outlets[k] + 1;
      HlView view;

      hl_view_init (&view, dataset);
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          g_autoptr(HlChart) chart = hl_chart_new (dataset, &view, sizes[i].width, sizes[i].height);
          const char *foot = pango_layout_get_text (footnote_text_of (chart)->layout);
          const char *tail = strstr (foot, " and ");
          guint named = 0, more = 0;

          for (const char *p = foot; (p = strstr (p, "Outlet ")) != NULL; p++)
            named++;
          if (tail != NULL)
            {
              g_autofree char *see = g_strdup_printf (" more (see " HL_FSI "outlets.json" HL_PDI ")");

              more = (guint) strtoul (tail + 5, NULL, 10);
              g_assert_nonnull (strstr (tail, see));
            }
          g_test_message ("%u outlets at %s: %u named, %u more", total, sizes[i].name, named, more);
          g_assert_true (g_str_has_prefix (foot, "Sources: "));
          g_assert_cmpuint (named, >, 0);
          g_assert_cmpuint (named + more, ==, total);
          if (total <= 57 && sizes[i].width >= 1280)
            g_assert_cmpuint (more, ==, 0);
        }
      /* a filter that hides nothing of the sources counts the same */
      view.min_usd = 1;
      view.hidden_confidences = 1u << HL_CONFIDENCE_DISPUTED;
      {
        g_autoptr(HlChart) chart = hl_chart_new (dataset, &view, 1920, 1080);
        const char *foot = pango_layout_get_text (footnote_text_of (chart)->layout);
        guint named = 0;

        for (const char *p = foot; (p = strstr (p, "Outlet ")) != NULL; p++)
          named++;
        if (total <= 57)
          g_assert_cmpuint (named, ==, total);
      }
      hl_view_clear (&view);
    }
}

/* The data file's name is never broken across lines, at its hyphens or
 * anywhere, however the footnote wraps. */
static void
test_footnote_file_unbroken (void)
{
  const char *name = "north-korea-defi-incidents-2017-2026.json";
  g_autoptr(HlDataset) dataset = dataset_with_outlets (300, 40, name);
  guint checked = 0;
  HlView view;

  hl_view_init (&view, dataset);
  for (int width = 420; width <= 1920; width += 23)
    {
      g_autoptr(HlChart) chart = hl_chart_new (dataset, &view, width, width * 9 / 16);
      const HlText *foot = footnote_text_of (chart);
      const char *text;

      if (foot == NULL)
        continue;  /* dropped for room */
      text = pango_layout_get_text (foot->layout);
      for (const char *p = text; (p = strstr (p, name)) != NULL; p++)
        {
          int start_line, end_line;

          pango_layout_index_to_line_x (foot->layout, (int) (p - text), FALSE, &start_line, NULL);
          pango_layout_index_to_line_x (foot->layout, (int) (p - text + strlen (name) - 1), FALSE,
                                        &end_line, NULL);
          if (start_line != end_line)
            g_error ("at %d px the file's name runs from line %d to %d: %s", width, start_line,
                     end_line, text);
          checked++;
        }
    }
  g_test_message ("%u names checked", checked);
  g_assert_cmpuint (checked, >, 40);
  hl_view_clear (&view);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/mark-at-date", test_mark_at_date);
  g_test_add_func ("/chart/theme-background", test_theme_background);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chart/layout/%s", sizes[i].name);

      g_test_add_data_func (path, &sizes[i], test_layout_sizes);
    }
  g_test_add_func ("/chart/layout/odd-sizes", test_layout_odd_sizes);
  g_test_add_func ("/chart/largest-heists-labelled", test_largest_heists_labelled);
  g_test_add_func ("/chart/label-beside-bar", test_label_beside_bar);
  g_test_add_func ("/chart/markers-near-their-dates", test_markers_near_their_dates);
  g_test_add_func ("/chart/one-day-pack", test_one_day_pack);
  g_test_add_func ("/chart/stack-labelled", test_stack_labelled);
  g_test_add_func ("/chart/footnote", test_footnote);
  g_test_add_func ("/chart/footnote/many-publishers", test_footnote_many_publishers);
  g_test_add_func ("/chart/markup-literal", test_markup_literal);
  g_test_add_func ("/chart/search-highlight", test_search_highlight);
  g_test_add_func ("/chart/legend/other-dataset", test_legend_other_dataset);
  g_test_add_func ("/chart/legend/bundled", test_legend_bundled);
  g_test_add_func ("/chart/text-cache", test_text_cache);
  g_test_add_func ("/chart/footnote-cache", test_footnote_cache);
  g_test_add_func ("/chart/cumulative/two-money-lanes", test_cumulative_two_money_lanes);
  g_test_add_func ("/chart/default-lane-color", test_default_lane_color);
  g_test_add_func ("/chart/hover-card", test_hover_card);
  g_test_add_func ("/chart/subtitle-filtered", test_subtitle_filtered);
  g_test_add_func ("/chart/bidi", test_bidi);
  g_test_add_func ("/chart/fonts-missing", test_fonts_missing);
  g_test_add_func ("/chart/money-edges", test_money_edges);
  g_test_add_func ("/chart/periods-merged", test_periods_merged);
  for (guint i = 0; i < G_N_ELEMENTS (axis_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chart/axis/at-ticks/%s", axis_cases[i].name);

      g_test_add_data_func (path, &axis_cases[i], test_axis_labels_at_ticks);
    }
  g_test_add_func ("/chart/axis/midnight", test_axis_midnight);
  g_test_add_func ("/chart/footnote/every-publisher", test_footnote_every_publisher);
  g_test_add_func ("/chart/footnote/order", test_footnote_order);
  g_test_add_func ("/chart/footnote/file-unbroken", test_footnote_file_unbroken);

  return g_test_run ();
}
