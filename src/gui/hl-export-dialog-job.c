/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export dialog's export on a worker (GTask), so that the dialog
 * stays responsive and can cancel it. hl_export_to_file_full() opens the
 * target first (a read-only target is reported before any drawing),
 * stops writing when cancelled and then commits nothing: a cancelled
 * export leaves no file, no temporary, and the old file as it was. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-export-dialog-job.h"

typedef struct
{
  HlDataset         *dataset;
  HlView             view;
  HlExportFormat     format;
  int                width;
  int                height;
  int                scale;
  char              *path;
  HlAtomicFileFlags  flags;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->dataset);
  hl_view_clear (&job->view);
  g_free (job->path);
  g_free (job);
}

static void
job_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (hl_export_to_file_full (job->dataset, &job->view, job->format, job->width, job->height,
                              job->scale, job->path, job->flags, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * hl_export_dialog_job_run_async:
 * @file: where to write; a local file
 *
 * Exports @view of @dataset on a worker thread. @cancellable stops it
 * while it writes, or at the latest just before the file is committed.
 */
void
hl_export_dialog_job_run_async (HlDataset           *dataset,
                                const HlView        *view,
                                HlExportFormat       format,
                                int                  width,
                                int                  height,
                                int                  scale,
                                GFile               *file,
                                HlAtomicFileFlags    flags,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (HL_IS_DATASET (dataset));
  g_return_if_fail (view != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hl_export_dialog_job_run_async);
  g_task_set_name (task, "[heistline] export");
  if (g_file_peek_path (file) == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Cannot write “%s”: charts can only be exported to a local "
                                 "folder"), uri);
      return;
    }
  job = g_new0 (Job, 1);
  job->dataset = g_object_ref (dataset);
  hl_view_copy (&job->view, view);
  job->format = format;
  job->width = width;
  job->height = height;
  job->scale = scale;
  job->path = g_file_get_path (file);
  job->flags = flags;
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_thread);
}

gboolean
hl_export_dialog_job_run_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
