/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The lag histogram and the test's sentence, drawn with the chart's style
 * (hl-style.h: palette by theme, fonts and spacings by size). Bars in the
 * leading lane's colour, full within the window and faint beyond it; a
 * dashed line where the window ends; the leading events with no later
 * following event in a bar of their own, apart; under it all, what the
 * test found, that it does not show cause, and the warning when several
 * windows were tried. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "hl-analysis-chart.h"
#include "hl-date.h"
#include "hl-draw.h"
#include "hl-style.h"
#include "hl-describe.h"

#define MAX_BINS 30

/* Counts of lags per bin of *bin_days days, from 0 to the largest lag or
 * the window, whichever is later (none later left out:
 * result->n_no_later counts those). */
GArray *
hl_analysis_chart_bins (const HlProximity *result, guint *bin_days)
{
  static const guint widths[] = { 1, 2, 5, 7, 10, 14, 30, 60, 90, 180, 365, 730, 1825, 3650 };
  GArray *bins = g_array_new (FALSE, TRUE, sizeof (guint));
  int largest = -1;
  guint width = widths[G_N_ELEMENTS (widths) - 1];

  g_return_val_if_fail (result != NULL && bin_days != NULL, bins);

  for (guint i = 0; i < result->lags->len; i++)
    largest = MAX (largest, g_array_index (result->lags, HlProximityLag, i).lag_days);
  if (largest >= 0)
    largest = MAX (largest, (int) result->settings.window_days);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    if ((guint) (largest + 1) <= widths[i] * MAX_BINS)
      {
        width = widths[i];
        break;
      }
  *bin_days = width;
  if (largest < 0)
    return bins;
  g_array_set_size (bins, (guint) largest / width + 1);
  for (guint i = 0; i < result->lags->len; i++)
    {
      int lag = g_array_index (result->lags, HlProximityLag, i).lag_days;

      if (lag >= 0)
        g_array_index (bins, guint, (guint) lag / width)++;
    }
  return bins;
}

/* The words under the histogram. */
char *
hl_analysis_chart_summary (const HlAnalysisChart *chart)
{
  g_autofree char *test = NULL;

  g_return_val_if_fail (chart != NULL && chart->result != NULL, NULL);

  test = hl_proximity_describe_test (chart->dataset, chart->result);
  if (chart->several_windows)
    return g_strdup_printf ("%s %s\n%s", test, hl_proximity_caveat (),
                            hl_proximity_several_windows_warning ());
  return g_strdup_printf ("%s %s", test, hl_proximity_caveat ());
}

static PangoLayout *
new_layout (cairo_t *cr, const PangoFontDescription *font, const char *text, double width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

typedef struct
{
  const HlAnalysisChart *chart;
  HlStyle  style;
  cairo_t *cr;
  double   x0, y0, x1, y1;    /* the plot */
  double   slot;              /* one bin's width */
  guint    n_slots;
  guint    max_count;
} Plot;

/* Gridlines and their counts: at most five steps of 1, 2 or 5 times ten. */
static void
draw_count_axis (Plot *p)
{
  static const double mantissas[] = { 1, 2, 5 };
  double step = 1, span = MAX (p->max_count, 1);

  for (guint i = 0; span / step > 5; i++)
    step = mantissas[i % 3] * pow (10, i / 3);
  for (double v = 0; v <= span + 1e-9; v += step)
    {
      double y = p->y1 - v / span * (p->y1 - p->y0);
      g_autofree char *text = hl_describe_number ((guint64) round (v));
      g_autoptr(PangoLayout) layout = new_layout (p->cr, p->style.font_small, text, 0);

      hl_rgba_set_source (p->cr, p->style.roles[v == 0 ? HL_ROLE_AXIS : HL_ROLE_GRID]);
      cairo_set_line_width (p->cr, 1);
      cairo_move_to (p->cr, p->x0, round (y) + 0.5);
      cairo_line_to (p->cr, p->x1, round (y) + 0.5);
      cairo_stroke (p->cr);
      hl_draw_text (p->cr, layout, p->x0 - 6 - layout_width (layout),
                    y - layout_height (layout) / 2, p->style.roles[HL_ROLE_MUTED]);
    }
}

static void
draw_bar (Plot *p, guint slot, guint count, HlRgba color, const char *label)
{
  double x = p->x0 + slot * p->slot, w = MAX (p->slot * 0.8, 1);
  double h = (double) count / MAX (p->max_count, 1) * (p->y1 - p->y0);
  g_autoptr(PangoLayout) under = new_layout (p->cr, p->style.font_small, label, 0);

  hl_rgba_set_source (p->cr, color);
  cairo_rectangle (p->cr, x + p->slot * 0.1, p->y1 - h, w, h);
  cairo_fill (p->cr);
  if (count > 0)
    {
      g_autofree char *n = hl_describe_number (count);
      g_autoptr(PangoLayout) top = new_layout (p->cr, p->style.font_small, n, 0);

      hl_draw_text (p->cr, top, x + (p->slot - layout_width (top)) / 2,
                    p->y1 - h - layout_height (top) - 2, p->style.roles[HL_ROLE_FG]);
    }
  if (label[0] != '\0')
    hl_draw_text (p->cr, under, x + (p->slot - layout_width (under)) / 2, p->y1 + 4,
                  p->style.roles[HL_ROLE_MUTED]);
}

static void
draw_bars (Plot *p, GArray *bins, guint bin_days)
{
  const HlProximity *r = p->chart->result;
  HlRgba lane = p->style.lane_colors[r->settings.lead];
  guint window = r->settings.window_days, every;
  double wx;

  /* a label every so many bins, so that they do not touch */
  every = (guint) ceil (40.0 / MAX (p->slot, 1));
  for (guint i = 0; i < bins->len; i++)
    {
      g_autofree char *label = i % MAX (every, 1) == 0 ? hl_describe_number (i * bin_days)
                                                         : g_strdup ("");
      HlRgba color = i * bin_days <= window ? lane : hl_rgba_with_alpha (lane, 0.4);

      draw_bar (p, i, g_array_index (bins, guint, i), color, label);
    }
  if (r->n_no_later > 0)
    draw_bar (p, p->n_slots - 1, r->n_no_later, p->style.roles[HL_ROLE_MUTED], _("none later"));

  /* where the window ends: after the bin holding day W, so that no bar
   * is cut (a bin that holds day W is drawn as within, like its colour) */
  wx = p->x0 + MIN (window / bin_days + 1, bins->len) * p->slot;
  if (wx <= p->x0 + bins->len * p->slot)
    {
      g_autofree char *days = hl_describe_number (window);
      g_autofree char *text = g_strdup_printf (ngettext ("window: %s day", "window: %s days",
                                                         window), days);
      g_autoptr(PangoLayout) layout = new_layout (p->cr, p->style.font_small, text, 0);
      double dash[] = { 5, 4 };

      hl_rgba_set_source (p->cr, p->style.roles[HL_ROLE_FG]);
      cairo_set_dash (p->cr, dash, 2, 0);
      cairo_set_line_width (p->cr, 1.5);
      cairo_move_to (p->cr, round (wx) + 0.5, p->y0);
      cairo_line_to (p->cr, round (wx) + 0.5, p->y1);
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
      hl_draw_text (p->cr, layout,
                    wx + 6 + layout_width (layout) <= p->x1 ? wx + 6
                                                             : wx - 6 - layout_width (layout),
                    p->y0, p->style.roles[HL_ROLE_FG]);
    }
}

static char *
subtitle (const HlAnalysisChart *chart)
{
  const HlProximity *r = chart->result;
  g_autofree char *range = hl_date_format_range (r->settings.from, r->settings.to);
  const char *lead = hl_dataset_get_lane (chart->dataset, r->settings.lead)->title;
  const char *follow = hl_dataset_get_lane (chart->dataset, r->settings.follow)->title;

  /* TRANSLATORS: leading lane, following lane, the range, the seed */
  return g_strdup_printf (_("%s → %s  ·  %s  ·  seed %u"), lead, follow, range,
                          r->settings.seed);
}

/* Title, subtitle, the histogram and the summary, top to bottom. */
void
hl_analysis_chart_draw (const HlAnalysisChart *chart, cairo_t *cr)
{
  g_autoptr(GArray) bins = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) sub = NULL;
  g_autoptr(PangoLayout) summary = NULL;
  g_autoptr(PangoLayout) axis = NULL;
  g_autofree char *sub_text = NULL;
  g_autofree char *summary_text = NULL;
  HlView view;
  Plot p;
  double margin, y, text_w;
  guint bin_days;

  g_return_if_fail (chart != NULL && chart->result != NULL && cr != NULL);

  memset (&p, 0, sizeof p);
  p.chart = chart;
  p.cr = cr;
  hl_view_init (&view, chart->dataset);
  view.theme = chart->theme;
  hl_style_init (&p.style, chart->dataset, &view, chart->width, chart->height);
  hl_view_clear (&view);
  margin = MAX (16, chart->width * 0.03);
  text_w = chart->width - 2 * margin;
  if (!p.style.transparent)
    {
      hl_rgba_set_source (cr, p.style.roles[HL_ROLE_BG]);
      cairo_paint (cr);
    }
  title = new_layout (cr, p.style.font_title,
                      _("Days from each leading event to the next following event"), text_w);
  sub_text = subtitle (chart);
  sub = new_layout (cr, p.style.font_subtitle, sub_text, text_w);
  summary_text = hl_analysis_chart_summary (chart);
  summary = new_layout (cr, p.style.font_label, summary_text, text_w);
  axis = new_layout (cr, p.style.font_small, _("days to the next following event"), 0);
  y = margin;
  hl_draw_text (cr, title, margin, y, p.style.roles[HL_ROLE_FG]);
  y += layout_height (title) + 4;
  hl_draw_text (cr, sub, margin, y, p.style.roles[HL_ROLE_MUTED]);
  y += layout_height (sub) + margin * 0.8;

  bins = hl_analysis_chart_bins (chart->result, &bin_days);
  p.n_slots = MAX (bins->len, 1) + (chart->result->n_no_later > 0 ? 2 : 0);
  p.max_count = chart->result->n_no_later;
  for (guint i = 0; i < bins->len; i++)
    p.max_count = MAX (p.max_count, g_array_index (bins, guint, i));
  p.x0 = margin + 40;
  p.x1 = chart->width - margin;
  p.y0 = y + layout_height (axis);
  p.y1 = chart->height - margin - layout_height (summary) - margin * 0.8 -
         2 * layout_height (axis) - 8;
  p.slot = (p.x1 - p.x0) / p.n_slots;
  if (p.y1 > p.y0 + 20)
    {
      draw_count_axis (&p);
      draw_bars (&p, bins, bin_days);
      hl_draw_text (cr, axis, p.x0, p.y1 + 6 + layout_height (axis),
                    p.style.roles[HL_ROLE_MUTED]);
    }
  hl_draw_text (cr, summary, margin, chart->height - margin - layout_height (summary),
                p.style.roles[HL_ROLE_FG]);
  hl_style_clear (&p.style);
}

static void
draw_export (cairo_t *cr, gpointer chart)
{
  hl_analysis_chart_draw (chart, cr);
}

gboolean
hl_analysis_chart_export (const HlAnalysisChart *chart,
                          HlExportFormat         format,
                          const char            *path,
                          GCancellable          *cancellable,
                          GError               **error)
{
  g_return_val_if_fail (chart != NULL && chart->result != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return hl_export_draw_to_file (format, chart->width, chart->height, 1, path,
                                 HL_ATOMIC_FILE_FLAGS_NONE, cancellable, draw_export,
                                 (gpointer) chart, error);
}
