/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The cumulative layer: one running total over every visible money lane,
 * column by column, on its own scale at the right, across the money
 * lanes' bands. Its last point is the subtitle's total. */
#include "config.h"

#include "hl-chart-private.h"
#include "hl-scale.h"

typedef struct
{
  double top, base;     /* the value range: the money lanes' together */
  double max;           /* the scale's top value */
} Range;

static double
range_y (const Range *r, double v)
{
  return r->base - v / r->max * (r->base - r->top);
}

/* The money lanes' value ranges together; FALSE without money lanes. */
static gboolean
money_range (HlChart *chart, Range *r)
{
  guint n_lanes = MIN (hl_dataset_get_n_lanes (chart->dataset), HL_VIEW_MAX_LANES);
  gboolean any = FALSE;

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      const HlLaneLayout *ll = &chart->lanes[lane];

      if (!hl_view_lane_visible (&chart->view, lane) ||
          hl_dataset_get_lane (chart->dataset, lane)->measure != HL_MEASURE_USD)
        continue;
      r->top = any ? MIN (r->top, ll->top) : ll->top;
      r->base = any ? MAX (r->base, ll->base) : ll->base;
      any = TRUE;
    }
  return any;
}

/* The sum of the money lanes' amounts in column @i. */
static double
column_usd (HlChart *chart, guint i, gboolean *any)
{
  guint n_lanes = MIN (hl_dataset_get_n_lanes (chart->dataset), HL_VIEW_MAX_LANES);
  double usd = 0;

  *any = FALSE;
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      const HlColumn *c = hl_columns_get_lane (chart->columns, lane, NULL);

      if (c == NULL || c[i].n == 0 ||
          hl_dataset_get_lane (chart->dataset, lane)->measure != HL_MEASURE_USD)
        continue;
      usd += c[i].usd;
      *any = TRUE;
    }
  return usd;
}

/* Steps up at each column with events: from the plot's left edge on the
 * baseline to its right edge at the total. */
static void
build_path (HlChart *chart, const Range *r)
{
  guint n_cols = hl_columns_get_n_columns (chart->columns);
  double run = 0;

  g_array_set_size (chart->cumulative, 0);
  for (guint i = 0; i < n_cols; i++)
    {
      gboolean any;
      double usd = column_usd (chart, i, &any), pt[2];

      if (!any)
        continue;
      if (chart->cumulative->len == 0)
        {
          pt[0] = chart->plot.x;
          pt[1] = r->base;
          g_array_append_vals (chart->cumulative, pt, 2);
        }
      pt[0] = chart->plot.x + i + 0.5;
      pt[1] = range_y (r, run);
      g_array_append_vals (chart->cumulative, pt, 2);
      run += usd;
      pt[1] = range_y (r, run);
      g_array_append_vals (chart->cumulative, pt, 2);
    }
  {
    double pt[2] = { chart->plot.x + chart->plot.width, range_y (r, run) };

    g_array_append_vals (chart->cumulative, pt, 2);
  }
}

/* Its scale, labelled in the right gutter. */
static void
right_scale (HlChart *chart, const Range *r, double step)
{
  guint every = _hl_chart_money_label_every (chart, r->max / step, r->base - r->top);
  double x = chart->plot.x + chart->plot.width + chart->m->right_scale_gap, w, h;

  for (guint k = every; k * step <= r->max + step / 2; k += every)
    {
      double v = k * step;
      g_autofree char *label = hl_money_format_short (v);
      PangoLayout *layout = _hl_chart_shared_layout (chart, chart->style.font_small, label,
                                                     PANGO_ALIGN_LEFT);

      _hl_layout_size (layout, &w, &h);
      _hl_chart_add_text (chart, layout, x, range_y (r, v) - h / 2, HL_ROLE_CUMULATIVE, -1);
    }
}

static double
cumulative_measure (const HlChartLayer *layer, HlChart *chart, double width)
{
  return 0;  /* it draws over the money lanes, its scale in the right gutter */
}

/* Before the lanes' labels, which keep clear of the line. */
static void
cumulative_layout (const HlChartLayer *layer, HlChart *chart, const HlBox *area)
{
  const HlTotals *totals = hl_columns_get_totals (chart->columns);
  Range r = { 0, 0, 0 };
  double step;

  if (!chart->drawn.cumulative || !money_range (chart, &r))
    return;
  r.max = hl_money_nice_max (totals->usd, &step);
  build_path (chart, &r);
  right_scale (chart, &r, step);
}

const HlChartLayerClass _hl_cumulative_layer = {
  "cumulative", cumulative_measure, cumulative_layout,
};
