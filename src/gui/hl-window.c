/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: loading (always on a worker thread, the old data kept
 * on screen until the new one is ready), live reload, the range, filter
 * and search controls, and the side panel. The view state lives in the
 * window's HlSession, which every part observes. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-date.h"
#include "hl-export-dialog.h"
#include "hl-window.h"

#define RELOAD_DELAY_MS   200  /* editors write in bursts: wait for the last */
#define REVEAL_DELAY_MS   150  /* quick loads show no progress bar at all */
#define PULSE_MS          100
#define MAX_RECENT        10

struct _HlWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkMenuButton   *range_button;
  GtkPopover      *range_popover;
  GtkBox          *presets_box;
  GtkEntry        *from_entry;
  GtkEntry        *to_entry;
  GtkBox          *lanes_box;
  GtkCheckButton  *official_check;
  GtkCheckButton  *analyst_check;
  GtkCheckButton  *suspected_check;
  GtkCheckButton  *disputed_check;
  GtkSpinButton   *min_usd_spin;
  GtkToggleButton *search_button;
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  GtkLabel        *matches_label;
  GtkRevealer     *loading_revealer;
  GtkLabel        *loading_label;
  GtkProgressBar  *loading_bar;
  AdwFlap         *flap;
  GtkToggleButton *panel_button;
  HlTimeline      *timeline;
  HlDetailsPanel  *panel;
  GMenu           *recent_menu;

  HlSession       *session;          /* what the window shows */
  GSettings       *settings;

  GFileMonitor    *monitor;
  guint            reload_source;

  GCancellable    *load_cancellable; /* the load in flight, if any */
  GFile           *loading_file;
  gboolean         loading_reload;
  guint            pulse_source;
  guint            reveal_source;

  char            *last_error;
  gboolean         syncing;          /* updating controls from the state */
};

G_DEFINE_FINAL_TYPE (HlWindow, hl_window, ADW_TYPE_APPLICATION_WINDOW)

static void start_load (HlWindow *self, GFile *file, gboolean reload);

/* ------------------------------------------------------------------ */
/* Messages */

static void
toast (HlWindow *self, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* The whole error, in a dialog titled with the file's name. The list of
 * problems can be long, so it scrolls. */
static void
show_error_dialog (HlWindow *self, const char *heading, const char *body, const char *details)
{
  GtkWidget *dialog, *scroller, *label;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  label = gtk_label_new (details);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error-details");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_last_error (HlWindow *self, const char *message)
{
  g_free (self->last_error);
  self->last_error = g_strdup (message);
}

/* ------------------------------------------------------------------ */
/* Showing the state */

static void
update_title (HlWindow *self)
{
  HlDataset *dataset = hl_session_get_dataset (self->session);
  const char *title = dataset ? hl_dataset_get_title (dataset) : NULL;
  g_autofree char *window_title = NULL;

  if (title == NULL || title[0] == '\0')
    title = _("Heistline");
  adw_window_title_set_title (self->window_title, title);
  if (hl_session_get_file (self->session) != NULL)
    {
      g_autofree char *name = g_file_get_basename (hl_session_get_file (self->session));

      adw_window_title_set_subtitle (self->window_title, name);
    }
  else
    adw_window_title_set_subtitle (self->window_title,
                                   dataset ? _("Bundled dataset") : "");
  /* Translators: window title: "<dataset title> – Heistline" */
  window_title = dataset ? g_strdup_printf (_("%s – Heistline"), title)
                         : g_strdup (_("Heistline"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_range_label (HlWindow *self)
{
  g_autofree char *range = hl_date_format_range (hl_session_get_from (self->session),
                                                 hl_session_get_to (self->session));

  gtk_menu_button_set_label (self->range_button, range);
}

static void
update_matches (HlWindow *self)
{
  const char *search = hl_session_get_search (self->session);
  guint n = hl_session_get_n_matches (self->session);
  g_autofree char *text = NULL;

  if (search == NULL)
    text = g_strdup ("");
  else if (n == 0)
    text = g_strdup (_("No matches in view"));
  else
    text = g_strdup_printf (ngettext ("%u match", "%u matches", n), n);
  gtk_label_set_text (self->matches_label, text);
}

static void
add_preset (HlWindow *self, const char *name, gint64 from, gint64 to)
{
  g_autofree char *range = hl_date_format_range (from, to);
  GtkWidget *button, *box, *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (range);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.set-range");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xx)", from, to);
  gtk_box_append (self->presets_box, button);
}

static void
remove_all (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* The range presets: the dataset's default range, each period, all of it,
 * and each calendar year it touches. */
static void
rebuild_presets (HlWindow *self)
{
  HlDataset *dataset = hl_session_get_dataset (self->session);
  gint64 from, to, first, last;
  HlView all;

  remove_all (self->presets_box);
  if (dataset == NULL)
    return;

  hl_dataset_get_default_range (dataset, &from, &to);
  add_preset (self, _("Default Range"), from, to);
  for (guint i = 0; i < hl_dataset_get_n_periods (dataset); i++)
    {
      const HlPeriod *period = hl_dataset_get_period (dataset, i);

      add_preset (self, period->label, period->from, period->to);
    }
  hl_view_init (&all, dataset);
  hl_view_fit_all (&all, dataset);
  add_preset (self, _("Whole Dataset"), all.from, all.to);
  if (hl_dataset_get_extent (dataset, &first, &last))
    {
      int y0, y1, m, d;

      hl_date_to_ymd (first, &y0, &m, &d);
      hl_date_to_ymd (last, &y1, &m, &d);
      for (int y = y0; y <= y1 && y < y0 + 30; y++)
        {
          g_autofree char *name = g_strdup_printf ("%d", y);

          add_preset (self, name, hl_date_from_ymd (y, 1, 1), hl_date_from_ymd (y + 1, 1, 1));
        }
    }
}

static void
sync_lane_checks (HlWindow *self)
{
  const HlView *view = hl_session_get_view (self->session);

  self->syncing = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->lanes_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint lane = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "lane"));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (child), hl_view_lane_visible (view, lane));
    }
  self->syncing = FALSE;
}

static void
on_lane_toggled (GtkCheckButton *check, HlWindow *self)
{
  guint lane = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "lane"));

  if (self->syncing)
    return;
  hl_session_set_lane_visible (self->session, lane, gtk_check_button_get_active (check));
}

static void
rebuild_lane_checks (HlWindow *self)
{
  HlDataset *dataset = hl_session_get_dataset (self->session);

  remove_all (self->lanes_box);
  if (dataset == NULL)
    return;
  for (guint i = 0; i < hl_dataset_get_n_lanes (dataset); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (hl_dataset_get_lane (dataset, i)->title);

      g_object_set_data (G_OBJECT (check), "lane", GUINT_TO_POINTER (i));
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_lane_toggled), self, 0);
      gtk_box_append (self->lanes_box, check);
    }
  sync_lane_checks (self);
}

static GtkCheckButton *
confidence_check (HlWindow *self, HlConfidence confidence)
{
  switch (confidence)
    {
    case HL_CONFIDENCE_OFFICIAL:
      return self->official_check;
    case HL_CONFIDENCE_ANALYST:
      return self->analyst_check;
    case HL_CONFIDENCE_SUSPECTED:
      return self->suspected_check;
    case HL_CONFIDENCE_DISPUTED:
      return self->disputed_check;
    case HL_CONFIDENCE_UNSPECIFIED:
    case HL_N_CONFIDENCES:
    default:
      return NULL;
    }
}

static void
sync_confidence_checks (HlWindow *self)
{
  const HlView *view = hl_session_get_view (self->session);

  self->syncing = TRUE;
  for (guint c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
    gtk_check_button_set_active (confidence_check (self, c),
                                 (view->hidden_confidences & (1u << c)) == 0);
  self->syncing = FALSE;
}

static void
on_confidence_toggled (HlWindow *self, GtkCheckButton *check)
{
  if (self->syncing)
    return;
  for (guint c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
    if (confidence_check (self, c) == check)
      hl_session_set_confidence_visible (self->session, c,
                                         gtk_check_button_get_active (check));
}

static void
on_dataset_changed (HlWindow *self)
{
  gboolean has_data = hl_session_get_dataset (self->session) != NULL;

  update_title (self);
  rebuild_presets (self);
  rebuild_lane_checks (self);
  /* Nothing to sum up before the first dataset arrives */
  gtk_widget_set_visible (GTK_WIDGET (self->panel), has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-chart", has_data);
}

static void
on_view_changed (HlWindow *self)
{
  update_range_label (self);
  sync_lane_checks (self);
  sync_confidence_checks (self);
  update_matches (self);
}

static void
on_session_notify (HlWindow *self, GParamSpec *pspec)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "dataset"))
    on_dataset_changed (self);
  else if (g_str_equal (name, "file"))
    update_title (self);
  else if (g_str_equal (name, "from") || g_str_equal (name, "to"))
    update_range_label (self);
  else if (g_str_equal (name, "hidden-lanes"))
    sync_lane_checks (self);
  else if (g_str_equal (name, "hidden-confidences"))
    sync_confidence_checks (self);
  else if (g_str_equal (name, "search") || g_str_equal (name, "n-matches"))
    update_matches (self);
}

/* ------------------------------------------------------------------ */
/* Loading */

static gboolean
pulse_cb (gpointer data)
{
  HlWindow *self = data;

  gtk_progress_bar_pulse (self->loading_bar);
  return G_SOURCE_CONTINUE;
}

static gboolean
reveal_cb (gpointer data)
{
  HlWindow *self = data;

  self->reveal_source = 0;
  gtk_revealer_set_reveal_child (self->loading_revealer, TRUE);
  if (self->pulse_source == 0)
    self->pulse_source = g_timeout_add (PULSE_MS, pulse_cb, self);
  return G_SOURCE_REMOVE;
}

static void
stop_loading_ui (HlWindow *self)
{
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->loading_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 HlWindow          *self);

static void
watch_file (HlWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (file == NULL)
    return;
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Cannot watch %s: %s", g_file_peek_path (file), error->message);
      return;
    }
  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
}

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };

  data.mime_type = (char *) "application/json";
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "heistline %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(HlWindow) self = user_data;
  g_autoptr(HlDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean reload;

  dataset = hl_dataset_load_finish (result, &error);

  /* A newer load replaced this one: its result is not wanted. */
  if (g_task_get_cancellable (G_TASK (result)) != self->load_cancellable)
    return;

  file = g_steal_pointer (&self->loading_file);
  reload = self->loading_reload;
  g_clear_object (&self->load_cancellable);
  stop_loading_ui (self);

  if (dataset == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Cancelled before anything was shown: show the bundled data. */
          if (hl_session_get_dataset (self->session) == NULL)
            {
              g_autoptr(HlDataset) bundled = hl_dataset_new_bundled ();

              hl_window_set_dataset (self, bundled);
            }
          return;
        }
      set_last_error (self, error->message);
      if (reload)
        {
          /* Keep showing the last good version; say why in one line. */
          g_auto(GStrv) lines = g_strsplit (error->message, "\n", 2);
          g_autofree char *title = g_markup_escape_text (lines[0], -1);
          AdwToast *t = adw_toast_new (title);

          adw_toast_set_button_label (t, _("_Details"));
          adw_toast_set_action_name (t, "win.show-error-details");
          adw_toast_set_timeout (t, 10);
          adw_toast_overlay_add_toast (self->toast_overlay, t);
        }
      else
        {
          show_error_dialog (self, name, _("This file cannot be shown. Nothing was changed."),
                             error->message);
          /* Nothing to keep on screen: show the bundled data rather than
           * an empty window. */
          if (hl_session_get_dataset (self->session) == NULL)
            {
              g_autoptr(HlDataset) bundled = hl_dataset_new_bundled ();

              hl_window_set_dataset (self, bundled);
            }
        }
      return;
    }

  g_clear_pointer (&self->last_error, g_free);
  if (reload && hl_session_get_file (self->session) != NULL &&
      g_file_equal (file, hl_session_get_file (self->session)))
    {
      hl_session_replace_dataset (self->session, dataset);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self->session));
  hl_session_set_file (self->session, file);
  hl_session_set_dataset (self->session, dataset);
  g_object_thaw_notify (G_OBJECT (self->session));
  watch_file (self, file);
  add_recent (file);
}

static void
start_load (HlWindow *self, GFile *file, gboolean reload)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_set_object (&self->loading_file, file);
  self->loading_reload = reload;
  self->load_cancellable = g_cancellable_new ();

  text = g_strdup_printf (reload ? _("Reloading %s…") : _("Loading %s…"), name);
  gtk_label_set_text (self->loading_label, text);
  gtk_progress_bar_set_fraction (self->loading_bar, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", TRUE);
  if (self->reveal_source == 0 && !gtk_revealer_get_reveal_child (self->loading_revealer))
    self->reveal_source = g_timeout_add (REVEAL_DELAY_MS, reveal_cb, self);

  hl_dataset_load_async (file, self->load_cancellable, load_done, g_object_ref (self));
}

static gboolean
reload_cb (gpointer data)
{
  HlWindow *self = data;

  self->reload_source = 0;
  /* Never cancel a file the user asked for to reload the old one. */
  if (self->load_cancellable != NULL && !self->loading_reload)
    return G_SOURCE_REMOVE;
  if (hl_session_get_file (self->session) != NULL)
    start_load (self, hl_session_get_file (self->session), TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 HlWindow          *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
      /* Debounce: restart the wait on every event. */
      g_clear_handle_id (&self->reload_source, g_source_remove);
      self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
      break;
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      /* A file that went away keeps its last version on screen. */
      break;
    }
}

/* ------------------------------------------------------------------ */
/* Public API */

HlWindow *
hl_window_new (GtkApplication *application)
{
  return g_object_new (HL_TYPE_WINDOW, "application", application, NULL);
}

/* Shows @dataset at once (no file behind it, so no live reload). */
void
hl_window_set_dataset (HlWindow *self, HlDataset *dataset)
{
  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (dataset == NULL || HL_IS_DATASET (dataset));

  watch_file (self, NULL);
  g_object_freeze_notify (G_OBJECT (self->session));
  hl_session_set_file (self->session, NULL);
  hl_session_set_dataset (self->session, dataset);
  g_object_thaw_notify (G_OBJECT (self->session));
}

/* Loads @file on a worker thread; what is shown stays until it is ready,
 * and stays if it fails. */
void
hl_window_open_file (HlWindow *self, GFile *file)
{
  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_load (self, file, FALSE);
}

HlDataset *
hl_window_get_dataset (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return hl_session_get_dataset (self->session);
}

GFile *
hl_window_get_file (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return hl_session_get_file (self->session);
}

HlSession *
hl_window_get_session (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return self->session;
}

HlTimeline *
hl_window_get_timeline (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return self->timeline;
}

HlDetailsPanel *
hl_window_get_panel (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return self->panel;
}

gboolean
hl_window_is_loading (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), FALSE);
  return self->load_cancellable != NULL;
}

/* The last load or reload error reported to the user, or NULL. */
const char *
hl_window_get_last_error (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return self->last_error;
}

/* ------------------------------------------------------------------ */
/* Actions */

static void
on_open_response (GtkNativeDialog *dialog, int response, HlWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL && g_file_peek_path (folder) != NULL)
        g_settings_set_string (self->settings, "last-folder", g_file_peek_path (folder));
      hl_window_open_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
action_open (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *last = g_settings_get_string (self->settings, "last-folder");

  native = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (json, _("Heistline datasets (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), json);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  if (last[0] != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_path (last);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
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
  g_autofree char *name = g_file_get_basename (file);
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
  toast (self, _("Chart copied"));
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
  gtk_popover_popdown (self->range_popover);
}

static gboolean
parse_entry (GtkEntry *entry, gint64 *day)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *problem = NULL;
  gboolean date_only;
  gint64 t;

  if (!hl_date_parse (text, &t, &date_only, &problem))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), problem);
      return FALSE;
    }
  *day = hl_date_floor_day (t);
  return TRUE;
}

static void
action_apply_custom_range (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  gint64 from, to;

  if (!parse_entry (self->from_entry, &from) | !parse_entry (self->to_entry, &to))
    return;
  /* The "to" day is included: the range ends at the end of it. */
  to += HL_SECONDS_PER_DAY;
  if (to <= from)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->to_entry),
                                   _("The end must come after the start"));
      return;
    }
  hl_session_set_range (self->session, from, to);
  gtk_popover_popdown (self->range_popover);
}

static void
action_cancel_load (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
}

static void
action_show_error_details (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autofree char *heading = NULL;

  if (self->last_error == NULL)
    return;
  heading = hl_session_get_file (self->session) ? g_file_get_basename (hl_session_get_file (self->session)) : g_strdup (_("Reload Failed"));
  show_error_dialog (self, heading,
                     _("The file changed on disk but cannot be read. The last good version "
                       "is still shown."),
                     self->last_error);
}

/* ------------------------------------------------------------------ */
/* Template callbacks */

static void
on_range_popover_show (HlWindow *self)
{
  g_autofree char *from = hl_date_format_iso (hl_session_get_from (self->session));
  g_autofree char *to = hl_date_format_iso (hl_session_get_to (self->session) - 1);

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
}

static void
on_range_entry_changed (HlWindow *self, GtkEntry *entry)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
}

static void
on_range_entry_activate (HlWindow *self, GtkEntry *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.apply-custom-range", NULL);
}

static void
on_search_changed (HlWindow *self, GtkSearchEntry *entry)
{
  hl_session_set_search (self->session, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_activate (HlWindow *self)
{
  /* The entry's search-changed comes after a delay: catch up first. */
  hl_session_set_search (self->session,
                          gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.next-match", NULL);
}

static void
on_search_previous (HlWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.previous-match", NULL);
}

static void
on_search_mode_changed (HlWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;
  /* Closing the bar ends the search and gives the keys back to the chart. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  hl_session_set_search (self->session, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}

/* ------------------------------------------------------------------ */
/* Recent files */

static int
compare_recent (gconstpointer a, gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *tb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (tb, ta);
}

static void
rebuild_recent_menu (HlWindow *self)
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
/* Drag and drop */

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
  hl_window_open_file (self, file);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Bindings between the spin button (millions) and the view (dollars) */

static gboolean
usd_to_millions (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  g_value_set_double (to, g_value_get_double (from) / 1e6);
  return TRUE;
}

static gboolean
millions_to_usd (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  g_value_set_double (to, g_value_get_double (from) * 1e6);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* GObject */

static void
hl_window_dispose (GObject *object)
{
  HlWindow *self = HL_WINDOW (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);
  /* Only the timers: dispose may run twice, the second time without the
   * template's widgets. */
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  watch_file (self, NULL);
  if (self->settings != NULL)
    {
      g_settings_unbind (self->session, "show-cumulative");
      g_settings_unbind (self->session, "hidden-lanes");
      g_settings_unbind (self->session, "hidden-confidences");
      g_settings_unbind (self->session, "min-usd");
    }
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_WINDOW);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (hl_window_parent_class)->dispose (object);
}

static void
hl_window_finalize (GObject *object)
{
  HlWindow *self = HL_WINDOW (object);

  g_free (self->last_error);
  G_OBJECT_CLASS (hl_window_parent_class)->finalize (object);
}

static void
hl_window_class_init (HlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_window_dispose;
  object_class->finalize = hl_window_finalize;

  g_type_ensure (HL_TYPE_TIMELINE);
  g_type_ensure (HL_TYPE_DETAILS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/heistline/Heistline/hl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, range_button);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, range_popover);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, presets_box);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, from_entry);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, to_entry);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, lanes_box);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, official_check);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, analyst_check);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, suspected_check);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, disputed_check);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, min_usd_spin);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, matches_label);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, loading_revealer);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, panel_button);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, panel);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_range_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_range_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_range_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_confidence_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", action_open_export);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, action_copy_chart);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, action_toggle_panel);
  gtk_widget_class_install_action (widget_class, "win.next-match", NULL, action_step_match);
  gtk_widget_class_install_action (widget_class, "win.previous-match", NULL, action_step_match);
  gtk_widget_class_install_action (widget_class, "win.set-range", "(xx)", action_set_range);
  gtk_widget_class_install_action (widget_class, "win.apply-custom-range", NULL,
                                   action_apply_custom_range);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, action_cancel_load);
  gtk_widget_class_install_action (widget_class, "win.show-error-details", NULL,
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
hl_window_init (HlWindow *self)
{
  GtkDropTarget *drop;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->session = hl_session_new ();
  hl_timeline_set_session (self->timeline, self->session);
  hl_details_panel_set_session (self->panel, self->session);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-cumulative", self->session, "show-cumulative",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "hidden-lanes", self->session, "hidden-lanes",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "hidden-confidence", self->session, "hidden-confidences",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "min-usd", self->session, "min-usd",
                   G_SETTINGS_BIND_DEFAULT);

  g_object_bind_property_full (self->session, "min-usd",
                               gtk_spin_button_get_adjustment (self->min_usd_spin), "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               usd_to_millions, millions_to_usd, NULL, NULL);

  g_signal_connect_object (self->session, "notify",
                           G_CALLBACK (on_session_notify), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);
  on_dataset_changed (self);
  on_view_changed (self);
  sync_confidence_checks (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}
