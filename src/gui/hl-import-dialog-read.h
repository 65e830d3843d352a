/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hl-csv.h"
#include "hl-import.h"

G_BEGIN_DECLS

/* The import dialog's reading of a spreadsheet on a worker thread
 * (hl-import-dialog-read.c): the file read in chunks, parsed as CSV and
 * its columns guessed, off the main loop; how far it got, for a progress
 * bar; cancellable, and then nothing of it is kept. */
typedef struct _HlImportRead HlImportRead;

HlImportRead *_hl_import_read_start    (GFile               *file,
                                        const char          *name,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
double        _hl_import_read_progress (HlImportRead        *job,
                                        gboolean            *parsing);
HlCsvTable   *_hl_import_read_finish   (GAsyncResult        *result,
                                        HlImportOptions     *guessed,
                                        gboolean            *ambiguous,
                                        GError             **error);
HlImportRead *_hl_import_read_ref      (HlImportRead        *job);
void          _hl_import_read_unref    (HlImportRead        *job);
guint         _hl_import_read_get_n_alive (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlImportRead, _hl_import_read_unref)

G_END_DECLS
