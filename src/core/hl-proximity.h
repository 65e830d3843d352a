/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hl-dataset.h"
#include "hl-view.h"

G_BEGIN_DECLS

/* Proximity (issue 12): which events of a leading lane (money, say) came
 * within a window of days before each event of a following lane (counts),
 * how long after each leading event the next following one came, and a
 * permutation test of whether that closeness is more than chance.
 *
 * Days, not seconds: an event sits on the day its source dated it
 * (hl-date.h), and "within W days before" means a leading event whose day
 * is 0 to W days before the following event's day, the same day included.
 * Amounts are whole units (cents in a money lane, the count in a count
 * lane) so that every sum is exact and the test's "at least as large"
 * never depends on rounding. */

#define HL_PROXIMITY_DEFAULT_WINDOW  30
#define HL_PROXIMITY_MAX_WINDOW      3650
#define HL_PROXIMITY_DEFAULT_SHIFTS  10000
#define HL_PROXIMITY_MAX_SHIFTS      1000000
#define HL_PROXIMITY_DEFAULT_SEED    12

typedef struct
{
  guint   lead;           /* lane index */
  guint   follow;         /* lane index, not the lead */
  gint64  from;           /* range [from, to): widened to whole days */
  gint64  to;
  guint   window_days;
  guint   n_shifts;       /* 0: the table and lags only, no test */
  guint32 seed;
} HlProximitySettings;

typedef struct
{
  guint  event;           /* a following event (dataset index) */
  guint  n_lead;          /* leading events within the window before it */
  gint64 amount;          /* their amount, in units (see above) */
} HlProximityRow;

typedef struct
{
  guint  event;           /* a leading event (dataset index) */
  int    lag_days;        /* days to the next following event; -1: none later */
} HlProximityLag;

typedef struct
{
  HlProximitySettings settings;
  guint   range_days;
  GArray *rows;           /* HlProximityRow, one per following event, in time order */
  GArray *lags;           /* HlProximityLag, one per leading event, in time order */
  GArray *no_amount;      /* guint: leading events without an amount (counted as 0) */
  GArray *imprecise;      /* guint: events of either lane dated to the month or the
                           * year only, counted on its first day as the file writes it */
  guint   n_lead;
  guint   n_follow;
  gint64  lead_total;     /* all leading events' amount */
  gint64  observed;       /* the statistic: leading amount within the window
                           * before some following event */
  guint   n_within;       /* leading events within it */
  guint   n_no_later;     /* leading events with no later following event */
  gint64  no_later_amount;
  /* The test: all following events shifted together by a random number of
   * days, circularly within the range. n_shifts is 0 when it was not run. */
  guint   n_shifts;
  guint   k;              /* shifts whose statistic is >= the observed one */
  double  p;              /* (k + 1) / (n_shifts + 1) */
  gint64  null_median;
  gint64  null_p95;

  /*< private >*/
  GArray *lead_pos;       /* int: day in the range, sorted */
  GArray *lead_prefix;    /* gint64: n_lead + 1 running sums of amounts */
  GArray *follow_pos;     /* int: day in the range, sorted */
} HlProximity;

/* Called from the worker now and then with the share of shifts done. */
typedef void (*HlProximityProgress) (double fraction, gpointer user_data);

int          hl_proximity_default_lane      (HlDataset                 *dataset,
                                             HlMeasure                  measure);
void         hl_proximity_settings_init     (HlProximitySettings       *settings,
                                             HlDataset                 *dataset,
                                             const HlView              *view);
HlProximity *hl_proximity_analyze           (HlDataset                 *dataset,
                                             const HlProximitySettings *settings,
                                             GCancellable              *cancellable,
                                             HlProximityProgress        progress,
                                             gpointer                   user_data,
                                             GError                   **error);
void         hl_proximity_free              (HlProximity               *self);

double       hl_proximity_units_to_value    (HlDataset                 *dataset,
                                             guint                      lane,
                                             gint64                     units);
char        *hl_proximity_describe_amount   (HlDataset                 *dataset,
                                             guint                      lane,
                                             gint64                     units);
char        *hl_proximity_describe_test     (HlDataset                 *dataset,
                                             const HlProximity         *self);
const char  *hl_proximity_caveat            (void);
const char  *hl_proximity_several_windows_warning (void);

char        *hl_proximity_to_text           (HlDataset                 *dataset,
                                             const HlProximity         *self);
char        *hl_proximity_to_csv            (HlDataset                 *dataset,
                                             const HlProximity         *self);
char        *hl_proximity_to_json           (HlDataset                 *dataset,
                                             const HlProximity         *self);

/* The selected event's neighbours in @lane: its events from @window_days
 * before @event's day to that day (@after FALSE), or from that day to
 * @window_days after (@after TRUE), as positions [*begin, *end) of the
 * lane (hl_dataset_lane_sum() sums them). */
void         hl_proximity_neighbours        (HlDataset                 *dataset,
                                             guint                      event,
                                             guint                      lane,
                                             guint                      window_days,
                                             gboolean                   after,
                                             guint                     *begin,
                                             guint                     *end);
gboolean     hl_proximity_neighbour_lane    (HlDataset                 *dataset,
                                             guint                      event,
                                             guint                      lead,
                                             guint                      follow,
                                             guint                     *lane,
                                             gboolean                  *after);

char        *hl_proximity_describe_neighbours (HlDataset               *dataset,
                                               guint                    lane,
                                               guint                    window_days,
                                               gboolean                 after,
                                               const HlRangeSum        *sum);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlProximity, hl_proximity_free)

G_END_DECLS
