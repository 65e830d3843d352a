/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "hl-columns.h"
#include "hl-dataset.h"
#include "hl-text-cache.h"
#include "hl-view.h"

G_BEGIN_DECLS

/* The renderer. A chart is a dataset laid out for one view at one size:
 * every mark, label and tick placed, in pixels. It draws onto any cairo_t
 * (the window, PNG, SVG, PDF), so what the window shows is what is
 * exported. Laying out costs work proportional to the pixels, not the
 * events; hover and selection are drawn over a chart without redoing it. */

typedef struct
{
  double x, y, width, height;
} HlBox;

typedef enum
{
  HL_BOX_TEXT,      /* a label, title, legend entry, tick label… */
  HL_BOX_MARK,      /* a bar or marker */
} HlBoxKind;

typedef struct _HlChart HlChart;

#define HL_TYPE_CHART (hl_chart_get_type ())

GType         hl_chart_get_type          (void) G_GNUC_CONST;
HlChart      *hl_chart_new               (HlDataset      *dataset,
                                          const HlView   *view,
                                          int             width,
                                          int             height);
/* Whoever draws chart after chart (the timeline, a preview) keeps one
 * HlTextCache for all of them; hl_chart_new() makes one for the chart. */
HlChart      *hl_chart_new_cached        (HlDataset      *dataset,
                                          const HlView   *view,
                                          int             width,
                                          int             height,
                                          HlTextCache    *cache);
HlChart      *hl_chart_ref               (HlChart        *chart);
void          hl_chart_unref             (HlChart        *chart);

void          hl_chart_draw              (HlChart        *chart,
                                          cairo_t        *cr);
void          hl_chart_draw_overlay      (HlChart        *chart,
                                          cairo_t        *cr,
                                          int             hover,
                                          int             selected);

HlDataset    *hl_chart_get_dataset       (HlChart        *chart);
const HlView *hl_chart_get_view          (HlChart        *chart);
void          hl_chart_get_plot_area     (HlChart        *chart,
                                          HlBox          *box);
double        hl_chart_time_to_x         (HlChart        *chart,
                                          gint64          time);
gint64        hl_chart_x_to_time         (HlChart        *chart,
                                          double          x);
int           hl_chart_hit_test          (HlChart        *chart,
                                          double          x,
                                          double          y);
gboolean      hl_chart_get_event_box     (HlChart        *chart,
                                          int             event,
                                          HlBox          *box);
gboolean      hl_chart_get_event_bin     (HlChart        *chart,
                                          int             event,
                                          guint          *lane,
                                          gint64         *from,
                                          gint64         *to);

const HlTotals *hl_chart_get_totals       (HlChart        *chart);

gboolean      hl_chart_check_fonts       (GError        **error);

/* Parts a view asked for that a small canvas left out (issue 15). */
typedef enum
{
  HL_CHART_PART_FOOTNOTE = 1 << 0,
  HL_CHART_PART_LEGEND   = 1 << 1,
  HL_CHART_PART_SUBTITLE = 1 << 2,
  HL_CHART_PART_PERIODS  = 1 << 3,
  HL_CHART_PART_TITLE    = 1 << 4,
} HlChartPart;

guint         hl_chart_get_dropped       (HlChart        *chart);
char         *hl_chart_describe_dropped  (HlChart        *chart);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlChart, hl_chart_unref)

G_END_DECLS
