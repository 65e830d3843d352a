/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The span lane layer: a lane whose measure is "span" (data/README.md,
 * "Span lanes") draws each event as a bar from the x of its start to the
 * x of its end, packed into rows so that no two in a row overlap: events
 * in start order, each in the first row whose last bar ends before it
 * (greedy interval packing, which uses no more rows than the most events
 * in force at once). Rows as many as the lane's height holds; the rest
 * are counted in a "+N more" note, never dropped silently. A bar cut by
 * the view's edge gets an arrow head there. An event without an end is
 * an instant: a short tick. The label goes inside the bar when it fits,
 * else beside it where that is free, else nowhere (counted too). */
#include "config.h"

#include <math.h>

#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-describe.h"

/* In pixels at scale 1 */
#define ROW_GAP     2.0   /* between rows */
#define BAR_PAD     2.0   /* above and below the label inside a bar */
#define LABEL_INSET 3.0   /* from the bar's end to its label */
#define TICK_WIDTH  2.0   /* an instant */
#define MIN_WIDTH   2.0   /* the narrowest bar */
#define MAX_ROWS    64

/* A span in the view, once packed. */
typedef struct
{
  int      event;
  HlBox    box;
  gboolean before;  /* began before the view: cut at its left */
  gboolean after;   /* goes on past it: cut at its right */
  gboolean instant;
  double   room;    /* x where the next bar of its row starts */
} Packed;


/* Where an event starts: a calendar date at its first moment. */
static gint64
span_start (const HlEvent *ev)
{
  return ev->date != NULL && ev->date[10] == '\0' ? hl_date_floor_day (ev->time) : ev->time;
}

static double
relative_luminance (HlRgba c)
{
  double v[3] = { c.r, c.g, c.b };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

/* The role (foreground or background) that reads best on @lane's colour,
 * for a label inside its solid bar: WCAG's contrast ratio. */
static HlRole
contrast_role (HlChart *chart, guint lane)
{
  double l = relative_luminance (chart->style.lane_colors[lane]);
  double fg = relative_luminance (chart->style.roles[HL_ROLE_FG]);
  double bg = relative_luminance (chart->style.roles[HL_ROLE_BG]);
  double c_fg = (MAX (l, fg) + 0.05) / (MIN (l, fg) + 0.05);
  double c_bg = (MAX (l, bg) + 0.05) / (MIN (l, bg) + 0.05);

  return c_fg >= c_bg ? HL_ROLE_FG : HL_ROLE_BG;
}

/* The span of @ev in pixels, cut to the plot; FALSE when it is not in
 * the view. */
static gboolean
span_extent (HlChart *chart, const HlEvent *ev, Packed *p)
{
  double left = chart->plot.x, right = chart->plot.x + chart->plot.width;
  double s = chart->m->s, x0, x1;
  gint64 start = ev->has_end ? span_start (ev) : ev->time;
  gint64 end = ev->has_end ? ev->end_time : ev->time;

  if (ev->has_end ? (end <= chart->view.from || start >= chart->view.to)
                  : (start < chart->view.from || start >= chart->view.to))
    return FALSE;
  p->instant = !ev->has_end;
  p->before = start < chart->view.from;
  p->after = ev->has_end && end > chart->view.to;
  x0 = hl_chart_time_to_x (chart, start);
  x1 = hl_chart_time_to_x (chart, end);
  if (p->instant)
    {
      x0 -= TICK_WIDTH * s / 2;
      x1 = x0 + TICK_WIDTH * s;
    }
  x0 = MAX (left, x0);
  x1 = MIN (right, MAX (x1, x0 + MIN_WIDTH * s));
  p->box = (HlBox) { x0, 0, x1 - x0, 0 };
  return TRUE;
}

/* Packs the lane's spans in the view into @n_rows rows of @row_h from
 * @top: each in the first row free at its start. Adds their marks;
 * returns the packed ones, and counts those with no row. */
static GArray *
pack (HlChart *chart, guint lane, guint n_rows, double top, double bar_h, guint *n_hidden,
      guint *n_used)
{
  HlDataset *ds = chart->dataset;
  double gap = ROW_GAP * chart->m->s, row_end[MAX_ROWS];
  int row_last[MAX_ROWS];
  guint n = hl_dataset_lane_get_n_events (ds, lane);
  GArray *packed = g_array_new (FALSE, FALSE, sizeof (Packed));

  g_assert (n_rows <= MAX_ROWS);
  for (guint r = 0; r < n_rows; r++)
    {
      row_end[r] = -G_MAXDOUBLE;
      row_last[r] = -1;
    }
  for (guint i = 0; i < n; i++)
    {
      int index = hl_dataset_lane_get_event (ds, lane, i);
      const HlEvent *ev = hl_dataset_get_event (ds, index);
      Packed p = { index };
      guint r = 0;

      if (!hl_view_shows_event (&chart->view, ds, ev) || !span_extent (chart, ev, &p))
        continue;
      while (r < n_rows && row_end[r] + gap > p.box.x)
        r++;
      if (r == n_rows)
        {
          (*n_hidden)++;
          continue;
        }
      p.box.y = top + r * (bar_h + gap);
      p.box.height = bar_h;
      p.room = chart->plot.x + chart->plot.width;
      if (row_last[r] >= 0)
        g_array_index (packed, Packed, row_last[r]).room = p.box.x;
      row_end[r] = p.box.x + p.box.width;
      row_last[r] = (int) packed->len;
      *n_used = MAX (*n_used, r + 1);
      g_array_append_val (packed, p);
    }
  return packed;
}

static double
bar_height (HlChart *chart)
{
  return ceil (_hl_chart_text_height (chart, chart->style.font_small, "Ag") +
               2 * BAR_PAD * chart->m->s);
}

/* The height the rows of every span in view would take (before the lane
 * has a band: the plot's width and the view are known). */
static double
span_lane_measure (const HlChartLayer *layer, HlChart *chart, double width)
{
  double bar_h = bar_height (chart), gap = ROW_GAP * chart->m->s;
  guint n_hidden = 0, n_used = 0;
  g_autoptr(GArray) packed = pack (chart, layer->lane, MAX_ROWS, 0, bar_h, &n_hidden, &n_used);

  return n_used * (bar_h + gap);
}

static void
add_marks (HlChart *chart, guint lane, GArray *packed)
{
  for (guint i = 0; i < packed->len; i++)
    {
      const Packed *p = &g_array_index (packed, Packed, i);
      const HlEvent *ev = hl_dataset_get_event (chart->dataset, p->event);
      HlMark mk = { p->box, p->event, lane, 1, HL_MARK_BAR, FALSE, FALSE, FALSE };

      mk.dashed = ev->confidence == HL_CONFIDENCE_SUSPECTED ||
                  ev->confidence == HL_CONFIDENCE_DISPUTED;
      g_array_append_val (chart->marks, mk);
    }
}

/* The arrow heads of a bar cut by the view's edges, inside the bar;
 * returns the room they take at each end. */
static void
add_arrows (HlChart *chart, const Packed *p, HlRole role, double *inset_l, double *inset_r)
{
  const char *heads[2] = { p->before ? "◂" : NULL, p->after ? "▸" : NULL };

  *inset_l = *inset_r = 0;
  for (guint k = 0; k < 2; k++)
    {
      PangoLayout *layout;
      double w, h, x;
      HlText *t;

      if (heads[k] == NULL)
        continue;
      layout = _hl_chart_shared_layout (chart, chart->style.font_small, heads[k],
                                        PANGO_ALIGN_LEFT);
      _hl_layout_size (layout, &w, &h);
      if (w + 2 > p->box.width / 2)
        {
          g_object_unref (layout);
          continue;
        }
      x = k == 0 ? p->box.x + 1 : p->box.x + p->box.width - w - 1;
      t = _hl_chart_add_text (chart, layout, x, p->box.y + (p->box.height - h) / 2, role, -1);
      t->event = p->event;
      *(k == 0 ? inset_l : inset_r) = w + 1;
    }
}

/* Inside the bar, else after it up to the next bar of its row, else
 * nowhere: returns FALSE then. */
static gboolean
add_label (HlChart *chart, guint lane, const Packed *p, HlRole inside)
{
  const HlEvent *ev = hl_dataset_get_event (chart->dataset, p->event);
  double inset = LABEL_INSET * chart->m->s, in_l = 0, in_r = 0, w, h;
  PangoLayout *layout;
  HlBox box;
  HlText *t;

  if (!p->instant)
    add_arrows (chart, p, inside, &in_l, &in_r);
  if (ev->title == NULL || ev->title[0] == '\0')
    return FALSE;
  layout = _hl_chart_shared_layout (chart, chart->style.font_small, ev->title,
                                    PANGO_ALIGN_LEFT);
  _hl_layout_size (layout, &w, &h);
  box = (HlBox) { p->box.x + in_l + inset, p->box.y + (p->box.height - h) / 2, w, h };
  if (!p->instant && box.x + w + inset + in_r <= p->box.x + p->box.width)
    {
      t = _hl_chart_add_text (chart, layout, box.x, box.y, inside, -1);
      t->event = p->event;
      return TRUE;
    }
  box.x = p->box.x + p->box.width + inset;
  if (box.x + w + inset <= p->room && box.x + w <= chart->plot.x + chart->plot.width &&
      !_hl_chart_collides (chart, &box, p->event))
    {
      t = _hl_chart_add_text (chart, layout, box.x, box.y, HL_ROLE_FG, (int) lane);
      t->event = p->event;
      return TRUE;
    }
  g_object_unref (layout);
  return FALSE;
}

/* "+N more · M unlabelled" at the right of the lane's title line. */
static void
add_hidden_note (HlChart *chart, guint lane)
{
  const HlLaneLayout *ll = &chart->lanes[lane];
  g_autofree char *text = hl_describe_spans_not_shown (ll->spans_hidden, ll->spans_unlabelled);
  PangoLayout *layout;
  double w, h;

  if (text == NULL)
    return;
  layout = _hl_chart_shared_layout (chart, chart->style.font_small, text, PANGO_ALIGN_LEFT);
  _hl_layout_size (layout, &w, &h);
  _hl_chart_add_text (chart, layout, ll->band.x + ll->band.width - w - chart->m->lane_title_inset,
                      ll->band.y, HL_ROLE_MUTED, -1);
}

static void
span_lane_layout (const HlChartLayer *layer, HlChart *chart, const HlBox *area)
{
  HlLaneLayout *ll = &chart->lanes[layer->lane];
  double s = chart->m->s, gap = ROW_GAP * s, bar_h;
  HlRole inside = contrast_role (chart, layer->lane);
  g_autoptr(GArray) packed = NULL;
  guint n_rows, n_used = 0;

  bar_h = bar_height (chart);
  n_rows = (guint) CLAMP (floor ((ll->content.height + gap) / (bar_h + gap)), 0, MAX_ROWS);
  ll->spans_hidden = ll->spans_unlabelled = 0;
  packed = pack (chart, layer->lane, n_rows, ll->content.y, bar_h, &ll->spans_hidden,
                 &n_used);
  add_marks (chart, layer->lane, packed);
  for (guint i = 0; i < packed->len; i++)
    {
      const Packed *p = &g_array_index (packed, Packed, i);
      const HlMark *mk = &g_array_index (chart->marks, HlMark, chart->marks->len - packed->len + i);

      /* a hatched bar is mostly background: its label is in the text colour */
      if (!add_label (chart, layer->lane, p, mk->dashed ? HL_ROLE_FG : inside))
        ll->spans_unlabelled++;
    }
  add_hidden_note (chart, layer->lane);
}

/* Before layout, for the legend's size: whether @lane's spans in view
 * include an instant or a doubtful one (a guess: some may find no row). */
void
_hl_span_lane_find_drawn (HlChart *chart, guint lane, HlDrawn *d)
{
  HlDataset *ds = chart->dataset;
  guint n = hl_dataset_lane_get_n_events (ds, lane);

  for (guint i = 0; i < n; i++)
    {
      const HlEvent *ev = hl_dataset_get_event (ds, hl_dataset_lane_get_event (ds, lane, i));
      Packed p;

      if (!hl_view_shows_event (&chart->view, ds, ev) || !span_extent (chart, ev, &p))
        continue;
      d->span_instants |= !ev->has_end;
      d->doubtful |= ev->confidence == HL_CONFIDENCE_SUSPECTED ||
                     ev->confidence == HL_CONFIDENCE_DISPUTED;
    }
}

gboolean
_hl_chart_mark_is_span_instant (HlChart *chart, const HlMark *mk)
{
  return mk->event >= 0 &&
         hl_dataset_get_lane (chart->dataset, mk->lane)->measure == HL_MEASURE_SPAN &&
         !hl_dataset_get_event (chart->dataset, mk->event)->has_end;
}

const HlChartLayerClass _hl_span_lane_layer = {
  "span-lane", span_lane_measure, span_lane_layout,
};
