/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The time axis layer: ticks and gridlines at intervals that suit the
 * zoom, and a coarser row ("2023", "September 2023") below. A label that
 * prints a date or a time ("21 Aug", "00:00") sits at its instant's tick,
 * so that an event on 24 August never reads as "21 Aug"; only a label
 * that names a span (a month, a quarter, a year) is centred on it. */
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

/* Where a tick's label goes. */
typedef enum
{
  ANCHOR_LEFT,     /* a date: starts at its tick, over the day it names */
  ANCHOR_CENTRE,   /* a time of day: centred on its tick */
  ANCHOR_SPAN,     /* a month, quarter or year: centred on that span */
} Anchor;

static Anchor
anchor_of (HlTickSpec spec)
{
  switch (spec.unit)
    {
    case HL_TICK_HOUR:
      return ANCHOR_CENTRE;
    case HL_TICK_DAY:
    case HL_TICK_WEEK:
      return ANCHOR_LEFT;
    case HL_TICK_MONTH:
    case HL_TICK_QUARTER:
    case HL_TICK_YEAR:
    default:
      return ANCHOR_SPAN;
    }
}

/* The span a label names, from its tick: one month, quarter or year,
 * whatever the step between ticks ("2020" of a decade's ticks names
 * 2020). */
static gint64
span_end (HlTickSpec spec, gint64 tick)
{
  g_autoptr(GArray) one = hl_ticks_build ((HlTickSpec) { spec.unit, 1 }, tick, tick + 1);

  return g_array_index (one, gint64, one->len - 1);
}

/* The left edge of a @w wide label centred on the part of [@xa, @xb)
 * inside the plot, or G_MAXDOUBLE if the plot's edge leaves too little of
 * it for the label. (A year of decade ticks is narrower than "2020": it
 * is centred on it all the same.) */
static double
centre_on_span (const Axis *ax, double xa, double xb, double w)
{
  double vis_a = MAX (xa, ax->x0), vis_b = MIN (xb, ax->x1);

  if (vis_b <= vis_a || ((xa < ax->x0 || xb > ax->x1) && vis_b - vis_a < w))
    return G_MAXDOUBLE;
  return (vis_a + vis_b) / 2 - w / 2;
}

/* The label of the tick at @tick, where it has room. Returns the y below
 * the label, or 0 if none was placed. */
static double
tick_label (HlChart *chart, const Axis *ax, gint64 tick, double *last_right)
{
  double xa = hl_chart_time_to_x (chart, tick), w, h, lx = G_MAXDOUBLE;
  double lo = ax->x0, hi = ax->x1;
  g_autofree char *label = hl_ticks_label (ax->spec, tick);
  PangoLayout *layout;

  layout = _hl_chart_shared_layout (chart, chart->style.font_small, label, PANGO_ALIGN_LEFT);
  _hl_layout_size (layout, &w, &h);
  switch (anchor_of (ax->spec))
    {
    case ANCHOR_LEFT:
      if (xa >= ax->x0)
        lx = xa;
      break;
    case ANCHOR_CENTRE:
      /* "00:00" at the plot's edge may reach into the margins */
      lo = chart->m->margin / 2;
      hi = chart->width - chart->m->margin / 2;
      if (xa >= ax->x0 && xa <= ax->x1)
        lx = xa - w / 2;
      break;
    case ANCHOR_SPAN:
      lx = centre_on_span (ax, xa, hl_chart_time_to_x (chart, span_end (ax->spec, tick)), w);
      break;
    }
  if (lx == G_MAXDOUBLE || lx < lo || lx + w > hi || lx < *last_right + ax->char_px)
    {
      g_object_unref (layout);
      return 0;
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
      gint64 a = g_array_index (ticks, gint64, i);
      double xa = hl_chart_time_to_x (chart, a), below;

      if (xa >= ax->x0 && xa <= ax->x1)
        {
          _hl_chart_add_line (chart, xa, chart->plot.y, xa, ax->axis_y, HL_ROLE_GRID);
          _hl_chart_add_line (chart, xa, ax->axis_y, xa, ax->axis_y + m->tick, HL_ROLE_AXIS);
        }
      below = tick_label (chart, ax, a, &last_right);
      if (below > 0)
        context_y = below;
    }
  if (context_y == 0)
    context_y = ax->label_y + _hl_chart_text_height (chart, chart->style.font_small, "0") +
                m->tick_label_gap;
  return context_y;
}

/* "2023", "September 2023"… each centred on the part of its span in
 * view (the one already under way too); a boundary between two gets a
 * stronger line. */
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
      gint64 a = g_array_index (cticks, gint64, i), b = g_array_index (cticks, gint64, i + 1);
      double xa = hl_chart_time_to_x (chart, a), lx;
      g_autofree char *label = NULL;
      PangoLayout *layout;

      if (xa >= ax->x1)
        break;
      if (xa >= ax->x0)
        _hl_chart_add_line (chart, xa, chart->plot.y, xa, ax->axis_y + m->tick * 2,
                            HL_ROLE_AXIS);
      label = hl_ticks_context_label (context, a);
      layout = _hl_chart_shared_layout (chart, chart->style.font_label_bold, label,
                                        PANGO_ALIGN_LEFT);
      _hl_layout_size (layout, &w, &h);
      lx = centre_on_span (ax, xa, hl_chart_time_to_x (chart, b), w + 2 * m->context_inset);
      if (lx != G_MAXDOUBLE)
        lx += m->context_inset;
      if (lx == G_MAXDOUBLE || lx < last_right + 2 * ax->char_px)
        {
          g_object_unref (layout);
          continue;
        }
      _hl_chart_add_text (chart, layout, lx, context_y, HL_ROLE_FG, -1);
      last_right = lx + w;
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
