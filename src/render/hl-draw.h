/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "hl-chart.h"
#include "hl-style.h"

G_BEGIN_DECLS

/* One short painter per primitive of the display list. */

typedef enum
{
  HL_MARK_BAR,
  HL_MARK_TRIANGLE,
  HL_MARK_DIAMOND,
  HL_MARK_CIRCLE,
  HL_MARK_SQUARE,
  HL_MARK_LINE,         /* legend only: a stroke */
} HlMarkShape;

void hl_draw_shape_path   (cairo_t        *cr,
                           HlMarkShape     shape,
                           const HlBox    *box);
void hl_draw_mark         (cairo_t        *cr,
                           const HlStyle  *style,
                           HlMarkShape     shape,
                           const HlBox    *box,
                           gboolean        hollow,
                           gboolean        dashed,
                           HlRgba          color);
void hl_draw_doubtful_fill (cairo_t       *cr,
                           const HlStyle  *style,
                           HlRgba          color);
void hl_draw_match_ring   (cairo_t        *cr,
                           const HlStyle  *style,
                           const HlBox    *box);
void hl_draw_line         (cairo_t        *cr,
                           double          x0,
                           double          y0,
                           double          x1,
                           double          y1,
                           double          width,
                           HlRgba          color);
double hl_draw_line_snapped (double        v,
                           double          width);
void hl_draw_band         (cairo_t        *cr,
                           const HlBox    *box,
                           HlRgba          color);
void hl_draw_text         (cairo_t        *cr,
                           PangoLayout    *layout,
                           double          x,
                           double          y,
                           HlRgba          color);
void hl_draw_path         (cairo_t        *cr,
                           const double   *points,
                           guint           n_points,
                           double          width,
                           HlRgba          color);
void hl_draw_rounded_rect (cairo_t        *cr,
                           double          x,
                           double          y,
                           double          w,
                           double          h,
                           double          r);

G_END_DECLS
