/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-chart.h"

G_BEGIN_DECLS

/* What a laid-out chart answers about the annotations it drew (the view's
 * `annotations`, hl-notes.h): for hover, the panel and dragging. Indexes
 * are into the view's annotations array. */

int       hl_chart_note_at          (HlChart    *chart,
                                     double      x,
                                     double      y);
gboolean  hl_chart_get_note_box     (HlChart    *chart,
                                     guint       note,
                                     HlBox      *box);
guint     hl_chart_get_n_notes_shown (HlChart   *chart);
guint     hl_chart_get_n_notes_hidden (HlChart  *chart);

G_END_DECLS
