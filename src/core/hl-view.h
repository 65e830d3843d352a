/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-dataset.h"

G_BEGIN_DECLS

/* The format's dates: from 0001-01-01 up to (not including) 10000-01-01.
 * A view can show any part of that, down to a day. */
#define HL_VIEW_MIN_TIME  ((gint64) -62135596800)      /* 0001-01-01T00:00Z */
#define HL_VIEW_MAX_TIME  ((gint64) 253402300800)      /* 10000-01-01T00:00Z */
#define HL_VIEW_MIN_SPAN  ((gint64) 86400)              /* one day */
#define HL_VIEW_MAX_SPAN  (HL_VIEW_MAX_TIME - HL_VIEW_MIN_TIME)  /* years 1 to 9999 */

typedef enum
{
  HL_THEME_LIGHT,
  HL_THEME_DARK,
  HL_THEME_TRANSPARENT,   /* light colours on no background, for slides */
} HlTheme;

/* How a lane groups its events (issue 10): one mark per event, bins of a
 * unit that follows the zoom when marks would crowd, or one fixed
 * calendar unit. Keep the order: settings and the command line store
 * the names of hl_bins_to_string(). */
typedef enum
{
  HL_BINS_MARKS,
  HL_BINS_AUTO,
  HL_BINS_DAY,
  HL_BINS_WEEK,
  HL_BINS_MONTH,
  HL_BINS_QUARTER,
  HL_BINS_YEAR,
} HlBins;

/* The money lanes' y scale. The cumulative line keeps its own, linear. */
typedef enum
{
  HL_MONEY_LINEAR,
  HL_MONEY_LOG,
} HlMoneyScale;

/* A set of lanes, one bit per lane of a view (up to HL_VIEW_MAX_LANES:
 * several files' lanes side by side). A plain value: copy it with `=`,
 * zero it with HL_LANE_MASK_INIT or memset. */
typedef struct
{
  guint32 bits[HL_VIEW_MAX_LANES / 32];
} HlLaneMask;

#define HL_LANE_MASK_INIT { { 0 } }

static inline gboolean
hl_lane_mask_test (const HlLaneMask *mask, guint lane)
{
  return lane < HL_VIEW_MAX_LANES && (mask->bits[lane / 32] & (1u << (lane % 32))) != 0;
}

static inline void
hl_lane_mask_set (HlLaneMask *mask, guint lane)
{
  if (lane < HL_VIEW_MAX_LANES)
    mask->bits[lane / 32] |= 1u << (lane % 32);
}

static inline void
hl_lane_mask_clear (HlLaneMask *mask, guint lane)
{
  if (lane < HL_VIEW_MAX_LANES)
    mask->bits[lane / 32] &= ~(1u << (lane % 32));
}

/* Empties @mask, then sets lanes 0 to @n_lanes - 1. */
static inline void
hl_lane_mask_fill (HlLaneMask *mask, guint n_lanes)
{
  for (guint i = 0; i < G_N_ELEMENTS (mask->bits); i++)
    mask->bits[i] = 0;
  for (guint lane = 0; lane < MIN (n_lanes, HL_VIEW_MAX_LANES); lane++)
    hl_lane_mask_set (mask, lane);
}

static inline gboolean
hl_lane_mask_is_empty (const HlLaneMask *mask)
{
  for (guint i = 0; i < G_N_ELEMENTS (mask->bits); i++)
    if (mask->bits[i] != 0)
      return FALSE;
  return TRUE;
}

static inline gboolean
hl_lane_mask_equal (const HlLaneMask *a, const HlLaneMask *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (a->bits); i++)
    if (a->bits[i] != b->bits[i])
      return FALSE;
  return TRUE;
}

/* Whether a lane of @a is also in @b. */
static inline gboolean
hl_lane_mask_intersects (const HlLaneMask *a, const HlLaneMask *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (a->bits); i++)
    if ((a->bits[i] & b->bits[i]) != 0)
      return TRUE;
  return FALSE;
}

/* What to show: the view state the window edits and every export reads.
 * A plain struct: copy it with hl_view_copy(), free its strings with
 * hl_view_clear(). */
typedef struct
{
  gint64    from;                 /* visible range, [from, to) */
  gint64    to;
  HlTheme   theme;
  HlLaneMask hidden_lanes;        /* lane i in it: hidden */
  guint32   hidden_confidences;   /* bit c hides HlConfidence c */
  HlLaneMask ungraded_lanes;      /* lane i in it: the grade filter leaves it alone
                                   * (all its events carry one grade) */
  double    min_usd;              /* hide heists below this */
  HlBins    bins;
  HlMoneyScale money_scale;
  char     *title;                /* NULL: the dataset's title */
  char     *subtitle;             /* NULL: the range and totals */
  char     *search;               /* NULL or "": nothing highlighted */
  GPtrArray *annotations;         /* HlAnnotation (hl-notes.h), shared and never
                                   * changed: replace it; NULL: none */
  guint     show_title : 1;
  guint     show_legend : 1;
  guint     show_footnote : 1;
  guint     show_periods : 1;
  guint     show_cumulative : 1;
  guint     show_annotations : 1;
} HlView;

void      hl_view_init             (HlView          *view,
                                    HlDataset       *dataset);
void      hl_view_copy             (HlView          *dest,
                                    const HlView    *src);
void      hl_view_clear            (HlView          *view);
void      hl_view_set_range        (HlView          *view,
                                    gint64           from,
                                    gint64           to);
void      hl_view_zoom             (HlView          *view,
                                    double           factor,
                                    double           anchor);
void      hl_view_pan              (HlView          *view,
                                    double           fraction);
void      hl_view_fit_all          (HlView          *view,
                                    HlDataset       *dataset);
void      hl_view_ensure_visible   (HlView          *view,
                                    gint64           time);
gboolean  hl_view_lane_visible     (const HlView    *view,
                                    guint            lane);
gboolean  hl_view_shows_whole_lane (const HlView    *view,
                                    HlDataset       *dataset,
                                    guint            lane);
gboolean  hl_view_shows_event      (const HlView    *view,
                                    HlDataset       *dataset,
                                    const HlEvent   *event);
gboolean  hl_view_event_matches    (const HlView    *view,
                                    const HlEvent   *event);
int       hl_view_step_event       (const HlView    *view,
                                    HlDataset       *dataset,
                                    int              current,
                                    int              direction);
int       hl_view_step_lane        (const HlView    *view,
                                    HlDataset       *dataset,
                                    int              current,
                                    int              direction);
int       hl_view_step_match       (const HlView    *view,
                                    HlDataset       *dataset,
                                    int              current,
                                    int              direction);
const char *hl_bins_to_string       (HlBins           bins);
gboolean  hl_bins_from_string      (const char      *name,
                                    HlBins          *bins);
const char *hl_money_scale_to_string (HlMoneyScale   scale);
gboolean  hl_money_scale_from_string (const char    *name,
                                    HlMoneyScale    *scale);
guint     hl_view_count_matches    (const HlView    *view,
                                    HlDataset       *dataset);

G_END_DECLS
