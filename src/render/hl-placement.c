/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Collision tests and label candidates (see hl-placement.h). */
#include "config.h"

#include <math.h>

#include "hl-placement.h"

/* Above the bar; beside its top, right then left; above, off centre;
 * then up beside its top. */
void
hl_placement_bar_candidates (const HlBox *mk, double w, double h, const HlMetrics *m,
                             HlPoint *cand)
{
  double cx = mk->x + mk->width / 2, gap = m->amount_gap;

  cand[0] = (HlPoint) { cx - w / 2, mk->y - gap - h };
  cand[1] = (HlPoint) { mk->x + mk->width + gap, mk->y };
  cand[2] = (HlPoint) { mk->x - gap - w, mk->y };
  cand[3] = (HlPoint) { cx - w / 2 + w / 3, mk->y - gap - h };
  cand[4] = (HlPoint) { cx - w / 2 - w / 3, mk->y - gap - h };
  cand[5] = (HlPoint) { mk->x + mk->width + gap, mk->y - h / 2 };
  /* beside the top, just above it, clear of a neighbour touching the
   * bar: next to a taller one */
  cand[6] = (HlPoint) { mk->x + mk->width + 3 * gap, mk->y - h };
  cand[7] = (HlPoint) { mk->x - 3 * gap - w, mk->y - h };
}

/* Below, above, right, left; then below or above flush with either side
 * of the marker; then beside, level with it. */
void
hl_placement_marker_candidates (const HlBox *mk, double w, double h, const HlMetrics *m,
                                HlPoint *cand)
{
  double gap = m->marker_label_gap, side_gap = m->marker_side_gap;
  double below = mk->y + mk->height + gap / 2, above = mk->y - gap / 2 - h;

  cand[0] = (HlPoint) { mk->x + mk->width / 2 - w / 2, below };
  cand[1] = (HlPoint) { mk->x + mk->width / 2 - w / 2, above };
  cand[2] = (HlPoint) { mk->x + mk->width + side_gap, mk->y + mk->height / 2 + h * 0.1 };
  cand[3] = (HlPoint) { mk->x - side_gap - w, mk->y + mk->height / 2 - h / 2 };
  cand[4] = (HlPoint) { mk->x, below };
  cand[5] = (HlPoint) { mk->x + mk->width - w, below };
  cand[6] = (HlPoint) { mk->x, above };
  cand[7] = (HlPoint) { mk->x + mk->width - w, above };
  cand[8] = (HlPoint) { cand[2].x, mk->y + mk->height / 2 - h / 2 };
}

/* Does the line through @points cross @box? Its points go left to right
 * in steps of horizontal and vertical segments: look only at those in
 * the box's columns. */
gboolean
hl_placement_crosses_path (const double *pts, guint n, const HlBox *box)
{
  guint lo = 0, hi = n;

  if (n < 2)
    return FALSE;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (pts[2 * mid] < box->x)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo > 0 ? lo - 1 : 0; i + 1 < n && pts[2 * i] <= box->x + box->width; i++)
    {
      double x0 = MIN (pts[2 * i], pts[2 * i + 2]), x1 = MAX (pts[2 * i], pts[2 * i + 2]);
      double y0 = MIN (pts[2 * i + 1], pts[2 * i + 3]), y1 = MAX (pts[2 * i + 1], pts[2 * i + 3]);

      if (x1 >= box->x && x0 <= box->x + box->width &&
          y1 >= box->y && y0 <= box->y + box->height)
        return TRUE;
    }
  return FALSE;
}

/* Does @box come within @text_pad (side by side: a text's box already
 * holds the space between lines) of a text, or within @mark_pad of a
 * mark other than @ignore_event's? */
gboolean
hl_placement_collides (const HlObstacles *o, const HlBox *box, double text_pad,
                       double mark_pad, int ignore_event)
{
  HlBox t = { box->x - text_pad, box->y, box->width + 2 * text_pad, box->height };
  HlBox m = { box->x - mark_pad, box->y - mark_pad, box->width + 2 * mark_pad,
              box->height + 2 * mark_pad };

  g_return_val_if_fail (o != NULL && box != NULL, TRUE);

  for (guint i = 0; i < o->n_texts; i++)
    if (hl_box_overlaps (&t, &o->texts[i]))
      return TRUE;
  for (guint i = 0; i < o->n_marks; i++)
    {
      const HlMarkBox *mk = (const HlMarkBox *) (gconstpointer) (o->marks + i * o->mark_stride);

      if (mk->event != ignore_event && hl_box_overlaps (&m, &mk->box))
        return TRUE;
    }
  return FALSE;
}

static gboolean
blocked (const HlObstacles *o, const HlBox *box, const HlBox *bounds, double pad, int event)
{
  return !hl_box_inside (box, bounds) || hl_placement_collides (o, box, pad, 0.5, event) ||
         hl_placement_crosses_path (o->path, o->n_path, box);
}

/* The first of @candidates where a w x h label stays in @bounds, keeps
 * @pad from other labels and crosses nothing. */
gboolean
hl_placement_find (const HlObstacles *o, const HlBox *bounds, const HlPoint *candidates,
                   guint n_candidates, double w, double h, double pad, int event, HlBox *found)
{
  g_return_val_if_fail (o != NULL && bounds != NULL && candidates != NULL, FALSE);

  for (guint i = 0; i < n_candidates; i++)
    {
      HlBox box = { candidates[i].x, candidates[i].y, w, h };

      if (blocked (o, &box, bounds, pad, event))
        continue;
      if (found != NULL)
        *found = box;
      return TRUE;
    }
  return FALSE;
}

/* Like hl_placement_find(), but the label keeps @gap on every side from
 * every text and from every mark but @event's own: labels and marks each
 * read alone (issue 10: at least half an em). */
gboolean
hl_placement_find_spaced (const HlObstacles *o, const HlBox *bounds, const HlPoint *candidates,
                          guint n_candidates, double w, double h, double gap, int event,
                          HlBox *found)
{
  g_return_val_if_fail (o != NULL && bounds != NULL && candidates != NULL, FALSE);

  for (guint i = 0; i < n_candidates; i++)
    {
      HlBox box = { candidates[i].x, candidates[i].y, w, h };
      HlBox grown = { box.x - gap, box.y - gap, w + 2 * gap, h + 2 * gap };
      gboolean hit = !hl_box_inside (&box, bounds) ||
                     hl_placement_crosses_path (o->path, o->n_path, &box);

      for (guint k = 0; k < o->n_texts && !hit; k++)
        hit = hl_box_overlaps (&grown, &o->texts[k]);
      for (guint k = 0; k < o->n_marks && !hit; k++)
        {
          const HlMarkBox *mk = (const HlMarkBox *) (gconstpointer) (o->marks + k * o->mark_stride);

          hit = mk->event != event && hl_box_overlaps (&grown, &mk->box);
        }
      if (hit)
        continue;
      if (found != NULL)
        *found = box;
      return TRUE;
    }
  return FALSE;
}

/* Bounds on the size @text will have once laid out: at least *w wide and
 * between *h_lo and *h_hi tall. Only for ASCII text, whose characters all
 * come from the first font of the family list: FALSE otherwise. Kerning
 * can make a line a little narrower than the sum of its characters; a
 * fifth of that sum is far more than it ever takes. */
gboolean
hl_placement_estimate_text (const HlTextEstimate *est, const char *text, double *w,
                            double *h_lo, double *h_hi)
{
  double line = 0, widest = 0;
  guint n_lines = 1;

  g_return_val_if_fail (est != NULL && text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\n')
        {
          widest = MAX (widest, line);
          line = 0;
          n_lines++;
        }
      else if (c < 32 || c >= 127)
        return FALSE;
      else
        line += est->advance[c];
    }
  *w = MAX (widest, line) * 0.8;
  *h_lo = n_lines * est->line_h * 0.9;
  *h_hi = n_lines * est->line_h * 1.1;
  return TRUE;
}

/* Could a label of @text fit at any of its positions? Shaping a label
 * costs far more than this test: in a crowded view most labels find no
 * room, and none of them need be shaped. The test uses, at each position,
 * a box that lies inside the box the label will have whatever its exact
 * size within the bounds: if that box already leaves @bounds or collides,
 * so does the label's. Returns TRUE when it cannot tell. */
gboolean
hl_placement_may_fit (const HlObstacles *o, const HlTextEstimate *est, const char *text,
                      const HlMarkBox *mk, const HlBox *bounds, const HlMetrics *metrics,
                      HlCandidatesFunc candidates, guint n_candidates)
{
  HlPoint lo[HL_MAX_CANDIDATES], hi[HL_MAX_CANDIDATES];
  double w, h_lo, h_hi;

  g_return_val_if_fail (n_candidates <= HL_MAX_CANDIDATES, TRUE);

  if (!hl_placement_estimate_text (est, text, &w, &h_lo, &h_hi) || w <= 0)
    return TRUE;
  candidates (&mk->box, w, h_lo, metrics, lo);
  candidates (&mk->box, w, h_hi, metrics, hi);
  for (guint i = 0; i < n_candidates; i++)
    {
      /* the edges move linearly with the height: the box common to both
       * ends of its range lies inside the box at any height between */
      double top = MAX (lo[i].y, hi[i].y);
      double bottom = MIN (lo[i].y + h_lo, hi[i].y + h_hi);
      HlBox box = { lo[i].x, top, w, bottom - top };

      if (box.height <= 0)
        return TRUE;
      if (!blocked (o, &box, bounds, metrics->label_pad, mk->event))
        return TRUE;
    }
  return FALSE;
}

/* A one-pixel column's bar on whole pixels (the plot's left edge is on
 * one): crisp, and filled as plain boxes. At least a pixel tall. */
void
hl_placement_snap_bar (HlBox *box)
{
  double base, top;

  g_return_if_fail (box != NULL);
  base = round (box->y + box->height);
  top = MIN (round (box->y), base - 1);
  box->x = round (box->x);
  box->y = top;
  box->height = base - top;
}

/* Whether the segment (x0,y0)-(x1,y1) passes through the inside of @box
 * (Liang-Barsky clipping); touching an edge or a corner is not entering. */
gboolean
hl_segment_enters_box (double x0, double y0, double x1, double y1, const HlBox *box)
{
  double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - box->x, box->x + box->width - x0, y0 - box->y,
                  box->y + box->height - y0 };

  g_return_val_if_fail (box != NULL, FALSE);

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] <= 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
    }
  return t1 - t0 > 1e-6;
}
