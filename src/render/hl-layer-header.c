/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The header layer: title, subtitle (the range and the totals) and a
 * legend of what the chart draws. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-describe.h"

#define MAX_LEGEND_ENTRIES (HL_VIEW_MAX_LANES + HL_MAX_KIND_GROUPS + 10)

typedef enum
{
  SWATCH_NONE = -2,        /* text only */
  SWATCH_NEUTRAL = -1,     /* a mark in the muted colour */
  SWATCH_CUMULATIVE = -3,  /* the running total's colour */
} SwatchColor;

typedef struct
{
  const char  *text;
  HlMarkShape  shape;
  int          lane;     /* >= 0 a lane's colour, else a SwatchColor */
  gboolean     hollow;
  gboolean     dashed;
  guint        shade;    /* see HlSwatch */
} LegendEntry;

/* ------------------------------------------------------------------ */
/* What is drawn */

static int
shape_order (HlShape shape)
{
  /* the plain square last: it is what kinds nobody described get */
  return shape == HL_SHAPE_SQUARE ? HL_N_SHAPES : (int) shape;
}

static int
compare_kind_groups (const void *a, const void *b)
{
  const HlKindGroup *ka = a, *kb = b;

  if (ka->shape != kb->shape)
    return shape_order (ka->shape) - shape_order (kb->shape);
  return g_utf8_collate (ka->label, kb->label);
}

/* The kind of the last marker looked up: neighbours mostly share one, and
 * comparing a name costs less than looking it up. */
typedef struct
{
  const char   *name;
  const HlKind *kind;
} KindMemo;

static const HlKind *
lookup_kind (HlChart *chart, guint lane, const char *name, KindMemo *memo)
{
  if (memo->kind == NULL || (memo->name != name && g_strcmp0 (memo->name, name) != 0))
    {
      memo->name = name;
      memo->kind = hl_dataset_lane_kind (chart->dataset, lane, name);
    }
  return memo->kind;
}

/* @shade: 1 + the shape when the kind fills a count bin's segments (its
 * swatch is then filled alike, hl_style_fill_kind), else 0. */
static void
add_kind_group (HlDrawn *d, const char *label, HlShape shape, guint shade)
{
  if (label == NULL || label[0] == '\0')
    return;
  for (guint k = 0; k < d->n_kinds; k++)
    if (d->kinds[k].shape == shape && g_str_equal (d->kinds[k].label, label))
      {
        d->kinds[k].shade = MAX (d->kinds[k].shade, shade);
        return;
      }
  if (d->n_kinds < HL_MAX_KIND_GROUPS)
    d->kinds[d->n_kinds++] = (HlKindGroup) { label, shape, shade };
}

/* One marker as the marker lane will draw it. */
static void
note_marker (HlChart *chart, HlDrawn *d, guint lane, const HlColumn *c, const HlEvent *ev,
             KindMemo *memo)
{
  const HlKind *kind = lookup_kind (chart, lane, ev->kind, memo);
  const char *label = hl_kind_get_label (kind);

  if (c->n == 1 && _hl_event_failed (ev))
    d->failed_shapes |= 1u << kind->shape;
  if (c->n > 1 || (ev->count_known && ev->count > 1))
    hl_lane_mask_set (&d->lanes_counted, lane);
  else if (!ev->count_known)
    hl_lane_mask_set (&d->lanes_undisclosed, lane);
  add_kind_group (d, label, kind->shape, 0);
}

/* A money lane's column: hatched, hollow (month or year only) or a
 * hollow square (no amount), as hl-layer-bars.c draws it. */
static void
note_uncertain (HlDrawn *d, const HlColumn *c, const HlEvent *top)
{
  d->doubtful |= c->all_doubtful;
  d->imprecise |= c->n == 1 && top->date_precision != HL_DATE_PRECISION_DAY;
  d->no_amount |= c->n == 1 && top->usd_unknown;
}

/* The kinds a binned count lane stacks: those of its events in view,
 * from the lane's kind index (a filtered view reads at most this many of
 * its events; the legend then lists what was drawn). FALSE when the lane
 * draws no bins. */
#define MAX_GUESSED_EVENTS 200000
#define MAX_SEEN_KINDS     64

/* Kind names are interned by the loader: the same name is the same
 * address (a name met again at another address is only looked up again). */
static gboolean
name_seen (const char *const *seen, guint n_seen, const char *name)
{
  for (guint k = 0; k < n_seen; k++)
    if (seen[k] == name)
      return TRUE;
  return FALSE;
}

static void
add_kind (HlDrawn *d, const HlKind *kind)
{
  add_kind_group (d, hl_kind_get_label (kind), kind->shape, 1 + kind->shape);
}

static gboolean
note_bin_kinds (HlChart *chart, HlDrawn *d, guint lane)
{
  guint b = hl_dataset_lane_lower_bound (chart->dataset, lane, chart->view.from);
  guint e = hl_dataset_lane_lower_bound (chart->dataset, lane, chart->view.to);
  guint n_kinds = hl_dataset_lane_get_n_kinds (chart->dataset, lane);
  const char *seen[MAX_SEEN_KINDS];
  guint n_seen = 0;
  HlTickSpec unit;

  if (!_hl_chart_lane_binned (chart, lane, &unit))
    return FALSE;
  if (n_kinds > 0 && hl_view_shows_whole_lane (&chart->view, chart->dataset, lane))
    {
      /* the lane's kind index: two binary searches a kind */
      for (guint k = 0; k < n_kinds; k++)
        if (hl_dataset_lane_kind_range (chart->dataset, lane, k, NULL, b, e, NULL, NULL) > 0)
          add_kind (d, hl_dataset_lane_get_kind (chart->dataset, lane, k));
      return TRUE;
    }
  e = MIN (e, b + MAX_GUESSED_EVENTS);
  for (guint p = b; p < e; p++)
    {
      const HlEvent *ev = hl_dataset_get_event (chart->dataset,
                                                hl_dataset_lane_get_event (chart->dataset,
                                                                           lane, p));

      /* each kind once: a lane has a few kinds among thousands of
       * events, and a label is a catalogue look-up */
      if (!name_seen (seen, n_seen, ev->kind) &&
          hl_view_shows_event (&chart->view, chart->dataset, ev))
        {
          if (n_seen < MAX_SEEN_KINDS)
            seen[n_seen++] = ev->kind;
          add_kind (d, hl_dataset_lane_kind (chart->dataset, lane, ev->kind));
        }
    }
  return TRUE;
}

/* What the lanes will draw, from the columns and whether each lane is
 * aggregated (a crowded count lane draws bars, not markers). */
void
_hl_chart_find_drawn (HlChart *chart, HlDrawn *d)
{
  const HlEvent *events = hl_dataset_get_events (chart->dataset);
  guint n_lanes = MIN (hl_dataset_get_n_lanes (chart->dataset), HL_VIEW_MAX_LANES);
  guint n_cols = hl_columns_get_n_columns (chart->columns);
  gboolean any_usd = FALSE;

  memset (d, 0, sizeof *d);
  /* only the legend asks */
  if (!chart->view.show_legend || (chart->dropped & HL_DROP_LEGEND))
    return;
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      const HlColumn *c = hl_columns_get_lane (chart->columns, lane, NULL);
      gboolean usd = hl_dataset_get_lane (chart->dataset, lane)->measure == HL_MEASURE_USD;
      KindMemo memo = { NULL, NULL };

      if (c == NULL)
        continue;
      if (hl_dataset_get_lane (chart->dataset, lane)->measure == HL_MEASURE_SPAN)
        {
          _hl_span_lane_find_drawn (chart, lane, d);
          continue;
        }
      any_usd |= usd;
      if (!usd && note_bin_kinds (chart, d, lane))
        continue;
      if (!usd && chart->lanes[lane].aggregated)
        continue;
      for (guint i = 0; i < n_cols; i++)
        {
          if (c[i].n == 0)
            continue;
          if (usd)
            note_uncertain (d, &c[i], &events[c[i].top]);
          else
            note_marker (chart, d, lane, &c[i], &events[c[i].top], &memo);
        }
    }
  qsort (d->kinds, d->n_kinds, sizeof (HlKindGroup), compare_kind_groups);
  d->cumulative = any_usd && chart->view.show_cumulative &&
                  hl_columns_get_totals (chart->columns)->usd > 0;
}

/* What the lanes did draw, read back from the display list once they are
 * laid out: the legend lists that and nothing more. The guess above
 * (_hl_chart_find_drawn) sized the legend; what is drawn can only be
 * less (a "×N" that found no room beside its marker is no entry). */
void
_hl_chart_find_drawn_in_marks (HlChart *chart, HlDrawn *d)
{
  const HlEvent *events = hl_dataset_get_events (chart->dataset);
  KindMemo memo = { NULL, NULL };
  guint memo_lane = G_MAXUINT;

  memset (d, 0, sizeof *d);
  if (!chart->view.show_legend || (chart->dropped & HL_DROP_LEGEND))
    return;
  for (guint i = 0; i < chart->marks->len; i++)
    {
      const HlMark *mk = &g_array_index (chart->marks, HlMark, i);
      const HlKind *kind;

      d->doubtful |= mk->dashed;
      d->span_instants |= _hl_chart_mark_is_span_instant (chart, mk);
      if (mk->event >= 0 && hl_dataset_get_lane (chart->dataset, mk->lane)->measure == HL_MEASURE_USD)
        {
          /* a hollow bar: known to the month; a hollow square: no amount */
          d->imprecise |= mk->hollow && mk->shape == HL_MARK_BAR;
          d->no_amount |= mk->hollow && mk->shape == HL_MARK_SQUARE;
        }
      /* a count bin's segments are its kinds */
      if ((mk->shape == HL_MARK_BAR && mk->bin == 0) || mk->event < 0 ||
          hl_dataset_get_lane (chart->dataset, mk->lane)->measure != HL_MEASURE_COUNT)
        continue;
      if (mk->lane != memo_lane)
        memo = (KindMemo) { NULL, NULL };
      memo_lane = mk->lane;
      kind = lookup_kind (chart, mk->lane, events[mk->event].kind, &memo);
      if (mk->hollow && mk->shape != HL_MARK_BAR)
        d->failed_shapes |= 1u << kind->shape;
      add_kind_group (d, hl_kind_get_label (kind), kind->shape, mk->shade);
    }
  for (guint i = 0; i < chart->texts->len; i++)
    {
      const HlText *t = &g_array_index (chart->texts, HlText, i);
      const char *text;

      if (t->role != HL_ROLE_FG || t->lane < 0)
        continue;
      text = pango_layout_get_text (t->layout);
      if (g_str_equal (text, "×?"))
        hl_lane_mask_set (&d->lanes_undisclosed, t->lane);
      else if (g_str_has_prefix (text, "×"))
        hl_lane_mask_set (&d->lanes_counted, t->lane);
    }
  qsort (d->kinds, d->n_kinds, sizeof (HlKindGroup), compare_kind_groups);
  d->cumulative = chart->cumulative->len >= 4;
}

/* ------------------------------------------------------------------ */
/* The legend's entries */

/* "×N Missiles or rockets", "×N items": what the numbers beside markers
 * count, for each lane that shows some; "×? not disclosed" once. */
static void
count_notes (HlChart *chart, GPtrArray *notes)
{
  const HlDrawn *d = &chart->drawn;
  guint n_lanes = MIN (hl_dataset_get_n_lanes (chart->dataset), HL_VIEW_MAX_LANES);

  for (guint i = 0; i < n_lanes; i++)
    {
      const HlLane *lane = hl_dataset_get_lane (chart->dataset, i);
      char *note;
      gboolean seen = FALSE;

      if (!hl_lane_mask_test (&d->lanes_counted, i))
        continue;
      /* TRANSLATORS: a legend note: "×N" beside a marker counts these */
      if (lane->unit != NULL)
        {
          g_autofree char *unit = _hl_isolate (lane->unit);

          note = g_strdup_printf (_("×N %s"), unit);
        }
      else
        note = g_strdup (_("×N items"));
      for (guint k = 0; k < notes->len && !seen; k++)
        seen = g_str_equal (g_ptr_array_index (notes, k), note);
      if (seen)
        g_free (note);
      else
        g_ptr_array_add (notes, note);
    }
  if (!hl_lane_mask_is_empty (&d->lanes_undisclosed))
    {
      char *last = notes->len > 0 ? g_ptr_array_steal_index (notes, notes->len - 1) : NULL;

      /* TRANSLATORS: a legend note after the "×N" one */
      g_ptr_array_add (notes, last != NULL ? g_strdup_printf (_("%s, ×? not disclosed"), last)
                                           : g_strdup (_("×? not disclosed")));
      g_free (last);
    }
}

static HlMarkShape
failed_shape (guint failed_shapes)
{
  static const HlShape order[] = { HL_SHAPE_TRIANGLE, HL_SHAPE_DIAMOND, HL_SHAPE_CIRCLE,
                                   HL_SHAPE_SQUARE };

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    if (failed_shapes & (1u << order[k]))
      return _hl_mark_shape_of (order[k]);
  return HL_MARK_SQUARE;
}

/* Each lane shown, then only the marks that appear (hatched bars, kinds,
 * hollow failures, counts, the running total). @notes keeps the notes'
 * strings. */
static guint
legend_entries (HlChart *chart, LegendEntry *entries, GPtrArray *notes)
{
  const HlDrawn *d = &chart->drawn;
  guint n_lanes = MIN (hl_dataset_get_n_lanes (chart->dataset), HL_VIEW_MAX_LANES);
  guint n = 0;

  for (guint i = 0; i < n_lanes; i++)
    {
      const HlLane *lane = hl_dataset_get_lane (chart->dataset, i);
      /* a crowded count lane draws a histogram: its swatch is a bar */
      HlMarkShape shape = lane->measure == HL_MEASURE_USD || chart->lanes[i].aggregated
                          ? HL_MARK_BAR : HL_MARK_SQUARE;

      if (hl_view_lane_visible (&chart->view, i))
        entries[n++] = (LegendEntry) { lane->title, shape, (int) i, FALSE, FALSE };
    }
  if (d->span_instants)
    entries[n++] = (LegendEntry) { _("no end date"), HL_MARK_LINE, SWATCH_NEUTRAL, FALSE, FALSE };
  if (d->doubtful)
    entries[n++] = (LegendEntry) { _("suspected or disputed attribution"), HL_MARK_BAR,
                                   SWATCH_NEUTRAL, FALSE, TRUE };
  if (d->imprecise)
    entries[n++] = (LegendEntry) { _("month or year known, not the day"), HL_MARK_BAR,
                                   SWATCH_NEUTRAL, TRUE, FALSE };
  if (d->no_amount)
    entries[n++] = (LegendEntry) { _("amount not known"), HL_MARK_SQUARE, SWATCH_NEUTRAL,
                                   TRUE, FALSE };
  for (guint i = 0; i < d->n_kinds; i++)
    entries[n++] = (LegendEntry) { d->kinds[i].label, _hl_mark_shape_of (d->kinds[i].shape),
                                   SWATCH_NEUTRAL, FALSE, FALSE, d->kinds[i].shade };
  if (d->failed_shapes != 0)
    entries[n++] = (LegendEntry) { _("failed"), failed_shape (d->failed_shapes),
                                   SWATCH_NEUTRAL, TRUE, FALSE };
  count_notes (chart, notes);
  for (guint i = 0; i < notes->len; i++)
    entries[n++] = (LegendEntry) { g_ptr_array_index (notes, i), HL_MARK_SQUARE, SWATCH_NONE,
                                   FALSE, FALSE };
  /* the line's scale is on the right: say what it is */
  if (d->cumulative)
    entries[n++] = (LegendEntry) { _("running total of losses (right scale)"), HL_MARK_LINE,
                                   SWATCH_CUMULATIVE, FALSE, FALSE };
  g_assert (n <= MAX_LEGEND_ENTRIES);
  return n;
}

/* ------------------------------------------------------------------ */
/* Title and subtitle */

static char *
make_subtitle (HlChart *chart)
{
  g_autofree char *range = NULL;
  g_autofree char *totals = NULL;
  g_autofree char *filters = NULL;
  GString *text;

  if (chart->view.subtitle != NULL)
    return g_strdup (chart->view.subtitle);
  range = hl_date_format_range (chart->view.from, chart->view.to);
  totals = hl_describe_totals (chart->dataset, &chart->view,
                               hl_columns_get_totals (chart->columns));
  filters = hl_describe_filter_list (chart->dataset, &chart->view);
  text = g_string_new (range);
  /* The totals quote lane titles: isolated, left to right as the rest of
   * the chart, they cannot reorder the range (nor take its direction from
   * a right-to-left lane title). */
  if (totals[0] != '\0')
    g_string_append_printf (text, "  ·  " HL_LRI "%s" HL_PDI, totals);
  /* Totals of a filtered view must say so, in the window and every export. */
  if (filters != NULL)
    {
      g_string_append (text, "  ·  " HL_LRI);
      /* TRANSLATORS: in the chart's subtitle, what filters leave out */
      g_string_append_printf (text, _("filtered: %s"), filters);
      g_string_append (text, HL_PDI);
    }
  return g_string_free (text, FALSE);
}

/* A line cut to @max_w, laid out once per chart: the header is measured
 * before it is placed. Returns a new reference. */
static PangoLayout *
line_layout (HlChart *chart, PangoLayout **kept, const PangoFontDescription *font,
             const char *text, double max_w)
{
  if (*kept == NULL)
    {
      *kept = _hl_chart_new_layout (chart, font, text);
      pango_layout_set_width (*kept, (int) (max_w * PANGO_SCALE));
      pango_layout_set_ellipsize (*kept, PANGO_ELLIPSIZE_END);
    }
  return g_object_ref (*kept);
}

/* Title and subtitle, one line each: placed when @place, else only
 * measured. Returns the y below them. */
static double
title_block (HlChart *chart, const HlBox *area, double y, gboolean place)
{
  const HlMetrics *m = chart->m;
  const char *title = chart->view.title ? chart->view.title
                                        : hl_dataset_get_title (chart->dataset);
  g_autofree char *subtitle = NULL;
  PangoLayout *layout;
  double w, h;

  if (title != NULL && title[0] != '\0')
    {
      layout = line_layout (chart, &chart->title, chart->style.font_title, title, area->width);
      _hl_layout_size (layout, &w, &h);
      if (place)
        _hl_chart_add_text (chart, layout, area->x, y, HL_ROLE_FG, -1);
      else
        g_object_unref (layout);
      y += h;
    }
  if (chart->subtitle == NULL)
    subtitle = make_subtitle (chart);
  if ((chart->subtitle != NULL || subtitle[0] != '\0') && !(chart->dropped & HL_DROP_SUBTITLE))
    {
      layout = line_layout (chart, &chart->subtitle, chart->style.font_subtitle, subtitle,
                            area->width);
      _hl_layout_size (layout, &w, &h);
      if (place)
        _hl_chart_add_text (chart, layout, area->x, y + m->subtitle_gap, HL_ROLE_MUTED, -1);
      else
        g_object_unref (layout);
      y += h + m->subtitle_gap;
    }
  return y + m->header_gap;
}

/* ------------------------------------------------------------------ */
/* The legend: entries left to right, wrapped into rows */

static PangoLayout *
entry_layout (HlChart *chart, const char *text, gboolean has_swatch, double max_w,
              double *item_w, double *w, double *h)
{
  const HlMetrics *m = chart->m;
  PangoLayout *layout = _hl_chart_shared_layout (chart, chart->style.font_small, text,
                                                 PANGO_ALIGN_LEFT);

  _hl_layout_size (layout, w, h);
  *item_w = (has_swatch ? m->swatch + m->swatch_gap : 0) + *w;
  if (*item_w > max_w)
    {
      g_object_unref (layout);
      layout = _hl_chart_new_layout (chart, chart->style.font_small, text);
      pango_layout_set_width (layout, (int) ((max_w - m->swatch - m->swatch_gap) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      _hl_layout_size (layout, w, h);
      *item_w = max_w;
    }
  return layout;
}

static double
legend_block (HlChart *chart, const HlBox *area, double y, gboolean place)
{
  const HlMetrics *m = chart->m;
  LegendEntry entries[MAX_LEGEND_ENTRIES];
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  guint n = legend_entries (chart, entries, notes);
  double x = area->x, row_h = 0;

  for (guint i = 0; i < n; i++)
    {
      gboolean has_swatch = entries[i].lane != SWATCH_NONE;
      double item_w, w, h;
      PangoLayout *layout = entry_layout (chart, entries[i].text, has_swatch, area->width,
                                          &item_w, &w, &h);

      if (x > area->x && x + item_w > area->x + area->width)
        {
          x = area->x;
          y += row_h + m->swatch_gap;
          row_h = 0;
        }
      if (has_swatch && place)
        {
          HlSwatch swatch = { { x, y + (h - m->swatch) / 2, m->swatch, m->swatch },
                              entries[i].lane == SWATCH_CUMULATIVE ? HL_ROLE_CUMULATIVE
                                                                   : HL_ROLE_FG,
                              entries[i].lane, entries[i].shape, entries[i].hollow,
                              entries[i].dashed, entries[i].shade };

          g_array_append_val (chart->rects, swatch);
        }
      if (has_swatch)
        x += m->swatch + m->swatch_gap;
      if (place)
        _hl_chart_add_text (chart, layout, x, y, HL_ROLE_MUTED, -1);
      else
        g_object_unref (layout);
      x += w + m->legend_gap;
      row_h = MAX (row_h, h);
    }
  return y + row_h + m->legend_bottom;
}

static double
header_run (HlChart *chart, const HlBox *area, gboolean place)
{
  double y = area->y;

  if (chart->view.show_title && !(chart->dropped & HL_DROP_TITLE))
    y = title_block (chart, area, y, place);
  if (chart->view.show_legend && !(chart->dropped & HL_DROP_LEGEND))
    y = legend_block (chart, area, y, place);
  return y - area->y;
}

static double
header_measure (const HlChartLayer *layer, HlChart *chart, double width)
{
  HlBox area = { chart->m->margin, chart->m->margin, width, 0 };

  return header_run (chart, &area, FALSE);
}

static void
header_layout (const HlChartLayer *layer, HlChart *chart, const HlBox *area)
{
  header_run (chart, area, TRUE);
}

const HlChartLayerClass _hl_header_layer = {
  "header", header_measure, header_layout,
};

/* Test-only: the legend's entries, as the chart lists them. */
GStrv
_hl_chart_get_legend (HlChart *chart)
{
  LegendEntry entries[MAX_LEGEND_ENTRIES];
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (chart != NULL, NULL);

  if (!chart->view.show_legend || (chart->dropped & HL_DROP_LEGEND))
    return g_strv_builder_end (builder);
  n = legend_entries (chart, entries, notes);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, entries[i].text);
  return g_strv_builder_end (builder);
}
