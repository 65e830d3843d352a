/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-chart.h"
#include "hl-style.h"

G_BEGIN_DECLS

/* Where labels go: pure functions over boxes, no Cairo or Pango, so that
 * each rule can be tested alone (tests/test-placement.c). */

typedef struct
{
  double x, y;
} HlPoint;

/* Every mark placed so far begins with these two fields. */
typedef struct
{
  HlBox box;
  int   event;
} HlMarkBox;

/* What a new label must not cover: the texts and marks placed so far
 * (marks @mark_stride bytes apart, each starting with an HlMarkBox) and
 * the running-total line (x, y pairs, left to right). */
typedef struct
{
  const HlBox   *texts;
  guint          n_texts;
  const guint8  *marks;
  gsize          mark_stride;
  guint          n_marks;
  const double  *path;
  guint          n_path;
} HlObstacles;

/* Inline: a crowded view tests thousands of pairs per label. */
static inline gboolean
hl_box_overlaps (const HlBox *a, const HlBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static inline gboolean
hl_box_inside (const HlBox *inner, const HlBox *outer)
{
  return inner->x >= outer->x - 0.01 && inner->y >= outer->y - 0.01 &&
         inner->x + inner->width <= outer->x + outer->width + 0.01 &&
         inner->y + inner->height <= outer->y + outer->height + 0.01;
}

#define HL_N_BAR_CANDIDATES    8
#define HL_N_MARKER_CANDIDATES 9
#define HL_MAX_CANDIDATES      9

/* Label positions around a mark for a label of w x h, in order of
 * preference. Every position moves with the size, so that a larger
 * label's box contains a smaller one's (hl_placement_may_fit relies on it). */
typedef void (*HlCandidatesFunc) (const HlBox     *mark,
                                  double           w,
                                  double           h,
                                  const HlMetrics *metrics,
                                  HlPoint         *candidates);

void     hl_placement_bar_candidates    (const HlBox       *mark,
                                         double             w,
                                         double             h,
                                         const HlMetrics   *metrics,
                                         HlPoint           *candidates);
void     hl_placement_marker_candidates (const HlBox       *mark,
                                         double             w,
                                         double             h,
                                         const HlMetrics   *metrics,
                                         HlPoint           *candidates);

gboolean hl_placement_crosses_path      (const double      *points,
                                         guint              n_points,
                                         const HlBox       *box);
gboolean hl_placement_collides          (const HlObstacles *obstacles,
                                         const HlBox       *box,
                                         double             text_pad,
                                         double             mark_pad,
                                         int                ignore_event);
gboolean hl_placement_find              (const HlObstacles *obstacles,
                                         const HlBox       *bounds,
                                         const HlPoint     *candidates,
                                         guint              n_candidates,
                                         double             w,
                                         double             h,
                                         double             pad,
                                         int                event,
                                         HlBox             *found);

gboolean hl_placement_find_spaced       (const HlObstacles *obstacles,
                                         const HlBox       *bounds,
                                         const HlPoint     *candidates,
                                         guint              n_candidates,
                                         double             w,
                                         double             h,
                                         double             gap,
                                         int                event,
                                         HlBox             *found);

void     hl_placement_snap_bar          (HlBox             *box);

/* Each printable ASCII character's width alone in one font, and a line's
 * height: enough to bound a label's size before shaping it. */
typedef struct
{
  gboolean ready;
  double   advance[128];
  double   line_h;
} HlTextEstimate;

gboolean hl_placement_estimate_text     (const HlTextEstimate *estimate,
                                         const char        *text,
                                         double            *w,
                                         double            *h_lo,
                                         double            *h_hi);
gboolean hl_placement_may_fit           (const HlObstacles *obstacles,
                                         const HlTextEstimate *estimate,
                                         const char        *text,
                                         const HlMarkBox   *mark,
                                         const HlBox       *bounds,
                                         const HlMetrics   *metrics,
                                         HlCandidatesFunc   candidates,
                                         guint              n_candidates);
gboolean hl_segment_enters_box          (double             x0,
                                         double             y0,
                                         double             x1,
                                         double             y1,
                                         const HlBox       *box);

G_END_DECLS
