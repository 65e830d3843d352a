/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The selected event's neighbours, over a drawn chart: each of their marks
 * ringed in the foreground colour, the window shaded faintly over the
 * neighbours' lane and bracketed on the axis with its length in days.
 * Drawn by hl_chart_draw_overlay(), never into the chart itself, so the
 * window's chart and every export stay the same pixels. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hl-chart-private.h"
#include "hl-chart-proximity.h"
#include "hl-date.h"
#include "hl-proximity.h"
#include "hl-describe.h"

void
hl_chart_set_proximity (HlChart *chart, guint lead, guint follow, guint window_days)
{
  g_return_if_fail (chart != NULL);

  chart->proximity.on = lead != follow && lead < hl_dataset_get_n_lanes (chart->dataset) &&
                        follow < hl_dataset_get_n_lanes (chart->dataset);
  chart->proximity.lead = lead;
  chart->proximity.follow = follow;
  chart->proximity.window_days = window_days;
}

/* A selected span [from, to), shaded over the plot (none when empty). */
void
hl_chart_set_span (HlChart *chart, gint64 from, gint64 to)
{
  g_return_if_fail (chart != NULL);

  chart->proximity.span_from = from;
  chart->proximity.span_to = to;
}

static void
draw_span (HlChart *chart, cairo_t *cr)
{
  double x0, x1;

  if (chart->proximity.span_to <= chart->proximity.span_from)
    return;
  x0 = MAX (hl_chart_time_to_x (chart, chart->proximity.span_from), chart->plot.x);
  x1 = MIN (hl_chart_time_to_x (chart, chart->proximity.span_to),
            chart->plot.x + chart->plot.width);
  if (x1 <= x0)
    return;
  hl_rgba_set_source (cr, hl_rgba_with_alpha (chart->style.roles[HL_ROLE_MATCH], 0.16));
  cairo_rectangle (cr, x0, chart->plot.y, x1 - x0, chart->plot.height);
  cairo_fill (cr);
  hl_rgba_set_source (cr, chart->style.roles[HL_ROLE_MATCH]);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, round (x0) + 0.5, chart->plot.y);
  cairo_line_to (cr, round (x0) + 0.5, chart->plot.y + chart->plot.height);
  cairo_move_to (cr, round (x1) - 0.5, chart->plot.y);
  cairo_line_to (cr, round (x1) - 0.5, chart->plot.y + chart->plot.height);
  cairo_stroke (cr);
}

/* The window around @selected in x, clipped to the plot, and the lane
 * whose events in it are the neighbours. FALSE when proximity is off or
 * the window is out of view. */
gboolean
hl_chart_get_proximity_window (HlChart *chart, int selected, double *x0, double *x1, guint *lane)
{
  gint64 day, from, to;
  gboolean after;
  guint w;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (!chart->proximity.on || selected < 0 ||
      (guint) selected >= hl_dataset_get_n_events (chart->dataset) ||
      !hl_proximity_neighbour_lane (chart->dataset, (guint) selected, chart->proximity.lead,
                                    chart->proximity.follow, lane, &after))
    return FALSE;
  w = chart->proximity.window_days;
  day = hl_date_floor_day (hl_dataset_get_event (chart->dataset, selected)->time);
  from = after ? day : day - (gint64) w * HL_SECONDS_PER_DAY;
  to = after ? day + (gint64) (w + 1) * HL_SECONDS_PER_DAY : day + HL_SECONDS_PER_DAY;
  *x0 = MAX (hl_chart_time_to_x (chart, from), chart->plot.x);
  *x1 = MIN (hl_chart_time_to_x (chart, to), chart->plot.x + chart->plot.width);
  return *x1 > *x0;
}

static void
draw_bracket (HlChart *chart, cairo_t *cr, double x0, double x1)
{
  const HlMetrics *m = chart->m;
  double y = chart->plot.y + chart->plot.height, tick = 2 * m->select_pad + 2;
  g_autofree char *days = hl_describe_number (chart->proximity.window_days);
  g_autofree char *text = g_strdup_printf (ngettext ("%s day", "%s days",
                                                        chart->proximity.window_days), days);
  g_autoptr(PangoLayout) layout = _hl_chart_new_layout (chart, chart->style.font_small, text);
  double tw, th, tx;

  hl_rgba_set_source (cr, chart->style.roles[HL_ROLE_FG]);
  cairo_set_line_width (cr, m->select_stroke);
  cairo_move_to (cr, x0, y - tick);
  cairo_line_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_line_to (cr, x1, y - tick);
  cairo_stroke (cr);
  _hl_layout_size (layout, &tw, &th);
  tx = CLAMP ((x0 + x1 - tw) / 2, chart->plot.x, chart->plot.x + chart->plot.width - tw);
  hl_rgba_set_source (cr, chart->style.roles[HL_ROLE_BG]);
  cairo_rectangle (cr, tx - 2, y - tick - th - 1, tw + 4, th);
  cairo_fill (cr);
  hl_draw_text (cr, layout, tx, y - tick - th - 1, chart->style.roles[HL_ROLE_FG]);
}

/* The hook hl_chart_draw_overlay() calls before the selection's outline:
 * the span, then the selection's neighbours. */
void
_hl_chart_draw_proximity (HlChart *chart, cairo_t *cr, int selected)
{
  const HlMetrics *m = chart->m;
  const HlBox *band;
  double x0, x1;
  guint lane;

  draw_span (chart, cr);
  if (!hl_chart_get_proximity_window (chart, selected, &x0, &x1, &lane))
    return;
  band = &chart->lanes[lane].band;
  cairo_save (cr);
  hl_rgba_set_source (cr, hl_rgba_with_alpha (chart->style.roles[HL_ROLE_FG], 0.07));
  cairo_rectangle (cr, x0, band->y, x1 - x0, band->height);
  cairo_fill (cr);
  hl_rgba_set_source (cr, chart->style.roles[HL_ROLE_FG]);
  cairo_set_line_width (cr, m->select_stroke);
  for (guint i = 0; i < chart->marks->len; i++)
    {
      const HlMark *mk = &g_array_index (chart->marks, HlMark, i);
      double cx = mk->box.x + mk->box.width / 2;

      if (mk->lane != lane || cx < x0 || cx > x1)
        continue;
      hl_draw_rounded_rect (cr, mk->box.x - m->select_pad, mk->box.y - m->select_pad,
                            mk->box.width + 2 * m->select_pad,
                            mk->box.height + 2 * m->select_pad, m->select_radius);
      cairo_stroke (cr);
    }
  draw_bracket (chart, cr, x0, x1);
  cairo_restore (cr);
}
