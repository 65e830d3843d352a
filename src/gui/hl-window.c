/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: construction, loading (always on a worker thread, the
 * old data kept on screen until the new one is ready), live reload and
 * messages. The view state lives in the window's HlSession, which the
 * timeline, the panel, the popovers and the header observe; the actions
 * are in hl-window-actions.c, drag and drop in hl-window-dnd.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-dataset-monitor.h"
#include "hl-date.h"
#include "hl-escape.h"
#include "hl-window-private.h"

#define RELOAD_DELAY_MS   100  /* editors write in bursts (ms apart): wait for the last */
#define REVEAL_DELAY_MS   150  /* quick loads show no progress bar at all */
#define PULSE_MS          100
#define ERROR_MAX_HEIGHT  320  /* the error dialog scrolls beyond this */
#define ERROR_WIDTH       560  /* its problems' width, room allowing */
#define ERROR_MIN_WIDTH   260
#define ERROR_MIN_HEIGHT  120  /* several lines at once, however short the first */
#define ERROR_MARGIN       48
#define ERROR_TOAST_SECONDS 10
#define TOAST_ARRIVAL_MS  600  /* libadwaita's slide-in: 300 ms, 500 over another */

G_DEFINE_FINAL_TYPE (HlWindow, hl_window, ADW_TYPE_APPLICATION_WINDOW)

static void start_load (HlWindow *self, GFile *file, gboolean reload);
static void on_file_changed (HlWindow *self);

/* ------------------------------------------------------------------ */
/* Messages */

void
_hl_window_toast (HlWindow *self, const char *text)
{
  g_autofree char *safe = hl_escape_text (text, -1, HL_ESCAPE_NONE);
  g_autofree char *escaped = g_markup_escape_text (safe, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* The whole error, in a dialog titled with the file's name: as wide as
 * the window allows up to ERROR_WIDTH, the problems in a framed,
 * scrolling, selectable box that shows several lines at once. */
void
_hl_window_show_error_dialog (HlWindow   *self,
                              const char *heading,
                              const char *body,
                              const char *details)
{
  g_autofree char *safe_heading = hl_escape_text (heading, -1, HL_ESCAPE_NONE);
  g_autofree char *safe_details = hl_escape_text (details, -1, HL_ESCAPE_KEEP_NEWLINES);
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height, room;
  GtkWidget *dialog, *scroller, *label;

  if (width <= 0)  /* not shown yet: the size it opens at */
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);  /* GTK 4.8: no NULL */
  room = width - 2 * ERROR_MARGIN;

  /* Plain text throughout: the heading and body are not markup, nor is
   * the label */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), safe_heading, body);
  label = gtk_label_new (safe_details);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_add_css_class (label, "error-details");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), ERROR_MAX_HEIGHT);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller),
                                              ERROR_MIN_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_widget_set_size_request (scroller, CLAMP (room, ERROR_MIN_WIDTH, ERROR_WIDTH), -1);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
forget_error_toast (HlWindow *self)
{
  g_clear_handle_id (&self->withdraw_source, g_source_remove);
  if (self->error_toast == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->error_toast, self);
  g_clear_object (&self->error_toast);
}

static void
on_error_toast_dismissed (HlWindow *self, AdwToast *toast)
{
  if (self->error_toast == toast)
    forget_error_toast (self);
}

static gboolean
withdraw_cb (gpointer data)
{
  HlWindow *self = data;
  g_autoptr(AdwToast) toast = g_object_ref (self->error_toast);

  self->withdraw_source = 0;
  forget_error_toast (self);
  adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

/* Withdraws the reload error on screen, if any. Never while it is still
 * sliding in: libadwaita 1.2 frees a toast dismissed during its show
 * animation before that animation ends, and crashes when it does (seen
 * under the soak test); so a young toast goes once it has arrived. */
static void
withdraw_error_toast (HlWindow *self)
{
  gint64 age_ms;

  if (self->error_toast == NULL || self->withdraw_source != 0)
    return;
  age_ms = (g_get_monotonic_time () - self->error_toast_added) / G_TIME_SPAN_MILLISECOND;
  if (age_ms >= TOAST_ARRIVAL_MS)
    withdraw_cb (self);
  else
    self->withdraw_source = g_timeout_add (TOAST_ARRIVAL_MS - age_ms, withdraw_cb, self);
}

/* One reload error on screen at a time: a newer one replaces the text of
 * the toast up (queued toasts would show stale errors long after), and
 * its Details button carries its own error, not whatever came last. */
static void
show_error_toast (HlWindow *self, const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", 2);
  g_autofree char *safe = hl_escape_text (lines[0], -1, HL_ESCAPE_NONE);
  g_autofree char *title = g_markup_escape_text (safe, -1);
  AdwToast *toast;

  /* up, or on its way out: it stays, with the new error */
  g_clear_handle_id (&self->withdraw_source, g_source_remove);
  if (self->error_toast != NULL)
    {
      adw_toast_set_title (self->error_toast, title);
      adw_toast_set_action_target_value (self->error_toast, g_variant_new_string (message));
      return;
    }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-error-details");
  adw_toast_set_action_target_value (toast, g_variant_new_string (message));
  adw_toast_set_timeout (toast, ERROR_TOAST_SECONDS);
  self->error_toast = g_object_ref (toast);
  self->error_toast_added = g_get_monotonic_time ();
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_error_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
set_last_error (HlWindow *self, const char *message)
{
  g_free (self->last_error);
  self->last_error = g_strdup (message);
}

/* A reload that failed, of the file shown or one added beside it: what
 * is shown stays, the toast says why (the message names the file). */
void
_hl_window_show_reload_error (HlWindow *self, const char *message)
{
  set_last_error (self, message);
  show_error_toast (self, message);
}

void
_hl_window_clear_reload_error (HlWindow *self)
{
  g_clear_pointer (&self->last_error, g_free);
  withdraw_error_toast (self);
}

/* ------------------------------------------------------------------ */
/* Showing the state */

static void
update_title (HlWindow *self)
{
  HlDataset *dataset = hl_session_get_dataset (self->session);
  const char *title = dataset ? hl_dataset_get_title (dataset) : NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *isolated = NULL;

  if (title == NULL || title[0] == '\0')
    title = _("Heistline");
  adw_window_title_set_title (self->window_title, title);
  if (hl_session_get_file (self->session) != NULL)
    {
      g_autofree char *name = g_file_get_basename (hl_session_get_file (self->session));
      g_autofree char *safe = hl_escape_text (name, -1, HL_ESCAPE_NONE);

      adw_window_title_set_subtitle (self->window_title, safe);
    }
  else
    adw_window_title_set_subtitle (self->window_title,
                                   dataset ? _("Bundled dataset") : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-bundled",
                                 hl_session_get_file (self->session) != NULL);
  /* The title isolated (FSI … PDI): right-to-left text in it, or a bidi
   * control, cannot reorder the rest. */
  isolated = g_strdup_printf ("\u2068%s\u2069", title);
  /* Translators: window title: "<dataset title> – Heistline" */
  window_title = dataset ? g_strdup_printf (_("%s – Heistline"), isolated)
                         : g_strdup (_("Heistline"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
  /* several files: every one named under the title */
  _hl_window_sources_sync (self);
}

/* While a gesture moves the view, the range button follows a few times
 * a second (the chart's own subtitle says the range at every step): a
 * new label is a new size for the whole header bar. */
static void
update_range_label (HlWindow *self)
{
  g_autofree char *range = NULL;
  g_autofree char *name = NULL;

  range = hl_date_format_range (hl_session_get_from (self->session),
                                hl_session_get_to (self->session));
  if (g_str_equal (gtk_label_get_text (self->range_label), range) ||
      hl_pacer_wait (&self->range_pacer, self->session))
    return;
  hl_pacer_ran (&self->range_pacer);
  gtk_label_set_text (self->range_label, range);
  /* Translators: the range button, as a screen reader says it */
  name = g_strdup_printf (_("Time Range: %s"), range);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->range_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static gboolean
range_due (gpointer data)
{
  update_range_label (data);
  return G_SOURCE_REMOVE;
}

static void
update_matches (HlWindow *self)
{
  g_autofree char *text = hl_session_describe_matches (self->session);

  /* "3 of 9, 1 outside the view", "1 match hidden by filters", "No matches" */
  gtk_label_set_text (self->matches_label, text != NULL ? text : "");
}

/* The filter button stands out while a filter hides something. */
static void
update_filter_button (HlWindow *self)
{
  if (hl_session_get_filters_active (self->session))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filters-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filters-active");
}

static void
on_dataset_changed (HlWindow *self)
{
  gboolean has_data = hl_session_get_dataset (self->session) != NULL;

  update_title (self);
  /* Nothing to sum up before the first dataset arrives */
  gtk_widget_set_visible (GTK_WIDGET (self->panel), has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-chart", has_data);
}

static void
on_session_notify (HlWindow *self, GParamSpec *pspec)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "dataset"))
    on_dataset_changed (self);
  else if (g_str_equal (name, "file"))
    update_title (self);
  else if (g_str_equal (name, "from") || g_str_equal (name, "to") ||
           g_str_equal (name, "moving"))
    update_range_label (self);
  else if (g_str_equal (name, "search") || g_str_equal (name, "n-matches") ||
           g_str_equal (name, "n-matches-outside") || g_str_equal (name, "n-matches-hidden") ||
           g_str_equal (name, "match-position"))
    update_matches (self);
  else if (g_str_equal (name, "filters-active"))
    update_filter_button (self);
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
  /* out of activity mode: its tick callback repainted the window forever */
  gtk_progress_bar_set_fraction (self->loading_bar, 0);
  gtk_revealer_set_reveal_child (self->loading_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);
}


/* Watches @file for a live reload; NULL stops watching. */
static void
watch_file (HlWindow *self, GFile *file)
{
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  if (file == NULL)
    return;
  self->monitor = hl_dataset_monitor_new (file, RELOAD_DELAY_MS);
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed), self,
                           G_CONNECT_SWAPPED);
}

/* Nothing to keep on screen: show the bundled data rather than an empty
 * window. */
static void
ensure_some_dataset (HlWindow *self)
{
  g_autoptr(HlDataset) bundled = NULL;

  if (hl_session_get_dataset (self->session) != NULL)
    return;
  bundled = hl_dataset_new_bundled ();
  hl_window_set_dataset (self, bundled);
}

/* Open Recent lists what opens: a file that failed to load leaves it
 * (opening it again with the problem fixed puts it back). */
static void
forget_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  /* Not has_item(): GTK 4.8 warns when there is no list yet; this does
   * not, and fails quietly when the file is not in it. */
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
}

/* A failed load: a reload keeps the last good version and says why in a
 * toast; opening a file says it in a dialog. */
static void
report_load_error (HlWindow *self, GFile *file, gboolean reload, const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      ensure_some_dataset (self);
      return;
    }
  set_last_error (self, error->message);
  if (reload)
    {
      show_error_toast (self, error->message);
      return;
    }
  _hl_window_show_error_dialog (self, name,
                                _("This file cannot be shown. Nothing was changed."),
                                error->message);
  forget_recent (file);
  ensure_some_dataset (self);
}

static gboolean
reload_again_cb (gpointer data)
{
  HlWindow *self = data;

  if (self->session != NULL && self->load_cancellable == NULL)
    on_file_changed (self);
  return G_SOURCE_REMOVE;
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
  if (self->reload_pending)
    {
      /* The file changed again while this reload ran: this version
       * first, then read it again. */
      self->reload_pending = FALSE;
      g_idle_add_full (G_PRIORITY_DEFAULT, reload_again_cb, g_object_ref (self), g_object_unref);
    }

  if (dataset == NULL)
    {
      report_load_error (self, file, reload, error);
      return;
    }

  g_clear_pointer (&self->last_error, g_free);
  withdraw_error_toast (self);
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
  _hl_window_add_recent (file);
}

static void
start_load (HlWindow *self, GFile *file, gboolean reload)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = hl_escape_text (basename, -1, HL_ESCAPE_NONE);
  g_autofree char *text = NULL;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->reload_pending = FALSE;
  g_set_object (&self->loading_file, file);
  self->loading_reload = reload;
  self->load_cancellable = g_cancellable_new ();

  text = g_strdup_printf (reload ? _("Reloading %s…") : _("Loading %s…"), name);
  gtk_label_set_text (self->loading_label, text);
  gtk_progress_bar_set_fraction (self->loading_bar, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", TRUE);
  if (self->reveal_source == 0 && !gtk_revealer_get_reveal_child (self->loading_revealer))
    self->reveal_source = g_timeout_add (REVEAL_DELAY_MS, reveal_cb, self);

  hl_dataset_load_async_full (file, &self->load_options, self->load_cancellable,
                              load_done, g_object_ref (self));
}

/* The file changed on disk and has been quiet since: reload it. */
static void
on_file_changed (HlWindow *self)
{
  GFile *file = hl_session_get_file (self->session);

  /* Never cancel a file the user asked for to reload the old one. */
  if (self->load_cancellable != NULL && !self->loading_reload)
    return;
  /* Nor a reload under way: what it reads is shown, then the newer
   * version is read (an editor saving every few tenths of a second
   * would otherwise never get a version on screen). */
  if (self->load_cancellable != NULL)
    {
      self->reload_pending = TRUE;
      return;
    }
  if (file != NULL)
    start_load (self, file, TRUE);
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

  if (_hl_window_is_table_file (file))
    _hl_window_import_file (self, file);
  else
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

/* Back to the dataset the application ships, from any other. */
static void
action_open_bundled (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autoptr(HlDataset) bundled = NULL;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  bundled = hl_dataset_new_bundled ();
  hl_window_set_dataset (self, bundled);
}

/* ------------------------------------------------------------------ */
/* Template callbacks */

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
  hl_pacer_clear (&self->range_pacer);
  /* the widgets going away may still change the session (the timeline
   * ends its gesture): nothing of this window answers any more */
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_session_notify, self);
  watch_file (self, NULL);
  _hl_window_sources_dispose (self);
  forget_error_toast (self);
  if (self->settings != NULL)
    {
      g_settings_unbind (self->session, "show-cumulative");
      g_settings_unbind (self->session, "hidden-lanes");
      g_settings_unbind (self->session, "hidden-confidences");
      g_settings_unbind (self->session, "min-usd");
      hl_session_unbind_proximity (self->session);
      g_settings_unbind (self->session, "bins");
      g_settings_unbind (self->session, "money-scale");
    }
  /* the View actions hold the session */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "view", NULL);
  g_clear_object (&self->settings);

  _hl_window_notes_dispose (self);
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
  g_type_ensure (HL_TYPE_RANGE_POPOVER);
  g_type_ensure (HL_TYPE_FILTER_POPOVER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/heistline/Heistline/hl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, sources_section);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, range_button);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, range_label);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, range_popover);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, filter_popover);
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
  gtk_widget_class_bind_template_child (widget_class, HlWindow, views_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);

  _hl_window_class_actions_init (widget_class);
  _hl_window_class_sources_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, action_open_bundled);
  _hl_window_class_notes_init (widget_class);
}

static void
hl_window_init (HlWindow *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  hl_pacer_init (&self->range_pacer, range_due, self);
  if (!hl_load_options_init_from_env (&self->load_options, &error))
    g_printerr ("heistline: %s\n", error->message);

  self->session = hl_session_new ();
  hl_timeline_set_session (self->timeline, self->session);
  hl_details_panel_set_session (self->panel, self->session);
  hl_range_popover_set_session (self->range_popover, self->session);
  hl_filter_popover_set_session (self->filter_popover, self->session);

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
  hl_session_bind_proximity (self->session, self->settings);
  g_settings_bind (self->settings, "bins", self->session, "bins", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "money-scale", self->session, "money-scale",
                   G_SETTINGS_BIND_DEFAULT);
  _hl_window_view_actions_init (self);

  g_signal_connect_object (self->session, "notify",
                           G_CALLBACK (on_session_notify), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (_hl_window_rebuild_recent_menu), self,
                           G_CONNECT_SWAPPED);
  _hl_window_rebuild_recent_menu (self);
  _hl_window_dnd_init (self);
  _hl_window_notes_init (self);
  _hl_window_sources_init (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);
  on_dataset_changed (self);
  update_range_label (self);
  update_matches (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}
