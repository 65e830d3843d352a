/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The annotations layer (issue 11): a point note is a callout, its text
 * beside a leader line that runs down to its date; a span note is a
 * bracket over its days with its text above. Notes go, in date order, on
 * the first row of their lane's band (or of the plot) where neither the
 * text nor its leader covers a label, a mark or another note. Those that
 * fit nowhere are counted in a "+N notes" marker at the plot's top right:
 * every note in view is drawn or counted. Laid out last, after every
 * other layer; drawn last, over everything. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hl-chart-notes.h"
#include "hl-chart-private.h"
#include "hl-notes.h"
#include "hl-describe.h"

/* The widest a note's text gets, in unscaled pixels, and its lines. */
#define NOTE_MAX_WIDTH 240.0
#define NOTE_MAX_LINES 2
/* Past this many notes drawn the rest are counted, not tried: each try
 * tests every label and mark, and no one reads a hundred notes at once. */
#define NOTES_MAX_DRAWN 100
/* With more notes in view than this, only an even sample of them (in
 * date order) is tried and the rest counted, so that a file of thousands
 * costs what a few hundred do and the ones drawn spread over the range. */
#define NOTES_MAX_TRIED 150

void
_hl_note_mark_clear (gpointer data)
{
  HlNoteMark *mark = data;

  g_clear_object (&mark->layout);
}

static gboolean
note_in_view (const HlAnnotation *note, const HlView *view)
{
  if (note->from == note->to)
    return note->from >= view->from && note->from < view->to;
  return note->from < view->to && note->to > view->from;
}

/* The band a note goes in: its first visible lane's, or the plot. FALSE
 * when it names lanes the dataset has and all of them are hidden. */
static gboolean
note_region (HlChart *self, const HlAnnotation *note, HlBox *region)
{
  gboolean named_known = FALSE;

  *region = self->plot;
  for (guint i = 0; note->lanes != NULL && note->lanes[i] != NULL; i++)
    {
      int lane = hl_dataset_find_lane (self->dataset, note->lanes[i]);

      if (lane < 0)
        continue;
      named_known = TRUE;
      if (hl_view_lane_visible (&self->view, lane) && self->lanes[lane].band.height > 0)
        {
          *region = self->lanes[lane].band;
          return TRUE;
        }
    }
  return !named_known;
}

static gboolean
hits_notes (HlChart *self, const HlBox *box)
{
  for (guint i = 0; i < self->notes->len; i++)
    {
      const HlNoteMark *m = &g_array_index (self->notes, HlNoteMark, i);
      HlBox leader = { m->x0 - 1, MIN (m->y0, m->y1), m->x1 - m->x0 + 2, fabs (m->y1 - m->y0) };

      if (hl_box_overlaps (&m->box, box) || hl_box_overlaps (&leader, box))
        return TRUE;
    }
  return FALSE;
}

static gboolean
hits_texts (HlChart *self, const HlBox *box)
{
  const HlBox *boxes = (const HlBox *) (gpointer) self->text_boxes->data;

  for (guint i = 0; i < self->text_boxes->len; i++)
    if (hl_box_overlaps (&boxes[i], box))
      return TRUE;
  return FALSE;
}

/* Is the text at @box, with its bracket @line, clear of everything
 * placed so far? A bracket may cross the bars of its span (it spans
 * them), never a label. */
static gboolean
is_free (HlChart *self, const HlBox *box, const HlBox *line)
{
  double pad = self->m->label_pad;
  HlBox padded = { box->x - pad, box->y - pad, box->width + 2 * pad, box->height + 2 * pad };

  return hl_box_inside (box, &self->plot) && !_hl_chart_collides (self, &padded, -1) &&
         !hits_notes (self, &padded) && (line->width == 0 ||
         (!hits_texts (self, line) && !hits_notes (self, line)));
}

/* A point's leader runs from its text down to what is first below it at
 * @x (a label or a mark: the leader points at it), or to @base. */
static double
leader_end (HlChart *self, double x, double top, double base)
{
  const HlBox *boxes = (const HlBox *) (gpointer) self->text_boxes->data;
  double end = base;

  for (guint i = 0; i < self->text_boxes->len; i++)
    if (boxes[i].x <= x && x <= boxes[i].x + boxes[i].width && boxes[i].y > top)
      end = MIN (end, boxes[i].y);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const HlBox *b = &g_array_index (self->marks, HlMark, i).box;

      if (b->x - 1 <= x && x <= b->x + b->width + 1 && b->y > top)
        end = MIN (end, b->y);
    }
  for (guint i = 0; i < self->notes->len; i++)
    {
      const HlBox *b = &g_array_index (self->notes, HlNoteMark, i).box;

      if (b->x <= x && x <= b->x + b->width && b->y > top)
        end = MIN (end, b->y);
    }
  return end - self->m->line;
}

/* Try @narrow: half as wide, one line more. */
static PangoLayout *
note_layout (HlChart *self, const char *text, gboolean narrow)
{
  g_autofree char *shown = _hl_isolate (text);
  PangoLayout *layout = _hl_chart_new_layout (self, self->style.font_small, shown);
  double max_w = MIN (NOTE_MAX_WIDTH * self->m->s, self->plot.width / 2) / (narrow ? 2 : 1);

  pango_layout_set_width (layout, (int) (max_w * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -(NOTE_MAX_LINES + narrow));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/* Tries rows from the region's top down; for a point, right of its leader
 * then left; for a span, centred over it then from its start. */
static gboolean
place_note (HlChart *self, HlNoteMark *mark, const HlBox *region, double w, double h,
            double line_h)
{
  /* A point's text stands clear of a marker at its own date. */
  double gap = self->m->label_pad, tick = self->m->tick, side = 2 * gap + self->m->marker / 2;
  gboolean span = mark->x1 > mark->x0;
  double base = region->y + region->height;

  for (double y = region->y + gap; y + h + (span ? 2 * gap + tick : 0) <= base; y += h / 2)
    for (guint k = 0; k < 2; k++)
      {
        HlBox box, line;

        if (span)
          {
            double x = k == 0 ? (mark->x0 + mark->x1 - w) / 2 : mark->x0;

            box = (HlBox) { CLAMP (x, self->plot.x, self->plot.x + self->plot.width - w), y, w,
                            h };
            line = (HlBox) { mark->x0, y + h + gap, mark->x1 - mark->x0, tick };
          }
        else
          {
            box = (HlBox) { k == 0 ? mark->x0 + side : mark->x0 - side - w, y, w, h };
            line = (HlBox) { 0, 0, 0, 0 };
          }
        if (!is_free (self, &box, &line))
          continue;
        mark->box = box;
        mark->y0 = span ? line.y : y + line_h / 2;
        mark->y1 = span ? line.y + tick : MAX (y + h, leader_end (self, mark->x0, y + h, base));
        return TRUE;
      }
  return FALSE;
}

/* The "+N notes" marker: the first free place along the plot's top
 * right; at the very top right if there is none, so it always shows. */
static void
place_more (HlChart *self)
{
  g_autofree char *n = hl_describe_number (self->notes_hidden);
  g_autofree char *text = g_strdup_printf (ngettext ("+%s note", "+%s notes",
                                                     self->notes_hidden), n);
  HlNoteMark mark = { -1, { 0 }, _hl_chart_new_layout (self, self->style.font_small, text),
                      0, 0, 0, 0, self->style.roles[HL_ROLE_MUTED] };
  double w, h, gap = self->m->label_pad;
  HlBox none = { 0, 0, 0, 0 };

  _hl_layout_size (mark.layout, &w, &h);
  mark.box = (HlBox) { self->plot.x + self->plot.width - w - gap, self->plot.y + gap, w, h };
  for (double y = self->plot.y + gap; y + h <= self->plot.y + self->plot.height; y += h / 2)
    {
      HlBox box = { mark.box.x, y, w, h };

      if (is_free (self, &box, &none))
        {
          mark.box = box;
          break;
        }
    }
  mark.x0 = mark.x1 = mark.box.x;
  mark.y0 = mark.y1 = mark.box.y;
  g_array_append_val (self->notes, mark);
}

static int
compare_by_time (gconstpointer a, gconstpointer b, gpointer data)
{
  GPtrArray *notes = data;
  const HlAnnotation *x = g_ptr_array_index (notes, *(const guint *) a);
  const HlAnnotation *y = g_ptr_array_index (notes, *(const guint *) b);

  if (x->from != y->from)
    return x->from < y->from ? -1 : 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

static void
layout_one (HlChart *self, guint i, gboolean try)
{
  const HlAnnotation *note = g_ptr_array_index (self->view.annotations, i);
  HlNoteMark mark = { (int) i, { 0 }, NULL, 0, 0, 0, 0, self->style.roles[HL_ROLE_FG] };
  HlBox region;
  double w, h;

  if (!note_in_view (note, &self->view) || !note_region (self, note, &region))
    return;
  if (!try || self->notes->len >= NOTES_MAX_DRAWN)
    {
      self->notes_hidden++;
      return;
    }
  if (note->has_color)
    mark.color = (HlRgba) { ((note->color >> 16) & 0xff) / 255.0,
                            ((note->color >> 8) & 0xff) / 255.0, (note->color & 0xff) / 255.0,
                            1.0 };
  mark.x0 = hl_chart_time_to_x (self, MAX (note->from, self->view.from));
  mark.x1 = note->to > note->from ? hl_chart_time_to_x (self, MIN (note->to, self->view.to))
                                  : mark.x0;
  for (guint narrow = 0; narrow < 2; narrow++)
    {
      mark.layout = note_layout (self, note->text, narrow);
      _hl_layout_size (mark.layout, &w, &h);
      if (place_note (self, &mark, &region, w, h,
                      h / MAX (1, pango_layout_get_line_count (mark.layout))))
        {
          g_array_append_val (self->notes, mark);
          return;
        }
      g_clear_object (&mark.layout);
    }
  self->notes_hidden++;
}

static void
annotations_layout (const HlChartLayer *layer, HlChart *self, const HlBox *area)
{
  GPtrArray *notes = self->view.annotations;
  g_autoptr(GArray) order = NULL;
  guint n_in_view = 0, seen = 0;
  double stride;

  if (notes == NULL || notes->len == 0 || !self->view.show_annotations)
    return;
  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), notes->len);
  for (guint i = 0; i < notes->len; i++)
    if (hl_annotation_in_view (g_ptr_array_index (notes, i), &self->view, self->dataset))
      g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_by_time, notes);
  n_in_view = order->len;
  stride = MAX (1.0, (double) n_in_view / NOTES_MAX_TRIED);
  for (guint k = 0; k < order->len; k++)
    {
      /* the k-th is tried when it is the first at or past the next step */
      gboolean try = (guint) floor (k / stride) >= seen;

      seen += try;
      layout_one (self, g_array_index (order, guint, k), try);
    }
  if (self->notes_hidden > 0)
    place_more (self);
}

const HlChartLayerClass _hl_annotations_layer = {
  "annotations", NULL, annotations_layout,
};

/* ------------------------------------------------------------------ */
/* Drawing */

void
_hl_annotations_draw (HlChart *self, cairo_t *cr)
{
  HlRgba bg = hl_rgba_with_alpha (self->style.roles[HL_ROLE_BG], 0.85);
  double lw = self->m->line, pad = self->m->label_pad / 2;

  for (guint i = 0; i < self->notes->len; i++)
    {
      const HlNoteMark *m = &g_array_index (self->notes, HlNoteMark, i);
      HlRgba line = hl_rgba_with_alpha (m->color, 0.75);

      if (m->note >= 0 && m->x1 > m->x0)
        {
          hl_draw_line (cr, m->x0, m->y0, m->x1, m->y0, 2 * lw, line);
          hl_draw_line (cr, m->x0, m->y0, m->x0, m->y1, 2 * lw, line);
          hl_draw_line (cr, m->x1, m->y0, m->x1, m->y1, 2 * lw, line);
        }
      else if (m->note >= 0)
        {
          double edge = m->box.x > m->x0 ? m->box.x : m->box.x + m->box.width;

          hl_draw_line (cr, m->x0, m->y0, m->x0, m->y1, lw, line);
          hl_draw_line (cr, m->x0, m->y0, edge, m->y0, lw, line);
        }
      /* A backing of the background's colour: gridlines and bars under a
       * note do not cross its words. */
      if (!self->style.transparent)
        {
          hl_rgba_set_source (cr, bg);
          hl_draw_rounded_rect (cr, m->box.x - pad, m->box.y, m->box.width + 2 * pad,
                                m->box.height, pad);
          cairo_fill (cr);
        }
      hl_draw_text (cr, m->layout, m->box.x, m->box.y, m->color);
    }
}

/* ------------------------------------------------------------------ */
/* What the chart answers */

int
hl_chart_note_at (HlChart *chart, double x, double y)
{
  double slop;

  g_return_val_if_fail (chart != NULL, -1);

  slop = chart->m->hit_slop;
  for (guint i = chart->notes->len; i-- > 0;)
    {
      const HlNoteMark *m = &g_array_index (chart->notes, HlNoteMark, i);

      if (m->note >= 0 && x >= m->box.x - slop && x <= m->box.x + m->box.width + slop &&
          y >= m->box.y - slop && y <= m->box.y + m->box.height + slop)
        return m->note;
    }
  return -1;
}

gboolean
hl_chart_get_note_box (HlChart *chart, guint note, HlBox *box)
{
  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  for (guint i = 0; i < chart->notes->len; i++)
    if (g_array_index (chart->notes, HlNoteMark, i).note == (int) note)
      {
        *box = g_array_index (chart->notes, HlNoteMark, i).box;
        return TRUE;
      }
  return FALSE;
}

guint
hl_chart_get_n_notes_shown (HlChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->notes->len - (chart->notes_hidden > 0);
}

guint
hl_chart_get_n_notes_hidden (HlChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->notes_hidden;
}

const HlNoteMark *
_hl_chart_get_notes (HlChart *chart, guint *n_notes)
{
  *n_notes = chart->notes->len;
  return (const HlNoteMark *) (gpointer) chart->notes->data;
}
