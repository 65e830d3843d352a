/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the chart answers once laid out: hover and selection drawn over
 * it (the cost of one mark and one card, whatever the size of the
 * dataset), hit tests, boxes, totals, and the test-only accessors. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-describe.h"

static const HlMark *
find_mark (HlChart *self, int event)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      const HlMark *mk = &g_array_index (self->marks, HlMark, i);

      if (mk->event == event)
        return mk;
    }
  return NULL;
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
  if (lane->measure == HL_MEASURE_USD)
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
                            hl_confidence_to_string (ev->confidence));
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

/* Outlines the hovered mark, then its card beside it, kept on canvas. */
static void
draw_hover (HlChart *self, cairo_t *cr, const HlMark *mk, int hover)
{
  const HlMetrics *m = self->m;
  const HlEvent *ev = hl_dataset_get_event (self->dataset, hover);
  g_autofree char *body = _hl_chart_describe_event_card (self, ev);
  double max_w = MIN (m->card_max_width, self->width - 20), pad = m->card_pad;
  g_autoptr(PangoLayout) title = card_layout (self, self->style.font_label_bold, ev->title,
                                              max_w - 2 * pad);
  g_autoptr(PangoLayout) text = card_layout (self, self->style.font_small, body,
                                             max_w - 2 * pad);
  double tw, th, bw, bh, w, h, x, y;

  _hl_layout_size (title, &tw, &th);
  _hl_layout_size (text, &bw, &bh);
  w = MAX (tw, bw) + 2 * pad;
  h = th + m->card_title_gap + bh + 2 * pad;

  hl_rgba_set_source (cr, self->style.roles[HL_ROLE_FG]);
  cairo_set_line_width (cr, m->hover_stroke);
  hl_draw_shape_path (cr, mk->shape, &mk->box);
  cairo_stroke (cr);

  x = mk->box.x + mk->box.width + m->card_gap;
  if (x + w > self->width - 4)
    x = mk->box.x - m->card_gap - w;
  x = CLAMP (x, 4, MAX (4, self->width - w - 4));
  y = CLAMP (mk->box.y, 4, MAX (4, self->height - h - 4));

  hl_draw_rounded_rect (cr, x, y, w, h, m->card_radius);
  hl_rgba_set_source (cr, self->style.roles[HL_ROLE_CARD]);
  cairo_fill_preserve (cr);
  hl_rgba_set_source (cr, self->style.roles[HL_ROLE_CARD_BORDER]);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  hl_draw_text (cr, title, x + pad, y + pad, self->style.roles[HL_ROLE_FG]);
  hl_draw_text (cr, text, x + pad, y + pad + th + m->card_title_gap,
                self->style.roles[HL_ROLE_MUTED]);
}

/* Hover and selection, over a drawn chart. */
void
hl_chart_draw_overlay (HlChart *self, cairo_t *cr, int hover, int selected)
{
  const HlMark *mk;

  g_return_if_fail (self != NULL);

  cairo_save (cr);
  if (selected >= 0 && (mk = find_mark (self, selected)) != NULL)
    draw_selection (self, cr, mk);
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
    *box = mk->box;
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
  n_lanes = MIN (hl_dataset_get_n_lanes (self->dataset), HL_DATASET_MAX_LANES);
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
  g_return_val_if_fail (lane < HL_DATASET_MAX_LANES, FALSE);
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
