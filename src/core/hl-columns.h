/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-dataset.h"
#include "hl-scale.h"
#include "hl-view.h"

G_BEGIN_DECLS

/* The numbers a view holds, computed once per dataset, view and width:
 * each visible lane's shown events summed per column (a pixel column of
 * the plot, for the renderer's level of detail), and the totals over
 * them. Whatever reads totals (subtitle, panel, command line, accessible
 * description) reads these, so they always agree with what is drawn.
 * Without filters a column costs two binary searches in the dataset's
 * running totals, whatever the number of events; with filters each event
 * in range is visited once. */

typedef struct
{
  double   usd;           /* usd lanes: sum of amounts */
  double   count;         /* count lanes: sum of counts (1 where not given) */
  guint    n;             /* events in the column */
  guint    n_unknown;     /* of which the count is not given */
  int      top;           /* the largest event in it (event index); -1 if empty */
  gboolean all_doubtful;  /* every event suspected or disputed */
  gboolean any_match;     /* one of them matches the search */
} HlColumn;

typedef struct
{
  guint    n_events;      /* shown events of the lane in the range */
  double   usd;           /* usd lanes: their sum */
  guint64  count;         /* count lanes: the sum of their counts */
  guint    n_unknown;     /* count lanes: events whose count is not given;
                           * usd lanes: events with no amount ("usd": null) */
  guint    n_matches;     /* events matching the search */
} HlLaneTotals;

typedef struct
{
  HlLaneTotals lanes[HL_VIEW_MAX_LANES];  /* zero for hidden lanes */
  double   usd;           /* over every visible usd lane */
  guint    n_usd_events;  /* events in visible usd lanes */
  guint    n_count_events;/* events in visible count lanes */
  guint64  count;         /* sum of their counts */
  guint    n_unknown;
  guint    n_matches;
} HlTotals;

/* A calendar bin of a lane: its period (whole, though the view may cut
 * it) and the sums of its shown events within the view. */
typedef struct
{
  gint64   from;
  gint64   to;
  HlColumn sum;
  guint    n_doubtful;
} HlBin;

typedef struct _HlColumns HlColumns;

HlColumns      *hl_columns_new        (HlDataset       *dataset,
                                       const HlView    *view,
                                       guint            n_columns);
void            hl_columns_free       (HlColumns       *self);
guint           hl_columns_get_n_columns (HlColumns    *self);
const HlColumn *hl_columns_get_lane   (HlColumns       *self,
                                       guint            lane,
                                       guint           *n_used);
gint64          hl_columns_get_start  (HlColumns       *self,
                                       guint            column);
const HlTotals *hl_columns_get_totals (HlColumns       *self);
guint           hl_columns_list_events (HlColumns      *self,
                                       guint            lane,
                                       gint64           from,
                                       gint64           to,
                                       GArray          *events);
guint           hl_columns_top_events (HlColumns       *self,
                                       guint            lane,
                                       gint64           from,
                                       gint64           to,
                                       guint            k,
                                       GArray          *events);
guint           hl_columns_get_column_events (HlColumns *self,
                                       guint            lane,
                                       guint            column,
                                       GArray          *events);

GArray         *hl_columns_get_bins   (HlColumns       *self,
                                       guint            lane,
                                       HlTickSpec       unit);

void            hl_totals_compute     (HlTotals        *totals,
                                       HlDataset       *dataset,
                                       const HlView    *view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlColumns, hl_columns_free)

G_END_DECLS
