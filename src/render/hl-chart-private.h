/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the chart's files share: the chart's state, its display list, the
 * layer vtable, and the test-only entry points. Not installed, not for
 * the GUI. */

#include <pango/pango.h>

#include "hl-chart.h"
#include "hl-columns.h"
#include "hl-describe.h"
#include "hl-draw.h"
#include "hl-placement.h"
#include "hl-style.h"
#include "hl-text-cache.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* The display list: layout fills it, hl_chart_draw() replays it. */

typedef struct
{
  HlBox        box;      /* bars: the bar; markers: the marker's square */
  int          event;    /* the event it stands for (the largest of a column) */
  guint        lane;
  guint        n_events; /* > 1: an aggregated column */
  HlMarkShape  shape;
  guint        hollow : 1;  /* failed launch */
  guint        dashed : 1;  /* suspected or disputed attribution */
  guint        match : 1;   /* matches the search */
  guint        stacked : 1; /* one event of a same-day stack or pack */
  guint        bin;         /* 1 + index in chart->bins; 0: not a bin's */
  guint        shade;       /* a count bin's kind: 1 + its HlShape (hl_style_fill_kind) */
} HlMark;

/* A calendar bin as drawn: its sums, lane and whole box (hover, labels). */
typedef struct
{
  HlBin        bin;
  guint        lane;
  HlBox        box;
  /* its hover card, laid out on the first hover (the chart's width and
   * style are fixed, so the bin is the whole key); hl-chart-overlay.c */
  PangoLayout *card_title;
  PangoLayout *card_text;
} HlChartBin;

/* A money lane's y scale: linear from 0, or logarithmic from a floor
 * (zero and amounts under it stand at the floor). */
typedef struct
{
  double   base;      /* y of 0, or of the floor */
  double   top;       /* y of max */
  double   max;
  gboolean log;
  double   floor;
} HlValueScale;

#define HL_LOG_FLOOR 1000.0

typedef struct
{
  HlBox        box;
  PangoLayout *layout;
  HlRole       role;
  int          lane;     /* >= 0: drawn in the lane's colour */
  gboolean     halo;     /* in the plot: gridlines stop short of it */
  int          event;    /* a label's or count's event; -1 */
} HlText;

typedef struct
{
  double   x0, y0, x1, y1;
  HlRole   role;
  double   width;
  gboolean dashed;
  gboolean leader;   /* from a raised label down to its bar */
} HlLine;

typedef struct
{
  HlBox        box;
  HlRole       role;
  int          lane;     /* >= 0: a lane swatch */
  HlMarkShape  shape;
  gboolean     hollow;
  gboolean     dashed;
  guint        shade;    /* 1 + the HlShape of a binned kind's fill (hl_style_fill_kind) */
} HlSwatch;

/* ------------------------------------------------------------------ */
/* Layers */

typedef struct _HlChartLayer HlChartLayer;

/* A part of the chart that measures itself and lays itself out into the
 * area the chart gives it. New parts (bins, annotations…) are new layers. */
typedef struct
{
  const char *name;
  /* The height it needs at @width (0: it takes what it is given). */
  double (*measure) (const HlChartLayer *layer, HlChart *chart, double width);
  /* Adds its marks, lines and texts to the display list, inside @area. */
  void   (*layout)  (const HlChartLayer *layer, HlChart *chart, const HlBox *area);
} HlChartLayerClass;

struct _HlChartLayer
{
  const HlChartLayerClass *klass;
  guint                    lane;   /* lane layers: their lane */
};

extern const HlChartLayerClass _hl_header_layer;
extern const HlChartLayerClass _hl_footnote_layer;
extern const HlChartLayerClass _hl_axis_layer;
extern const HlChartLayerClass _hl_periods_layer;
extern const HlChartLayerClass _hl_bar_lane_layer;
extern const HlChartLayerClass _hl_marker_lane_layer;
extern const HlChartLayerClass _hl_cumulative_layer;
extern const HlChartLayerClass _hl_span_layer;
extern const HlChartLayerClass _hl_span_lane_layer;
extern const HlChartLayerClass _hl_annotations_layer;

/* An annotation the annotations layer placed (hl-layer-annotations.c),
 * or its "+N notes" marker (note -1). Drawn last, over everything. */
typedef struct
{
  int          note;      /* index into view.annotations; -1: the marker */
  HlBox        box;       /* its text */
  PangoLayout *layout;
  double       x0, x1;    /* its date's x; a span's first and last */
  double       y0, y1;    /* a point's leader, or a span's bracket (y0) and ticks' end */
  HlRgba       color;
} HlNoteMark;

void         _hl_annotations_draw     (HlChart                    *chart,
                                       cairo_t                    *cr);
void         _hl_note_mark_clear      (gpointer                    mark);

/* ------------------------------------------------------------------ */
/* The chart */

typedef struct
{
  HlBox    band;        /* the lane's whole band */
  HlBox    content;     /* where its marks go */
  double   base;        /* bars stand on this y */
  double   top;         /* and reach up to this y at the axis maximum */
  double   count_max;
  gboolean aggregated;  /* one mark per pixel column */
  gboolean has_header;  /* the band has room for the lane's title */
  guint    spans_hidden;     /* span lanes: spans in view with no row left */
  guint    spans_unlabelled; /* span lanes: drawn without their label */
} HlLaneLayout;

/* A row of markers in a count lane, in marker sides. */
#define HL_MARKER_ROW 1.7

#define HL_MAX_KIND_GROUPS 16

typedef struct
{
  const char *label;
  HlShape     shape;
  guint       shade;   /* 1 + shape when a count bin fills its segments by kind */
} HlKindGroup;

/* What the lanes draw, found from the columns before they are laid out,
 * so that the legend lists that and nothing else. */
typedef struct
{
  HlKindGroup kinds[HL_MAX_KIND_GROUPS];  /* (label, shape) of the kinds marked */
  guint       n_kinds;
  guint       failed_shapes;              /* bit per HlShape drawn hollow */
  gboolean    doubtful;                   /* a hatched bar */
  gboolean    imprecise;                  /* a hollow bar: month or year only */
  gboolean    no_amount;                  /* a hollow square: amount not known */
  HlLaneMask  lanes_counted;              /* lanes with a "×N" beside a marker */
  HlLaneMask  lanes_undisclosed;          /* lanes with a "×?" */
  gboolean    cumulative;                 /* the running-total line */
  gboolean    span_instants;              /* a span lane's tick: no end date */
} HlDrawn;

/* On a small canvas the plot comes first: these parts go, in this order,
 * until the lanes have room. */
typedef enum
{
  HL_DROP_FOOTNOTE = 1 << 0,
  HL_DROP_LEGEND   = 1 << 1,
  HL_DROP_SUBTITLE = 1 << 2,
  HL_DROP_PERIODS  = 1 << 3,
  HL_DROP_TITLE    = 1 << 4,
} HlDrop;

struct _HlChart
{
  gatomicrefcount ref_count;

  HlDataset    *dataset;
  HlView        view;
  int           width;
  int           height;
  HlStyle       style;
  const HlMetrics *m;        /* &style.metrics */

  HlTextCache  *cache;
  PangoContext *pango;       /* the cache's */

  HlBox         plot;
  HlLaneLayout  lanes[HL_VIEW_MAX_LANES];
  /* The view's numbers, summed once per plot width: every lane's marks,
   * the subtitle and the running total read the same columns. */
  HlColumns    *columns;
  HlDrawn       drawn;
  guint         dropped;     /* HlDrop: parts left out for want of room */
  PangoLayout  *footnote;    /* measured, then placed */
  PangoLayout  *title;       /* the same for the header's lines */
  PangoLayout  *subtitle;

  GArray       *marks;       /* HlMark */
  GArray       *texts;       /* HlText */
  GArray       *text_boxes;  /* HlBox, parallel to texts */
  GArray       *lines;       /* HlLine */
  GArray       *rects;       /* HlSwatch: bands and legend swatches */
  GArray       *cumulative;  /* double x, y pairs */
  GArray       *notes;       /* HlNoteMark: the annotations layer's own list */
  guint         notes_hidden; /* annotations in view that did not fit */

  /* Lower bounds of label sizes, to skip shaping labels that cannot fit
   * (see hl_placement_may_fit()): for font_label and font_small. */
  HlTextEstimate est_label;
  HlTextEstimate est_small;

  /* hl-chart-proximity.c: the overlay's neighbours and selected span */
  struct { gboolean on; guint lead, follow, window_days; gint64 span_from, span_to; } proximity;
  GArray       *bins;        /* HlChartBin */
};

/* Helpers the layers share (hl-chart.c) */
PangoLayout *_hl_chart_new_layout     (HlChart                    *chart,
                                       const PangoFontDescription *font,
                                       const char                 *text);
PangoLayout *_hl_chart_shared_layout  (HlChart                    *chart,
                                       const PangoFontDescription *font,
                                       const char                 *text,
                                       PangoAlignment              alignment);
void         _hl_layout_size          (PangoLayout                *layout,
                                       double                     *w,
                                       double                     *h);
double       _hl_chart_text_height    (HlChart                    *chart,
                                       const PangoFontDescription *font,
                                       const char                 *text);
HlText      *_hl_chart_add_text       (HlChart                    *chart,
                                       PangoLayout                *layout,
                                       double                      x,
                                       double                      y,
                                       HlRole                      role,
                                       int                         lane);
void         _hl_chart_add_line       (HlChart                    *chart,
                                       double                      x0,
                                       double                      y0,
                                       double                      x1,
                                       double                      y1,
                                       HlRole                      role);
void         _hl_chart_obstacles      (HlChart                    *chart,
                                       HlObstacles                *obstacles);
gboolean     _hl_chart_collides       (HlChart                    *chart,
                                       const HlBox                *box,
                                       int                         ignore_event);
void         _hl_chart_prepare_estimate (HlChart                  *chart,
                                       HlTextEstimate             *estimate,
                                       const PangoFontDescription *font);
gboolean     _hl_chart_place_label    (HlChart                    *chart,
                                       PangoLayout                *layout,
                                       const HlBox                *bounds,
                                       const HlPoint              *candidates,
                                       guint                       n_candidates,
                                       int                         event,
                                       int                         lane,
                                       HlRole                      role);
double       _hl_chart_label_gap      (HlChart                    *chart,
                                       PangoLayout                *layout);
guint        _hl_chart_money_label_every (HlChart                 *chart,
                                       double                      n_steps,
                                       double                      height);
HlMarkShape  _hl_mark_shape_of        (HlShape                     shape);
gboolean     _hl_event_failed         (const HlEvent              *event);
void         _hl_chart_find_drawn     (HlChart                    *chart,
                                       HlDrawn                    *drawn);
void         _hl_chart_find_drawn_in_marks (HlChart               *chart,
                                       HlDrawn                    *drawn);
double       _hl_chart_lane_title_height (HlChart                 *chart);
void         _hl_span_lane_find_drawn (HlChart                    *chart,
                                       guint                       lane,
                                       HlDrawn                    *drawn);
gboolean     _hl_chart_mark_is_span_instant (HlChart              *chart,
                                       const HlMark               *mark);
char        *_hl_isolate              (const char                 *text);

void         _hl_chart_draw_proximity (HlChart                    *chart,
                                       cairo_t                    *cr,
                                       int                         selected);
double       _hl_value_scale_y        (const HlValueScale         *scale,
                                       double                      value);
gboolean     _hl_chart_lane_binned    (HlChart                    *chart,
                                       guint                       lane,
                                       HlTickSpec                 *unit);
double       _hl_chart_money_bins     (HlChart                    *chart,
                                       guint                       lane,
                                       HlTickSpec                  unit,
                                       HlValueScale               *scale);
void         _hl_chart_count_bins     (HlChart                    *chart,
                                       guint                       lane,
                                       HlTickSpec                  unit);
char        *_hl_chart_describe_bin_card  (HlChart                *chart,
                                       const HlChartBin           *bin);
char        *_hl_chart_describe_bin_title (HlChart                *chart,
                                       const HlChartBin           *bin);

/* Test-only */
const HlBox   *_hl_chart_get_text_boxes     (HlChart *chart,
                                             guint   *n_boxes);
const char    *_hl_chart_get_text_box_label (HlChart *chart,
                                             guint    index);
double         _hl_chart_get_column_usd_sum (HlChart *chart);
gboolean       _hl_chart_is_aggregated      (HlChart *chart,
                                             guint    lane);
const double  *_hl_chart_get_cumulative     (HlChart *chart,
                                             guint   *n_points);
HlMarkShape    _hl_chart_get_mark_shape     (HlChart *chart,
                                             int      event);
const HlMark  *_hl_chart_get_marks          (HlChart *chart,
                                             guint   *n_marks);
gboolean       _hl_chart_text_is_label      (HlChart *chart,
                                             guint    index);
int            _hl_chart_get_text_event     (HlChart *chart,
                                             guint    index);
double         _hl_chart_get_text_gap       (HlChart *chart,
                                             guint    index);
const HlChartBin *_hl_chart_get_bins        (HlChart *chart,
                                             guint   *n_bins);
const HlChartBin *_hl_chart_get_event_bin   (HlChart *chart,
                                             int      event);
char          *_hl_chart_describe_event_card (HlChart       *chart,
                                              const HlEvent *event);
GStrv          _hl_chart_get_legend         (HlChart *chart);
gboolean       _hl_chart_get_card           (HlChart *chart,
                                             int      event,
                                             HlBox   *card,
                                             HlBox   *title_ink,
                                             HlBox   *text_ink);
const HlNoteMark *_hl_chart_get_notes       (HlChart *chart,
                                             guint   *n_notes);
void           _hl_chart_get_span_counts    (HlChart *chart,
                                             guint    lane,
                                             guint   *n_hidden,
                                             guint   *n_unlabelled);

G_END_DECLS
