/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export dialog's export on a worker (GTask), so that the dialog
 * stays responsive and can cancel it.
 *
 * The renderer draws a whole file at once and offers no cancellation
 * inside: hl_export_to_file_full() takes a path and commits it. So the
 * chart is drawn into a private temporary file first, then, unless
 * cancelled by then, copied into the target through an HlAtomicFile
 * (which was opened first, so that a read-only target or a folder that
 * refuses it is reported before any drawing). Cancelling is therefore a
 * check between drawing and commit: a cancelled export leaves no file,
 * no temporary beside the target, and the old file as it was. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

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

/* The renderer's error names the private temporary: name the target. */
static void
name_target (GError *error, const char *tmp, const char *target)
{
  g_auto(GStrv) parts = g_strsplit (error->message, tmp, -1);

  g_free (error->message);
  error->message = g_strjoinv (target, parts);
}

/* Draws @job into a temporary file of its own; returns its path. */
static char *
draw_to_temporary (Job *job, GError **error)
{
  g_autofree char *template = g_strdup_printf ("heistline-export-XXXXXX.%s",
                                               hl_export_format_get_extension (job->format));
  g_autofree char *tmp = NULL;
  int fd = g_file_open_tmp (template, &tmp, error);

  if (fd < 0)
    return NULL;
  g_close (fd, NULL);
  if (!hl_export_to_file_full (job->dataset, &job->view, job->format, job->width, job->height,
                               job->scale, tmp, HL_ATOMIC_FILE_FLAGS_NONE, error))
    {
      if (error != NULL && *error != NULL)
        name_target (*error, tmp, job->path);
      g_unlink (tmp);
      return NULL;
    }
  return g_steal_pointer (&tmp);
}

static gboolean
copy_and_commit (HlAtomicFile *file, const char *tmp, GCancellable *cancellable, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (tmp, &contents, &length, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!hl_atomic_file_write (file, contents, length, error))
    return FALSE;
  /* The last moment a Cancel is heard */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return hl_atomic_file_commit (file, error);
}

static void
job_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(HlAtomicFile) file = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;
  file = hl_atomic_file_open (job->path, job->flags, &error);
  if (file == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  tmp = draw_to_temporary (job, &error);
  if (tmp == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return; /* freeing @file removes its temporary */
    }
  ok = copy_and_commit (file, tmp, cancellable, &error);
  g_unlink (tmp);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * hl_export_dialog_job_run_async:
 * @file: where to write; a local file
 *
 * Exports @view of @dataset on a worker thread. @cancellable stops it at
 * the latest just before the file is committed.
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
