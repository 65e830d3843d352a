/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one renderer: lays a dataset out for a view and a size, then draws
 * that layout onto any cairo_t. Layout is done once per data, view or size
 * change: the layers measure themselves, the chart places the plot and
 * cuts it into lane bands, then each layer fills the display list, which
 * drawing replays; hover and selection are drawn over it
 * (hl-chart-overlay.c). Level of detail: the core sums events per pixel
 * column (HlColumns), so the cost grows with the width, not the number of
 * events, and a column's bar is the sum of its events, so nothing small
 * disappears and totals are kept. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-chart-private.h"
#include "hl-scale.h"

/* Count lanes take at most this share of the plot when money lanes share
 * it; a lane's title needs at most this share of its band. */
#define COUNT_LANES_MAX_SHARE 0.3
#define TITLE_MAX_SHARE       0.5
/* A crowded count lane: its markers would fill this share of its rows. */
#define MARKERS_CROWDED       0.5

G_DEFINE_BOXED_TYPE (HlChart, hl_chart, hl_chart_ref, hl_chart_unref)

/* ------------------------------------------------------------------ */
/* Helpers the layers share */

/* A layout of its own, that the caller may change. */
PangoLayout *
_hl_chart_new_layout (HlChart *self, const PangoFontDescription *font, const char *text)
{
  PangoLayout *layout = pango_layout_new (self->pango);

  pango_layout_set_font_description (layout, font);
  /* Left-aligned means left, for right-to-left text too: a lane title or
   * period label starts where it is placed, and its box is there. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  /* Dataset text is shown as text: never parsed as markup. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* @text between first-strong isolate and pop directional isolate: for
 * dataset text joined with other text. */
char *
_hl_isolate (const char *text)
{
  return g_strconcat (HL_FSI, text ? text : "", HL_PDI, NULL);
}

/* A layout from the chart's text cache, that the caller must not change. */
PangoLayout *
_hl_chart_shared_layout (HlChart *self, const PangoFontDescription *font, const char *text,
                         PangoAlignment alignment)
{
  return hl_text_cache_get (self->cache, font, text, alignment);
}

void
_hl_layout_size (PangoLayout *layout, double *w, double *h)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *w = (double) logical.width / PANGO_SCALE;
  *h = (double) logical.height / PANGO_SCALE;
}

double
_hl_chart_text_height (HlChart *self, const PangoFontDescription *font, const char *text)
{
  PangoLayout *probe = _hl_chart_shared_layout (self, font, text, PANGO_ALIGN_LEFT);
  double w, h;

  _hl_layout_size (probe, &w, &h);
  g_object_unref (probe);
  return h;
}

/* A lane title's line. */
double
_hl_chart_lane_title_height (HlChart *self)
{
  return _hl_chart_text_height (self, self->style.font_label_bold, "Ag");
}

/* Places a text whose layout's origin is at (x, y); takes the layout.
 * Its box is where the text is drawn: the logical extents from there. */
HlText *
_hl_chart_add_text (HlChart *self, PangoLayout *layout, double x, double y, HlRole role,
                    int lane)
{
  HlText t = { { x, y, 0, 0 }, layout, role, lane, FALSE, -1 };
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  t.box.x = x + (double) logical.x / PANGO_SCALE;
  t.box.y = y + (double) logical.y / PANGO_SCALE;
  t.box.width = (double) logical.width / PANGO_SCALE;
  t.box.height = (double) logical.height / PANGO_SCALE;
  g_array_append_val (self->texts, t);
  g_array_append_val (self->text_boxes, t.box);
  return &g_array_index (self->texts, HlText, self->texts->len - 1);
}

void
_hl_chart_add_line (HlChart *self, double x0, double y0, double x1, double y1, HlRole role)
{
  HlLine line = { x0, y0, x1, y1, role, self->m->line, FALSE };

  g_array_append_val (self->lines, line);
}

/* What is placed so far, for a new label to keep clear of. Valid until
 * the next text or mark is added. */
void
_hl_chart_obstacles (HlChart *self, HlObstacles *o)
{
  *o = (HlObstacles) {
    (const HlBox *) (gpointer) self->text_boxes->data, self->text_boxes->len,
    (const guint8 *) self->marks->data, sizeof (HlMark), self->marks->len,
    (const double *) (gpointer) self->cumulative->data, self->cumulative->len / 2,
  };
}

/* Does @box touch any text placed so far, or any mark but @ignore_event's? */
gboolean
_hl_chart_collides (HlChart *self, const HlBox *box, int ignore_event)
{
  HlObstacles o;

  _hl_chart_obstacles (self, &o);
  return hl_placement_collides (&o, box, 0, 0, ignore_event);
}

/* Each printable ASCII character's width alone, once per chart and font:
 * one short layout, spaced so that no pair is kerned. */
void
_hl_chart_prepare_estimate (HlChart *self, HlTextEstimate *est,
                            const PangoFontDescription *font)
{
  char probe[2 * 95 + 1];
  PangoLayout *layout;
  PangoLayoutIter *iter;
  gboolean more = TRUE;
  double w;

  if (est->ready)
    return;
  for (int c = 32; c < 127; c++)
    {
      probe[2 * (c - 32)] = (char) c;
      probe[2 * (c - 32) + 1] = ' ';
    }
  probe[2 * 95] = '\0';
  layout = _hl_chart_new_layout (self, font, probe);
  _hl_layout_size (layout, &w, &est->line_h);
  iter = pango_layout_get_iter (layout);
  while (more)
    {
      PangoRectangle logical;
      int index = pango_layout_iter_get_index (iter);

      pango_layout_iter_get_cluster_extents (iter, NULL, &logical);
      more = pango_layout_iter_next_cluster (iter);
      /* a cluster of more than one character (a ligature) stays at 0 */
      if (index % 2 == 0 && index < 2 * 95 &&
          (more ? pango_layout_iter_get_index (iter) : 2 * 95) == index + 1)
        est->advance[32 + index / 2] = MAX (0, (double) logical.width / PANGO_SCALE);
    }
  pango_layout_iter_free (iter);
  g_object_unref (layout);
  est->ready = TRUE;
}

/* The room a label in @layout's font keeps from other labels and from
 * marks: half an em, and never less than the style's label padding. */
double
_hl_chart_label_gap (HlChart *self, PangoLayout *layout)
{
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  double em = font != NULL ? pango_font_description_get_size (font) / (double) PANGO_SCALE : 0;

  return MAX (self->m->label_pad, em / 2);
}

/* Keeps the first of @candidates that stays in @bounds and keeps its gap
 * from every label and mark; frees the layout when none fits. */
gboolean
_hl_chart_place_label (HlChart *self, PangoLayout *layout, const HlBox *bounds,
                       const HlPoint *candidates, guint n_candidates, int event, int lane,
                       HlRole role)
{
  HlObstacles o;
  HlText *t;
  HlBox box;
  double w, h;

  _hl_layout_size (layout, &w, &h);
  _hl_chart_obstacles (self, &o);
  if (!hl_placement_find_spaced (&o, bounds, candidates, n_candidates, w, h,
                                 _hl_chart_label_gap (self, layout), event, &box))
    {
      g_object_unref (layout);
      return FALSE;
    }
  t = _hl_chart_add_text (self, layout, box.x, box.y, role, lane);
  t->halo = TRUE;
  t->event = event;
  return TRUE;
}

/* Label every how many of @n_steps gridlines over @height pixels, so that
 * the labels keep a gap between them. */
guint
_hl_chart_money_label_every (HlChart *self, double n_steps, double height)
{
  double h = _hl_chart_text_height (self, self->style.font_small, "$0"), spacing;

  if (n_steps < 1 || height <= 0)
    return 1;
  spacing = height / n_steps;
  return (guint) MAX (1, ceil (h * 1.2 / spacing));
}

HlMarkShape
_hl_mark_shape_of (HlShape shape)
{
  switch (shape)
    {
    case HL_SHAPE_TRIANGLE:
      return HL_MARK_TRIANGLE;
    case HL_SHAPE_DIAMOND:
      return HL_MARK_DIAMOND;
    case HL_SHAPE_CIRCLE:
      return HL_MARK_CIRCLE;
    case HL_SHAPE_SQUARE:
    case HL_N_SHAPES:
    default:
      return HL_MARK_SQUARE;
    }
}

gboolean
_hl_event_failed (const HlEvent *ev)
{
  return ev->outcome != NULL && g_ascii_strncasecmp (ev->outcome, "fail", 4) == 0;
}

/* ------------------------------------------------------------------ */

HlChart *
hl_chart_ref (HlChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
clear_texts (HlChart *self)
{
  for (guint i = 0; i < self->texts->len; i++)
    g_object_unref (g_array_index (self->texts, HlText, i).layout);
  g_array_set_size (self->texts, 0);
  g_array_set_size (self->text_boxes, 0);
}

void
hl_chart_unref (HlChart *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  clear_texts (self);
  g_array_unref (self->texts);
  g_array_unref (self->text_boxes);
  g_array_unref (self->marks);
  g_array_unref (self->lines);
  g_array_unref (self->rects);
  g_array_unref (self->cumulative);
  g_array_unref (self->bins);
  g_array_unref (self->notes);
  g_clear_object (&self->footnote);
  g_clear_object (&self->title);
  g_clear_object (&self->subtitle);
  hl_columns_free (self->columns);
  hl_style_clear (&self->style);
  g_object_unref (self->pango);
  hl_text_cache_unref (self->cache);
  hl_view_clear (&self->view);
  g_object_unref (self->dataset);
  g_free (self);
}

double
hl_chart_time_to_x (HlChart *self, gint64 time)
{
  double span = (double) (self->view.to - self->view.from);

  return self->plot.x + (double) (time - self->view.from) / span * self->plot.width;
}

gint64
hl_chart_x_to_time (HlChart *self, double x)
{
  double span = (double) (self->view.to - self->view.from);

  return self->view.from + (gint64) llround ((x - self->plot.x) / self->plot.width * span);
}

/* ------------------------------------------------------------------ */
/* Allocation */

static gboolean
has_usd_lane (HlChart *self)
{
  guint n_lanes = MIN (hl_dataset_get_n_lanes (self->dataset), HL_VIEW_MAX_LANES);

  for (guint i = 0; i < n_lanes; i++)
    if (hl_view_lane_visible (&self->view, i) &&
        hl_dataset_get_lane (self->dataset, i)->measure == HL_MEASURE_USD)
      return TRUE;
  return FALSE;
}

/* The plot's horizontal extent: gutters for the money scales. On whole
 * pixels, so that each column of the level of detail is one column of
 * pixels: its bar is filled without antialiasing. */
static void
place_plot_columns (HlChart *self)
{
  const HlMetrics *m = self->m;
  gboolean has_usd = has_usd_lane (self);
  double gutter, right_gutter = 0, h;
  PangoLayout *probe = _hl_chart_shared_layout (self, self->style.font_small, "$000.0M",
                                                PANGO_ALIGN_LEFT);

  _hl_layout_size (probe, &gutter, &h);
  g_object_unref (probe);
  gutter = has_usd ? gutter + m->gutter_pad : m->gutter_bare;
  if (self->view.show_cumulative && has_usd)
    right_gutter = gutter;
  self->plot.x = round (m->margin + gutter);
  self->plot.width = MAX (10, floor (self->width - m->margin - right_gutter) - self->plot.x);
}

/* A band's title, its content below, and for a money lane the range its
 * bars span: up to the top, less room for the largest amount's label. */
static void
allocate_band (HlChart *self, guint lane, double y, double band_h, double title_h)
{
  const HlMetrics *m = self->m;
  HlLaneLayout *ll = &self->lanes[lane];
  double content_top = y, row_h = m->marker * HL_MARKER_ROW;
  guint n_used;

  ll->band = (HlBox) { self->plot.x, y, self->plot.width, band_h };
  /* A band too thin for its title keeps its marks; the legend names it. */
  ll->has_header = title_h + m->lane_title_inset <= band_h * TITLE_MAX_SHARE;
  if (ll->has_header)
    content_top = y + title_h + m->lane_title_inset;
  ll->content = (HlBox) { self->plot.x, content_top, self->plot.width,
                          MAX (4, y + band_h - content_top) };
  ll->base = ll->content.y + ll->content.height;
  ll->top = ll->content.y;
  hl_columns_get_lane (self->columns, lane, &n_used);
  if (hl_dataset_get_lane (self->dataset, lane)->measure == HL_MEASURE_USD)
    {
      ll->top = ll->content.y + _hl_chart_text_height (self, self->style.font_label, "Ag\nAg") +
                m->amount_gap;
      if (ll->top > ll->base - m->bar_top_room)
        ll->top = ll->content.y;
      ll->aggregated = n_used * (m->bar_width + 1) > self->plot.width;
    }
  else if (hl_dataset_get_lane (self->dataset, lane)->measure == HL_MEASURE_SPAN)
    ll->aggregated = FALSE;   /* its spans are packed into rows */
  else
    ll->aggregated = n_used * m->marker > self->plot.width *
                                          MAX (1, floor (ll->content.height / row_h)) *
                                          MARKERS_CROWDED;
}

/* Cuts the plot into lane bands: a count lane gets what its layer asks
 * (room for three rows of markers and their labels); usd lanes share the
 * rest. Without usd lanes, all share alike. FALSE when a band is too thin
 * for its marks. */
static gboolean
allocate_lanes (HlChart *self)
{
  const HlMetrics *m = self->m;
  guint n_lanes = MIN (hl_dataset_get_n_lanes (self->dataset), HL_VIEW_MAX_LANES);
  HlChartLayer markers = { &_hl_marker_lane_layer, 0 };
  double title_h = _hl_chart_lane_title_height (self), avail, count_h, y;
  double other_h = 0, span_h[HL_DATASET_MAX_LANES] = { 0 };
  guint n_visible = 0, n_usd = 0;
  gboolean fits = TRUE;

  for (guint i = 0; i < n_lanes; i++)
    if (hl_view_lane_visible (&self->view, i))
      {
        n_visible++;
        n_usd += hl_dataset_get_lane (self->dataset, i)->measure == HL_MEASURE_USD;
      }
  avail = self->plot.height - m->plot_pad - m->lane_gap * n_visible;
  count_h = markers.klass->measure (&markers, self, self->plot.width);
  if (n_usd == 0 || n_usd == n_visible)
    count_h = avail / MAX (n_visible, 1);
  else
    count_h = MIN (count_h, avail * COUNT_LANES_MAX_SHARE);
  /* beside money lanes, a span lane takes the rows its spans need, up to
   * the share a count lane may have at most */
  for (guint i = 0; i < n_lanes; i++)
    if (hl_view_lane_visible (&self->view, i))
      {
        HlChartLayer spans = { &_hl_span_lane_layer, i };

        span_h[i] = count_h;
        if (hl_dataset_get_lane (self->dataset, i)->measure == HL_MEASURE_SPAN &&
            n_usd > 0 && n_usd < n_visible)
          span_h[i] = CLAMP (spans.klass->measure (&spans, self, self->plot.width) + title_h +
                             m->lane_title_inset, count_h, avail * COUNT_LANES_MAX_SHARE);
        if (hl_dataset_get_lane (self->dataset, i)->measure != HL_MEASURE_USD)
          other_h += span_h[i];
      }

  y = self->plot.y + m->plot_pad;
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      gboolean usd = hl_dataset_get_lane (self->dataset, lane)->measure == HL_MEASURE_USD;
      double band_h = usd && n_usd < n_visible ? (avail - other_h) / n_usd : span_h[lane];

      if (!hl_view_lane_visible (&self->view, lane))
        continue;
      /* a title and at least a row and a half of marks */
      if (band_h < title_h + m->lane_title_inset + 1.5 * m->marker * HL_MARKER_ROW)
        fits = FALSE;
      allocate_band (self, lane, y, band_h, title_h);
      y += band_h + m->lane_gap;
    }
  return fits;
}

typedef struct
{
  HlChartLayer header, footnote, axis, periods, cumulative;
  double       header_h, footnote_h, periods_h;
} Frame;

/* Measures what surrounds the plot and places it between: header (unless
 * not @with_header, for a plot as tall as it can be), period labels,
 * plot, axis, footnote. */
static gboolean
allocate (HlChart *self, Frame *f, gboolean with_header)
{
  const HlMetrics *m = self->m;
  double width = self->width - 2 * m->margin;
  double axis_h = f->axis.klass->measure (&f->axis, self, self->plot.width);

  f->header_h = with_header ? f->header.klass->measure (&f->header, self, width) : 0;
  f->periods_h = f->periods.klass->measure (&f->periods, self, width);
  self->plot.y = m->margin + f->header_h + f->periods_h;
  self->plot.height = MAX (10, self->height - m->margin - f->footnote_h - axis_h - self->plot.y);
  return allocate_lanes (self);
}

static void
add_lane_title (HlChart *self, guint lane, const HlBox *band)
{
  const HlLane *l = hl_dataset_get_lane (self->dataset, lane);
  PangoLayout *layout = _hl_chart_new_layout (self, self->style.font_label_bold, l->title);

  pango_layout_set_width (layout, (int) (band->width * 0.5 * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  _hl_chart_add_text (self, layout, band->x + self->m->lane_title_inset, band->y, HL_ROLE_FG,
                      (int) lane);
}

/* Each lane's title, its layer, and a line between lanes. */
static void
layout_lanes (HlChart *self)
{
  guint n_lanes = MIN (hl_dataset_get_n_lanes (self->dataset), HL_VIEW_MAX_LANES);
  guint last = 0;

  for (guint lane = 0; lane < n_lanes; lane++)
    if (hl_view_lane_visible (&self->view, lane))
      last = lane;
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      const HlLaneLayout *ll = &self->lanes[lane];
      HlMeasure measure = hl_dataset_get_lane (self->dataset, lane)->measure;
      HlChartLayer layer = { measure == HL_MEASURE_USD ? &_hl_bar_lane_layer
                             : measure == HL_MEASURE_SPAN ? &_hl_span_lane_layer
                             : &_hl_marker_lane_layer, lane };

      if (!hl_view_lane_visible (&self->view, lane))
        continue;
      if (ll->has_header)
        add_lane_title (self, lane, &ll->band);
      layer.klass->layout (&layer, self, &ll->band);
      if (measure != HL_MEASURE_SPAN)
        _hl_span_layer.layout (&layer, self, &ll->band);
      if (lane != last)
        {
          double y = ll->band.y + ll->band.height + self->m->lane_gap / 2;

          _hl_chart_add_line (self, self->plot.x, y, self->plot.x + self->plot.width, y,
                              HL_ROLE_GRID);
        }
    }
}

/* [from, to) pieces of @spans (pairs) with [lo, hi) taken out. */
static void
cut_spans (GArray *spans, double lo, double hi)
{
  guint n = spans->len;

  for (guint j = 0; j < n; j += 2)
    {
      double from = g_array_index (spans, double, j);
      double to = g_array_index (spans, double, j + 1);

      if (hi <= from || lo >= to)
        {
          g_array_append_val (spans, from);
          g_array_append_val (spans, to);
          continue;
        }
      if (lo > from)
        {
          double piece[2] = { from, lo };
          g_array_append_vals (spans, piece, 2);
        }
      if (hi < to)
        {
          double piece[2] = { hi, to };
          g_array_append_vals (spans, piece, 2);
        }
    }
  g_array_remove_range (spans, 0, n);
}

/* Appends to @cut the pieces of @l that cross no label in the plot. */
static void
cut_line (HlChart *self, const HlLine *l, GArray *spans, GArray *cut)
{
  const HlText *texts = (const HlText *) (gpointer) self->texts->data;
  gboolean vertical = l->x0 == l->x1;
  double pad = self->m->line_cut_pad, half = l->width / 2;
  double at = hl_draw_line_snapped (vertical ? l->x0 : l->y0, l->width);
  double ends[2] = { vertical ? MIN (l->y0, l->y1) : MIN (l->x0, l->x1),
                     vertical ? MAX (l->y0, l->y1) : MAX (l->x0, l->x1) };

  g_array_set_size (spans, 0);
  g_array_append_vals (spans, ends, 2);
  for (guint k = 0; k < self->texts->len && spans->len > 0; k++)
    {
      const HlBox *b = &texts[k].box;
      double across_lo = vertical ? b->x - pad : b->y;
      double across_hi = vertical ? b->x + b->width + pad : b->y + b->height;

      if (!texts[k].halo || at + half <= across_lo || at - half >= across_hi)
        continue;
      cut_spans (spans, vertical ? b->y : b->x - pad,
                 vertical ? b->y + b->height : b->x + b->width + pad);
    }
  for (guint j = 0; j < spans->len; j += 2)
    {
      HlLine piece = *l;
      double from = g_array_index (spans, double, j);
      double to = g_array_index (spans, double, j + 1);

      if (vertical)
        {
          piece.y0 = from;
          piece.y1 = to;
        }
      else
        {
          piece.x0 = from;
          piece.x1 = to;
        }
      g_array_append_val (cut, piece);
    }
}

/* Gridlines, year lines and lane separators stop short of the labels in
 * the plot, so that no line crosses a word. Cutting the lines costs a few
 * comparisons; outlining every label's glyphs in the background colour
 * cost more than the rest of the frame, and needed a known background. */
static void
cut_lines_around_labels (HlChart *self)
{
  g_autoptr(GArray) cut = NULL;
  g_autoptr(GArray) spans = NULL;
  guint n_halo = 0;

  for (guint i = 0; i < self->texts->len; i++)
    n_halo += g_array_index (self->texts, HlText, i).halo;
  if (n_halo == 0)
    return;

  cut = g_array_sized_new (FALSE, FALSE, sizeof (HlLine), self->lines->len + 2 * n_halo);
  spans = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < self->lines->len; i++)
    {
      const HlLine *l = &g_array_index (self->lines, HlLine, i);
      gboolean vertical = l->x0 == l->x1, horizontal = l->y0 == l->y1;

      if (l->dashed || vertical == horizontal)
        g_array_append_val (cut, *l);
      else
        cut_line (self, l, spans, cut);
    }
  g_array_set_size (self->lines, 0);
  g_array_append_vals (self->lines, cut->data, cut->len);
}

static void
ensure_columns (HlChart *self)
{
  /* The columns stay valid while the plot's width does, so every try of
   * layout_chart() reads the same. */
  if (self->columns != NULL &&
      hl_columns_get_n_columns (self->columns) == (guint) self->plot.width)
    return;
  g_clear_pointer (&self->columns, hl_columns_free);
  self->columns = hl_columns_new (self->dataset, &self->view, (guint) self->plot.width);
}

/* Measures and allocates; unless the lanes fit or @force, stops there
 * and returns FALSE. Else fills the display list. */
static gboolean
layout_chart_once (HlChart *self, gboolean force)
{
  const HlMetrics *m = self->m;
  Frame f = { { &_hl_header_layer, 0 }, { &_hl_footnote_layer, 0 }, { &_hl_axis_layer, 0 },
              { &_hl_periods_layer, 0 }, { &_hl_cumulative_layer, 0 }, 0, 0, 0 };
  HlBox frame = { m->margin, m->margin, self->width - 2 * m->margin,
                  self->height - 2 * m->margin };
  gboolean footnote = self->view.show_footnote && !(self->dropped & HL_DROP_FOOTNOTE);
  gboolean fits;
  HlDrawn drawn;

  place_plot_columns (self);
  ensure_columns (self);
  if (footnote)
    f.footnote_h = f.footnote.klass->measure (&f.footnote, self, frame.width);

  /* The legend lists what the lanes draw, and whether a count lane draws
   * markers depends on the room the legend leaves it. A lane crowded in
   * the tallest plot there can be is crowded in any: guess from that,
   * allocate, and measure again only if the guess was wrong. */
  allocate (self, &f, FALSE);
  _hl_chart_find_drawn (self, &self->drawn);
  fits = allocate (self, &f, TRUE);
  _hl_chart_find_drawn (self, &drawn);
  if (memcmp (&drawn, &self->drawn, sizeof drawn) != 0)
    {
      self->drawn = drawn;
      fits = allocate (self, &f, TRUE);
    }
  if (!fits && !force)
    return FALSE;

  if (footnote)
    f.footnote.klass->layout (&f.footnote, self,
                              &(HlBox) { frame.x, 0, frame.width, self->height - m->margin });
  if (f.periods_h > 0)
    f.periods.klass->layout (&f.periods, self,
                             &(HlBox) { self->plot.x, m->margin + f.header_h, self->plot.width,
                                        self->plot.y + self->plot.height - m->margin -
                                        f.header_h });
  f.cumulative.klass->layout (&f.cumulative, self, &self->plot);
  layout_lanes (self);
  f.axis.klass->layout (&f.axis, self, &(HlBox) { self->plot.x, self->plot.y + self->plot.height,
                                                  self->plot.width, 0 });
  /* Last: notes go where no label is. */
  _hl_annotations_layer.layout (&(HlChartLayer) { &_hl_annotations_layer, 0 }, self, &self->plot);
  /* The header last: its legend lists what the lanes did draw. */
  _hl_chart_find_drawn_in_marks (self, &self->drawn);
  f.header.klass->layout (&f.header, self, &(HlBox) { frame.x, frame.y, frame.width,
                                                      f.header_h });
  cut_lines_around_labels (self);
  return TRUE;
}

static void
reset_layout (HlChart *self)
{
  clear_texts (self);
  g_array_set_size (self->marks, 0);
  g_array_set_size (self->lines, 0);
  g_array_set_size (self->rects, 0);
  g_array_set_size (self->cumulative, 0);
  g_array_set_size (self->bins, 0);
  g_array_set_size (self->notes, 0);
  self->notes_hidden = 0;
  memset (self->lanes, 0, sizeof self->lanes);
}

/* On a canvas too small for everything, the parts around the plot give
 * way one by one (footnote first) rather than crowd it or overlap. */
static void
layout_chart (HlChart *self)
{
  static const HlDrop order[] = { HL_DROP_FOOTNOTE, HL_DROP_LEGEND, HL_DROP_SUBTITLE,
                                  HL_DROP_PERIODS, HL_DROP_TITLE };
  guint k = 0;

  while (!layout_chart_once (self, k == G_N_ELEMENTS (order)))
    {
      reset_layout (self);
      self->dropped |= order[k++];
    }
}

/**
 * hl_chart_new_cached:
 * @cache: where text laid out by earlier charts is kept, and this one's goes
 *
 * Lays @dataset out for @view at @width x @height. Whoever draws chart
 * after chart (a window, a preview) keeps one @cache for all of them.
 */
HlChart *
hl_chart_new_cached (HlDataset    *dataset,
                     const HlView *view,
                     int           width,
                     int           height,
                     HlTextCache  *cache)
{
  HlChart *self;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (view->to > view->from, NULL);
  g_return_val_if_fail (cache != NULL, NULL);

  self = g_new0 (HlChart, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->dataset = g_object_ref (dataset);
  hl_view_copy (&self->view, view);
  self->width = MAX (width, 64);
  self->height = MAX (height, 64);
  hl_style_init (&self->style, dataset, view, self->width, self->height);
  self->m = &self->style.metrics;
  self->cache = hl_text_cache_ref (cache);
  self->pango = g_object_ref (hl_text_cache_get_context (cache));

  self->marks = g_array_new (FALSE, FALSE, sizeof (HlMark));
  self->texts = g_array_new (FALSE, FALSE, sizeof (HlText));
  self->text_boxes = g_array_new (FALSE, FALSE, sizeof (HlBox));
  self->lines = g_array_new (FALSE, FALSE, sizeof (HlLine));
  self->rects = g_array_new (FALSE, FALSE, sizeof (HlSwatch));
  self->cumulative = g_array_new (FALSE, FALSE, sizeof (double));
  self->bins = g_array_new (FALSE, FALSE, sizeof (HlChartBin));
  self->notes = g_array_new (FALSE, FALSE, sizeof (HlNoteMark));
  g_array_set_clear_func (self->notes, _hl_note_mark_clear);

  layout_chart (self);
  return self;
}

/* A chart with a text cache of its own, freed with it: for one-off
 * charts (an export); see hl_chart_new_cached(). */
HlChart *
hl_chart_new (HlDataset *dataset, const HlView *view, int width, int height)
{
  g_autoptr(HlTextCache) cache = hl_text_cache_new ();

  return hl_chart_new_cached (dataset, view, width, height, cache);
}
