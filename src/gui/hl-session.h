/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hl-chart.h"
#include "hl-columns.h"
#include "hl-dataset.h"
#include "hl-notes.h"
#include "hl-view.h"

G_BEGIN_DECLS

#define HL_TYPE_SESSION (hl_session_get_type ())
G_DECLARE_FINAL_TYPE (HlSession, hl_session, HL, SESSION, GObject)

/* What one window shows: the dataset and its file, the range, the filters,
 * the search, the selection and the hover, with the numbers that follow
 * from them (matches and totals). A plain object: the timeline, the
 * window, the panel, the popovers and GSettings observe and edit it, and
 * each change notifies its property once. The lane filter has one form,
 * lane ids ("hidden-lanes"), so that it outlives a dataset; the view's
 * bit mask is derived from it. */

HlSession      *hl_session_new                  (void);

HlDataset      *hl_session_get_dataset          (HlSession          *self);
void            hl_session_set_dataset          (HlSession          *self,
                                                 HlDataset          *dataset);
void            hl_session_replace_dataset      (HlSession          *self,
                                                 HlDataset          *dataset);
/* The one way a widget follows the session (the panel, its sections, the
 * timeline): */
void            hl_session_observe              (HlSession         **slot,
                                                 HlSession          *session,
                                                 gpointer            observer,
                                                 GCallback           on_notify);
/* Several files in one view (hl-session-sources.c) */
guint           hl_session_get_n_sources        (HlSession          *self);
GFile          *hl_session_get_source_file      (HlSession          *self,
                                                 guint               index);
guint           hl_session_find_source          (HlSession          *self,
                                                 GFile              *file);
gboolean        hl_session_add_source           (HlSession          *self,
                                                 GFile              *file,
                                                 HlDataset          *dataset,
                                                 GError            **error);
gboolean        hl_session_replace_source       (HlSession          *self,
                                                 guint               index,
                                                 HlDataset          *dataset,
                                                 GError            **error);
void            hl_session_remove_source        (HlSession          *self,
                                                 guint               index);
GFile          *hl_session_get_file             (HlSession          *self);
void            hl_session_set_file             (HlSession          *self,
                                                 GFile              *file);
const HlView   *hl_session_get_view             (HlSession          *self);

gint64          hl_session_get_from             (HlSession          *self);
gint64          hl_session_get_to               (HlSession          *self);
gboolean        hl_session_get_moving           (HlSession          *self);
void            hl_session_set_moving           (HlSession          *self,
                                                 gboolean            moving);
void            hl_session_set_range            (HlSession          *self,
                                                 gint64              from,
                                                 gint64              to);
void            hl_session_zoom                 (HlSession          *self,
                                                 double              factor,
                                                 double              anchor);
void            hl_session_pan                  (HlSession          *self,
                                                 double              fraction);
void            hl_session_fit_all              (HlSession          *self);
void            hl_session_reset_range          (HlSession          *self);

const char * const *hl_session_get_hidden_lanes (HlSession          *self);
void            hl_session_set_hidden_lanes     (HlSession          *self,
                                                 const char * const *ids);
void            hl_session_set_lane_visible     (HlSession          *self,
                                                 guint               lane,
                                                 gboolean            visible);
const char * const *hl_session_get_hidden_confidences (HlSession    *self);
void            hl_session_set_hidden_confidences (HlSession        *self,
                                                   const char * const *names);
void            hl_session_set_confidence_visible (HlSession        *self,
                                                   HlConfidence      confidence,
                                                   gboolean          visible);
HlLaneMask      hl_session_get_graded_lanes     (HlSession          *self);
double          hl_session_get_min_usd          (HlSession          *self);
void            hl_session_set_min_usd          (HlSession          *self,
                                                 double              min_usd);
const char     *hl_session_get_search           (HlSession          *self);
void            hl_session_set_search           (HlSession          *self,
                                                 const char         *search);
gboolean        hl_session_get_show_cumulative  (HlSession          *self);
void            hl_session_set_show_cumulative  (HlSession          *self,
                                                 gboolean            show);
HlBins          hl_session_get_bins             (HlSession          *self);
void            hl_session_set_bins             (HlSession          *self,
                                                 HlBins              bins);
HlMoneyScale    hl_session_get_money_scale      (HlSession          *self);
void            hl_session_set_money_scale      (HlSession          *self,
                                                 HlMoneyScale        scale);

int             hl_session_get_selected         (HlSession          *self);
void            hl_session_set_selected         (HlSession          *self,
                                                 int                 event);
void            hl_session_select               (HlSession          *self,
                                                 int                 event);
const char     *hl_session_get_selected_id      (HlSession          *self);
void            hl_session_set_selected_id      (HlSession          *self,
                                                 const char         *id);
int             hl_session_get_hover            (HlSession          *self);
void            hl_session_set_hover            (HlSession          *self,
                                                 int                 event);

gboolean        hl_session_step_event           (HlSession          *self,
                                                 int                 direction);
gboolean        hl_session_step_lane            (HlSession          *self,
                                                 int                 direction);
gboolean        hl_session_step_match           (HlSession          *self,
                                                 int                 direction);

gboolean        hl_session_get_filters_active   (HlSession          *self);
void            hl_session_reset_filters        (HlSession          *self);
guint           hl_session_get_n_hidden         (HlSession          *self);
char           *hl_session_describe_filters     (HlSession          *self);

guint           hl_session_get_n_matches        (HlSession          *self);
guint           hl_session_get_n_matches_outside (HlSession         *self);
guint           hl_session_get_match_position   (HlSession          *self);
guint           hl_session_get_n_matches_hidden (HlSession          *self);
char           *hl_session_describe_matches     (HlSession          *self);
const HlTotals *hl_session_get_totals           (HlSession          *self);

/* Proximity (issue 12, hl-session-proximity.c): the window in days and
 * the two lanes, by id so that they outlive a dataset. */
guint           hl_session_get_proximity_window (HlSession          *self);
void            hl_session_set_proximity_window (HlSession          *self,
                                                 guint               days);
const char     *hl_session_get_proximity_lead   (HlSession          *self);
void            hl_session_set_proximity_lead   (HlSession          *self,
                                                 const char         *lane_id);
const char     *hl_session_get_proximity_follow (HlSession          *self);
void            hl_session_set_proximity_follow (HlSession          *self,
                                                 const char         *lane_id);
gboolean        hl_session_get_proximity_lanes  (HlSession          *self,
                                                 guint              *lead,
                                                 guint              *follow);
void            hl_session_apply_proximity      (HlSession          *self,
                                                 HlChart            *chart);
void            hl_session_bind_proximity       (HlSession          *self,
                                                 GSettings          *settings);
void            hl_session_unbind_proximity     (HlSession          *self);
gboolean        hl_session_get_span             (HlSession          *self,
                                                 gint64             *from,
                                                 gint64             *to);
void            hl_session_set_span             (HlSession          *self,
                                                 gint64              a,
                                                 gint64              b);
gboolean        hl_session_clear_span           (HlSession          *self);
gboolean        hl_session_zoom_to_span         (HlSession          *self);
gboolean        hl_session_is_overlay_property  (const char         *name);
void            hl_session_set_span_x           (HlSession          *self,
                                                 HlChart            *chart,
                                                 double              x0,
                                                 double              x1);

/* Notes and views (issue 11; hl-session-notes.c): every change is undoable
 * and saved a moment later to the notes path. */
const HlNotes  *hl_session_get_notes            (HlSession          *self);
const char     *hl_session_get_notes_path       (HlSession          *self);
void            hl_session_set_notes            (HlSession          *self,
                                                 HlNotes            *notes,
                                                 const char         *path);
void            hl_session_report_notes         (HlSession          *self,
                                                 const char         *message);
gboolean        hl_session_flush_notes          (HlSession          *self,
                                                 GError            **error);
void            hl_session_add_annotation       (HlSession          *self,
                                                 HlAnnotation       *note);
void            hl_session_replace_annotation   (HlSession          *self,
                                                 const char         *id,
                                                 HlAnnotation       *note);
void            hl_session_remove_annotation    (HlSession          *self,
                                                 const char         *id);
const HlAnnotation *hl_session_find_annotation  (HlSession          *self,
                                                 const char         *id);
gboolean        hl_session_can_undo             (HlSession          *self);
gboolean        hl_session_can_redo             (HlSession          *self);
gboolean        hl_session_undo                 (HlSession          *self);
gboolean        hl_session_redo                 (HlSession          *self);
void            hl_session_save_view            (HlSession          *self,
                                                 const char         *name);
gboolean        hl_session_rename_view          (HlSession          *self,
                                                 guint               index,
                                                 const char         *name);
void            hl_session_delete_view          (HlSession          *self,
                                                 guint               index);
void            hl_session_apply_view           (HlSession          *self,
                                                 guint               index);
/* The chosen calendar bin (issue 10, hl-session-bin.c): "bin" notifies. */
void            hl_session_select_bin           (HlSession          *self,
                                                 guint               lane,
                                                 gint64              from,
                                                 gint64              to,
                                                 int                 event);
gboolean        hl_session_get_bin              (HlSession          *self,
                                                 guint              *lane,
                                                 gint64             *from,
                                                 gint64             *to);

G_END_DECLS
