/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The time axis layer: ticks and gridlines at intervals that suit the
 * zoom, each label centred in its interval, and a coarser row ("2023",
 * "September 2023") below. */
#include "config.h"

#include "hl-chart-private.h"
#include "hl-scale.h"

typedef struct
{
  double    x0, x1;        /* the plot's edges */
  double    axis_y;
  double    label_y;
  double    char_px;       /* a digit's width, with room */
  HlTickSpec spec;
} Axis;

/* The interval [a, b)'s label, where the visible part of the interval has
 * room for it. Returns the y below the label, or 0 if none was placed. */
static double
interval_label (HlChart *chart, const Axis *ax, gint64 a, gint64 b, double *last_right)
{
  double xa = hl_chart_time_to_x (chart, a), xb = hl_chart_time_to_x (chart, b);
  double vis_a = MAX (xa, ax->x0), vis_b = MIN (xb, ax->x1), w, h, lx;
  g_autofree char *label = hl_ticks_label (ax->spec, a);
  PangoLayout *layout;

  if (vis_b <= vis_a)
    return 0;
  layout = _hl_chart_shared_layout (chart, chart->style.font_small, label, PANGO_ALIGN_LEFT);
  _hl_layout_size (layout, &w, &h);
  lx = (xa + xb) / 2 - w / 2;
  if (lx < vis_a || lx + w > vis_b || lx < *last_right + ax->char_px)
    {
      lx = MAX (lx, vis_a + chart->m->tick_label_gap);
      if (lx + w > vis_b || lx < *last_right + ax->char_px || lx + w > ax->x1)
        {
          g_object_unref (layout);
          return 0;
        }
    }
  _hl_chart_add_text (chart, layout, lx, ax->label_y, HL_ROLE_MUTED, -1);
  *last_right = lx + w;
  return ax->label_y + h + chart->m->tick_label_gap;
}

static double
fine_row (HlChart *chart, const Axis *ax)
{
  const HlMetrics *m = chart->m;
  g_autoptr(GArray) ticks = hl_ticks_build (ax->spec, chart->view.from, chart->view.to);
  double last_right = -G_MAXDOUBLE, context_y = 0;

  for (guint i = 0; i + 1 < ticks->len; i++)
    {
      gint64 a = g_array_index (ticks, gint64, i), b = g_array_index (ticks, gint64, i + 1);
      double xa = hl_chart_time_to_x (chart, a), below;

      if (xa >= ax->x0 && xa <= ax->x1)
        {
          _hl_chart_add_line (chart, xa, chart->plot.y, xa, ax->axis_y, HL_ROLE_GRID);
          _hl_chart_add_line (chart, xa, ax->axis_y, xa, ax->axis_y + m->tick, HL_ROLE_AXIS);
        }
      below = interval_label (chart, ax, a, b, &last_right);
      if (below > 0)
        context_y = below;
    }
  if (context_y == 0)
    context_y = ax->label_y + _hl_chart_text_height (chart, chart->style.font_small, "0") +
                m->tick_label_gap;
  return context_y;
}

/* "2023", "September 2023"… at the start of each, and at the left edge
 * for the one already under way; a year boundary gets a stronger line. */
static void
context_row (HlChart *chart, const Axis *ax, double context_y)
{
  const HlMetrics *m = chart->m;
  HlTickSpec context;
  g_autoptr(GArray) cticks = NULL;
  double last_right = -G_MAXDOUBLE, w, h;

  if (!hl_ticks_context (ax->spec, &context))
    return;
  cticks = hl_ticks_build (context, chart->view.from, chart->view.to);
  for (guint i = 0; i + 1 < cticks->len; i++)
    {
      gint64 a = g_array_index (cticks, gint64, i);
      double xa = MAX (hl_chart_time_to_x (chart, a), ax->x0);
      g_autofree char *label = hl_ticks_context_label (context, a);
      PangoLayout *layout;

      if (xa >= ax->x1)
        break;
      layout = _hl_chart_shared_layout (chart, chart->style.font_label_bold, label,
                                        PANGO_ALIGN_LEFT);
      _hl_layout_size (layout, &w, &h);
      if (xa < last_right + 2 * ax->char_px || xa + w > ax->x1)
        {
          g_object_unref (layout);
          continue;
        }
      if (hl_chart_time_to_x (chart, a) >= ax->x0)
        _hl_chart_add_line (chart, xa, chart->plot.y, xa, ax->axis_y + m->tick * 2,
                            HL_ROLE_AXIS);
      _hl_chart_add_text (chart, layout, xa + m->context_inset, context_y, HL_ROLE_FG, -1);
      last_right = xa + m->context_inset + w;
    }
}

/* Tick, label row and context row. */
static double
axis_measure (const HlChartLayer *layer, HlChart *chart, double width)
{
  const HlMetrics *m = chart->m;

  return m->tick + m->tick_label_gap +
         _hl_chart_text_height (chart, chart->style.font_small, "0") + m->tick_label_gap +
         _hl_chart_text_height (chart, chart->style.font_label_bold, "0");
}

/* Along the top of @area, the plot's bottom edge. */
static void
axis_layout (const HlChartLayer *layer, HlChart *chart, const HlBox *area)
{
  const HlMetrics *m = chart->m;
  PangoLayout *probe = _hl_chart_shared_layout (chart, chart->style.font_small, "0000",
                                                PANGO_ALIGN_LEFT);
  Axis ax = { area->x, area->x + area->width, area->y, 0, 0, { 0 } };
  double w, h;

  _hl_layout_size (probe, &w, &h);
  g_object_unref (probe);
  ax.char_px = w / 4 * 1.15;
  ax.spec = hl_ticks_choose (chart->view.from, chart->view.to, area->width, ax.char_px);
  ax.label_y = ax.axis_y + m->tick + m->tick_label_gap;

  _hl_chart_add_line (chart, ax.x0, ax.axis_y, ax.x1, ax.axis_y, HL_ROLE_AXIS);
  context_row (chart, &ax, fine_row (chart, &ax));
}

const HlChartLayerClass _hl_axis_layer = {
  "time-axis", axis_measure, axis_layout,
};
