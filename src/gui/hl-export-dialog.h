/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hl-chart.h"
#include "hl-dataset.h"
#include "hl-view.h"

G_BEGIN_DECLS

#define HL_TYPE_EXPORT_DIALOG (hl_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HlExportDialog, hl_export_dialog, HL, EXPORT_DIALOG, AdwWindow)

/* A modal dialog over @parent that exports @view of @dataset (format, size,
 * scale, theme, title, parts, range, with a live preview). When a file has
 * been written it emits "exported" with the GFile, for the window to show
 * a toast; a failure is shown in the dialog itself. */
HlExportDialog *hl_export_dialog_new (GtkWindow    *parent,
                                      HlDataset    *dataset,
                                      const HlView *view);

/* For tests and scripting: export with the options as they are, with no
 * file chooser; atomic, and nothing is written on failure. */
gboolean        hl_export_dialog_export_to          (HlExportDialog *self,
                                                     GFile          *file,
                                                     GError        **error);
void            hl_export_dialog_save               (HlExportDialog *self,
                                                     GFile          *file);
gboolean        hl_export_dialog_is_exporting       (HlExportDialog *self);
char           *hl_export_dialog_dup_suggested_name (HlExportDialog *self);
HlChart        *hl_export_dialog_get_preview_chart  (HlExportDialog *self);

G_END_DECLS
