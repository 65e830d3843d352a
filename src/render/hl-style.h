/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "hl-dataset.h"
#include "hl-view.h"

G_BEGIN_DECLS

/* How a chart looks at a size and in a theme: colours by role, each
 * lane's colour, the fonts, and every spacing by name. Spacings grow
 * with the size factor (1 at 1920x1080), some with a floor below which
 * marks and gaps stop reading on a small canvas. */

typedef enum
{
  HL_ROLE_BG,
  HL_ROLE_FG,
  HL_ROLE_MUTED,
  HL_ROLE_GRID,
  HL_ROLE_AXIS,
  HL_ROLE_BAND,
  HL_ROLE_BAND_TEXT,
  HL_ROLE_CUMULATIVE,
  HL_ROLE_MATCH,
  HL_ROLE_CARD,
  HL_ROLE_CARD_BORDER,
  HL_N_ROLES
} HlRole;

typedef struct
{
  double r, g, b, a;
} HlRgba;

typedef struct
{
  double s;                  /* the size factor */
  double margin;             /* canvas edge to everything */
  double line;               /* gridlines, axis, separators */

  /* header and footnote */
  double subtitle_gap;       /* title to subtitle */
  double header_gap;         /* below the title block */
  double legend_gap;         /* between legend entries */
  double swatch;             /* a legend swatch's side */
  double swatch_gap;         /* swatch to its text; between legend rows */
  double legend_bottom;      /* below the legend */
  double footnote_gap;       /* above the footnote */

  /* plot and axis */
  double gutter_pad;         /* beside the widest money label */
  double gutter_bare;        /* the left gutter without money lanes */
  double scale_gap;          /* money labels to the plot */
  double right_scale_gap;    /* the plot to the running total's labels */
  double plot_pad;           /* plot top to the first lane */
  double lane_gap;           /* between lane bands */
  double lane_title_inset;   /* a lane title's left inset and the gap below it */
  double tick;               /* a tick's length */
  double tick_label_gap;     /* tick to label, label to the coarser row */
  double context_inset;      /* a year label right of its line */
  double period_inset;       /* a period label's inset */
  double period_label_min;   /* an ellipsized period label narrower says nothing */

  /* marks and labels */
  double bar_width;          /* a money bar with room */
  double bar_top_room;       /* the least bar height kept under amount labels */
  double marker;             /* a count marker's side */
  double count_gap;          /* marker to its "×N" */
  double count_room;         /* after a "×N" in a row */
  double amount_gap;         /* a bar to its amount label */
  double marker_label_gap;   /* a marker to its title, above or below */
  double marker_side_gap;    /* a marker to its title, beside */
  double label_pad;          /* between labels, so that each reads alone */
  double line_cut_pad;       /* gridlines stop this short of labels */
  double mark_stroke;        /* outlines of hollow and doubtful marks */
  double match_pad;          /* a search match's ring around its mark */
  double match_stroke;
  double cumulative_stroke;

  /* hover and selection */
  double select_pad;
  double select_stroke;
  double select_radius;
  double hover_stroke;
  double hit_slop;           /* a mark's target beyond its box */
  double card_pad;
  double card_gap;           /* the mark to its card */
  double card_radius;
  double card_title_gap;
  double card_max_width;
} HlMetrics;

typedef struct
{
  HlRgba    roles[HL_N_ROLES];
  HlRgba    lane_colors[HL_VIEW_MAX_LANES];
  gboolean  transparent;
  gboolean  dark;
  HlMetrics metrics;

  PangoFontDescription *font_title;
  PangoFontDescription *font_subtitle;
  PangoFontDescription *font_label;
  PangoFontDescription *font_label_bold;
  PangoFontDescription *font_small;
} HlStyle;

void     hl_style_init          (HlStyle         *style,
                                 HlDataset       *dataset,
                                 const HlView    *view,
                                 int              width,
                                 int              height);
void     hl_style_clear         (HlStyle         *style);
void     hl_metrics_init        (HlMetrics       *metrics,
                                 double           s);

guint32  hl_style_lane_color    (HlDataset       *dataset,
                                 guint            lane);
PangoFontDescription *hl_style_make_font (double  px,
                                          gboolean bold);

HlRgba   hl_rgba_with_alpha     (HlRgba           c,
                                 double           a);
HlRgba   hl_rgba_mix            (HlRgba           a,
                                 HlRgba           b,
                                 double           t);
void     hl_rgba_set_source     (cairo_t         *cr,
                                 HlRgba           c);

double   hl_style_kind_step     (HlShape          shape,
                                 guint           *stripe_period);
void     hl_style_fill_kind     (cairo_t         *cr,
                                 const HlStyle   *style,
                                 HlRgba           color,
                                 HlShape          shape);
void     hl_style_fill_kind_box (cairo_t         *cr,
                                 const HlStyle   *style,
                                 HlRgba           color,
                                 HlShape          shape,
                                 const HlBox     *box);

G_END_DECLS
