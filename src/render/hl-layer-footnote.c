/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The footnote layer: who the data comes from, and the data file. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hl-chart-private.h"
#include "hl-describe.h"
#include "hl-sorted.h"

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

/* The files' names, "a.json, b.json": each isolated (FSI … PDI) and kept
 * on one line; the line may break between them. */
static void
append_file (GString *text, PangoAttrList *attrs, const char *const *files)
{
  for (guint i = 0; files[i] != NULL; i++)
    {
      PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

      if (i > 0)
        g_string_append (text, ", ");
      attr->start_index = (guint) text->len;
      g_string_append (text, HL_FSI);
      g_string_append (text, files[i]);
      g_string_append (text, HL_PDI);
      attr->end_index = (guint) text->len;
      pango_attr_list_insert (attrs, attr);
    }
}

/* The name of every file shown, in order (a composed dataset's parts). */
static char **
file_names (HlDataset *dataset)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < hl_dataset_get_n_parts (dataset); i++)
    {
      HlDataset *part = hl_dataset_get_part (dataset, i);
      GFile *file = hl_dataset_get_file (part);
      g_autofree char *name = file ? g_file_get_basename (file)
                                   : g_strdup (hl_dataset_get_display_name (part));

      g_strv_builder_add (builder, name ? name : "");
    }
  return g_strv_builder_end (builder);
}

/* A publisher in a view: its name and collation key, borrowed from the
 * dataset's table, and how often the view cites it. */
typedef struct
{
  const char *name;
  const char *key;
  guint       count;
} Cited;

/* By name: the order they are named in. "NK News" and "NK news" fold
 * alike; their spelling then keeps the order the same from step to step. */
static int
compare_cited_names (gconstpointer a, gconstpointer b)
{
  const Cited *ca = a, *cb = b;
  int by_key = strcmp (ca->key, cb->key);

  return by_key != 0 ? by_key : strcmp (ca->name, cb->name);
}

/* Most cited first: who is named when not all fit */
static int
compare_cited (gconstpointer a, gconstpointer b)
{
  const Cited *ca = a, *cb = b;

  if (ca->count != cb->count)
    return ca->count > cb->count ? -1 : 1;
  return compare_cited_names (a, b);
}

/* "Sources: A, B and 3 more (see file.json).  Data: file.json (Heistline)."
 * Each piece of the file's text is isolated (FSI … PDI), so that a
 * right-to-left or bidi-control character in one name cannot reorder the
 * rest of the line; the file's name is never broken across lines. Fills
 * @attrs (emptied first) with what keeps it whole. */
static void
footnote_text (GString *text, PangoAttrList **attrs, GArray *names, guint n_named,
               const char *const *files)
{
  guint rest = names->len - n_named;
  const char *format;

  g_string_truncate (text, 0);
  g_clear_pointer (attrs, pango_attr_list_unref);
  *attrs = pango_attr_list_new ();
  if (names->len > 0)
    {
      /* The most cited @n_named, in alphabetical order: a pan or zoom
       * that keeps the same publishers keeps the same line, instead of
       * reshuffling it as their counts change. */
      g_autofree Cited *named = g_memdup2 (names->data, MAX (n_named, 1) * sizeof (Cited));

      qsort (named, n_named, sizeof (Cited), compare_cited_names);
      g_string_append (text, _("Sources: "));
      for (guint i = 0; i < n_named; i++)
        {
          if (i > 0)
            g_string_append (text, ", ");
          g_string_append (text, HL_FSI);
          g_string_append (text, named[i].name);
          g_string_append (text, HL_PDI);
        }
      format = NULL;
      if (n_named == 0)
        /* TRANSLATORS: the footnote when no publisher's name fits; %s is the
         * data file's name */
        format = ngettext ("%u publisher (see %s)", "%u publishers (see %s)", names->len);
      else if (rest > 0)
        /* TRANSLATORS: after the publishers the footnote names; %s is the
         * data file's name */
        format = ngettext (" and %u more (see %s)", " and %u more (see %s)", rest);
      if (format != NULL)
        {
          /* the number, then the file kept whole where the format has it */
          g_autofree char *number = hl_describe_number (n_named == 0 ? names->len : rest);
          g_auto(GStrv) parts = NULL;
          g_autoptr(GString) f = g_string_new (format);

          g_string_replace (f, "%u", number, 1);
          parts = g_strsplit (f->str, "%s", 2);
          g_string_append (text, parts[0]);
          if (parts[1] != NULL)
            {
              append_file (text, *attrs, files);
              g_string_append (text, parts[1]);
            }
        }
      g_string_append (text, ".  ");
    }
  {
    g_auto(GStrv) parts = NULL;

    /* TRANSLATORS: the footnote's last sentence; %s is the data file's name */
    parts = g_strsplit (_("Data: %s (Heistline)."), "%s", 2);
    g_string_append (text, parts[0]);
    if (parts[1] != NULL)
      {
        append_file (text, *attrs, files);
        g_string_append (text, parts[1]);
      }
  }
}

/* ------------------------------------------------------------------ */
/* Who published what: built once per dataset */

/* Every event's publishers as numbers, and each publisher's events in
 * order, so that a view's publishers and how often each is cited cost
 * two binary searches per publisher, or one pass over the events in view
 * when filters leave some out: exact at any size, never a sample. */
typedef struct
{
  GPtrArray *names;         /* by id */
  GPtrArray *keys;          /* their collation keys, to sort by name */
  guint     *offsets;       /* per event, its first entry in ids; n_events + 1 */
  guint     *ids;           /* a publisher per source */
  guint     *post_offsets;  /* per publisher, its first entry in posts; n_names + 1 */
  guint     *posts;         /* event indices, ascending, one per citation */
} Publishers;

static void
publishers_free (gpointer data)
{
  Publishers *p = data;

  g_ptr_array_unref (p->names);
  g_ptr_array_unref (p->keys);
  g_free (p->offsets);
  g_free (p->ids);
  g_free (p->post_offsets);
  g_free (p->posts);
  g_free (p);
}

static Publishers *
publishers_build (HlDataset *dataset)
{
  const HlEvent *events = hl_dataset_get_events (dataset);
  guint n = hl_dataset_get_n_events (dataset), n_sources = 0;
  g_autoptr(GHashTable) by_title = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  Publishers *p = g_new0 (Publishers, 1);
  g_autofree guint *fill = NULL;

  p->names = g_ptr_array_new_with_free_func (g_free);
  p->offsets = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    n_sources += events[i].n_sources;
  p->ids = g_new (guint, MAX (n_sources, 1));
  for (guint i = 0, k = 0; i < n; i++)
    {
      p->offsets[i] = k;
      for (guint j = 0; j < events[i].n_sources; j++, k++)
        {
          const char *title = events[i].sources[j].title;
          gpointer id;

          /* the same title is mostly the same string of the same publisher */
          if (!g_hash_table_lookup_extended (by_title, title, NULL, &id))
            {
              char *name = publisher_of (title);

              if (!g_hash_table_lookup_extended (by_name, name, NULL, &id))
                {
                  id = GUINT_TO_POINTER (p->names->len);
                  g_ptr_array_add (p->names, name);
                  g_hash_table_insert (by_name, name, id);
                }
              else
                g_free (name);
              g_hash_table_insert (by_title, (gpointer) title, id);
            }
          p->ids[k] = GPOINTER_TO_UINT (id);
        }
    }
  p->offsets[n] = n_sources;
  p->keys = g_ptr_array_new_full (p->names->len, g_free);
  /* Case folded first: "lazarus.day" among the Ls in any locale, C too.
   * Numbers by value: "Outlet 2" before "Outlet 10". */
  for (guint q = 0; q < p->names->len; q++)
    {
      g_autofree char *folded = g_utf8_casefold (g_ptr_array_index (p->names, q), -1);

      g_ptr_array_add (p->keys, g_utf8_collate_key_for_filename (folded, -1));
    }

  /* counting sort of the citations by publisher: event order is kept */
  p->post_offsets = g_new0 (guint, p->names->len + 1);
  p->posts = g_new (guint, MAX (n_sources, 1));
  for (guint k = 0; k < n_sources; k++)
    p->post_offsets[p->ids[k] + 1]++;
  for (guint q = 0; q < p->names->len; q++)
    p->post_offsets[q + 1] += p->post_offsets[q];
  fill = g_memdup2 (p->post_offsets, (p->names->len + 1) * sizeof (guint));
  for (guint i = 0; i < n; i++)
    for (guint k = p->offsets[i]; k < p->offsets[i + 1]; k++)
      p->posts[fill[p->ids[k]]++] = i;
  return p;
}

/* The dataset's publishers, built by the first chart that asks (charts
 * are laid out on the export's thread too). The dataset is read-only, so
 * the table stays valid as long as it. */
static const Publishers *
publishers_of_dataset (HlDataset *dataset)
{
  static GMutex lock;
  Publishers *p;

  g_mutex_lock (&lock);
  p = g_object_get_data (G_OBJECT (dataset), "hl-footnote-publishers");
  if (p == NULL)
    {
      p = publishers_build (dataset);
      g_object_set_data_full (G_OBJECT (dataset), "hl-footnote-publishers", p, publishers_free);
    }
  g_mutex_unlock (&lock);
  return p;
}

static gboolean
view_filters_events (HlChart *chart)
{
  HlLaneMask lanes;

  hl_lane_mask_fill (&lanes, hl_dataset_get_n_lanes (chart->dataset));
  return hl_lane_mask_intersects (&chart->view.hidden_lanes, &lanes) ||
         chart->view.hidden_confidences != 0 ||
         chart->view.min_usd > 0;
}

/* Every distinct publisher behind the events [@first, @last) shown, most
 * cited first, into @cited. */
static void
count_publishers (HlChart *chart, guint first, guint last, GArray *cited)
{
  const Publishers *p = publishers_of_dataset (chart->dataset);
  guint n_names = p->names->len;
  g_autofree guint *counts = g_new0 (guint, MAX (n_names, 1));

  if (view_filters_events (chart) || (gsize) (last - first) < (gsize) n_names * 4)
    {
      const HlEvent *events = hl_dataset_get_events (chart->dataset);

      for (guint i = first; i < last; i++)
        if (hl_view_shows_event (&chart->view, chart->dataset, &events[i]))
          for (guint k = p->offsets[i]; k < p->offsets[i + 1]; k++)
            counts[p->ids[k]]++;
    }
  else
    for (guint q = 0; q < n_names; q++)
      {
        const guint *posts = p->posts + p->post_offsets[q];
        guint n = p->post_offsets[q + 1] - p->post_offsets[q];

        counts[q] = hl_lower_bound_uint (posts, n, last) -
                    hl_lower_bound_uint (posts, n, first);
      }
  for (guint q = 0; q < n_names; q++)
    if (counts[q] > 0)
      g_array_append_val (cited, ((Cited) { g_ptr_array_index (p->names, q),
                                            g_ptr_array_index (p->keys, q), counts[q] }));
  g_array_sort (cited, compare_cited);
}

/* How many of the names, most cited first, could possibly fit in the
 * footnote's most lines at @width: at least a narrow character's width
 * each, and a comma and a space between. Only these are ever shaped. */
static guint
names_within_budget (HlChart *chart, GArray *names, double width)
{
  double size = pango_font_description_get_size (chart->style.font_small) / (double) PANGO_SCALE;
  double budget = 8.0 * width / MAX (0.2 * MIN (size, 8.5), 0.5);
  double used = 0;
  guint n = 0;

  while (n < names->len)
    {
      used += (double) g_utf8_strlen (g_array_index (names, Cited, n).name, 200) + 2;
      if (used > budget)
        break;
      n++;
    }
  return n;
}

static void
set_footnote_text (PangoLayout *layout, GString *text, PangoAttrList *attrs)
{
  pango_layout_set_text (layout, text->str, -1);
  pango_layout_set_attributes (layout, attrs);
}

/* Every publisher if they fit in a few lines (up to 13% of the height),
 * in fine print if need be (down to 8.5 px, a print footnote's size);
 * else the most cited ones and how many more. The data file is always
 * named. Each size gets one try with every name; only the last size
 * tried searches how many fit, on the same layout. */
static PangoLayout *
fit_footnote (HlChart *chart, GString *text, PangoAttrList **attrs, GArray *names,
              guint n_max, const char *const *files, double width)
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
      set_footnote_text (layout, text, *attrs);
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

      footnote_text (text, attrs, names, mid, files);
      set_footnote_text (layout, text, *attrs);
      if (pango_layout_get_line_count (layout) <= max_lines)
        lo = mid;
      else
        hi = mid - 1;
    }
  /* Setting a layout's text or options lays it out anew: only when
   * something changed. */
  if (lo < n_max)
    {
      footnote_text (text, attrs, names, lo, files);
      set_footnote_text (layout, text, *attrs);
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
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (Cited));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = NULL;
  gint64 margin = (chart->view.to - chart->view.from) / 1000;
  guint first = hl_dataset_lower_bound (chart->dataset, chart->view.from - margin);
  guint last = hl_dataset_lower_bound (chart->dataset, chart->view.to + margin);
  g_auto(GStrv) files = NULL;
  g_autofree char *key = NULL;
  PangoLayout *layout;
  guint n_max;

  count_publishers (chart, first, last, names);
  n_max = names_within_budget (chart, names, width);
  files = file_names (chart->dataset);
  /* Panning and zooming mostly keep the same publishers: the cache keeps
   * the last footnote laid out, by what it was laid out from. */
  footnote_text (text, &attrs, names, n_max, (const char *const *) files);
  key = g_strdup_printf ("%d×%d %g %s", chart->width, chart->height,
                         pango_font_description_get_size (chart->style.font_small) /
                         (double) PANGO_SCALE, text->str);
  layout = hl_text_cache_get_footnote (chart->cache, key);
  if (layout == NULL)
    {
      layout = fit_footnote (chart, text, &attrs, names, n_max, (const char *const *) files, width);
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

/* A lane mask in a cache key: every word, in hex. */
static char *
lane_mask_key (const HlLaneMask *mask)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (mask->bits); i++)
    g_string_append_printf (str, "%x.", mask->bits[i]);
  return g_string_free (str, FALSE);
}

/* The room the footnote of every event the filters show takes, not only
 * the view's: what the view's footnote gets, so that panning and zooming
 * (which change the publishers named) never move the plot's bottom.
 * Measured once per dataset, filters and size: a pan step pays a lookup. */
static double
reserved_height (HlChart *chart, double width)
{
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autoptr(GArray) names = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *key = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *ungraded = NULL;
  const HlView *v = &chart->view;
  guint n_max;
  double w, h;

  hidden = lane_mask_key (&v->hidden_lanes);
  ungraded = lane_mask_key (&v->ungraded_lanes);
  key = g_strdup_printf ("%u %d×%d %g %g %s %x %s %g", dataset_serial (chart->dataset),
                         chart->width, chart->height, width,
                         pango_font_description_get_size (chart->style.font_small) /
                         (double) PANGO_SCALE, hidden, v->hidden_confidences,
                         ungraded, v->min_usd);
  if (hl_text_cache_get_reserve (chart->cache, key, &h))
    return h;
  names = g_array_new (FALSE, FALSE, sizeof (Cited));
  text = g_string_new (NULL);
  count_publishers (chart, 0, hl_dataset_get_n_events (chart->dataset), names);
  n_max = names_within_budget (chart, names, width);
  files = file_names (chart->dataset);
  footnote_text (text, &attrs, names, n_max, (const char *const *) files);
  layout = fit_footnote (chart, text, &attrs, names, n_max, (const char *const *) files, width);
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
