/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-import-dialog.h"

G_BEGIN_DECLS

/* Test-only: the dialog's controls as a user would set and read them. */
void        _hl_import_dialog_set_column      (HlImportDialog     *self,
                                               HlImportField       field,
                                               int                 column);
int         _hl_import_dialog_get_column      (HlImportDialog     *self,
                                               HlImportField       field);
void        _hl_import_dialog_set_date_format (HlImportDialog     *self,
                                               HlImportDateFormat  format);
void        _hl_import_dialog_set_decimal     (HlImportDialog     *self,
                                               char                decimal);
void        _hl_import_dialog_set_lane        (HlImportDialog     *self,
                                               const char         *lane);
const char *_hl_import_dialog_get_info        (HlImportDialog     *self);
const char *_hl_import_dialog_get_problems    (HlImportDialog     *self);
const char *_hl_import_dialog_get_status      (HlImportDialog     *self);
const char *_hl_import_dialog_get_date_hint   (HlImportDialog     *self);
const char *_hl_import_dialog_get_import_label (HlImportDialog    *self);
gboolean    _hl_import_dialog_can_import      (HlImportDialog     *self);
gboolean    _hl_import_dialog_is_reading      (HlImportDialog     *self);
double      _hl_import_dialog_get_progress    (HlImportDialog     *self);
void        _hl_import_dialog_cancel          (HlImportDialog     *self);
const char *_hl_import_dialog_get_preview_cell (HlImportDialog    *self,
                                               guint               row,
                                               guint               column);

G_END_DECLS
