/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's files shown together (issue 13): Add Dataset… (the main
 * menu, Ctrl+Shift+O, a choice in the Open dialog, a drop with Ctrl
 * held), each added file watched and reloaded on its own, Remove Dataset
 * per added file, and the files named under the title. The session holds
 * the list (hl-session-sources.c). */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-escape.h"
#include "hl-window-private.h"

#define RELOAD_DELAY_MS 300

typedef struct
{
  HlWindow *self;
  GFile    *file;
  gboolean  reload;
} AddLoad;

typedef struct
{
  HlWindow         *self;      /* not a reference: the window owns the watch */
  GFile            *file;
  HlDatasetMonitor *monitor;
} Watch;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_signal_handlers_disconnect_by_data (watch->monitor, watch);
  g_clear_object (&watch->monitor);
  g_clear_object (&watch->file);
  g_free (watch);
}

/* The file's dataset arrived (or did not): beside the others, or in place
 * of its last version. A failure keeps everything as it was and says why,
 * naming the file. */
static void
on_added_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AddLoad *load = user_data;
  HlWindow *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = hl_dataset_load_finish (result, &error);
  HlSession *session = self->session;
  guint index = session ? hl_session_find_source (session, load->file) : 0;

  if (session == NULL)
    ;
  else if (dataset == NULL ||
           (load->reload && index > 0 &&
            !hl_session_replace_source (session, index, dataset, &error)) ||
           (!load->reload && index == 0 &&
            !hl_session_add_source (session, load->file, dataset, &error)))
    {
      if (load->reload)
        _hl_window_show_reload_error (self, error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (load->file);

          _hl_window_show_error_dialog (self, name,
                                        _("This file cannot be added. Nothing was changed."),
                                        error->message);
        }
    }
  else
    _hl_window_clear_reload_error (self);
  g_object_unref (load->self);
  g_object_unref (load->file);
  g_free (load);
}

static void
start_add_load (HlWindow *self, GFile *file, gboolean reload)
{
  AddLoad *load = g_new0 (AddLoad, 1);

  load->self = g_object_ref (self);
  load->file = g_object_ref (file);
  load->reload = reload;
  hl_dataset_load_async_full (file, &self->load_options, NULL, on_added_loaded, load);
}

/* Shows @file's lanes beside the dataset shown, once loaded. A file
 * already shown is not added twice. */
void
hl_window_add_file (HlWindow *self, GFile *file)
{
  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (hl_session_get_dataset (self->session) == NULL)
    {
      hl_window_open_file (self, file);
      return;
    }
  if (hl_session_find_source (self->session, file) > 0 ||
      (hl_session_get_file (self->session) != NULL &&
       g_file_equal (file, hl_session_get_file (self->session))))
    return;
  start_add_load (self, file, FALSE);
}

static void
on_watch_changed (Watch *watch)
{
  start_add_load (watch->self, watch->file, TRUE);
}

/* "heistline.json, b.json": the files shown, for the title bar, as the
 * footnote names them (a file's name; the bundled or an imported
 * dataset's display name). */
static char *
files_shown (HlWindow *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  HlDataset *dataset = hl_session_get_dataset (self->session);

  for (guint i = 0; i < hl_dataset_get_n_parts (dataset); i++)
    {
      g_autofree char *name = hl_dataset_part_name (hl_dataset_get_part (dataset, i));
      g_autofree char *safe = hl_escape_text (name, -1, HL_ESCAPE_NONE);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", safe);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
rebuild_remove_menu (HlWindow *self)
{
  g_autoptr(GMenu) submenu = g_menu_new ();
  guint n = hl_session_get_n_sources (self->session);

  g_menu_remove_all (self->sources_section);
  if (n < 2)
    return;
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *name = g_file_get_basename (hl_session_get_source_file (self->session, i));
      g_autofree char *safe = hl_escape_text (name, -1, HL_ESCAPE_NONE);
      g_autoptr(GMenuItem) item = g_menu_item_new (safe, NULL);

      g_menu_item_set_action_and_target_value (item, "win.remove-dataset",
                                               g_variant_new_uint32 (i));
      g_menu_append_item (submenu, item);
    }
  g_menu_append_submenu (self->sources_section, _("_Remove Dataset"), G_MENU_MODEL (submenu));
}

/* After the dataset changed: a watch per added file, the Remove menu and
 * the files under the title. */
void
_hl_window_sources_sync (HlWindow *self)
{
  guint n;
  gboolean same;

  if (self->added_watches == NULL || self->session == NULL)
    return;
  n = hl_session_get_n_sources (self->session);
  same = self->added_watches->len + 1 == MAX (n, 1);

  for (guint i = 1; same && i < n; i++)
    same = g_file_equal (((Watch *) g_ptr_array_index (self->added_watches, i - 1))->file,
                         hl_session_get_source_file (self->session, i));
  if (!same)
    {
      g_ptr_array_set_size (self->added_watches, 0);
      for (guint i = 1; i < n; i++)
        {
          Watch *watch = g_new0 (Watch, 1);

          watch->self = self;
          watch->file = g_object_ref (hl_session_get_source_file (self->session, i));
          watch->monitor = hl_dataset_monitor_new (watch->file, RELOAD_DELAY_MS);
          g_signal_connect_swapped (watch->monitor, "changed", G_CALLBACK (on_watch_changed),
                                    watch);
          g_ptr_array_add (self->added_watches, watch);
        }
      rebuild_remove_menu (self);
    }
  if (n > 1)
    {
      g_autofree char *names = files_shown (self);

      adw_window_title_set_subtitle (self->window_title, names);
    }
}

static void
action_remove_dataset (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  guint index = g_variant_get_uint32 (param);

  if (index >= 1 && index < hl_session_get_n_sources (self->session))
    hl_session_remove_source (self->session, index);
}

static void
on_add_response (GtkNativeDialog *dialog, int response, HlWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      _hl_window_remember_folder (self, file);
      hl_window_add_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
action_add_dataset (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  GtkFileChooserNative *native = _hl_window_new_dataset_chooser (self, _("Add Dataset"),
                                                                 _("_Add"));

  g_signal_connect_object (native, "response", G_CALLBACK (on_add_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_hl_window_class_sources_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-dataset", NULL, action_add_dataset);
  gtk_widget_class_install_action (widget_class, "win.remove-dataset", "u",
                                   action_remove_dataset);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-dataset",
                                       NULL);
}

void
_hl_window_sources_init (HlWindow *self)
{
  self->added_watches = g_ptr_array_new_with_free_func (watch_free);
}

void
_hl_window_sources_dispose (HlWindow *self)
{
  g_clear_pointer (&self->added_watches, g_ptr_array_unref);
}
