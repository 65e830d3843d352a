/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bar lane layer (a usd lane): a money scale in the left gutter, one
 * bar per pixel column that holds events (the sum of their amounts), and
 * the largest amounts labelled. It only scales the columns' sums. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-describe.h"
#include "hl-scale.h"

#define MAX_AMOUNT_LABELS 24
#define MAX_AMOUNT_TRIES  200

static double
value_y (const HlLaneLayout *ll, double v, double max)
{
  return ll->base - v / max * (ll->base - ll->top);
}

/* Money gridlines, labelled in the left gutter: every one where there
 * is room, else every second, third… so that labels never touch. */
static void
money_scale (HlChart *chart, const HlLaneLayout *ll, double usd_max, double step)
{
  guint every = _hl_chart_money_label_every (chart, usd_max / step, ll->base - ll->top);
  double w, h;

  for (guint k = 0; k * step <= usd_max + step / 2; k++)
    {
      double v = k * step, y = value_y (ll, v, usd_max);
      g_autofree char *label = NULL;
      PangoLayout *layout;

      _hl_chart_add_line (chart, chart->plot.x, y, chart->plot.x + chart->plot.width, y,
                          v == 0 ? HL_ROLE_AXIS : HL_ROLE_GRID);
      if (k % every != 0)
        continue;
      label = hl_money_format_short (v);
      layout = _hl_chart_shared_layout (chart, chart->style.font_small, label, PANGO_ALIGN_LEFT);
      _hl_layout_size (layout, &w, &h);
      _hl_chart_add_text (chart, layout, chart->plot.x - chart->m->scale_gap - w, y - h / 2,
                          HL_ROLE_MUTED, -1);
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
bars (HlChart *chart, guint lane, const HlColumn *cols, double usd_max)
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
      x = c->n == 1 && !ll->aggregated ? hl_chart_time_to_x (chart, events[c->top].time)
                                        : chart->plot.x + i + 0.5;
      top = value_y (ll, c->usd, usd_max);
      /* Nothing disappears for being small: at least one pixel tall. */
      top = MIN (top, ll->base - 1);
      mark.box = (HlBox) { x - bw / 2, top, bw, ll->base - top };
      if (ll->aggregated)
        hl_placement_snap_bar (&mark.box);
      g_array_append_val (chart->marks, mark);
    }
}

/* Which marks amount_labels() labels: one event's, and in a lane with
 * room (not aggregated) also a column of events at the same spot (two
 * thefts of one day), by its largest. */
static gboolean
is_labelled (const HlLaneLayout *ll, const HlMark *mk)
{
  return mk->shape != HL_MARK_LINE && (mk->n_events == 1 || !ll->aggregated);
}

static int
compare_by_usd_desc (gconstpointer a, gconstpointer b, gpointer data)
{
  const HlChart *chart = data;
  const HlEvent *events = hl_dataset_get_events (chart->dataset);
  const HlMark *ma = a, *mb = b;
  const HlLaneLayout *ll = &chart->lanes[ma->lane];
  double ua = is_labelled (ll, ma) ? events[ma->event].usd : 0;
  double ub = is_labelled (ll, mb) ? events[mb->event].usd : 0;

  return ua < ub ? 1 : ua > ub ? -1 : 0;
}

/* "Poloniex\n$123M", and under it "and 1 more" for a column of several */
static char *
label_text (HlChart *chart, const HlMark *mk, const HlEvent *ev)
{
  g_autofree char *amount = ev->usd_unknown ? hl_describe_amount (chart->dataset, ev)
                                            : hl_money_format_short (ev->usd);
  g_autofree char *more = NULL;

  if (mk->n_events == 1)
    return g_strdup_printf ("%s\n%s", ev->title, amount);
  /* TRANSLATORS: under a bar's label: other events in the same bar */
  more = g_strdup_printf (ngettext ("and %u more", "and %u more", mk->n_events - 1),
                          mk->n_events - 1);
  return g_strdup_printf ("%s\n%s\n%s", ev->title, amount, more);
}

/* Amount labels, largest first, wherever one fits. */
static void
amount_labels (HlChart *chart, guint lane, guint first_mark)
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
      const HlMark *mk = &sorted[i];
      const HlEvent *ev = &events[mk->event];
      g_autofree char *text = NULL;
      HlPoint cand[HL_N_BAR_CANDIDATES];
      PangoLayout *layout;
      double w, h;

      if (!is_labelled (ll, mk))
        continue;
      tried++;
      text = label_text (chart, mk, ev);
      _hl_chart_obstacles (chart, &obstacles);
      if (!hl_placement_may_fit (&obstacles, &chart->est_label, text, (const HlMarkBox *) mk,
                                 &bounds, chart->m, hl_placement_bar_candidates,
                                 HL_N_BAR_CANDIDATES))
        continue;
      layout = _hl_chart_shared_layout (chart, chart->style.font_label, text, PANGO_ALIGN_CENTER);
      _hl_layout_size (layout, &w, &h);
      hl_placement_bar_candidates (&mk->box, w, h, chart->m, cand);
      if (_hl_chart_place_label (chart, layout, &bounds, cand, HL_N_BAR_CANDIDATES, mk->event,
                                 -1, HL_ROLE_FG))
        placed++;
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
  const HlColumn *cols = hl_columns_get_lane (chart->columns, lane, NULL);
  guint n_cols = hl_columns_get_n_columns (chart->columns);
  double max_sum = 0, step, usd_max;

  g_assert (cols != NULL);
  for (guint i = 0; i < n_cols; i++)
    max_sum = MAX (max_sum, cols[i].usd);
  usd_max = hl_money_nice_max (max_sum, &step);
  money_scale (chart, &chart->lanes[lane], usd_max, step);
  bars (chart, lane, cols, usd_max);
  uncertain_marks (chart, lane, cols);
  amount_labels (chart, lane, first_mark);
}

const HlChartLayerClass _hl_bar_lane_layer = {
  "bar-lane", bar_lane_measure, bar_lane_layout,
};
