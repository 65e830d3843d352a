/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions, installed from class_init with their key
 * bindings (after gnome-text-editor's editor-window-actions.c), and the
 * recent files menu that "win.open-recent" serves. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-analysis-dialog.h"
#include "hl-export-dialog.h"
#include "hl-escape.h"
#include "hl-window-private.h"

#define MAX_RECENT  10

/* A modal chooser of datasets (JSON first), in the folder a dataset was
 * last chosen from: Open and Add Dataset alike. */
GtkFileChooserNative *
_hl_window_new_dataset_chooser (HlWindow *self, const char *title, const char *accept)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autofree char *last = g_settings_get_string (self->settings, "last-folder");

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, accept, _("_Cancel"));
  gtk_file_filter_set_name (json, _("Heistline datasets (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), json);
  if (last[0] != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_path (last);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  return native;
}

/* @file's folder, where the next chooser of datasets starts. */
void
_hl_window_remember_folder (HlWindow *self, GFile *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);

  if (folder != NULL && g_file_peek_path (folder) != NULL)
    g_settings_set_string (self->settings, "last-folder", g_file_peek_path (folder));
}

static void
on_open_response (GtkNativeDialog *dialog, int response, HlWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      const char *beside = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "beside");

      _hl_window_remember_folder (self, file);
      if (g_strcmp0 (beside, "true") == 0 && !_hl_window_is_table_file (file))
        hl_window_add_file (self, file);
      else
        hl_window_open_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
action_open (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  GtkFileChooserNative *native = _hl_window_new_dataset_chooser (self, _("Open Dataset"),
                                                                 _("_Open"));
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  _hl_window_add_table_filter (GTK_FILE_CHOOSER (native));
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  /* the companion of Add Dataset… (Ctrl+Shift+O) */
  if (hl_session_get_dataset (self->session) != NULL)
    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "beside",
                                 _("Show beside the current dataset"), NULL, NULL);
  g_signal_connect_object (native, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
action_open_recent (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  hl_window_open_file (HL_WINDOW (widget), file);
}

static void
on_exported (HlWindow *self, GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = hl_escape_text (basename, -1, HL_ESCAPE_NONE);
  g_autofree char *text = g_strdup_printf (_("Exported to %s"), name);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *t = adw_toast_new (escaped);

  adw_toast_set_button_label (t, _("_Open"));
  adw_toast_set_action_name (t, "win.open-export");
  adw_toast_set_action_target_value (t, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
action_export (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  HlDataset *dataset = hl_session_get_dataset (self->session);
  HlExportDialog *dialog;

  if (dataset == NULL)
    return;
  dialog = hl_export_dialog_new (GTK_WINDOW (self), dataset,
                                 hl_session_get_view (self->session));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
forget_analysis (HlWindow *self)
{
  g_object_set_data (G_OBJECT (self), "hl-analysis-dialog", NULL);
}

/* One analysis page per window: asking again brings it back and runs it
 * on what the window shows now. */
static void
action_analyze (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  HlAnalysisDialog *dialog = g_object_get_data (G_OBJECT (self), "hl-analysis-dialog");

  if (hl_session_get_dataset (self->session) == NULL)
    return;
  if (dialog != NULL)
    hl_analysis_dialog_run (dialog);
  else
    {
      dialog = hl_analysis_dialog_new (GTK_WINDOW (self), self->session);
      g_object_set_data (G_OBJECT (self), "hl-analysis-dialog", dialog);
      g_signal_connect_object (dialog, "destroy", G_CALLBACK (forget_analysis), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens a file we exported, with the desktop's default application. */
static void
action_open_export (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

static void
action_copy_chart (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  GdkTexture *texture = hl_timeline_get_texture (self->timeline);

  if (texture == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  _hl_window_toast (self, _("Chart copied"));
}

static void
action_search (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
action_toggle_panel (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);

  gtk_toggle_button_set_active (self->panel_button,
                                !gtk_toggle_button_get_active (self->panel_button));
}

static void
action_step_match (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  int direction = g_str_equal (name, "win.next-match") ? 1 : -1;

  if (!hl_session_step_match (self->session, direction))
    gtk_widget_error_bell (widget);
}

static void
action_set_range (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  gint64 from, to;

  g_variant_get (param, "(xx)", &from, &to);
  hl_session_set_range (self->session, from, to);
  gtk_popover_popdown (GTK_POPOVER (self->range_popover));
}

static void
action_cancel_load (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
}

/* The Details of a reload error's toast: the error it was shown for. */
static void
action_show_error_details (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autofree char *heading = NULL;
  GFile *file = hl_session_get_file (self->session);

  heading = file ? g_file_get_basename (file) : g_strdup (_("Reload Failed"));
  _hl_window_show_error_dialog (self, heading,
                     _("The file changed on disk but cannot be read. The last good version "
                       "is still shown."),
                     g_variant_get_string (param, NULL));
}

/* ------------------------------------------------------------------ */
/* Recent files */

void
_hl_window_add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };

  data.mime_type = (char *) "application/json";
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "heistline %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
compare_recent (gconstpointer a, gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *tb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (tb, ta);
}

void
_hl_window_rebuild_recent_menu (HlWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) json = g_ptr_array_new ();
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), "application/json") == 0 &&
          gtk_recent_info_has_application (info, g_get_application_name ()) &&
          (!gtk_recent_info_is_local (info) || gtk_recent_info_exists (info)))
        g_ptr_array_add (json, info);
    }
  g_ptr_array_sort (json, compare_recent);
  for (guint i = 0; i < json->len && n < MAX_RECENT; i++, n++)
    {
      GtkRecentInfo *info = g_ptr_array_index (json, i);
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (uri));
      g_menu_append_item (self->recent_menu, item);
    }
  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Datasets"), "win.no-recent");

      g_menu_append_item (self->recent_menu, item);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* ------------------------------------------------------------------ */
/* Installing */

void
_hl_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", action_open_export);
  gtk_widget_class_install_action (widget_class, "win.analyze", NULL, action_analyze);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, action_copy_chart);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, action_toggle_panel);
  gtk_widget_class_install_action (widget_class, "win.next-match", NULL, action_step_match);
  gtk_widget_class_install_action (widget_class, "win.previous-match", NULL, action_step_match);
  gtk_widget_class_install_action (widget_class, "win.set-range", "(xx)", action_set_range);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, action_cancel_load);
  gtk_widget_class_install_action (widget_class, "win.show-error-details", "s",
                                   action_show_error_details);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "win.next-match", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.previous-match", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.analyze", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

/* "view.bins" and "view.money-scale": radio items of the main menu's
 * View submenus, whose state is the session's property (remembered in
 * GSettings with the rest of the view). */
void
_hl_window_view_actions_init (HlWindow *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GPropertyAction) bins = g_property_action_new ("bins", self->session, "bins");
  g_autoptr(GPropertyAction) scale = g_property_action_new ("money-scale", self->session,
                                                            "money-scale");

  g_assert (HL_IS_WINDOW (self));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (bins));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (scale));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "view", G_ACTION_GROUP (group));
}
