/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Painters for the display list (see hl-draw.h). */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "hl-draw.h"

void
hl_draw_shape_path (cairo_t *cr, HlMarkShape shape, const HlBox *b)
{
  double cx = b->x + b->width / 2, cy = b->y + b->height / 2, r = b->width / 2;

  switch (shape)
    {
    case HL_MARK_TRIANGLE:
      cairo_move_to (cr, cx, b->y);
      cairo_line_to (cr, b->x + b->width, b->y + b->height);
      cairo_line_to (cr, b->x, b->y + b->height);
      cairo_close_path (cr);
      break;
    case HL_MARK_DIAMOND:
      cairo_move_to (cr, cx, b->y);
      cairo_line_to (cr, b->x + b->width, cy);
      cairo_line_to (cr, cx, b->y + b->height);
      cairo_line_to (cr, b->x, cy);
      cairo_close_path (cr);
      break;
    case HL_MARK_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      break;
    case HL_MARK_LINE:
      {
        double t = MAX (2.0, b->height * 0.22);

        cairo_rectangle (cr, b->x, cy - t / 2, b->width, t);
      }
      break;
    case HL_MARK_BAR:
    case HL_MARK_SQUARE:
    default:
      cairo_rectangle (cr, b->x, b->y, b->width, b->height);
      break;
    }
}

/* Doubtful attribution: a pale fill and a dashed outline of the current
 * path (one mark's, or a run of them). */
void
hl_draw_doubtful_fill (cairo_t *cr, const HlStyle *style, HlRgba color)
{
  double lw = style->metrics.mark_stroke, dash[] = { 3 * lw, 2 * lw };

  hl_rgba_set_source (cr, hl_rgba_with_alpha (color, 0.25));
  cairo_fill_preserve (cr);
  hl_rgba_set_source (cr, color);
  cairo_set_line_width (cr, lw);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

void
hl_draw_mark (cairo_t *cr, const HlStyle *style, HlMarkShape shape, const HlBox *box,
              gboolean hollow, gboolean dashed, HlRgba color)
{
  hl_draw_shape_path (cr, shape, box);
  if (dashed)
    hl_draw_doubtful_fill (cr, style, color);
  else if (hollow)
    {
      hl_rgba_set_source (cr, style->transparent ? hl_rgba_with_alpha (color, 0)
                                                 : style->roles[HL_ROLE_BG]);
      cairo_fill_preserve (cr);
      hl_rgba_set_source (cr, color);
      cairo_set_line_width (cr, style->metrics.mark_stroke);
      cairo_stroke (cr);
    }
  else
    {
      hl_rgba_set_source (cr, color);
      cairo_fill (cr);
    }
}

/* A search match: a ring around its mark. */
void
hl_draw_match_ring (cairo_t *cr, const HlStyle *style, const HlBox *box)
{
  const HlMetrics *m = &style->metrics;

  hl_rgba_set_source (cr, style->roles[HL_ROLE_MATCH]);
  cairo_set_line_width (cr, m->match_stroke);
  cairo_rectangle (cr, box->x - m->match_pad, box->y - m->match_pad,
                   box->width + 2 * m->match_pad, box->height + 2 * m->match_pad);
  cairo_stroke (cr);
}

/* Where a line is stroked across: its x (vertical) or y (horizontal)
 * snapped for crisp one-pixel lines. */
double
hl_draw_line_snapped (double v, double width)
{
  return floor (v) + (fmod (width, 2) >= 1 ? 0.5 : 0);
}

void
hl_draw_line (cairo_t *cr, double x0, double y0, double x1, double y1, double width,
              HlRgba color)
{
  /* Crisp one-pixel lines: on the pixel centre. */
  double sx0 = x0 == x1 ? hl_draw_line_snapped (x0, width) : x0;
  double sy0 = y0 == y1 ? hl_draw_line_snapped (y0, width) : y0;

  hl_rgba_set_source (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, sx0, sy0);
  cairo_line_to (cr, x0 == x1 ? sx0 : x1, y0 == y1 ? sy0 : y1);
  cairo_stroke (cr);
}

void
hl_draw_band (cairo_t *cr, const HlBox *box, HlRgba color)
{
  hl_rgba_set_source (cr, color);
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  cairo_fill (cr);
}

void
hl_draw_text (cairo_t *cr, PangoLayout *layout, double x, double y, HlRgba color)
{
  hl_rgba_set_source (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The running total: one stroke through x, y pairs. */
void
hl_draw_path (cairo_t *cr, const double *pts, guint n_points, double width, HlRgba color)
{
  if (n_points < 2)
    return;
  hl_rgba_set_source (cr, color);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, pts[0], pts[1]);
  for (guint i = 1; i < n_points; i++)
    cairo_line_to (cr, pts[2 * i], pts[2 * i + 1]);
  cairo_stroke (cr);
}

void
hl_draw_rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}
