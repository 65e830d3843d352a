/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hl-dataset.h"
#include "hl-import.h"

G_BEGIN_DECLS

#define HL_TYPE_IMPORT_DIALOG (hl_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HlImportDialog, hl_import_dialog, HL, IMPORT_DIALOG, AdwWindow)

/* A modal dialog over @parent that imports the spreadsheet @file: a
 * preview, the detected delimiter, header and encoding, a column for each
 * field, the lane, the date format, the decimal separator, and the rows
 * that cannot be read, before anything is imported. Import emits
 * "imported" with the dataset of the good rows; Save as Dataset writes
 * them to a file and emits "saved" with it. Both remember the mapping in
 * @settings (key "import-mappings") for files with the same header.
 * Returns NULL if the file cannot be read as CSV at all (not UTF-8, a
 * quote never closed…), with the reason in @error. */
HlImportDialog *hl_import_dialog_new             (GtkWindow      *parent,
                                                  GFile          *file,
                                                  GSettings      *settings,
                                                  GError        **error);
HlImportDialog *hl_import_dialog_open            (GtkWindow      *parent,
                                                  GFile          *file,
                                                  GSettings      *settings);
gboolean        hl_import_dialog_is_remembered   (HlImportDialog *self);
guint           hl_import_dialog_get_n_good_rows (HlImportDialog *self);
guint           hl_import_dialog_get_n_bad_rows  (HlImportDialog *self);
gboolean        hl_import_dialog_reload          (HlImportDialog *self,
                                                  GError        **error);
gboolean        hl_import_dialog_import          (HlImportDialog *self,
                                                  GError        **error);
gboolean        hl_import_dialog_save_to         (HlImportDialog *self,
                                                  GFile          *file,
                                                  GError        **error);

G_END_DECLS
