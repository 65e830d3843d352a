/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "hl-export.h"
#include "hl-proximity.h"

G_BEGIN_DECLS

/* The analysis as a picture (issue 12): the lag histogram (days from each
 * leading event to the next following one, the window marked, those with
 * none later apart) and the test's sentence under it, in the chart's
 * style, light or dark. The dialog draws it; PNG, SVG and PDF go through
 * hl_export_draw_to_file(), as the chart does. */
typedef struct
{
  HlDataset         *dataset;
  const HlProximity *result;
  HlTheme            theme;
  gboolean           several_windows;  /* say so under the result */
  int                width;
  int                height;
} HlAnalysisChart;

GArray   *hl_analysis_chart_bins   (const HlProximity     *result,
                                    guint                 *bin_days);
void      hl_analysis_chart_draw   (const HlAnalysisChart *chart,
                                    cairo_t               *cr);
char     *hl_analysis_chart_summary (const HlAnalysisChart *chart);
gboolean  hl_analysis_chart_export (const HlAnalysisChart *chart,
                                    HlExportFormat         format,
                                    const char            *path,
                                    GCancellable          *cancellable,
                                    GError               **error);

G_END_DECLS
