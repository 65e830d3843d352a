/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* HlSession is one class over two files: hl-session.c (the object, the
 * dataset, the range, the selection, the derived state) and
 * hl-session-filters.c (the filters, the search and the counts that
 * follow from them). This is what they share. */

#include "hl-proximity.h"
#include "hl-notes.h"
#include "hl-session.h"

G_BEGIN_DECLS

struct _HlSession
{
  GObject     parent_instance;

  HlDataset  *dataset;             /* what is shown: base and the added files composed */
  GFile      *file;
  /* The files shown together (hl-session-sources.c): the file's own
   * dataset as loaded, and the ones added beside it */
  HlDataset  *base;
  GPtrArray  *added;               /* HlSessionSource */
  HlView      view;
  char      **hidden_lanes;        /* lane ids: the one form of the filter */
  char      **hidden_confidences;  /* confidence names */
  HlLaneMask  ungraded_lanes;      /* lanes whose events all carry one grade */

  int         selected;
  char       *selected_id;
  int         hover;

  GArray     *matches;             /* indices of the shown events that match, in time order */
  guint       n_matches;           /* matches->len */
  guint       n_matches_outside;   /* of those, outside the visible range */
  guint       match_position;      /* the selection's place among them, from 1; 0: none */
  guint       n_matches_hidden;    /* matches the filters hide, in the whole dataset */
  guint       n_hidden;            /* events the filters hide, in the whole dataset */
  gboolean    filters_active;
  gboolean    moving;      /* a gesture is moving the view */
  HlTotals    totals;

  /* proximity (hl-session-proximity.c) */
  guint       proximity_window;    /* days */
  char       *proximity_lead;      /* lane id; NULL: the first money lane */
  char       *proximity_follow;    /* lane id; NULL: the first count lane */
  gint64      span_from;           /* a selected span [from, to); none when equal */
  gint64      span_to;

  /* Notes and views (hl-session-notes.c) */
  HlNotes    *notes;               /* NULL: none (yet) */
  char       *notes_path;          /* where they are saved */
  char      **shown_note_ids;      /* NULL: every note; else these */
  GPtrArray  *undo;                /* HlNotes: states before each change */
  GPtrArray  *redo;
  guint       save_source;
  /* the chosen calendar bin (hl-session-bin.c); none when from == to */
  guint       bin_lane;
  gint64      bin_from;
  gint64      bin_to;
};

enum
{
  PROP_0,
  PROP_DATASET,
  PROP_FILE,
  PROP_FROM,
  PROP_TO,
  PROP_HIDDEN_LANES,
  PROP_HIDDEN_CONFIDENCES,
  PROP_MIN_USD,
  PROP_SEARCH,
  PROP_SHOW_CUMULATIVE,
  PROP_BINS,
  PROP_MONEY_SCALE,
  PROP_SELECTED,
  PROP_SELECTED_ID,
  PROP_HOVER,
  PROP_N_MATCHES,
  PROP_N_MATCHES_OUTSIDE,
  PROP_MATCH_POSITION,
  PROP_N_MATCHES_HIDDEN,
  PROP_N_HIDDEN,
  PROP_FILTERS_ACTIVE,
  PROP_TOTALS,
  PROP_PROXIMITY_WINDOW,
  PROP_PROXIMITY_LEAD,
  PROP_PROXIMITY_FOLLOW,
  PROP_SPAN_FROM,
  PROP_SPAN_TO,
  PROP_NOTES,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_BIN,
  PROP_MOVING,
  N_PROPS
};

extern GParamSpec *_hl_session_properties[N_PROPS];

void     _hl_session_notify                 (HlSession *self,
                                             guint      prop);
void     _hl_session_store_uint             (HlSession *self,
                                             guint     *field,
                                             guint      value,
                                             guint      prop);
void     _hl_session_view_changed           (HlSession *self);
gboolean _hl_session_compute_filters_active (HlSession *self);
void     _hl_session_count_filtered         (HlSession *self);
void     _hl_session_scope_grades           (HlSession *self);
void     _hl_session_count_matches          (HlSession *self);
void     _hl_session_install_proximity      (GObjectClass *klass);
gboolean _hl_session_get_proximity_property (HlSession *self,
                                             guint      prop_id,
                                             GValue    *value);
gboolean _hl_session_set_proximity_property (HlSession    *self,
                                             guint         prop_id,
                                             const GValue *value);
void     _hl_session_install_bin            (GObjectClass *klass);
gboolean _hl_session_get_filter_property    (HlSession *self,
                                             guint      prop_id,
                                             GValue    *value);
gboolean _hl_session_get_bin_property       (HlSession *self,
                                             guint      prop_id,
                                             GValue    *value);
void     _hl_session_keep_bin               (HlSession *self,
                                             int        event);

void     _hl_session_swap_dataset           (HlSession *self,
                                             HlDataset *dataset);
void     _hl_session_recompose              (HlSession *self);
void     _hl_session_sources_init           (HlSession *self);

void     _hl_session_notes_init             (HlSession *self);
void     _hl_session_notes_finalize         (HlSession *self);
void     _hl_session_notes_install          (GObjectClass *klass);
gboolean _hl_session_notes_get_property     (HlSession *self,
                                             guint      prop_id,
                                             GValue    *value);

G_END_DECLS
