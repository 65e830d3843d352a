/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hl-export.h"

G_BEGIN_DECLS

/* The export dialog's export, on a worker thread: the same bytes as
 * hl_export_to_file_full(), written atomically to @file, or nothing at
 * all when it fails or is cancelled. */
void     hl_export_dialog_job_run_async  (HlDataset           *dataset,
                                          const HlView        *view,
                                          HlExportFormat       format,
                                          int                  width,
                                          int                  height,
                                          int                  scale,
                                          GFile               *file,
                                          HlAtomicFileFlags    flags,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean hl_export_dialog_job_run_finish (GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
