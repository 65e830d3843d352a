/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The periods layer: a dataset's periods as tinted bands behind the
 * lanes, labelled in a strip above the plot.
 *
 * Its cost is bounded by the pixels, not by the number of periods: the
 * periods are reduced to the pixel columns they cover (one pass of cheap
 * arithmetic), overlapping or touching periods merge into one band, and
 * each band gets at most one label, the widest of its periods', shaped
 * only where a label has room. A 100,000-period file draws as many bands
 * as there are runs of covered columns. */
#include "config.h"

#include <math.h>

#include "hl-chart-private.h"

typedef struct
{
  double xa, xb;    /* the band's extent, exactly */
  int    widest;    /* the period with the most room for its label */
  double widest_w;
} Band;

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
  PangoLayout *layout;
  double w, h;

  /* Not even a short label would fit: no need to shape this one. */
  if (xb - xa - 2 * m->period_inset < m->period_label_min)
    return;
  layout = _hl_chart_new_layout (chart, chart->style.font_small, p->label);
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

/* The visible part of period @p in plot x; FALSE when under a pixel. */
static gboolean
period_extent (HlChart *chart, const HlPeriod *p, double *xa, double *xb)
{
  double left = chart->plot.x, right = chart->plot.x + chart->plot.width;

  if (p->to <= chart->view.from || p->from >= chart->view.to)
    return FALSE;
  *xa = MAX (hl_chart_time_to_x (chart, p->from), left);
  *xb = MIN (hl_chart_time_to_x (chart, p->to), right);
  return *xb - *xa >= 1;
}

/* The pixel columns [*ca, *cb) that [xa, xb) touches, in 0..n_cols. */
static void
columns_of (HlChart *chart, double xa, double xb, guint n_cols, guint *ca, guint *cb)
{
  double a = floor (xa - chart->plot.x), b = ceil (xb - chart->plot.x);

  *ca = (guint) CLAMP (a, 0, (double) n_cols);
  *cb = (guint) CLAMP (b, (double) *ca, (double) n_cols);
}

/* The merged bands, left to right; band_of[c] is column c's band or -1. */
static GArray *
merge_bands (HlChart *chart, guint n_cols, int *band_of)
{
  guint n_periods = hl_dataset_get_n_periods (chart->dataset);
  g_autofree int *depth = g_new0 (int, n_cols + 1);
  GArray *bands = g_array_new (FALSE, FALSE, sizeof (Band));
  int run = 0;
  double xa, xb;
  guint ca, cb;

  /* How many periods cover each column, as differences. */
  for (guint i = 0; i < n_periods; i++)
    if (period_extent (chart, hl_dataset_get_period (chart->dataset, i), &xa, &xb))
      {
        columns_of (chart, xa, xb, n_cols, &ca, &cb);
        depth[ca]++;
        depth[cb]--;
      }
  for (guint c = 0; c < n_cols; c++)
    {
      run += depth[c];
      band_of[c] = -1;
      if (run <= 0)
        continue;
      if (c == 0 || band_of[c - 1] < 0)
        {
          Band band = { G_MAXDOUBLE, -G_MAXDOUBLE, -1, 0 };

          g_array_append_val (bands, band);
        }
      band_of[c] = (int) bands->len - 1;
    }

  /* Each band's exact extent and its widest period. */
  for (guint i = 0; i < n_periods; i++)
    if (period_extent (chart, hl_dataset_get_period (chart->dataset, i), &xa, &xb))
      {
        Band *band;

        columns_of (chart, xa, xb, n_cols, &ca, &cb);
        g_assert (ca < n_cols && band_of[ca] >= 0);
        band = &g_array_index (bands, Band, band_of[ca]);
        band->xa = MIN (band->xa, xa);
        band->xb = MAX (band->xb, xb);
        if (band->widest < 0 || xb - xa > band->widest_w)
          {
            band->widest = (int) i;
            band->widest_w = xb - xa;
          }
      }
  return bands;
}

/* @area: from the label strip's top to the plot's bottom. */
static void
periods_layout (const HlChartLayer *layer, HlChart *chart, const HlBox *area)
{
  guint n_cols = (guint) MAX (ceil (chart->plot.width), 1);
  g_autofree int *band_of = g_new (int, n_cols);
  g_autoptr(GArray) bands = merge_bands (chart, n_cols, band_of);

  for (guint i = 0; i < bands->len; i++)
    {
      const Band *b = &g_array_index (bands, Band, i);
      const HlPeriod *p = hl_dataset_get_period (chart->dataset, (guint) b->widest);
      HlSwatch band = { { b->xa, chart->plot.y, b->xb - b->xa, chart->plot.height },
                        HL_ROLE_BAND, -1, HL_MARK_SQUARE, FALSE, FALSE };
      double xa, xb;

      g_array_append_val (chart->rects, band);
      if (period_extent (chart, p, &xa, &xb))
        add_period_label (chart, p, xa, xb, area->y);
    }
}

const HlChartLayerClass _hl_periods_layer = {
  "periods", periods_measure, periods_layout,
};
