/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a spreadsheet for the import dialog on a worker (GTask), and
 * the dialog while it reads (hl_import_dialog_open()): read
 * in chunks so that the dialog can show how far it got, parse, guess the
 * columns; the main loop keeps turning meanwhile. A cancelled read
 * returns G_IO_ERROR_CANCELLED and keeps nothing. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-import-dialog-internal.h"

/* While a file is read: the progress bar's refresh, and how long before
 * the dialog shows itself (a small file is ready before). */
#define PROGRESS_EVERY_MS 50
#define PRESENT_AFTER_MS  300

#define CHUNK ((gsize) 256 * 1024)

/* Reads not yet let go by their worker and their dialog (test-only). */
static int n_alive;

struct _HlImportRead
{
  gatomicrefcount ref_count;
  GFile          *file;
  char           *name;
  int             permille;   /* atomic: of the file read so far */
  int             parsing;    /* atomic: read, now parsed */
  /* the worker's result, taken by _finish */
  HlCsvTable     *table;
  HlImportOptions guessed;
  gboolean        ambiguous;
};

HlImportRead *
_hl_import_read_ref (HlImportRead *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

void
_hl_import_read_unref (HlImportRead *job)
{
  if (job == NULL || !g_atomic_ref_count_dec (&job->ref_count))
    return;
  g_atomic_int_dec_and_test (&n_alive);
  g_object_unref (job->file);
  g_free (job->name);
  g_clear_pointer (&job->table, hl_csv_table_free);
  hl_import_options_clear (&job->guessed);
  g_free (job);
}

/* The whole file, in chunks, with the share read kept up to date. */
static GBytes *
read_all (HlImportRead *job, GCancellable *cancellable, GError **error)
{
  g_autoptr(GFileInputStream) in = g_file_read (job->file, cancellable, error);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) data = NULL;
  goffset size = 0;

  if (in == NULL)
    return NULL;
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL)
    size = g_file_info_get_size (info);
  data = g_byte_array_sized_new ((guint) MIN ((goffset) G_MAXUINT / 2, MAX (size, 0)) + 1);
  for (;;)
    {
      guint8 buf[16384];
      gssize n = 0;
      gsize got = 0;

      while (got < CHUNK && (n = g_input_stream_read (G_INPUT_STREAM (in), buf, sizeof buf,
                                                      cancellable, error)) > 0)
        {
          g_byte_array_append (data, buf, (guint) n);
          got += (gsize) n;
        }
      if (n < 0)
        return NULL;
      if (size > 0)
        g_atomic_int_set (&job->permille, (int) MIN (1000, data->len * 1000 / size));
      if (got < CHUNK)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static void
read_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  HlImportRead *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;

  if ((bytes = read_all (job, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_atomic_int_set (&job->permille, 1000);
  g_atomic_int_set (&job->parsing, TRUE);
  data = g_bytes_get_data (bytes, &length);
  job->table = hl_csv_parse (data, length, 0, job->name, &error);
  if (job->table == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  hl_import_guess (job->table, &job->guessed, &job->ambiguous);
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_boolean (task, TRUE);
}

/* Starts reading @file (@name: as messages call it) on a worker; calls
 * @callback on the main context when done. Returns the read, for its
 * progress (the caller's reference). */
HlImportRead *
_hl_import_read_start (GFile *file, const char *name, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  HlImportRead *job;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  g_atomic_int_inc (&n_alive);
  job = g_new0 (HlImportRead, 1);
  g_atomic_ref_count_init (&job->ref_count);
  job->file = g_object_ref (file);
  job->name = g_strdup (name);
  hl_import_options_init (&job->guessed);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, _hl_import_read_start);
  g_task_set_task_data (task, _hl_import_read_ref (job),
                        (GDestroyNotify) _hl_import_read_unref);
  g_task_run_in_thread (task, read_thread);
  return job;
}

/* How far the read got, 0 to 1; @parsing: the file is read, now parsed. */
double
_hl_import_read_progress (HlImportRead *job, gboolean *parsing)
{
  g_return_val_if_fail (job != NULL, 0);

  if (parsing != NULL)
    *parsing = g_atomic_int_get (&job->parsing);
  return g_atomic_int_get (&job->permille) / 1000.0;
}

/* The table read, and in @guessed (initialised by the caller) and
 * @ambiguous the columns and formats guessed from it; NULL and @error if
 * it could not be read, or was cancelled. */
HlCsvTable *
_hl_import_read_finish (GAsyncResult *result, HlImportOptions *guessed, gboolean *ambiguous,
                        GError **error)
{
  HlImportRead *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _hl_import_read_start, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  job = g_task_get_task_data (G_TASK (result));
  hl_import_options_clear (guessed);
  hl_import_options_copy (guessed, &job->guessed);
  *ambiguous = job->ambiguous;
  return g_steal_pointer (&job->table);
}

/* Test-only: reads whose worker or dialog still holds them. */
guint
_hl_import_read_get_n_alive (void)
{
  return (guint) g_atomic_int_get (&n_alive);
}

/* ------------------------------------------------------------------ */
/* Reading on a worker */

static void
set_reading (HlImportDialog *self, gboolean reading)
{
  GtkWidget *content = gtk_widget_get_prev_sibling (GTK_WIDGET (self->progress));

  /* nothing to choose from until the file is read */
  gtk_widget_set_visible (GTK_WIDGET (self->progress), reading);
  gtk_widget_set_sensitive (content, !reading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !reading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !reading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reload_button), !reading);
}

static gboolean
progress_tick (gpointer data)
{
  HlImportDialog *self = data;
  gboolean parsing = FALSE;
  double fraction = _hl_import_read_progress (self->reading, &parsing);

  if (parsing)
    {
      /* TRANSLATORS: a file name: it is read, its rows are being parsed */
      g_autofree char *status = g_strdup_printf (_("Reading the rows of %s…"), self->name);

      gtk_label_set_text (self->status_label, status);
      gtk_progress_bar_pulse (self->progress);
    }
  else
    gtk_progress_bar_set_fraction (self->progress, fraction);
  return G_SOURCE_CONTINUE;
}

/* A big file: the dialog and its progress shown while it reads. */
static gboolean
present_while_reading (gpointer data)
{
  HlImportDialog *self = data;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL && !gtk_widget_get_mapped (GTK_WIDGET (parent)))
    return G_SOURCE_CONTINUE;
  self->present_id = 0;
  gtk_window_present (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
free_weak_ref (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
read_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(HlImportDialog) self = g_weak_ref_get (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlCsvTable) dropped = NULL;
  HlImportOptions guessed;
  HlCsvTable *table;
  gboolean ambiguous = FALSE;

  free_weak_ref (data);
  hl_import_options_init (&guessed);
  table = _hl_import_read_finish (result, &guessed, &ambiguous, &error);
  /* Cancel, or closed: nothing of the read is kept */
  if (self == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      dropped = table;
      hl_import_options_clear (&guessed);
      return;
    }
  self->ambiguous = ambiguous;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_handle_id (&self->present_id, g_source_remove);
  g_clear_pointer (&self->reading, _hl_import_read_unref);
  if (table == NULL)
    {
      g_signal_emit_by_name (self, "failed", error);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  self->table = table;
  hl_import_options_clear (&self->options);
  self->options = guessed;
  set_reading (self, FALSE);
  _hl_import_dialog_set_up_from_table (self);
  g_signal_emit_by_name (self, "ready");
}

/* Like hl_import_dialog_new(), but @file is read and parsed on a worker:
 * the main loop keeps turning, and the dialog shows itself with a
 * progress bar if that takes more than a moment. It emits "ready" once it
 * shows the file (then present it, or import at once), or "failed" with
 * the reason it cannot be read, and is destroyed. Cancel or closing it
 * while it reads stops the read; nothing is emitted then. */
HlImportDialog *
hl_import_dialog_open (GtkWindow *parent, GFile *file, GSettings *settings)
{
  HlImportDialog *self;
  g_autofree char *status = NULL;
  GtkWidget *box;
  GWeakRef *ref;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HL_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->file = g_object_ref (file);
  self->settings = settings ? g_object_ref (settings) : NULL;
  _hl_import_dialog_set_names (self);
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->progress), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->progress), 12);
  box = gtk_widget_get_parent (GTK_WIDGET (self->status_label));
  gtk_box_insert_child_after (GTK_BOX (box), GTK_WIDGET (self->progress),
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->status_label)));
  /* TRANSLATORS: a file name, while it is read */
  status = g_strdup_printf (_("Reading %s…"), self->name);
  gtk_label_set_text (self->status_label, status);
  set_reading (self, TRUE);
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  self->reading = _hl_import_read_start (file, self->name, self->cancellable, read_done, ref);
  self->progress_id = g_timeout_add (PROGRESS_EVERY_MS, progress_tick, self);
  self->present_id = g_timeout_add (PRESENT_AFTER_MS, present_while_reading, self);
  return self;
}

/* Test-only */
gboolean
_hl_import_dialog_is_reading (HlImportDialog *self)
{
  g_return_val_if_fail (HL_IS_IMPORT_DIALOG (self), FALSE);
  return self->reading != NULL;
}

double
_hl_import_dialog_get_progress (HlImportDialog *self)
{
  g_return_val_if_fail (HL_IS_IMPORT_DIALOG (self), 0);
  return self->progress != NULL && gtk_widget_get_visible (GTK_WIDGET (self->progress))
         ? gtk_progress_bar_get_fraction (self->progress) : -1;
}

void
_hl_import_dialog_cancel (HlImportDialog *self)
{
  g_return_if_fail (HL_IS_IMPORT_DIALOG (self));
  gtk_window_destroy (GTK_WINDOW (self));
}
