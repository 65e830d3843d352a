/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawing a laid-out chart: its display list replayed onto any cairo_t,
 * for the window and every export alike (layout is in hl-chart.c). */
#include "config.h"

#include "hl-chart-private.h"

/* ------------------------------------------------------------------ */
/* Drawing: bands, then grid and axes, then marks, then text on top. */

static void
draw_bands (HlChart *self, cairo_t *cr)
{
  const HlSwatch *rects = (const HlSwatch *) (gpointer) self->rects->data;

  for (guint i = 0; i < self->rects->len; i++)
    {
      HlRgba band = self->style.roles[HL_ROLE_BAND];
      gboolean overlaps = FALSE;

      if (rects[i].lane != -1 || rects[i].role != HL_ROLE_BAND)
        continue;
      /* A band over the plain background is drawn in its blended, opaque
       * colour: the same pixels, but a solid fill instead of blending a
       * million of them. Where bands overlap they blend. */
      for (guint j = 0; j < i && !overlaps; j++)
        overlaps = rects[j].lane == -1 && rects[j].role == HL_ROLE_BAND &&
                   hl_box_overlaps (&rects[j].box, &rects[i].box);
      if (!self->style.transparent && !overlaps)
        band = hl_rgba_mix (self->style.roles[HL_ROLE_BG], hl_rgba_with_alpha (band, 1.0),
                            band.a);
      hl_draw_band (cr, &rects[i].box, band);
    }
}

static void
draw_lines (HlChart *self, cairo_t *cr)
{
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < self->lines->len; i++)
    {
      const HlLine *l = &g_array_index (self->lines, HlLine, i);

      hl_draw_line (cr, l->x0, l->y0, l->x1, l->y1, l->width, self->style.roles[l->role]);
    }
}

static gboolean
is_plain_box (const HlMark *mk)
{
  return (mk->shape == HL_MARK_BAR || mk->shape == HL_MARK_SQUARE) &&
         !mk->dashed && !mk->hollow && !mk->match && !mk->stacked;
}

static gboolean
is_doubtful_column (HlChart *self, const HlMark *mk, guint lane)
{
  return mk->dashed && !mk->match && mk->shape == HL_MARK_BAR && mk->lane == lane &&
         self->lanes[lane].aggregated;
}

/* Runs of marks drawn alike go as one path: consecutive plain bars and
 * squares of a lane (opaque, one colour, so the order within a run does
 * not show: one fill for thousands of one-pixel columns), and the
 * doubtful columns of a crowded lane, one pixel wide and never
 * overlapping. Returns the index after the run; @i itself if none. */
static guint
draw_run (HlChart *self, cairo_t *cr, guint i)
{
  const HlMark *marks = (const HlMark *) (gpointer) self->marks->data;
  guint lane = marks[i].lane, j = i;
  gboolean doubtful = is_doubtful_column (self, &marks[i], lane);

  if (!doubtful && !is_plain_box (&marks[i]))
    return i;
  for (; j < self->marks->len && marks[j].lane == lane &&
       (doubtful ? is_doubtful_column (self, &marks[j], lane) : is_plain_box (&marks[j])); j++)
    cairo_rectangle (cr, marks[j].box.x, marks[j].box.y, marks[j].box.width,
                     marks[j].box.height);
  if (doubtful)
    hl_draw_doubtful_fill (cr, &self->style, self->style.lane_colors[lane]);
  else
    {
      hl_rgba_set_source (cr, self->style.lane_colors[lane]);
      cairo_fill (cr);
    }
  return j;
}

/* A count bin's kind, or its legend swatch, in its shape's step of the
 * lane colour: boxes without a clip. */
static void
fill_kind (HlChart *self, cairo_t *cr, HlMarkShape shape, const HlBox *box, HlRgba color,
           guint shade)
{
  if (shape == HL_MARK_BAR || shape == HL_MARK_SQUARE)
    {
      hl_style_fill_kind_box (cr, &self->style, color, shade - 1, box);
      return;
    }
  hl_draw_shape_path (cr, shape, box);
  hl_style_fill_kind (cr, &self->style, color, shade - 1);
}

/* A stacked segment leaves its top pixel free (when it has three), so
 * that segments of one colour read apart; its target stays whole. */
static void
draw_mark (HlChart *self, cairo_t *cr, const HlMark *mk)
{
  HlBox box = mk->box;

  if (mk->stacked && mk->shape == HL_MARK_BAR && box.height >= 3)
    {
      box.y += 1;
      box.height -= 1;
    }
  if (mk->shade > 0)
    {
      fill_kind (self, cr, mk->shape, &box, self->style.lane_colors[mk->lane], mk->shade);
      return;
    }
  hl_draw_mark (cr, &self->style, mk->shape, &box, mk->hollow, mk->dashed,
                self->style.lane_colors[mk->lane]);
}

static void
draw_marks (HlChart *self, cairo_t *cr)
{
  const HlMark *marks = (const HlMark *) (gpointer) self->marks->data;

  for (guint i = 0; i < self->marks->len;)
    {
      const HlMark *mk = &marks[i];
      guint next = draw_run (self, cr, i);

      if (next > i)
        {
          i = next;
          continue;
        }
      draw_mark (self, cr, mk);
      if (mk->match)
        hl_draw_match_ring (cr, &self->style, &mk->box);
      i++;
    }
}

/* Legend swatches */
static void
draw_swatches (HlChart *self, cairo_t *cr)
{
  for (guint i = 0; i < self->rects->len; i++)
    {
      const HlSwatch *r = &g_array_index (self->rects, HlSwatch, i);
      HlRgba color = r->lane >= 0 ? self->style.lane_colors[r->lane]
                     : self->style.roles[r->role == HL_ROLE_CUMULATIVE ? HL_ROLE_CUMULATIVE
                                                                       : HL_ROLE_MUTED];

      if (r->role != HL_ROLE_BAND && r->shade > 0)
        fill_kind (self, cr, r->shape, &r->box, color, r->shade);
      else if (r->role != HL_ROLE_BAND)
        hl_draw_mark (cr, &self->style, r->shape, &r->box, r->hollow, r->dashed, color);
    }
}

static void
draw_texts (HlChart *self, cairo_t *cr)
{
  for (guint i = 0; i < self->texts->len; i++)
    {
      const HlText *t = &g_array_index (self->texts, HlText, i);

      hl_draw_text (cr, t->layout, t->box.x, t->box.y,
                    t->lane >= 0 && t->role == HL_ROLE_FG ? self->style.lane_colors[t->lane]
                                                          : self->style.roles[t->role]);
    }
}

void
hl_chart_draw (HlChart *self, cairo_t *cr)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  if (!self->style.transparent)
    {
      hl_rgba_set_source (cr, self->style.roles[HL_ROLE_BG]);
      cairo_rectangle (cr, 0, 0, self->width, self->height);
      cairo_fill (cr);
    }
  draw_bands (self, cr);
  draw_lines (self, cr);
  draw_marks (self, cr);
  hl_draw_path (cr, (const double *) (gpointer) self->cumulative->data,
                self->cumulative->len / 2, self->m->cumulative_stroke,
                self->style.roles[HL_ROLE_CUMULATIVE]);
  draw_swatches (self, cr);
  draw_texts (self, cr);
  _hl_annotations_draw (self, cr);
  cairo_restore (cr);
}
