/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-analysis-dialog.h"

G_BEGIN_DECLS

/* Test-only: what the Export and Save buttons do once a file is chosen,
 * and a longer test (to have time to cancel it). */
gboolean _hl_analysis_dialog_export     (HlAnalysisDialog *self,
                                         const char       *path,
                                         GError          **error);
gboolean _hl_analysis_dialog_save_csv   (HlAnalysisDialog *self,
                                         const char       *path,
                                         GError          **error);
void     _hl_analysis_dialog_set_shifts (HlAnalysisDialog *self,
                                         guint             n_shifts);

G_END_DECLS
