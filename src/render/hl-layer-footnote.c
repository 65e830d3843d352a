/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The footnote layer: who the data comes from, and the data file. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hl-chart-private.h"

/* The publisher behind a source title: "Reuters (via Yahoo)" and
 * "NHK World 2024-02-09" are Reuters and NHK World; a source with no title
 * shows its URL, whose host names the publisher. */
static char *
publisher_of (const char *title)
{
  g_autofree char *name = NULL;
  const char *paren;
  gsize len;

  if (g_str_has_prefix (title, "https://") || g_str_has_prefix (title, "http://"))
    {
      const char *host = strstr (title, "://") + 3;
      gsize n = strcspn (host, "/?#:");

      if (g_ascii_strncasecmp (host, "www.", 4) == 0 && n > 4)
        {
          host += 4;
          n -= 4;
        }
      if (n > 0)
        return g_strndup (host, n);
    }

  paren = strstr (title, " (");
  name = paren ? g_strndup (title, paren - title) : g_strdup (title);
  g_strstrip (name);
  /* a trailing " YYYY-MM-DD" dates the article, not the publisher */
  len = strlen (name);
  if (len > 11 && name[len - 11] == ' ' && g_ascii_isdigit (name[len - 10]) &&
      name[len - 6] == '-' && name[len - 3] == '-')
    name[len - 11] = '\0';
  if (name[0] == '\0')
    return g_strdup (title);
  return g_steal_pointer (&name);
}

static int
compare_publishers (gconstpointer a, gconstpointer b, gpointer data)
{
  GHashTable *counts = data;
  const char *pa = *(const char **) a, *pb = *(const char **) b;
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pa));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pb));

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return g_utf8_collate (pa, pb);
}

/* "Sources: A, B and 3 more.  Data: file.json (Heistline)." When not
 * every event's sources were read (@complete FALSE), "Sources include: A,
 * B and at least 3 more." Each piece of the file's text is isolated
 * (FSI … PDI), so that a right-to-left or bidi-control character in one
 * name cannot reorder the rest of the line. */
static void
footnote_text (GString *text, GPtrArray *names, guint n_named, gboolean complete,
               const char *basename)
{
  guint rest = names->len - n_named;

  g_string_truncate (text, 0);
  if (names->len > 0)
    {
      g_string_append (text, complete ? _("Sources: ") : _("Sources include: "));
      for (guint i = 0; i < n_named; i++)
        {
          if (i > 0)
            g_string_append (text, ", ");
          g_string_append (text, HL_FSI);
          g_string_append (text, g_ptr_array_index (names, i));
          g_string_append (text, HL_PDI);
        }
      if (n_named == 0)
        g_string_append_printf (text, complete ? ngettext ("%u publisher", "%u publishers",
                                                           names->len)
                                               : ngettext ("at least %u publisher",
                                                           "at least %u publishers", names->len),
                                names->len);
      else if (rest > 0)
        g_string_append_printf (text, complete ? ngettext (" and %u more", " and %u more", rest)
                                               : ngettext (" and at least %u more",
                                                           " and at least %u more", rest),
                                rest);
      g_string_append (text, ".  ");
    }
  {
    g_autofree char *file = g_strconcat (HL_FSI, basename, HL_PDI, NULL);

    g_string_append_printf (text, _("Data: %s (Heistline)."), file);
  }
}

#define FOOTNOTE_SAMPLE 512
#define FOOTNOTE_SOURCES_PER_EVENT 64

/* Distinct publishers behind the events shown, most cited first. Each
 * source costs a microsecond or so: past FOOTNOTE_SAMPLE events, an even
 * sample of them names the main publishers just as well and keeps the
 * frame's cost flat, and an event's sources past the first
 * FOOTNOTE_SOURCES_PER_EVENT are not read. The sample sits on a fixed grid
 * of event indices (a power-of-two stride), so panning a little keeps the
 * same sample and the footnote does not flicker. Returns FALSE when some
 * sources went unread: then the count is a lower bound. */
static gboolean
count_publishers (HlChart *chart, guint first, guint last, GHashTable *counts,
                  GPtrArray *names)
{
  const HlEvent *events = hl_dataset_get_events (chart->dataset);
  guint stride = 1, start;
  gboolean complete = TRUE;
  GHashTableIter iter;
  gpointer key;

  while ((last - first) / stride > FOOTNOTE_SAMPLE)
    stride *= 2;
  start = (first + stride - 1) / stride * stride;
  for (guint i = start; i < last; i += stride)
    {
      if (!hl_view_shows_event (&chart->view, chart->dataset, &events[i]))
        continue;
      complete &= events[i].n_sources <= FOOTNOTE_SOURCES_PER_EVENT;
      for (guint j = 0; j < MIN (events[i].n_sources, FOOTNOTE_SOURCES_PER_EVENT); j++)
        {
          char *pub = publisher_of (events[i].sources[j].title);
          gpointer old = g_hash_table_lookup (counts, pub);

          g_hash_table_insert (counts, pub, GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
        }
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort_with_data (names, compare_publishers, counts);
  /* Skipped events may have had publishers of their own. */
  return complete && (stride == 1 || first >= last);
}

/* How many of the names, most cited first, could possibly fit in the
 * footnote's most lines at @width: at least a narrow character's width
 * each, and a comma and a space between. Only these are ever shaped. */
static guint
names_within_budget (HlChart *chart, GPtrArray *names, double width)
{
  double size = pango_font_description_get_size (chart->style.font_small) / (double) PANGO_SCALE;
  double budget = 8.0 * width / MAX (0.2 * MIN (size, 8.5), 0.5);
  double used = 0;
  guint n = 0;

  while (n < names->len)
    {
      used += (double) g_utf8_strlen (g_ptr_array_index (names, n), 200) + 2;
      if (used > budget)
        break;
      n++;
    }
  return n;
}

/* Every publisher if they fit in a few lines (up to 13% of the height),
 * in fine print if need be (down to 8.5 px, a print footnote's size);
 * else the most cited ones and how many more. The data file is always
 * named. Each size gets one try with every name; only the last size
 * tried searches how many fit, on the same layout. */
static PangoLayout *
fit_footnote (HlChart *chart, GString *text, GPtrArray *names, guint n_max, gboolean complete,
              const char *basename, double width)
{
  static const double fine_print[] = { 0, 10, 9, 8.5 };
  double small = pango_font_description_get_size (chart->style.font_small) / (double) PANGO_SCALE;
  PangoLayout *layout = NULL;
  guint lo = 0, hi;
  int max_lines = 2;

  for (guint f = 0; f < G_N_ELEMENTS (fine_print); f++)
    {
      g_autoptr(PangoFontDescription) font = NULL;
      double w, line_h;

      if (f > 0 && fine_print[f] >= small)
        continue;
      font = f == 0 ? pango_font_description_copy (chart->style.font_small)
                    : hl_style_make_font (fine_print[f], FALSE);
      g_clear_object (&layout);
      layout = _hl_chart_new_layout (chart, font, "Ag");
      _hl_layout_size (layout, &w, &line_h);
      max_lines = (int) CLAMP (floor (chart->height * 0.13 / line_h), 2, 8);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (layout, text->str, -1);
      if (pango_layout_get_line_count (layout) <= max_lines)
        {
          lo = n_max;
          break;
        }
    }

  /* else the largest number of names that fits, all of them did not */
  hi = lo < n_max ? n_max - 1 : lo;
  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;

      footnote_text (text, names, mid, complete, basename);
      pango_layout_set_text (layout, text->str, -1);
      if (pango_layout_get_line_count (layout) <= max_lines)
        lo = mid;
      else
        hi = mid - 1;
    }
  /* Setting a layout's text or options lays it out anew: only when
   * something changed. */
  if (lo < n_max)
    {
      footnote_text (text, names, lo, complete, basename);
      pango_layout_set_text (layout, text->str, -1);
    }
  /* Even the file name alone may not fit a tiny canvas: cut it there. */
  if (pango_layout_get_line_count (layout) > max_lines)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

/* Lays the footnote out once per chart: the events shown, and just
 * outside the range if their marks reach in. */
static PangoLayout *
build_footnote (HlChart *chart, double width)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  GFile *file = hl_dataset_get_file (chart->dataset);
  gint64 margin = (chart->view.to - chart->view.from) / 1000;
  guint first = hl_dataset_lower_bound (chart->dataset, chart->view.from - margin);
  guint last = hl_dataset_lower_bound (chart->dataset, chart->view.to + margin);
  g_autofree char *basename = NULL;
  g_autofree char *key = NULL;
  PangoLayout *layout;
  gboolean complete;
  guint n_max;

  complete = count_publishers (chart, first, last, counts, names);
  n_max = names_within_budget (chart, names, width);
  basename = file ? g_file_get_basename (file)
                  : g_strdup (hl_dataset_get_display_name (chart->dataset));
  /* Panning and zooming mostly keep the same publishers: the cache keeps
   * the last footnote laid out, by what it was laid out from. */
  footnote_text (text, names, n_max, complete, basename);
  key = g_strdup_printf ("%d×%d %g %s", chart->width, chart->height,
                         pango_font_description_get_size (chart->style.font_small) /
                         (double) PANGO_SCALE, text->str);
  layout = hl_text_cache_get_footnote (chart->cache, key);
  if (layout == NULL)
    {
      layout = fit_footnote (chart, text, names, n_max, complete, basename, width);
      hl_text_cache_set_footnote (chart->cache, key, layout);
    }
  return layout;
}

/* A number of the dataset's own for the cache key below: an address may
 * come back for the next dataset loaded, a serial does not. */
static guint
dataset_serial (HlDataset *dataset)
{
  static guint next;
  GQuark quark = g_quark_from_static_string ("hl-footnote-serial");
  guint serial;

  serial = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (dataset), quark));
  if (serial == 0)
    {
      serial = (guint) g_atomic_int_add ((int *) &next, 1) + 1;
      g_object_set_qdata (G_OBJECT (dataset), quark, GUINT_TO_POINTER (serial));
    }
  return serial;
}

/* The room the footnote of every event the filters show takes, not only
 * the view's: what the view's footnote gets, so that panning and zooming
 * (which change the publishers named) never move the plot's bottom.
 * Measured once per dataset, filters and size: a pan step pays a lookup. */
static double
reserved_height (HlChart *chart, double width)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *key = NULL;
  GFile *file = hl_dataset_get_file (chart->dataset);
  const HlView *v = &chart->view;
  gboolean complete;
  guint n_max;
  double w, h;

  key = g_strdup_printf ("%u %d×%d %g %g %x %x %x %g", dataset_serial (chart->dataset),
                         chart->width, chart->height, width,
                         pango_font_description_get_size (chart->style.font_small) /
                         (double) PANGO_SCALE, v->hidden_lanes, v->hidden_confidences,
                         v->ungraded_lanes, v->min_usd);
  if (hl_text_cache_get_reserve (chart->cache, key, &h))
    return h;
  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names = g_ptr_array_new ();
  text = g_string_new (NULL);
  complete = count_publishers (chart, 0, hl_dataset_get_n_events (chart->dataset), counts,
                               names);
  n_max = names_within_budget (chart, names, width);
  basename = file ? g_file_get_basename (file)
                  : g_strdup (hl_dataset_get_display_name (chart->dataset));
  footnote_text (text, names, n_max, complete, basename);
  layout = fit_footnote (chart, text, names, n_max, complete, basename, width);
  _hl_layout_size (layout, &w, &h);
  hl_text_cache_set_reserve (chart->cache, key, h);
  return h;
}

/* The footnote's height and the gap above it. */
static double
footnote_measure (const HlChartLayer *layer, HlChart *chart, double width)
{
  double w, h;

  if (chart->footnote == NULL)
    chart->footnote = build_footnote (chart, width);
  _hl_layout_size (chart->footnote, &w, &h);
  return MAX (h, reserved_height (chart, width)) + chart->m->footnote_gap;
}

/* At the bottom of @area. */
static void
footnote_layout (const HlChartLayer *layer, HlChart *chart, const HlBox *area)
{
  double w, h;

  if (chart->footnote == NULL)
    chart->footnote = build_footnote (chart, area->width);
  _hl_layout_size (chart->footnote, &w, &h);
  /* at the top of its room, under the axis, however many lines it has */
  h = MAX (h, reserved_height (chart, area->width));
  _hl_chart_add_text (chart, g_object_ref (chart->footnote), area->x,
                      area->y + area->height - h, HL_ROLE_MUTED, -1);
}

const HlChartLayerClass _hl_footnote_layer = {
  "footnote", footnote_measure, footnote_layout,
};
