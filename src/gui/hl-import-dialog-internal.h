/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the import dialog's files share (hl-import-dialog.c, and
 * hl-import-dialog-read.c, which reads the file on a worker): its state
 * and the steps both take. Not for other code. */

#include "hl-import-dialog-private.h"
#include "hl-import-dialog-read.h"

G_BEGIN_DECLS

struct _HlImportDialog
{
  AdwWindow parent_instance;

  /* template */
  GtkLabel             *info_label;
  GtkGrid              *preview_grid;
  AdwPreferencesGroup  *problems_group;
  GtkLabel             *problems_label;
  GtkSwitch            *header_switch;
  AdwComboRow          *date_format_row;
  AdwComboRow          *decimal_row;
  AdwEntryRow          *lane_row;
  AdwEntryRow          *zone_row;
  AdwPreferencesGroup  *columns_group;
  GtkButton            *import_button;
  GtkButton            *save_button;
  GtkButton            *reload_button;
  GtkLabel             *status_label;

  AdwComboRow          *field_rows[HL_IMPORT_N_FIELDS];
  GtkStringList        *columns_model;

  GFile                *file;
  char                 *name;          /* the file's name, escaped */
  char                 *title;         /* the file's name without its extension */
  GSettings            *settings;
  HlCsvTable           *table;
  HlImportOptions       options;
  HlImportResult       *result;        /* NULL while the mapping cannot work */
  char                 *mapping_error;
  gboolean              ambiguous;
  HlImportDateFormat    guessed_format;
  gboolean              remembered;
  gboolean              updating;      /* setting controls from the options */

  /* reading on a worker (hl_import_dialog_open) */
  GCancellable         *cancellable;
  HlImportRead         *reading;       /* NULL once read */
  GtkProgressBar       *progress;
  guint                 progress_id;
  guint                 present_id;
};

void _hl_import_dialog_set_names        (HlImportDialog *self);
void _hl_import_dialog_set_up_from_table (HlImportDialog *self);

G_END_DECLS
