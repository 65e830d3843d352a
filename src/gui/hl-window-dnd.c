/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dropping a file on the window opens it, as Open does; a spreadsheet
 * (.csv, .tsv) goes through the import dialog, from here as from Open
 * and the command line. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-import-dialog.h"
#include "hl-window-private.h"

/* A spreadsheet by its name or its type, not a dataset. */
gboolean
_hl_window_is_table_file (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = NULL;
  const char *type;

  if (base != NULL && (g_str_has_suffix (base, ".csv") || g_str_has_suffix (base, ".CSV") ||
                       g_str_has_suffix (base, ".tsv") || g_str_has_suffix (base, ".TSV")))
    return TRUE;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  type = info ? g_file_info_get_content_type (info) : NULL;
  return type != NULL && (g_content_type_is_a (type, "text/csv") ||
                          g_content_type_is_a (type, "text/tab-separated-values"));
}

/* The Open dialog's filter for spreadsheets. */
void
_hl_window_add_table_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV, TSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
on_imported (HlImportDialog *dialog, HlDataset *dataset, HlWindow *self)
{
  g_autofree char *subtitle = NULL;

  hl_window_set_dataset (self, dataset);
  /* no file behind it, but not the bundled dataset either */
  subtitle = g_strdup_printf (_("Imported from %s"), hl_dataset_get_display_name (dataset));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
on_saved (HlImportDialog *dialog, GFile *file, HlWindow *self)
{
  hl_window_open_file (self, file);
}

static void
present_when_mapped (HlImportDialog *dialog, HlWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, present_when_mapped, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_failed (HlImportDialog *dialog, const GError *error, HlWindow *self)
{
  _hl_window_show_error_dialog (self, _("Cannot Import the Spreadsheet"), error->message, NULL);
}

/* The file is read: imported at once when a file of the same header was
 * imported before and every row reads, else the dialog shown. */
static void
on_import_ready (HlImportDialog *dialog, HlWindow *self)
{
  if (hl_import_dialog_is_remembered (dialog) && hl_import_dialog_get_n_bad_rows (dialog) == 0 &&
      hl_import_dialog_import (dialog, NULL))
    return;
  /* Over the window: a file from the command line comes before it is shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (dialog));
  else
    g_signal_connect_object (self, "map", G_CALLBACK (present_when_mapped), dialog,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/* Reads @file on a worker for the import dialog (the window goes on
 * answering); a big file shows the dialog and its progress meanwhile. */
void
_hl_window_import_file (HlWindow *self, GFile *file)
{
  HlImportDialog *dialog;

  g_assert (HL_IS_WINDOW (self));

  dialog = hl_import_dialog_open (GTK_WINDOW (self), file, self->settings);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved), self, 0);
  g_signal_connect_object (dialog, "ready", G_CALLBACK (on_import_ready), self, 0);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (on_import_failed), self, 0);
}

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, HlWindow *self)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      file = files ? files->data : NULL;
      g_slist_free (files);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;
  /* Ctrl held: beside what is shown (issue 13) */
  if (gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (target)) &
      GDK_CONTROL_MASK && !_hl_window_is_table_file (file))
    hl_window_add_file (self, file);
  else
    hl_window_open_file (self, file);
  return TRUE;
}

void
_hl_window_dnd_init (HlWindow *self)
{
  GtkDropTarget *drop;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  g_assert (HL_IS_WINDOW (self));

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
