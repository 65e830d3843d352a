/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Label placement as pure functions: boxes, candidates around a mark,
 * collisions with labels, marks and the running-total line, and the
 * cheap test that skips shaping labels that cannot fit. */
#include "config.h"

#include "hl-placement.h"

static HlMetrics metrics;

static void
setup_metrics (void)
{
  hl_metrics_init (&metrics, 1.0);
}

static void
test_boxes (void)
{
  HlBox a = { 0, 0, 10, 10 }, touching = { 10, 0, 5, 5 }, crossing = { 9, 9, 5, 5 };
  HlBox inner = { 2, 2, 8, 8 }, outside = { 2, 2, 8.5, 8 };

  g_assert_false (hl_box_overlaps (&a, &touching));
  g_assert_true (hl_box_overlaps (&a, &crossing));
  g_assert_true (hl_box_overlaps (&crossing, &a));
  g_assert_true (hl_box_inside (&inner, &a));
  g_assert_false (hl_box_inside (&outside, &a));
  g_assert_true (hl_box_inside (&a, &a));
}

/* Above the bar first, centred, a gap clear of its top. */
static void
test_bar_candidates (void)
{
  HlBox bar = { 100, 50, 10, 200 };
  HlPoint c[HL_N_BAR_CANDIDATES];

  hl_placement_bar_candidates (&bar, 40, 20, &metrics, c);
  g_assert_cmpfloat (c[0].x, ==, 105 - 20);
  g_assert_cmpfloat (c[0].y + 20, ==, 50 - metrics.amount_gap);
  g_assert_cmpfloat (c[1].x, ==, 110 + metrics.amount_gap);   /* right of its top */
  g_assert_cmpfloat (c[2].x + 40, ==, 100 - metrics.amount_gap);  /* left */
}

/* What hl_placement_may_fit relies on: at any height between two, a
 * label's box holds the box common to both ends. */
static void
test_candidates_grow (gconstpointer data)
{
  HlCandidatesFunc func = (HlCandidatesFunc) data;
  guint n = func == hl_placement_bar_candidates ? HL_N_BAR_CANDIDATES : HL_N_MARKER_CANDIDATES;
  HlBox mark = { 300, 120, 16, 16 };
  HlPoint lo[HL_MAX_CANDIDATES], hi[HL_MAX_CANDIDATES], mid[HL_MAX_CANDIDATES];
  double w = 50, h_lo = 14, h_hi = 19;

  func (&mark, w, h_lo, &metrics, lo);
  func (&mark, w, h_hi, &metrics, hi);
  for (double h = h_lo; h <= h_hi; h += 0.5)
    {
      func (&mark, w, h, &metrics, mid);
      for (guint i = 0; i < n; i++)
        {
          double top = MAX (lo[i].y, hi[i].y), bottom = MIN (lo[i].y + h_lo, hi[i].y + h_hi);
          HlBox common = { lo[i].x, top, w, bottom - top };
          HlBox at = { mid[i].x, mid[i].y, w, h };

          g_assert_cmpfloat (common.height, >, 0);
          g_assert_true (hl_box_inside (&common, &at));
        }
    }
}

typedef struct
{
  HlBox box;
  int   event;
  int   other;   /* the chart's marks carry more after these two fields */
} Mark;

static void
test_collisions (void)
{
  HlBox texts[] = { { 0, 0, 20, 10 } };
  Mark marks[] = { { { 100, 100, 10, 10 }, 7, 0 } };
  HlObstacles o = { texts, 1, (const guint8 *) marks, sizeof (Mark), 1, NULL, 0 };
  HlBox beside = { 22, 0, 10, 10 }, below = { 0, 10, 20, 10 }, on_mark = { 104, 104, 4, 4 };
  HlBox near_mark = { 111, 100, 5, 5 };

  g_assert_false (hl_placement_collides (&o, &beside, 0, 0, -1));
  /* texts keep a gap side by side, not above and below */
  g_assert_true (hl_placement_collides (&o, &beside, 3, 0, -1));
  g_assert_false (hl_placement_collides (&o, &below, 3, 0, -1));
  /* a label may touch its own mark, not another */
  g_assert_true (hl_placement_collides (&o, &on_mark, 0, 0, -1));
  g_assert_false (hl_placement_collides (&o, &on_mark, 0, 0, 7));
  g_assert_false (hl_placement_collides (&o, &near_mark, 0, 0, -1));
  g_assert_true (hl_placement_collides (&o, &near_mark, 0, 2, -1));
}

/* A running total: flat, a step up at x = 50, flat again. */
static void
test_crosses_path (void)
{
  double path[] = { 0, 100, 50, 100, 50, 40, 200, 40 };
  HlBox over_step = { 45, 60, 10, 10 }, above_flat = { 0, 60, 40, 30 };
  HlBox on_flat = { 100, 35, 20, 10 }, beyond = { 210, 0, 10, 200 };

  g_assert_true (hl_placement_crosses_path (path, 4, &over_step));
  g_assert_false (hl_placement_crosses_path (path, 4, &above_flat));
  g_assert_true (hl_placement_crosses_path (path, 4, &on_flat));
  g_assert_false (hl_placement_crosses_path (path, 4, &beyond));
  g_assert_false (hl_placement_crosses_path (path, 1, &over_step));
}

static void
test_find (void)
{
  HlBox texts[] = { { 0, 0, 60, 20 } };
  double path[] = { 0, 60, 300, 60 };
  HlObstacles o = { texts, 1, NULL, 0, 0, path, 2 };
  HlBox bounds = { 0, 0, 300, 200 }, found;
  HlPoint taken[] = { { 10, 5 }, { 280, 5 }, { 100, 50 }, { 100, 100 } };

  /* on a label, out of bounds, across the line: the fourth */
  g_assert_true (hl_placement_find (&o, &bounds, taken, 4, 30, 15, 3, -1, &found));
  g_assert_cmpfloat (found.x, ==, 100);
  g_assert_cmpfloat (found.y, ==, 100);
  g_assert_cmpfloat (found.width, ==, 30);
  g_assert_false (hl_placement_find (&o, &bounds, taken, 3, 30, 15, 3, -1, &found));
  /* the gap between labels counts */
  {
    HlPoint close_by[] = { { 62, 0 } };

    g_assert_false (hl_placement_find (&o, &bounds, close_by, 1, 20, 10, 3, -1, NULL));
    g_assert_true (hl_placement_find (&o, &bounds, close_by, 1, 20, 10, 1, -1, NULL));
  }
}

static void
test_estimate (void)
{
  HlTextEstimate est = { TRUE, { 0 }, 10 };
  double w, lo, hi;

  for (int c = 32; c < 127; c++)
    est.advance[c] = 5;
  g_assert_true (hl_placement_estimate_text (&est, "abcd\nab", &w, &lo, &hi));
  g_assert_cmpfloat_with_epsilon (w, 4 * 5 * 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (lo, 2 * 10 * 0.9, 1e-9);
  g_assert_cmpfloat_with_epsilon (hi, 2 * 10 * 1.1, 1e-9);
  /* beyond ASCII it cannot tell */
  g_assert_false (hl_placement_estimate_text (&est, "Malligyong‑1", &w, &lo, &hi));
}

/* A label that cannot fit anywhere is skipped unshaped; one that may, or
 * whose size cannot be bounded, is tried. */
static void
test_may_fit (void)
{
  HlTextEstimate est = { TRUE, { 0 }, 12 };
  HlBox wall[] = { { 0, 0, 1000, 1000 } };
  HlObstacles blocked = { wall, 1, NULL, 0, 0, NULL, 0 };
  HlObstacles open = { NULL, 0, NULL, 0, 0, NULL, 0 };
  HlMarkBox mark = { { 400, 300, 10, 100 }, 3 };
  HlBox bounds = { 0, 0, 1000, 1000 };

  for (int c = 32; c < 127; c++)
    est.advance[c] = 6;
  g_assert_false (hl_placement_may_fit (&blocked, &est, "Stake.com\n$41M", &mark, &bounds,
                                        &metrics, hl_placement_bar_candidates,
                                        HL_N_BAR_CANDIDATES));
  g_assert_true (hl_placement_may_fit (&open, &est, "Stake.com\n$41M", &mark, &bounds,
                                       &metrics, hl_placement_bar_candidates,
                                       HL_N_BAR_CANDIDATES));
  g_assert_true (hl_placement_may_fit (&blocked, &est, "Malligyong‑1", &mark, &bounds,
                                       &metrics, hl_placement_marker_candidates,
                                       HL_N_MARKER_CANDIDATES));
}

static void
test_snap_bar (void)
{
  HlBox bar = { 10.4, 99.7, 1, 0.2 }, tall = { 3.6, 20.2, 1, 79.7 };

  hl_placement_snap_bar (&bar);
  g_assert_cmpfloat (bar.x, ==, 10);
  g_assert_cmpfloat (bar.y, ==, 99);
  g_assert_cmpfloat (bar.height, ==, 1);   /* nothing disappears */
  hl_placement_snap_bar (&tall);
  g_assert_cmpfloat (tall.x, ==, 4);
  g_assert_cmpfloat (tall.y, ==, 20);
  g_assert_cmpfloat (tall.height, ==, 80);
}

/* A leader enters a box when it passes through its inside: through it,
 * into it, or along inside it; not when it misses it or runs along an
 * edge or ends on one. */
static void
test_segment_enters (void)
{
  HlBox b = { 10, 10, 20, 10 };   /* x 10-30, y 10-20 */

  g_assert_true (hl_segment_enters_box (0, 15, 40, 15, &b));    /* across */
  g_assert_true (hl_segment_enters_box (0, 0, 20, 15, &b));     /* into it, diagonally */
  g_assert_true (hl_segment_enters_box (12, 12, 14, 14, &b));   /* wholly inside */
  g_assert_false (hl_segment_enters_box (0, 0, 40, 0, &b));     /* above it */
  g_assert_false (hl_segment_enters_box (0, 30, 9, 21, &b));    /* short of the corner */
  g_assert_false (hl_segment_enters_box (10, 0, 10, 40, &b));   /* along its left edge */
  g_assert_false (hl_segment_enters_box (20, 0, 20, 10, &b));   /* ends on its top edge */
  g_assert_false (hl_segment_enters_box (10, 40, 50, 0, &b));   /* touches a corner only */
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setup_metrics ();

  g_test_add_func ("/placement/boxes", test_boxes);
  g_test_add_func ("/placement/bar-candidates", test_bar_candidates);
  g_test_add_data_func ("/placement/candidates-grow/bar",
                        (gconstpointer) hl_placement_bar_candidates, test_candidates_grow);
  g_test_add_data_func ("/placement/candidates-grow/marker",
                        (gconstpointer) hl_placement_marker_candidates, test_candidates_grow);
  g_test_add_func ("/placement/collisions", test_collisions);
  g_test_add_func ("/placement/crosses-path", test_crosses_path);
  g_test_add_func ("/placement/find", test_find);
  g_test_add_func ("/placement/estimate", test_estimate);
  g_test_add_func ("/placement/may-fit", test_may_fit);
  g_test_add_func ("/placement/snap-bar", test_snap_bar);
  g_test_add_func ("/placement/segment-enters", test_segment_enters);
  return g_test_run ();
}
