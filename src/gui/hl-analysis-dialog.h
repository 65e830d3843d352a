/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hl-proximity.h"
#include "hl-session.h"

G_BEGIN_DECLS

#define HL_TYPE_ANALYSIS_DIALOG (hl_analysis_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HlAnalysisDialog, hl_analysis_dialog, HL, ANALYSIS_DIALOG, AdwWindow)

/* The analysis page (issue 12): the table, the lag histogram and the
 * permutation test for a session's visible range and proximity lanes,
 * run on a worker with progress and Cancel; the chart as PNG, SVG or PDF
 * and the table as CSV. */
HlAnalysisDialog  *hl_analysis_dialog_new        (GtkWindow        *parent,
                                                  HlSession        *session);
void               hl_analysis_dialog_run        (HlAnalysisDialog *self);
gboolean           hl_analysis_dialog_is_running (HlAnalysisDialog *self);
const HlProximity *hl_analysis_dialog_get_result (HlAnalysisDialog *self);

G_END_DECLS
