/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the chart answers once laid out: hover and selection drawn over
 * it (the cost of one mark and one card, whatever the size of the
 * dataset), hit tests, boxes, totals, and the test-only accessors. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-describe.h"

/* The mark of @event; for an event inside a calendar bin, the bin's. */
static const HlMark *
find_mark (HlChart *self, int event)
{
  const HlEvent *ev;
  guint bin = 0;

  for (guint i = 0; i < self->marks->len; i++)
    {
      const HlMark *mk = &g_array_index (self->marks, HlMark, i);

      if (mk->event == event)
        return mk;
    }
  if (self->bins->len == 0 || event < 0 ||
      (guint) event >= hl_dataset_get_n_events (self->dataset))
    return NULL;
  ev = hl_dataset_get_event (self->dataset, event);
  if (!hl_view_shows_event (&self->view, self->dataset, ev))
    return NULL;
  for (guint b = 0; b < self->bins->len && bin == 0; b++)
    {
      const HlChartBin *cb = &g_array_index (self->bins, HlChartBin, b);

      if (cb->lane == ev->lane && ev->time >= MAX (cb->bin.from, self->view.from) &&
          ev->time < MIN (cb->bin.to, self->view.to))
        bin = b + 1;
    }
  for (guint i = 0; i < self->marks->len && bin > 0; i++)
    {
      const HlMark *mk = &g_array_index (self->marks, HlMark, i);

      if (mk->bin == bin)
        return mk;
    }
  return NULL;
}

/* A span lane's card line: the lane, and for an instant that it has no
 * end date ("Measures · no end date"); the dates and duration are above. */
static void
append_span_card (GString *s, const HlEvent *ev, const char *lane_title)
{
  g_string_append (s, lane_title);
  if (!ev->has_end)
    g_string_append_printf (s, " · %s", _("no end date"));
}

/* "4 September 2023", "Crypto heists: $41.0 million · exchange", and the
 * confidence: in the lane's words, as count lanes say "Missiles: 2". */
char *
_hl_chart_describe_event_card (HlChart *self, const HlEvent *ev)
{
  const HlLane *lane = hl_dataset_get_lane (self->dataset, ev->lane);
  g_autofree char *date = hl_describe_event_dates (ev);
  g_autofree char *amount = hl_describe_amount (self->dataset, ev);
  g_autofree char *lane_title = _hl_isolate (lane->title);
  g_autofree char *kind = ev->kind ? _hl_isolate (ev->kind) : NULL;
  GString *s = g_string_new (NULL);

  /* The file's words are isolated from the card's own (FSI … PDI). */
  g_string_append_printf (s, "%s\n", date);
  if (lane->measure == HL_MEASURE_SPAN)
    append_span_card (s, ev, lane_title);
  else if (lane->measure == HL_MEASURE_USD)
    /* TRANSLATORS: lane title: amount, on the hover card */
    g_string_append_printf (s, _("%s: %s"), lane_title, amount);
  else
    {
      g_autofree char *isolated = _hl_isolate (amount);

      g_string_append (s, isolated);
    }
  if (kind != NULL)
    g_string_append_printf (s, " · %s", kind);
  if (ev->confidence != HL_CONFIDENCE_UNSPECIFIED)
    g_string_append_printf (s, "\n%s: %s", _("Confidence"),
                            hl_describe_confidence (ev->confidence));
  return g_string_free (s, FALSE);
}

static void
draw_selection (HlChart *self, cairo_t *cr, const HlMark *mk)
{
  const HlMetrics *m = self->m;

  hl_rgba_set_source (cr, self->style.roles[HL_ROLE_FG]);
  cairo_set_line_width (cr, m->select_stroke);
  hl_draw_rounded_rect (cr, mk->box.x - m->select_pad, mk->box.y - m->select_pad,
                        mk->box.width + 2 * m->select_pad, mk->box.height + 2 * m->select_pad,
                        m->select_radius);
  cairo_stroke (cr);
}

static PangoLayout *
card_layout (HlChart *self, const PangoFontDescription *font, const char *text, double width)
{
  PangoLayout *layout = _hl_chart_new_layout (self, font, text);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

/* A hover card laid out: its box, and where each text's layout starts
 * and its ink lies, in chart coordinates. */
typedef struct
{
  PangoLayout *title;
  PangoLayout *text;
  HlBox        card;
  HlPoint      title_at, text_at;
  HlBox        title_ink, text_ink;
} CardGeometry;

static void
card_geometry_clear (CardGeometry *g)
{
  g_clear_object (&g->title);
  g_clear_object (&g->text);
}

static void
ink_box (PangoLayout *layout, HlPoint at, HlBox *box)
{
  PangoRectangle ink;

  pango_layout_get_extents (layout, &ink, NULL);
  box->x = at.x + (double) ink.x / PANGO_SCALE;
  box->y = at.y + (double) ink.y / PANGO_SCALE;
  box->width = (double) ink.width / PANGO_SCALE;
  box->height = (double) ink.height / PANGO_SCALE;
}

/* A mark inside a calendar bin stands for its whole bin. */
static const HlMark *
whole_mark (HlChart *self, const HlMark *mk, HlMark *whole)
{
  const HlChartBin *bin;

  if (mk->bin == 0)
    return mk;
  bin = &g_array_index (self->bins, HlChartBin, mk->bin - 1);
  *whole = (HlMark) { bin->box, mk->event, bin->lane, bin->bin.sum.n, HL_MARK_BAR };
  return whole;
}

/* The card's title and text laid out: an event's afresh, a bin's once
 * per chart (a bin's card, about twice an event's text, is what hovering
 * a bin would otherwise lay out on every frame). */
static void
card_layouts (HlChart *self, const HlMark *mk, const HlEvent *ev, double width,
              CardGeometry *g)
{
  HlChartBin *bin;

  if (mk->bin == 0)
    {
      g_autofree char *body = _hl_chart_describe_event_card (self, ev);

      g->title = card_layout (self, self->style.font_label_bold, ev->title, width);
      g->text = card_layout (self, self->style.font_small, body, width);
      return;
    }
  bin = &g_array_index (self->bins, HlChartBin, mk->bin - 1);
  if (bin->card_title == NULL)
    {
      /* its period, total, number and largest events */
      g_autofree char *heading = _hl_chart_describe_bin_title (self, bin);
      g_autofree char *body = _hl_chart_describe_bin_card (self, bin);

      bin->card_title = card_layout (self, self->style.font_label_bold, heading, width);
      bin->card_text = card_layout (self, self->style.font_small, body, width);
    }
  g->title = g_object_ref (bin->card_title);
  g->text = g_object_ref (bin->card_text);
}

/* The card beside the mark (its bin's card in a bin), kept on canvas. */
static void
card_measure (HlChart *self, const HlMark *mk, const HlEvent *ev, CardGeometry *g)
{
  const HlMetrics *m = self->m;
  double max_w = MIN (m->card_max_width, self->width - 20), pad = m->card_pad;
  double tw, th, bw, bh, w, h, x, y;
  HlMark whole;

  card_layouts (self, mk, ev, max_w - 2 * pad, g);
  _hl_layout_size (g->title, &tw, &th);
  _hl_layout_size (g->text, &bw, &bh);
  w = MAX (tw, bw) + 2 * pad;
  h = th + m->card_title_gap + bh + 2 * pad;

  mk = whole_mark (self, mk, &whole);
  x = mk->box.x + mk->box.width + m->card_gap;
  if (x + w > self->width - 4)
    x = mk->box.x - m->card_gap - w;
  x = CLAMP (x, 4, MAX (4, self->width - w - 4));
  y = CLAMP (mk->box.y, 4, MAX (4, self->height - h - 4));

  g->card = (HlBox) { x, y, w, h };
  g->title_at = (HlPoint) { x + pad, y + pad };
  g->text_at = (HlPoint) { x + pad, y + pad + th + m->card_title_gap };
  ink_box (g->title, g->title_at, &g->title_ink);
  ink_box (g->text, g->text_at, &g->text_ink);
}

/* Outlines the hovered mark, then its card beside it. */
static void
draw_hover (HlChart *self, cairo_t *cr, const HlMark *mk, int hover)
{
  const HlMetrics *m = self->m;
  const HlEvent *ev = hl_dataset_get_event (self->dataset, hover);
  CardGeometry g = { 0 };
  HlMark whole;

  card_measure (self, mk, ev, &g);
  mk = whole_mark (self, mk, &whole);

  hl_rgba_set_source (cr, self->style.roles[HL_ROLE_FG]);
  cairo_set_line_width (cr, m->hover_stroke);
  hl_draw_shape_path (cr, mk->shape, &mk->box);
  cairo_stroke (cr);

  hl_draw_rounded_rect (cr, g.card.x, g.card.y, g.card.width, g.card.height, m->card_radius);
  hl_rgba_set_source (cr, self->style.roles[HL_ROLE_CARD]);
  cairo_fill_preserve (cr);
  hl_rgba_set_source (cr, self->style.roles[HL_ROLE_CARD_BORDER]);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  hl_draw_text (cr, g.title, g.title_at.x, g.title_at.y, self->style.roles[HL_ROLE_FG]);
  hl_draw_text (cr, g.text, g.text_at.x, g.text_at.y, self->style.roles[HL_ROLE_MUTED]);
  card_geometry_clear (&g);
}

/* Test-only: the hover card @event would get, and its texts' ink. */
gboolean
_hl_chart_get_card (HlChart *self, int event, HlBox *card, HlBox *title_ink, HlBox *text_ink)
{
  const HlMark *mk;
  CardGeometry g = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);

  if ((mk = find_mark (self, event)) == NULL)
    return FALSE;
  card_measure (self, mk, hl_dataset_get_event (self->dataset, event), &g);
  *card = g.card;
  *title_ink = g.title_ink;
  *text_ink = g.text_ink;
  card_geometry_clear (&g);
  return TRUE;
}

/* Hover and selection, over a drawn chart. */
void
hl_chart_draw_overlay (HlChart *self, cairo_t *cr, int hover, int selected)
{
  const HlMark *mk;
  HlMark whole;

  g_return_if_fail (self != NULL);

  cairo_save (cr);
  _hl_chart_draw_proximity (self, cr, selected);
  if (selected >= 0 && (mk = find_mark (self, selected)) != NULL)
    {
      /* a bin is selected whole */
      draw_selection (self, cr, whole_mark (self, mk, &whole));
    }
  if (hover >= 0 && (mk = find_mark (self, hover)) != NULL)
    draw_hover (self, cr, mk, hover);
  cairo_restore (cr);
}
/* ------------------------------------------------------------------ */

HlDataset *
hl_chart_get_dataset (HlChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->dataset;
}

const HlView *
hl_chart_get_view (HlChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->view;
}

void
hl_chart_get_plot_area (HlChart *self, HlBox *box)
{
  g_return_if_fail (self != NULL);
  *box = self->plot;
}

/* The event under (x, y), or -1: the nearest mark whose box, grown to a
 * comfortable target, contains the point. */
int
hl_chart_hit_test (HlChart *self, double x, double y)
{
  double slop = self->m->hit_slop, best_d = G_MAXDOUBLE;
  int best = -1;

  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const HlMark *mk = &g_array_index (self->marks, HlMark, i);
      double cx, cy, d;

      if (x < mk->box.x - slop || x > mk->box.x + mk->box.width + slop ||
          y < mk->box.y - slop || y > mk->box.y + mk->box.height + slop)
        continue;
      cx = mk->box.x + mk->box.width / 2;
      cy = CLAMP (y, mk->box.y, mk->box.y + mk->box.height);
      d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
      if (d < best_d)
        {
          best_d = d;
          best = mk->event;
        }
    }
  return best;
}

gboolean
hl_chart_get_event_box (HlChart *self, int event, HlBox *box)
{
  const HlMark *mk;

  g_return_val_if_fail (self != NULL, FALSE);

  if ((mk = find_mark (self, event)) == NULL)
    return FALSE;
  if (box)
    *box = mk->bin > 0 ? g_array_index (self->bins, HlChartBin, mk->bin - 1).box : mk->box;
  return TRUE;
}

/* Totals over what is visible (range and filters), as drawn: the
 * subtitle's numbers. */
const HlTotals *
hl_chart_get_totals (HlChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return hl_columns_get_totals (self->columns);
}

/* ------------------------------------------------------------------ */
/* Test-only */

const HlBox *
_hl_chart_get_text_boxes (HlChart *self, guint *n_boxes)
{
  g_return_val_if_fail (self != NULL, NULL);
  *n_boxes = self->text_boxes->len;
  return (const HlBox *) (gpointer) self->text_boxes->data;
}

const char *
_hl_chart_get_text_box_label (HlChart *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->texts->len, NULL);
  return pango_layout_get_text (g_array_index (self->texts, HlText, index).layout);
}

/* The sum of the bars drawn in usd lanes' columns: equal to the sum of
 * the events they stand for, however many share a pixel column. */
double
_hl_chart_get_column_usd_sum (HlChart *self)
{
  guint n_lanes, n_cols;
  double sum = 0;

  g_return_val_if_fail (self != NULL, 0);
  n_lanes = MIN (hl_dataset_get_n_lanes (self->dataset), HL_VIEW_MAX_LANES);
  n_cols = hl_columns_get_n_columns (self->columns);
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      const HlColumn *c = hl_columns_get_lane (self->columns, lane, NULL);

      if (c == NULL || hl_dataset_get_lane (self->dataset, lane)->measure != HL_MEASURE_USD)
        continue;
      for (guint i = 0; i < n_cols; i++)
        sum += c[i].usd;
    }
  return sum;
}

gboolean
_hl_chart_is_aggregated (HlChart *self, guint lane)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (lane < HL_VIEW_MAX_LANES, FALSE);
  return self->lanes[lane].aggregated;
}

/* The running-total line: x, y pairs, left to right; none if not drawn. */
const double *
_hl_chart_get_cumulative (HlChart *self, guint *n_points)
{
  g_return_val_if_fail (self != NULL, NULL);
  *n_points = self->cumulative->len / 2;
  return (const double *) (gpointer) self->cumulative->data;
}

/* ------------------------------------------------------------------ */
/* What a small canvas left out */

G_STATIC_ASSERT ((guint) HL_CHART_PART_FOOTNOTE == (guint) HL_DROP_FOOTNOTE);
G_STATIC_ASSERT ((guint) HL_CHART_PART_LEGEND == (guint) HL_DROP_LEGEND);
G_STATIC_ASSERT ((guint) HL_CHART_PART_SUBTITLE == (guint) HL_DROP_SUBTITLE);
G_STATIC_ASSERT ((guint) HL_CHART_PART_PERIODS == (guint) HL_DROP_PERIODS);
G_STATIC_ASSERT ((guint) HL_CHART_PART_TITLE == (guint) HL_DROP_TITLE);

/**
 * hl_chart_get_dropped:
 *
 * Returns: the #HlChartPart bits of the parts the view asks for (its
 * legend, footnote, periods, title and subtitle switches) that the chart
 * left out for want of room.
 */
guint
hl_chart_get_dropped (HlChart *self)
{
  guint asked = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->view.show_footnote)
    asked |= HL_CHART_PART_FOOTNOTE;
  if (self->view.show_legend)
    asked |= HL_CHART_PART_LEGEND;
  if (self->view.show_periods && hl_dataset_get_n_periods (self->dataset) > 0)
    asked |= HL_CHART_PART_PERIODS;
  if (self->view.show_title)
    asked |= HL_CHART_PART_TITLE | HL_CHART_PART_SUBTITLE;
  return self->dropped & asked;
}

/* "Too small for the legend and the source footnote: left out". NULL
 * when nothing asked for was left out. */
char *
hl_chart_describe_dropped (HlChart *self)
{
  static const struct { HlChartPart part; const char *name; } parts[] = {
    { HL_CHART_PART_TITLE, N_("title") }, { HL_CHART_PART_SUBTITLE, N_("subtitle") },
    { HL_CHART_PART_LEGEND, N_("legend") }, { HL_CHART_PART_PERIODS, N_("period bands") },
    { HL_CHART_PART_FOOTNOTE, N_("source footnote") },
  };
  guint dropped = hl_chart_get_dropped (self);
  g_autoptr(GString) list = NULL;

  if (dropped == 0)
    return NULL;
  list = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (dropped & parts[i].part)
      g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "", _(parts[i].name));
  /* TRANSLATORS: under the export preview; %s lists parts, e.g. "legend, source footnote" */
  return g_strdup_printf (_("Too small for everything: %s left out"), list->str);
}

/* The shape of @event's mark; HL_MARK_LINE when it has none. */
HlMarkShape
_hl_chart_get_mark_shape (HlChart *self, int event)
{
  const HlMark *mk;

  g_return_val_if_fail (self != NULL, HL_MARK_LINE);
  mk = find_mark (self, event);
  return mk != NULL ? mk->shape : HL_MARK_LINE;
}

const HlMark *
_hl_chart_get_marks (HlChart *self, guint *n_marks)
{
  g_return_val_if_fail (self != NULL, NULL);
  *n_marks = self->marks->len;
  return (const HlMark *) (gpointer) self->marks->data;
}

/* Is text @index a label placed in the plot (an amount, a title)? */
gboolean
_hl_chart_text_is_label (HlChart *self, guint index)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->texts->len, FALSE);
  return g_array_index (self->texts, HlText, index).halo;
}

int
_hl_chart_get_text_event (HlChart *self, guint index)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (index < self->texts->len, -1);
  return g_array_index (self->texts, HlText, index).event;
}

/* The gap text @index keeps from other labels and marks when placed. */
double
_hl_chart_get_text_gap (HlChart *self, guint index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->texts->len, 0);
  return _hl_chart_label_gap (self, g_array_index (self->texts, HlText, index).layout);
}

const HlChartBin *
_hl_chart_get_bins (HlChart *self, guint *n_bins)
{
  g_return_val_if_fail (self != NULL, NULL);
  *n_bins = self->bins->len;
  return (const HlChartBin *) (gpointer) self->bins->data;
}

/* The bin whose mark stands for @event, or NULL. */
const HlChartBin *
_hl_chart_get_event_bin (HlChart *self, int event)
{
  const HlMark *mk;

  g_return_val_if_fail (self != NULL, NULL);
  mk = find_mark (self, event);
  if (mk == NULL || mk->bin == 0)
    return NULL;
  return &g_array_index (self->bins, HlChartBin, mk->bin - 1);
}

/* Test-only: what a span lane left out (spans with no row, labels with
 * no room). */
void
_hl_chart_get_span_counts (HlChart *self, guint lane, guint *n_hidden, guint *n_unlabelled)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (lane < HL_DATASET_MAX_LANES);

  *n_hidden = self->lanes[lane].spans_hidden;
  *n_unlabelled = self->lanes[lane].spans_unlabelled;
}
