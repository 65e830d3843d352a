/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The spans layer: in a money or count lane, each event that lasts (it has
 * an "end", data/README.md) drawn as a bar along the bottom of the lane
 * from the x of its start to the x of its end, cut to the plot. Its amount
 * or count stays at its start date (the bars and markers layers, which
 * also label it there); the span only says how long it lasted. A span that
 * started before the view is drawn from the plot's left edge, with its
 * title above it where that fits, since no mark in the view names it. */
#include "config.h"

#include "hl-chart-private.h"
#include "hl-date.h"

/* The bar's thickness, in pixels at scale 1. */
#define SPAN_THICKNESS 4.0

static double
spans_measure (const HlChartLayer *layer, HlChart *chart, double width)
{
  return 0;
}

/* Where a lasting event starts: a calendar date at its first moment. */
static gint64
span_start (const HlEvent *ev)
{
  return ev->date != NULL && ev->date[10] == '\0' ? hl_date_floor_day (ev->time) : ev->time;
}

static void
add_span_label (HlChart *chart, const HlEvent *ev, guint lane, double x0, double x1, double y)
{
  PangoLayout *layout;
  double w, h;
  HlBox box;

  if (ev->title == NULL || x1 - x0 < 24)
    return;
  layout = _hl_chart_shared_layout (chart, chart->style.font_small, ev->title,
                                    PANGO_ALIGN_LEFT);
  _hl_layout_size (layout, &w, &h);
  box = (HlBox) { x0, y - h - 1, w, h };
  if (w > x1 - x0 || box.y < chart->lanes[lane].content.y || _hl_chart_collides (chart, &box, -1))
    return;
  _hl_chart_add_text (chart, layout, box.x, box.y, HL_ROLE_FG, lane);
}

static void
spans_layout (const HlChartLayer *layer, HlChart *chart, const HlBox *area)
{
  HlDataset *ds = chart->dataset;
  const HlLaneLayout *ll = &chart->lanes[layer->lane];
  gboolean usd = hl_dataset_get_lane (ds, layer->lane)->measure == HL_MEASURE_USD;
  guint n = hl_dataset_lane_get_n_lasting (ds, layer->lane);
  double thick = SPAN_THICKNESS * chart->m->s;
  double left = chart->plot.x, right = chart->plot.x + chart->plot.width;
  double y = (usd ? ll->base : ll->content.y + ll->content.height) - thick;

  for (guint i = 0; i < n; i++)
    {
      int index = hl_dataset_lane_get_lasting (ds, layer->lane, i);
      const HlEvent *ev = hl_dataset_get_event (ds, index);
      HlMark span = { { 0 }, index, layer->lane, 1, HL_MARK_BAR, FALSE, FALSE, FALSE };
      gint64 start;
      double x0, x1;

      if (!ev->has_end || !hl_view_shows_event (&chart->view, ds, ev))
        continue;
      start = span_start (ev);
      if (ev->end_time <= chart->view.from || start >= chart->view.to)
        continue;
      x0 = MAX (left, hl_chart_time_to_x (chart, start));
      x1 = MIN (right, hl_chart_time_to_x (chart, ev->end_time));
      if (x1 - x0 < 1)
        x1 = MIN (right, x0 + 1);
      span.box = (HlBox) { x0, y, x1 - x0, thick };
      span.dashed = ev->confidence == HL_CONFIDENCE_SUSPECTED ||
                    ev->confidence == HL_CONFIDENCE_DISPUTED;
      /* a mark: drawn as the lane's bars are, and under the pointer it is
       * the event (its start's mark stays the event's box) */
      g_array_append_val (chart->marks, span);
      if (start < chart->view.from)
        add_span_label (chart, ev, layer->lane, x0, x1, y);
    }
}

const HlChartLayerClass _hl_span_layer = {
  "spans", spans_measure, spans_layout,
};
