/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bar lane layer (a usd lane): a money scale in the left gutter, one
 * bar per pixel column that holds events (the sum of their amounts), and
 * the largest amounts labelled. It only scales the columns' sums. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-describe.h"
#include "hl-scale.h"

#define MAX_AMOUNT_LABELS 24
/* A column of more events than this is one bar even with room: its
 * segments would be slivers. */
#define MAX_STACK         64
#define MAX_AMOUNT_TRIES  200
/* The largest this many may be raised above a crowd, with a leader. */
#define MAX_RAISED        12
/* Places tried for a raised label: 12 rows a quarter label apart, each
 * with N_SHIFTS places from over the bar to nearly two labels aside. */
#define N_SHIFTS          7
#define N_RAISED          (12 * N_SHIFTS)

/* The y of @value on @scale: on the log scale, amounts under the floor
 * (zero too) stand at the floor, which the axis names. */
double
_hl_value_scale_y (const HlValueScale *scale, double value)
{
  if (scale->log)
    {
      double lo = log10 (scale->floor), hi = log10 (MAX (scale->max, scale->floor * 10));
      double lv = log10 (MAX (value, scale->floor));

      return scale->base - (lv - lo) / (hi - lo) * (scale->base - scale->top);
    }
  return scale->base - value / scale->max * (scale->base - scale->top);
}

static void
scale_label (HlChart *chart, const char *label, double y)
{
  PangoLayout *layout = _hl_chart_shared_layout (chart, chart->style.font_small, label,
                                                 PANGO_ALIGN_LEFT);
  double w, h;

  _hl_layout_size (layout, &w, &h);
  _hl_chart_add_text (chart, layout, chart->plot.x - chart->m->scale_gap - w, y - h / 2,
                      HL_ROLE_MUTED, -1);
}

/* Money gridlines, labelled in the left gutter: every one where there
 * is room, else every second, third… so that labels never touch. With
 * nothing to scale, $0 to $10 in whole dollars (hl_money_nice_max). */
static void
money_scale (HlChart *chart, const HlValueScale *scale, double step)
{
  double usd_max = scale->max;
  guint every;

  every = _hl_chart_money_label_every (chart, usd_max / step, scale->base - scale->top);
  for (guint k = 0; k * step <= usd_max + step / 2; k++)
    {
      double v = k * step, y = _hl_value_scale_y (scale, v);
      g_autofree char *label = NULL;

      _hl_chart_add_line (chart, chart->plot.x, y, chart->plot.x + chart->plot.width, y,
                          v == 0 ? HL_ROLE_AXIS : HL_ROLE_GRID);
      if (k % every != 0)
        continue;
      label = hl_money_format_short (v);
      scale_label (chart, label, y);
    }
}

/* The log scale's decades from the floor, which is labelled "≤$1K":
 * zero and smaller amounts stand there. */
static void
log_money_scale (HlChart *chart, const HlValueScale *scale)
{
  double n = log10 (scale->max / scale->floor);
  guint every = _hl_chart_money_label_every (chart, n, scale->base - scale->top);
  double v = scale->floor;

  for (guint k = 0; v <= scale->max * 1.0001; k++, v *= 10)
    {
      double y = _hl_value_scale_y (scale, v);
      g_autofree char *amount = hl_money_format_short (v);
      g_autofree char *label = k == 0 ? g_strconcat ("≤", amount, NULL) : g_strdup (amount);

      _hl_chart_add_line (chart, chart->plot.x, y, chart->plot.x + chart->plot.width, y,
                          k == 0 ? HL_ROLE_AXIS : HL_ROLE_GRID);
      if (k % every == 0)
        scale_label (chart, label, y);
    }
}

/* The events of a column as segments, largest at the base, each its own
 * mark (its own confidence style, card and target); at least a pixel
 * each, so none is lost. The whole stack is as tall as their sum. */
static void
stack (HlChart *chart, guint lane, guint col, const HlColumn *c, const HlValueScale *scale,
       double bw)
{
  const HlLaneLayout *ll = &chart->lanes[lane];
  const HlEvent *events = hl_dataset_get_events (chart->dataset);
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (int));
  double x = chart->plot.x + col + 0.5, sum = 0, y = ll->base;

  hl_columns_get_column_events (chart->columns, lane, col, list);
  for (guint k = 0; k < list->len; k++)
    {
      int e = g_array_index (list, int, k);
      const HlEvent *ev = &events[e];
      gboolean doubtful = ev->confidence == HL_CONFIDENCE_SUSPECTED ||
                          ev->confidence == HL_CONFIDENCE_DISPUTED;
      HlMark mark = { { 0 }, e, lane, 1, HL_MARK_BAR, FALSE, doubtful,
                      c->any_match && hl_view_event_matches (&chart->view, ev), TRUE };
      double top;

      sum += ev->usd;
      top = MIN (_hl_value_scale_y (scale, sum), y - 1);
      mark.box = (HlBox) { x - bw / 2, top, bw, y - top };
      g_array_append_val (chart->marks, mark);
      y = top;
    }
}

/* A column of one event whose amount is not known: no bar (it is not $0). */
static gboolean
is_amount_unknown (const HlColumn *c, const HlEvent *events)
{
  return c->n == 1 && events[c->top].usd_unknown;
}

/* A column of one event known only to the month or year: a hollow bar. */
static gboolean
is_date_imprecise (const HlColumn *c, const HlEvent *events)
{
  return c->n == 1 && events[c->top].date_precision != HL_DATE_PRECISION_DAY;
}

/* What the bars leave out or cannot say: an event with no amount is a
 * hollow square on the baseline, and one known only to the month (or
 * year) has, under its hollow bar, a line along the baseline across that
 * whole month (or year). Both are marks of their event, for hover. */
static void
uncertain_marks (HlChart *chart, guint lane, const HlColumn *cols)
{
  const HlLaneLayout *ll = &chart->lanes[lane];
  const HlEvent *events = hl_dataset_get_events (chart->dataset);
  guint n_cols = hl_columns_get_n_columns (chart->columns);
  double s = MAX (6, chart->m->bar_width * 1.5);

  for (guint i = 0; i < n_cols; i++)
    {
      const HlColumn *c = &cols[i];
      HlMark mark = { { 0 }, c->top, lane, 1, HL_MARK_SQUARE, TRUE, FALSE, c->any_match };
      const HlEvent *ev;
      int y, m, d;
      double x0, x1;

      if (is_amount_unknown (c, events))
        {
          double x = ll->aggregated ? chart->plot.x + i + 0.5
                                    : hl_chart_time_to_x (chart, events[c->top].time);

          mark.box = (HlBox) { x - s / 2, ll->base - s, s, s };
          g_array_append_val (chart->marks, mark);
        }
      if (!is_date_imprecise (c, events))
        continue;
      ev = &events[c->top];
      hl_date_to_ymd (ev->time, &y, &m, &d);
      x0 = hl_chart_time_to_x (chart, hl_date_from_ymd (y, m, 1));
      if (ev->date_precision == HL_DATE_PRECISION_YEAR)
        x1 = hl_chart_time_to_x (chart, hl_date_from_ymd (y + 1, 1, 1));
      else
        x1 = hl_chart_time_to_x (chart, m == 12 ? hl_date_from_ymd (y + 1, 1, 1)
                                                : hl_date_from_ymd (y, m + 1, 1));
      x0 = MAX (x0, chart->plot.x);
      x1 = MIN (x1, chart->plot.x + chart->plot.width);
      if (x1 - x0 < 2)
        continue;
      mark.shape = HL_MARK_LINE;
      mark.hollow = FALSE;
      mark.box = (HlBox) { x0, ll->base - 4, x1 - x0, 8 };
      g_array_append_val (chart->marks, mark);
    }
}

/* One bar per used column; when columns crowd, bars are one pixel wide
 * so that neighbours never hide each other. */
static void
bars (HlChart *chart, guint lane, const HlColumn *cols, const HlValueScale *scale)
{
  const HlLaneLayout *ll = &chart->lanes[lane];
  const HlEvent *events = hl_dataset_get_events (chart->dataset);
  guint n_cols = hl_columns_get_n_columns (chart->columns);
  double bw = ll->aggregated ? 1 : chart->m->bar_width;

  for (guint i = 0; i < n_cols; i++)
    {
      const HlColumn *c = &cols[i];
      HlMark mark = { { 0 }, c->top, lane, c->n, HL_MARK_BAR, FALSE, c->all_doubtful,
                      c->any_match };
      double x, top;

      if (c->n == 0 || is_amount_unknown (c, events))
        continue;
      mark.hollow = is_date_imprecise (c, events);
      if (c->n > 1 && c->n <= MAX_STACK && !ll->aggregated && !scale->log)
        {
          stack (chart, lane, i, c, scale, bw);
          continue;
        }
      x = c->n == 1 && !ll->aggregated ? hl_chart_time_to_x (chart, events[c->top].time)
                                        : chart->plot.x + i + 0.5;
      top = _hl_value_scale_y (scale, c->usd);
      /* Nothing disappears for being small: at least one pixel tall. */
      top = MIN (top, ll->base - 1);
      mark.box = (HlBox) { x - bw / 2, top, bw, ll->base - top };
      if (ll->aggregated)
        hl_placement_snap_bar (&mark.box);
      g_array_append_val (chart->marks, mark);
    }
}

/* Largest first: a column by its largest event, so that a merged
 * column's label comes in its largest event's place. */
static int
compare_by_usd_desc (gconstpointer a, gconstpointer b, gpointer data)
{
  const HlChart *chart = data;
  const HlEvent *events = hl_dataset_get_events (chart->dataset);
  const HlMark *ma = a, *mb = b;
  double ua = events[ma->event].usd, ub = events[mb->event].usd;

  if (ua != ub)
    return ua < ub ? 1 : -1;
  return ma->event < mb->event ? -1 : ma->event > mb->event;
}

/* "Title\n$41M"; for a merged column, its largest event and how many
 * more, over the column's sum: "Huge heist +1\n$1.04B". */
static char *
amount_text (HlChart *chart, const HlMark *mk, const HlEvent *ev, const HlColumn *cols)
{
  g_autofree char *amount = NULL;
  g_autofree char *more = NULL;
  double usd = ev->usd;

  if (mk->n_events > 1 && mk->bin > 0)
    {
      usd = g_array_index (chart->bins, HlChartBin, mk->bin - 1).bin.sum.usd;
      amount = hl_money_format_short (usd);
      more = hl_describe_number (mk->n_events - 1);
      return g_strdup_printf ("%s +%s\n%s", ev->title, more, amount);
    }
  if (mk->n_events > 1)
    {
      guint col = (guint) CLAMP (mk->box.x + mk->box.width / 2 - chart->plot.x, 0,
                                 hl_columns_get_n_columns (chart->columns) - 1);

      usd = cols[col].usd;
      amount = hl_money_format_short (usd);
      more = hl_describe_number (mk->n_events - 1);
      return g_strdup_printf ("%s +%s\n%s", ev->title, more, amount);
    }
  amount = ev->usd_unknown ? hl_describe_amount (chart->dataset, ev)
                           : hl_money_format_short (usd);
  return g_strdup_printf ("%s\n%s", ev->title, amount);
}

static double
turn (double ax, double ay, double bx, double by, double cx, double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/* Do two leaders cross (strictly, away from their ends)? */
static gboolean
leaders_cross (const HlLine *a, const HlLine *b)
{
  return turn (a->x0, a->y0, a->x1, a->y1, b->x0, b->y0) *
         turn (a->x0, a->y0, a->x1, a->y1, b->x1, b->y1) < 0 &&
         turn (b->x0, b->y0, b->x1, b->y1, a->x0, a->y0) *
         turn (b->x0, b->y0, b->x1, b->y1, a->x1, a->y1) < 0;
}

/* Does a leader line cross any text but the one at @own (with a margin
 * that keeps it off their edges), or another leader? */
static gboolean
leader_crosses (HlChart *chart, const HlLine *l, guint own, gboolean strict)
{
  const HlBox *boxes = (const HlBox *) (gpointer) chart->text_boxes->data;

  for (guint i = 0; strict && i < chart->lines->len; i++)
    {
      const HlLine *other = &g_array_index (chart->lines, HlLine, i);

      if (other->leader && leaders_cross (l, other))
        return TRUE;
    }

  for (guint k = 0; k < chart->text_boxes->len; k++)
    {
      HlBox grown = { boxes[k].x - 2, boxes[k].y - 2, boxes[k].width + 4, boxes[k].height + 4 };

      if (k != own && hl_segment_enters_box (l->x0, l->y0, l->x1, l->y1, &grown))
        return TRUE;
    }
  return FALSE;
}

/* Does @box (a label just placed) lie on any leader drawn so far? */
static gboolean
on_a_leader (HlChart *chart, const HlBox *box)
{
  HlBox grown = { box->x - 2, box->y - 2, box->width + 4, box->height + 4 };

  for (guint i = 0; i < chart->lines->len; i++)
    {
      const HlLine *l = &g_array_index (chart->lines, HlLine, i);

      if (l->leader && hl_segment_enters_box (l->x0, l->y0, l->x1, l->y1, &grown))
        return TRUE;
    }
  return FALSE;
}

static void
drop_last_text (HlChart *chart)
{
  HlText *t = &g_array_index (chart->texts, HlText, chart->texts->len - 1);

  g_object_unref (t->layout);
  g_array_set_size (chart->texts, chart->texts->len - 1);
  g_array_set_size (chart->text_boxes, chart->text_boxes->len - 1);
}

/* A label the crowd around its bar leaves no room for, higher up over
 * it, with a leader line down to the bar: for the largest few only, so
 * that none of them is left unlabelled beside smaller labelled ones. The
 * leader is one straight line from the label's point nearest the bar top
 * to it, and a place whose leader would cross other text is not taken
 * (nor one that crosses another leader, unless no other place is left). */
static gboolean
raise_label (HlChart *chart, PangoLayout *layout, const HlMark *mk, const HlBox *bounds)
{
  HlPoint cand[N_RAISED];
  double w, h, cx = mk->box.x + mk->box.width / 2, gap = chart->m->amount_gap;

  _hl_layout_size (layout, &w, &h);
  /* nearest first: up over the bar, then to either side, farther out;
   * then the rows between those, where a neighbour's label above leaves
   * no room a whole row up */
  for (guint k = 0; k < N_RAISED / N_SHIFTS; k++)
    {
      static const double shift[N_SHIFTS] = { 0, 0.7, -0.7, 1.2, -1.2, 1.8, -1.8 };
      /* in quarter-label steps: 6 rows, then the 6 between them */
      guint row = k < 6 ? 2 * k + 1 : 2 * (k - 6);
      double y = mk->box.y - gap - h - (row + 1) * (h / 2 + gap) / 2;

      for (guint j = 0; j < N_SHIFTS; j++)
        cand[N_SHIFTS * k + j] = (HlPoint) { cx - w / 2 + shift[j] * w, y };
    }
  for (guint i = 0; i < 2 * N_RAISED; i++)
    {
      const HlText *t;
      HlLine leader = { 0 };

      g_object_ref (layout);
      if (!_hl_chart_place_label (chart, layout, bounds, &cand[i % N_RAISED], 1, mk->event, -1,
                                  HL_ROLE_FG))
        continue;
      t = &g_array_index (chart->texts, HlText, chart->texts->len - 1);
      leader.x0 = CLAMP (cx, t->box.x, t->box.x + t->box.width);
      leader.y0 = t->box.y + t->box.height;
      leader.x1 = cx;
      leader.y1 = mk->box.y - 1;
      if (leader.y1 > leader.y0 &&
          !leader_crosses (chart, &leader, chart->texts->len - 1, i < N_RAISED) &&
          !on_a_leader (chart, &t->box))
        {
          _hl_chart_add_line (chart, leader.x0, leader.y0, leader.x1, leader.y1,
                              HL_ROLE_MUTED);
          g_array_index (chart->lines, HlLine, chart->lines->len - 1).leader = TRUE;
          return TRUE;
        }
      drop_last_text (chart);
    }
  return FALSE;
}

/* A label just placed that lies on a raised label's leader is taken
 * back (TRUE). */
static gboolean
on_label_leader (HlChart *chart)
{
  if (!on_a_leader (chart, &g_array_index (chart->text_boxes, HlBox,
                                           chart->text_boxes->len - 1)))
    return FALSE;
  drop_last_text (chart);
  return TRUE;
}

/* A label placed beside its bar, not over it, has its lines flush on
 * the bar's side (right-aligned left of it, left-aligned right of it):
 * centred, a long title pushed the amount under it far from its bar,
 * over another date. */
static void
align_toward_bar (HlChart *chart, const HlBox *bar, const char *text)
{
  HlText *t = &g_array_index (chart->texts, HlText, chart->texts->len - 1);
  PangoAlignment alignment;

  if (t->box.x >= bar->x + bar->width)
    alignment = PANGO_ALIGN_LEFT;
  else if (t->box.x + t->box.width <= bar->x)
    alignment = PANGO_ALIGN_RIGHT;
  else
    return;
  g_object_unref (t->layout);
  t->layout = _hl_chart_shared_layout (chart, chart->style.font_label, text, alignment);
}

/* Is @other a segment of @mk's bin, or of its same-day stack? */
static gboolean
same_group (const HlMark *mk, const HlMark *other)
{
  if (mk->bin > 0)
    return other->bin == mk->bin;
  return mk->stacked && other->stacked && other->bin == 0 && other->box.x == mk->box.x &&
         other->box.width == mk->box.width;
}

/* Amount labels, largest first, wherever one fits with its gap. */
/* A same-day stack is labelled as one bar: a segment's label goes where
 * the whole stack's would (over its top, not into the segments above it). */
static HlBox
stack_box (HlChart *chart, guint first_mark, const HlMark *mk)
{
  HlBox box = mk->box;

  for (guint i = first_mark; i < chart->marks->len; i++)
    {
      const HlMark *other = &g_array_index (chart->marks, HlMark, i);

      if (same_group (mk, other))
        {
          double bottom = MAX (box.y + box.height, other->box.y + other->box.height);

          box.y = MIN (box.y, other->box.y);
          box.height = bottom - box.y;
        }
    }
  return box;
}

/* A bin's label stands for the whole bin, a same-day stack's for the
 * whole stack: while it is placed, the other segments are lent the
 * label's event, so that they count as its own mark (the label sits over
 * the bin or stack, not a half em clear of it). Without that, a stack's
 * largest event found every place taken by the small one on top of it,
 * and the tallest bar of a view went unlabelled. */
typedef struct
{
  guint n;
  int   events[32];
} LentEvents;

static void
lend_group_events (HlChart *chart, guint first_mark, const HlMark *mk, LentEvents *lent)
{
  HlMark *marks = (HlMark *) (gpointer) chart->marks->data;

  lent->n = 0;
  for (guint i = first_mark; i < chart->marks->len && (mk->bin > 0 || mk->stacked); i++)
    if (same_group (mk, &marks[i]) && lent->n < G_N_ELEMENTS (lent->events))
      {
        lent->events[lent->n++] = marks[i].event;
        marks[i].event = mk->event;
      }
}

static void
return_group_events (HlChart *chart, guint first_mark, const HlMark *mk, const LentEvents *lent)
{
  HlMark *marks = (HlMark *) (gpointer) chart->marks->data;
  guint k = 0;

  for (guint i = first_mark; i < chart->marks->len && k < lent->n; i++)
    if (same_group (mk, &marks[i]))
      marks[i].event = lent->events[k++];
}

static void
amount_labels (HlChart *chart, guint lane, guint first_mark, const HlColumn *cols)
{
  const HlLaneLayout *ll = &chart->lanes[lane];
  const HlEvent *events = hl_dataset_get_events (chart->dataset);
  guint n_marks = chart->marks->len - first_mark, placed = 0, tried = 0;
  g_autofree HlMark *sorted = g_memdup2 (&g_array_index (chart->marks, HlMark, first_mark),
                                         n_marks * sizeof (HlMark));
  HlBox bounds = { chart->plot.x, ll->content.y, chart->plot.width, ll->base - ll->content.y };
  HlObstacles obstacles;

  g_qsort_with_data (sorted, n_marks, sizeof (HlMark), compare_by_usd_desc, chart);
  _hl_chart_prepare_estimate (chart, &chart->est_label, chart->style.font_label);
  for (guint i = 0; i < n_marks && placed < MAX_AMOUNT_LABELS && tried < MAX_AMOUNT_TRIES; i++)
    {
      HlMark *mk = &sorted[i];
      const HlEvent *ev = &events[mk->event];
      g_autofree char *text = NULL;
      HlPoint cand[HL_N_BAR_CANDIDATES];
      PangoLayout *layout;
      gboolean raised;
      LentEvents lent;
      double w, h;

      if (mk->n_events == 0 || mk->shape == HL_MARK_LINE)
        continue;   /* a part of a bin (the bin is labelled once), a month's line */
      if (mk->bin > 0)
        mk->box = g_array_index (chart->bins, HlChartBin, mk->bin - 1).box;
      else if (mk->stacked)
        mk->box = stack_box (chart, first_mark, mk);
      raised = tried++ < MAX_RAISED;
      text = amount_text (chart, mk, ev, cols);
      _hl_chart_obstacles (chart, &obstacles);
      if (!raised &&
          !hl_placement_may_fit (&obstacles, &chart->est_label, text, (const HlMarkBox *) mk,
                                 &bounds, chart->m, hl_placement_bar_candidates,
                                 HL_N_BAR_CANDIDATES))
        continue;
      layout = _hl_chart_shared_layout (chart, chart->style.font_label, text, PANGO_ALIGN_CENTER);
      _hl_layout_size (layout, &w, &h);
      hl_placement_bar_candidates (&mk->box, w, h, chart->m, cand);
      if (raised)
        g_object_ref (layout);
      lend_group_events (chart, first_mark, mk, &lent);
      if (_hl_chart_place_label (chart, layout, &bounds, cand, HL_N_BAR_CANDIDATES, mk->event,
                                 -1, HL_ROLE_FG) &&
          !on_label_leader (chart))
        {
          align_toward_bar (chart, &mk->box, text);
          placed++;
          if (raised)
            g_object_unref (layout);
        }
      else if (raised)
        {
          placed += raise_label (chart, layout, mk, &bounds);
          g_object_unref (layout);
        }
      return_group_events (chart, first_mark, mk, &lent);
    }
}

static double
bar_lane_measure (const HlChartLayer *layer, HlChart *chart, double width)
{
  return 0;  /* money lanes share the room the count lanes leave */
}

/* @area: the lane's band; its content and value range come from the
 * chart's allocation. */
static void
bar_lane_layout (const HlChartLayer *layer, HlChart *chart, const HlBox *area)
{
  guint lane = layer->lane, first_mark = chart->marks->len;
  const HlLaneLayout *ll = &chart->lanes[lane];
  const HlColumn *cols = hl_columns_get_lane (chart->columns, lane, NULL);
  guint n_cols = hl_columns_get_n_columns (chart->columns);
  double max_sum = 0, step = 1;
  HlValueScale scale = { ll->base, ll->top, 0, chart->view.money_scale == HL_MONEY_LOG,
                         HL_LOG_FLOOR };
  HlTickSpec unit;
  gboolean binned = _hl_chart_lane_binned (chart, lane, &unit);

  g_assert (cols != NULL);
  if (binned)
    max_sum = _hl_chart_money_bins (chart, lane, unit, NULL);
  else
    for (guint i = 0; i < n_cols; i++)
      max_sum = MAX (max_sum, cols[i].usd);
  if (scale.log)
    {
      scale.max = MAX (scale.floor * 10, pow (10, ceil (log10 (MAX (max_sum, 1)) - 1e-9)));
      log_money_scale (chart, &scale);
    }
  else
    {
      scale.max = hl_money_nice_max (max_sum, &step);
      money_scale (chart, &scale, step);
    }
  if (binned)
    _hl_chart_money_bins (chart, lane, unit, &scale);
  else
    {
      bars (chart, lane, cols, &scale);
      uncertain_marks (chart, lane, cols);
    }
  amount_labels (chart, lane, first_mark, cols);
}

const HlChartLayerClass _hl_bar_lane_layer = {
  "bar-lane", bar_lane_measure, bar_lane_layout,
};
