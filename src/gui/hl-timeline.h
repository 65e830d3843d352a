/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hl-chart.h"
#include "hl-dataset.h"
#include "hl-view.h"

G_BEGIN_DECLS

#define HL_TYPE_TIMELINE (hl_timeline_get_type ())
G_DECLARE_FINAL_TYPE (HlTimeline, hl_timeline, HL, TIMELINE, GtkWidget)

/* The interactive chart: holds a dataset, the view state the user edits
 * and the chart laid out for the widget's size. Drawing is the renderer's:
 * the chart is drawn once into a texture, hover and selection are drawn
 * over it. "view-changed" is emitted after any change of what is shown
 * (dataset, range, filters, search); selection changes notify
 * "selected-id". */

GtkWidget     *hl_timeline_new                (void);

HlDataset     *hl_timeline_get_dataset        (HlTimeline     *self);
void           hl_timeline_set_dataset        (HlTimeline     *self,
                                               HlDataset      *dataset);
void           hl_timeline_replace_dataset    (HlTimeline     *self,
                                               HlDataset      *dataset);
const HlView  *hl_timeline_get_view           (HlTimeline     *self);

gint64         hl_timeline_get_from           (HlTimeline     *self);
gint64         hl_timeline_get_to             (HlTimeline     *self);
void           hl_timeline_set_range          (HlTimeline     *self,
                                               gint64          from,
                                               gint64          to);
void           hl_timeline_zoom               (HlTimeline     *self,
                                               double          factor,
                                               double          anchor);
void           hl_timeline_pan                (HlTimeline     *self,
                                               double          fraction);

int            hl_timeline_get_selected       (HlTimeline     *self);
void           hl_timeline_select             (HlTimeline     *self,
                                               int             event);
const char    *hl_timeline_get_selected_id    (HlTimeline     *self);
void           hl_timeline_set_selected_id    (HlTimeline     *self,
                                               const char     *id);
int            hl_timeline_get_hover          (HlTimeline     *self);
void           hl_timeline_set_hover          (HlTimeline     *self,
                                               int             event);

gboolean       hl_timeline_get_show_cumulative (HlTimeline    *self);
void           hl_timeline_set_show_cumulative (HlTimeline    *self,
                                                gboolean       show);
const char    *hl_timeline_get_search         (HlTimeline     *self);
void           hl_timeline_set_search         (HlTimeline     *self,
                                               const char     *search);
guint          hl_timeline_get_n_matches      (HlTimeline     *self);
gboolean       hl_timeline_step_match         (HlTimeline     *self,
                                               int             direction);
const char * const *hl_timeline_get_hidden_lane_ids (HlTimeline *self);
void           hl_timeline_set_hidden_lane_ids (HlTimeline    *self,
                                                const char * const *ids);
void           hl_timeline_set_lane_visible   (HlTimeline     *self,
                                               guint           lane,
                                               gboolean        visible);
const char * const *hl_timeline_get_hidden_confidences (HlTimeline *self);
void           hl_timeline_set_hidden_confidences (HlTimeline *self,
                                                   const char * const *names);
void           hl_timeline_set_confidence_visible (HlTimeline *self,
                                                   HlConfidence confidence,
                                                   gboolean    visible);
double         hl_timeline_get_min_usd        (HlTimeline     *self);
void           hl_timeline_set_min_usd        (HlTimeline     *self,
                                               double          min_usd);

HlChart       *hl_timeline_get_chart          (HlTimeline     *self);
void           hl_timeline_get_totals         (HlTimeline     *self,
                                               HlChartTotals  *totals);
GdkTexture    *hl_timeline_get_texture        (HlTimeline     *self);

G_END_DECLS
