/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-chart.h"

G_BEGIN_DECLS

/* Proximity over a laid-out chart (issue 12): with it set, the selected
 * event's neighbours in the other lane are ringed and a bracket on the
 * axis spans the window (hl-proximity.h says which lane and which way). */
void     hl_chart_set_proximity        (HlChart *chart,
                                        guint    lead,
                                        guint    follow,
                                        guint    window_days);
void     hl_chart_set_span             (HlChart *chart,
                                        gint64   from,
                                        gint64   to);
gboolean hl_chart_get_proximity_window (HlChart *chart,
                                        int      selected,
                                        double  *x0,
                                        double  *x1,
                                        guint   *lane);

G_END_DECLS
