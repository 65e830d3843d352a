/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The periods layer: a dataset's periods as tinted bands behind the
 * lanes, labelled in a strip above the plot. */
#include "config.h"

#include "hl-chart-private.h"

/* The label strip's height; 0 when there is nothing to show. */
static double
periods_measure (const HlChartLayer *layer, HlChart *chart, double width)
{
  if (!chart->view.show_periods || hl_dataset_get_n_periods (chart->dataset) == 0 ||
      (chart->dropped & HL_DROP_PERIODS))
    return 0;
  return _hl_chart_text_height (chart, chart->style.font_small, "Ag") +
         chart->m->period_inset;
}

static void
add_period_label (HlChart *chart, const HlPeriod *p, double xa, double xb, double label_y)
{
  const HlMetrics *m = chart->m;
  PangoLayout *layout = _hl_chart_new_layout (chart, chart->style.font_small, p->label);
  double w, h;

  pango_layout_set_width (layout, (int) ((xb - xa - 2 * m->period_inset) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  _hl_layout_size (layout, &w, &h);
  /* A label cut down to a lone "…" says nothing: leave it out. */
  if (pango_layout_is_ellipsized (layout) ? w >= m->period_label_min : w > 0)
    {
      HlBox box = { xa + m->period_inset, label_y, w, h };

      if (!_hl_chart_collides (chart, &box, -2))
        {
          _hl_chart_add_text (chart, layout, box.x, box.y, HL_ROLE_BAND_TEXT, -1);
          return;
        }
    }
  g_object_unref (layout);
}

/* @area: from the label strip's top to the plot's bottom. */
static void
periods_layout (const HlChartLayer *layer, HlChart *chart, const HlBox *area)
{
  for (guint i = 0; i < hl_dataset_get_n_periods (chart->dataset); i++)
    {
      const HlPeriod *p = hl_dataset_get_period (chart->dataset, i);
      double xa = MAX (hl_chart_time_to_x (chart, p->from), chart->plot.x);
      double xb = MIN (hl_chart_time_to_x (chart, p->to), chart->plot.x + chart->plot.width);
      HlSwatch band = { { xa, chart->plot.y, xb - xa, chart->plot.height }, HL_ROLE_BAND, -1,
                        HL_MARK_SQUARE, FALSE, FALSE };

      if (xb - xa < 1)
        continue;
      g_array_append_val (chart->rects, band);
      add_period_label (chart, p, xa, xb, area->y);
    }
}

const HlChartLayerClass _hl_periods_layer = {
  "periods", periods_measure, periods_layout,
};
