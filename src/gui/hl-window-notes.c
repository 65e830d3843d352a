/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's notes and views (issue 11): the notes file found beside a
 * dataset when it opens (a bad one is reported and never overwritten),
 * adding a note at the pointer or the selected event (context menu,
 * Ctrl+M) or over the selected span (Annotate Span, Ctrl+M), editing, moving by drag, recolouring and deleting it, undo and
 * redo, a note's text when hovered, and the Views menu (Ctrl+1…9). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hl-chart-notes.h"
#include "hl-details-panel.h"
#include "hl-export-dialog.h"
#include "hl-notes-popover.h"
#include "hl-timeline.h"
#include "hl-window-private.h"

/* ------------------------------------------------------------------ */
/* The notes file */

/* Reads the notes beside the dataset just opened (the user's data folder
 * for the bundled one). Not there: new notes go there. Unreadable: the
 * dataset stays open, the message names file and line, and new notes go
 * beside the bad file, which is kept as it is. */
static void
load_notes (HlWindow *self)
{
  GFile *dataset_file = hl_session_get_file (self->session);
  g_autofree char *path = hl_notes_path_for_dataset (dataset_file);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *save_to = NULL;
  HlNotes *notes = NULL;

  if (g_strcmp0 (path, self->notes_origin) == 0)
    return;   /* a reload of the same dataset: its notes stay as they are */
  g_free (self->notes_origin);
  self->notes_origin = g_strdup (path);
  if (g_file_query_exists (file, NULL))
    notes = hl_notes_new_from_file (file, &error);
  save_to = hl_notes_save_path (path, error != NULL);
  if (error != NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("%s\nThe notes are left as they are; new notes "
                                                "go to %s"), error->message, save_to);

      hl_session_report_notes (self->session, msg);
    }
  hl_session_set_notes (self->session, notes, save_to);
  if (notes != NULL && hl_session_get_dataset (self->session) != NULL)
    {
      g_autoptr(GPtrArray) found = hl_notes_check (notes, hl_session_get_dataset (self->session),
                                                   path);

      if (found->len > 0)
        hl_session_report_notes (self->session, g_ptr_array_index (found, 0));
    }
}

/* Notes named by hand: read from @file, and saved there from now on. A
 * file that cannot be read changes nothing and says why. */
gboolean
_hl_window_open_notes (HlWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  HlNotes *notes = hl_notes_new_from_file (file, &error);

  if (notes == NULL || path == NULL)
    {
      hl_session_report_notes (self->session, error != NULL ? error->message : _("Not a local file"));
      g_clear_pointer (&notes, hl_notes_free);
      return FALSE;
    }
  hl_session_set_notes (self->session, notes, path);
  if (hl_session_get_dataset (self->session) != NULL)
    {
      g_autoptr(GPtrArray) found = hl_notes_check (notes, hl_session_get_dataset (self->session),
                                                   path);

      if (found->len > 0)
        hl_session_report_notes (self->session, g_ptr_array_index (found, 0));
    }
  return TRUE;
}

/* The notes written to @file, and saved there from now on. */
gboolean
_hl_window_save_notes_as (HlWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  const HlNotes *current = hl_session_get_notes (self->session);
  g_autoptr(HlNotes) notes = current != NULL ? hl_notes_copy (current) : hl_notes_new ();

  if (path == NULL || !hl_notes_save (notes, path, &error))
    {
      hl_session_report_notes (self->session, error != NULL ? error->message : _("Not a local file"));
      return FALSE;
    }
  hl_session_set_notes (self->session, g_steal_pointer (&notes), path);
  return TRUE;
}

static void
on_notes_chooser_response (GtkNativeDialog *dialog, int response, HlWindow *self)
{
  gboolean save = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) ==
                  GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (save)
        _hl_window_save_notes_as (self, file);
      else
        _hl_window_open_notes (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
action_notes_file (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  gboolean save = g_str_equal (name, "win.save-notes-as");
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (save ? _("Save Notes As") : _("Open Notes"),
                                        GTK_WINDOW (self),
                                        save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                             : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        save ? _("_Save") : _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (json, _("Heistline notes (JSON)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), json);
  if (save)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "notes" HL_NOTES_SUFFIX);
  g_signal_connect_object (native, "response", G_CALLBACK (on_notes_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_notes_message (HlWindow *self, const char *message)
{
  _hl_window_toast (self, message);
}

/* ------------------------------------------------------------------ */
/* The Views menu */

static void
append_view_item (GMenu *menu, char *label, const char *action, guint index)
{
  g_autofree char *owned = label;
  g_autoptr(GMenuItem) item = g_menu_item_new (owned, NULL);

  g_menu_item_set_action_and_target (item, action, "u", index);
  g_menu_append_item (menu, item);
}

/* The views, then what can be done to the one shown last (no submenus:
 * GTK 4.8's popover menus rebuild them badly). */
static void
rebuild_views_menu (HlWindow *self)
{
  const HlNotes *notes = hl_session_get_notes (self->session);
  g_autoptr(GMenu) list = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();

  g_menu_remove_all (self->views_list);
  if (notes == NULL || self->current_view >= (int) notes->views->len)
    self->current_view = -1;
  for (guint i = 0; notes != NULL && i < notes->views->len; i++)
    {
      const HlSavedView *v = g_ptr_array_index (notes->views, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (v->name, NULL);

      g_menu_item_set_action_and_target (item, "win.apply-view", "u", i);
      if (i < 9)
        {
          g_autofree char *accel = g_strdup_printf ("<Control>%u", i + 1);

          g_menu_item_set_attribute (item, "accel", "s", accel);
        }
      g_menu_append_item (list, item);
    }
  g_menu_append_section (self->views_list, NULL, G_MENU_MODEL (list));
  if (self->current_view >= 0)
    {
      const char *name = ((HlSavedView *) g_ptr_array_index (notes->views,
                                                             self->current_view))->name;

      /* TRANSLATORS: %s is a saved view's name */
      append_view_item (edit, g_strdup_printf (_("_Update “%s” to What Is Shown"), name),
                        "win.update-view", self->current_view);
      append_view_item (edit, g_strdup_printf (_("_Rename “%s”…"), name), "win.rename-view",
                        self->current_view);
      append_view_item (edit, g_strdup_printf (_("_Delete “%s”"), name), "win.delete-view",
                        self->current_view);
      append_view_item (edit, g_strdup_printf (_("_Export “%s”…"), name), "win.export-view",
                        self->current_view);
      g_menu_append_section (self->views_list, NULL, G_MENU_MODEL (edit));
    }
}

static void
on_session_notify (HlWindow *self, GParamSpec *pspec)
{
  if (g_str_equal (pspec->name, "dataset"))
    load_notes (self);
  else if (g_str_equal (pspec->name, "notes"))
    rebuild_views_menu (self);
  else if (g_str_equal (pspec->name, "can-undo"))
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                   hl_session_can_undo (self->session));
  else if (g_str_equal (pspec->name, "can-redo"))
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                   hl_session_can_redo (self->session));
}

/* ------------------------------------------------------------------ */
/* The popover */

static void
point_popover_at (HlWindow *self, gint64 time, double y)
{
  HlChart *chart = hl_timeline_get_chart (self->timeline);
  GdkRectangle rect = { 0, (int) y, 1, 1 };

  /* Inside the timeline even for a time out of view (a span that starts
   * before it): GTK cannot place a popover pointing off its monitor. */
  if (chart != NULL)
    rect.x = (int) CLAMP (hl_chart_time_to_x (chart, time), 0,
                          MAX (gtk_widget_get_width (GTK_WIDGET (self->timeline)) - 1, 0));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->note_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->note_popover));
  gtk_widget_grab_focus (GTK_WIDGET (hl_notes_popover_get_text_entry (self->note_popover)));
}

/* A new note at @time (a span if @to > @time), in @lane_id's band or
 * over the chart. */
static void
add_note_at (HlWindow *self, gint64 time, gint64 to, const char *lane_id)
{
  hl_notes_popover_edit (self->note_popover, NULL, time, to);
  hl_notes_popover_set_lane (self->note_popover, lane_id);
  point_popover_at (self, time, self->pointer_y);
}

static void
edit_note (HlWindow *self, const char *id)
{
  const HlAnnotation *note = hl_session_find_annotation (self->session, id);

  if (note == NULL)
    return;
  hl_notes_popover_edit (self->note_popover, note, 0, 0);
  point_popover_at (self, note->from, self->pointer_y);
}

/* ------------------------------------------------------------------ */
/* Actions */

/* A range note over the selected span, from its first day to its last
 * (the span is [from, to) in whole days, as a range note's to is); FALSE
 * if there is no span. */
static gboolean
annotate_span (HlWindow *self)
{
  gint64 from, to;

  if (!hl_session_get_span (self->session, &from, &to))
    return FALSE;
  add_note_at (self, from, to, NULL);
  return TRUE;
}

static void
action_annotate_span (GtkWidget *widget, const char *name, GVariant *param)
{
  annotate_span (HL_WINDOW (widget));
}

/* Over the selected span, else at the selected event, else at the
 * pointer, else the middle of the view. */
static void
action_add_note (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  HlDataset *dataset = hl_session_get_dataset (self->session);
  int selected = hl_session_get_selected (self->session);
  HlChart *chart = hl_timeline_get_chart (self->timeline);
  gint64 time = (hl_session_get_from (self->session) + hl_session_get_to (self->session)) / 2;
  const char *lane = NULL;

  if (annotate_span (self))
    return;
  /* At the selected event, in its lane */
  if (dataset != NULL && selected >= 0)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, selected);

      time = ev->time;
      lane = hl_dataset_get_lane (dataset, ev->lane)->id;
    }
  else if (chart != NULL && self->has_pointer)
    time = hl_chart_x_to_time (chart, self->pointer_x);
  add_note_at (self, time, time, lane);
}

static void
action_add_note_at (GtkWidget *widget, const char *name, GVariant *param)
{
  gint64 time = g_variant_get_int64 (param);

  add_note_at (HL_WINDOW (widget), time, time, NULL);
}

static void
action_edit_note (GtkWidget *widget, const char *name, GVariant *param)
{
  edit_note (HL_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
action_delete_note (GtkWidget *widget, const char *name, GVariant *param)
{
  hl_session_remove_annotation (HL_WINDOW (widget)->session, g_variant_get_string (param, NULL));
}

static void
action_undo (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);

  if (g_str_equal (name, "win.undo"))
    hl_session_undo (self->session);
  else
    hl_session_redo (self->session);
}

static gboolean
view_index_ok (HlWindow *self, guint index)
{
  const HlNotes *notes = hl_session_get_notes (self->session);

  return notes != NULL && index < notes->views->len;
}

/* The files a view showed beside the dataset are added again (those
 * already shown are left as they are; a missing one is reported by the
 * add, naming it). */
static void
add_view_files (HlWindow *self, const HlSavedView *saved)
{
  const char *notes_path = hl_session_get_notes_path (self->session);

  for (guint i = 0; saved->files != NULL && notes_path != NULL && saved->files[i] != NULL; i++)
    {
      g_autofree char *path = hl_saved_view_resolve_file (notes_path, saved->files[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      hl_window_add_file (self, file);
    }
}

static void
action_apply_view (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  guint index = g_variant_get_uint32 (param);

  if (!view_index_ok (self, index))
    return;
  self->current_view = (int) index;
  hl_session_apply_view (self->session, index);
  add_view_files (self, g_ptr_array_index (hl_session_get_notes (self->session)->views, index));
  rebuild_views_menu (self);
}

static void
action_update_view (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  guint index = g_variant_get_uint32 (param);
  g_autofree char *view_name = NULL;

  if (!view_index_ok (self, index))
    return;
  view_name = g_strdup (((HlSavedView *) g_ptr_array_index (
    hl_session_get_notes (self->session)->views, index))->name);
  hl_session_save_view (self->session, view_name);
}

/* The export dialog, starting from saved view @index (its range, lanes,
 * filters and notes) rather than from what is shown. */
static void
action_export_view (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  guint index = g_variant_get_uint32 (param);
  HlDataset *dataset = hl_session_get_dataset (self->session);
  const HlNotes *notes = hl_session_get_notes (self->session);
  HlExportDialog *dialog;
  HlView view;

  if (dataset == NULL || !view_index_ok (self, index))
    return;
  hl_view_copy (&view, hl_session_get_view (self->session));
  hl_saved_view_apply (g_ptr_array_index (notes->views, index), dataset, notes, &view);
  dialog = hl_export_dialog_new (GTK_WINDOW (self), dataset, &view);
  hl_view_clear (&view);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_delete_view (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  guint index = g_variant_get_uint32 (param);

  if (view_index_ok (self, index))
    hl_session_delete_view (self->session, index);
}

/* The name dialog of Save View and Rename: @index G_MAXUINT saves. */
static void
on_name_response (AdwMessageDialog *dialog, const char *response, HlWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "index"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (!g_str_equal (response, "save") || *text == '\0')
    return;
  if (index == G_MAXUINT)
    {
      hl_session_save_view (self->session, text);
      self->current_view = hl_notes_find_view (hl_session_get_notes (self->session), text);
      rebuild_views_menu (self);
    }
  else if (!hl_session_rename_view (self->session, index, text))
    _hl_window_toast (self, _("Another view has that name"));
}

static void
ask_view_name (HlWindow *self, guint index, const char *current)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              index == G_MAXUINT ? _("Save View") : _("Rename View"),
                                              _("Its name, in the Views menu"));
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), current != NULL ? current : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_name_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_save_view (GtkWidget *widget, const char *name, GVariant *param)
{
  ask_view_name (HL_WINDOW (widget), G_MAXUINT, NULL);
}

static void
action_rename_view (GtkWidget *widget, const char *name, GVariant *param)
{
  HlWindow *self = HL_WINDOW (widget);
  guint index = g_variant_get_uint32 (param);

  if (view_index_ok (self, index))
    ask_view_name (self, index, ((HlSavedView *) g_ptr_array_index (
      hl_session_get_notes (self->session)->views, index))->name);
}

void
_hl_window_class_notes_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-note", NULL, action_add_note);
  gtk_widget_class_install_action (widget_class, "win.add-note-at", "x", action_add_note_at);
  gtk_widget_class_install_action (widget_class, "win.annotate-span", NULL,
                                   action_annotate_span);
  gtk_widget_class_install_action (widget_class, "win.edit-note", "s", action_edit_note);
  gtk_widget_class_install_action (widget_class, "win.delete-note", "s", action_delete_note);
  gtk_widget_class_install_action (widget_class, "win.open-notes", NULL, action_notes_file);
  gtk_widget_class_install_action (widget_class, "win.save-notes-as", NULL, action_notes_file);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "win.save-view", NULL, action_save_view);
  gtk_widget_class_install_action (widget_class, "win.apply-view", "u", action_apply_view);
  gtk_widget_class_install_action (widget_class, "win.update-view", "u", action_update_view);
  gtk_widget_class_install_action (widget_class, "win.rename-view", "u", action_rename_view);
  gtk_widget_class_install_action (widget_class, "win.delete-view", "u", action_delete_view);
  gtk_widget_class_install_action (widget_class, "win.export-view", "u", action_export_view);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "win.add-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  for (guint i = 0; i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.apply-view", "u", i);
}

/* ------------------------------------------------------------------ */
/* The pointer on the chart: context menu, dragging a note, its text */

static const char *
note_id_at (HlWindow *self, double x, double y)
{
  HlChart *chart = hl_timeline_get_chart (self->timeline);
  const HlView *view = chart != NULL ? hl_chart_get_view (chart) : NULL;
  int i = chart != NULL ? hl_chart_note_at (chart, x, y) : -1;

  if (i < 0 || view->annotations == NULL)
    return NULL;
  return ((HlAnnotation *) g_ptr_array_index (view->annotations, i))->id;
}

static void
on_motion (HlWindow *self, double x, double y)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
}

static void
on_leave (HlWindow *self)
{
  self->has_pointer = FALSE;
}

static void
on_context (GtkGestureClick *gesture, int n_press, double x, double y, HlWindow *self)
{
  HlChart *chart = hl_timeline_get_chart (self->timeline);
  const char *id = note_id_at (self, x, y);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) add = g_menu_item_new (_("_Add Note Here"), NULL);
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  if (chart == NULL)
    return;
  on_motion (self, x, y);
  if (id != NULL)
    {
      g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit Note…"), NULL);
      g_autoptr(GMenuItem) del = g_menu_item_new (_("_Delete Note"), NULL);

      g_menu_item_set_action_and_target (edit, "win.edit-note", "s", id);
      g_menu_item_set_action_and_target (del, "win.delete-note", "s", id);
      g_menu_append_item (menu, edit);
      g_menu_append_item (menu, del);
    }
  g_menu_item_set_action_and_target (add, "win.add-note-at", "x", hl_chart_x_to_time (chart, x));
  g_menu_append_item (menu, add);
  gtk_popover_menu_set_menu_model (self->context_menu, G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Moves the note @id by @dx pixels along the time axis (what a drag
 * does); undoable. */
void
_hl_window_move_note (HlWindow *self, const char *id, double dx)
{
  HlChart *chart = hl_timeline_get_chart (self->timeline);
  const HlAnnotation *note = hl_session_find_annotation (self->session, id);
  HlAnnotation *moved;

  if (chart == NULL || note == NULL || dx == 0)
    return;
  moved = hl_annotation_copy (note);
  hl_annotation_move (moved, hl_chart_x_to_time (chart, hl_chart_time_to_x (chart, note->from) +
                                                        dx));
  hl_session_replace_annotation (self->session, id, moved);
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, HlWindow *self)
{
  const char *id = note_id_at (self, x, y);

  g_clear_pointer (&self->drag_note, g_free);
  if (id == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_note = g_strdup (id);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_end (GtkGestureDrag *gesture, double dx, double dy, HlWindow *self)
{
  g_autofree char *id = g_steal_pointer (&self->drag_note);

  if (id != NULL)
    _hl_window_move_note (self, id, dx);
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  HlWindow *self)
{
  const char *id = keyboard ? NULL : note_id_at (self, x, y);
  const HlAnnotation *note = id != NULL ? hl_session_find_annotation (self->session, id) : NULL;

  if (note == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, note->text);
  return TRUE;
}

void
_hl_window_notes_init (HlWindow *self)
{
  GtkWidget *timeline = GTK_WIDGET (self->timeline);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->current_view = -1;
  self->note_popover = HL_NOTES_POPOVER (hl_notes_popover_new (self->session));
  gtk_widget_set_parent (GTK_WIDGET (self->note_popover), timeline);
  self->context_menu = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (NULL));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->context_menu), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->context_menu), timeline);

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (timeline, motion);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_context), self);
  gtk_widget_add_controller (timeline, GTK_EVENT_CONTROLLER (click));
  /* Before the timeline's own drag (which pans): a drag on a note moves it. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (timeline, GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_has_tooltip (timeline, TRUE);
  g_signal_connect (timeline, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  g_signal_connect_object (self->session, "notes-message", G_CALLBACK (on_notes_message), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify", G_CALLBACK (on_session_notify), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", FALSE);
  if (hl_session_get_dataset (self->session) != NULL)
    load_notes (self);
}

void
_hl_window_notes_dispose (HlWindow *self)
{
  if (self->session != NULL)
    hl_session_flush_notes (self->session, NULL);
  if (self->note_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->note_popover));
  if (self->context_menu != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->context_menu));
  self->note_popover = NULL;
  self->context_menu = NULL;
  g_clear_pointer (&self->drag_note, g_free);
  g_clear_pointer (&self->notes_origin, g_free);
}

HlNotesPopover *
_hl_window_get_notes_popover (HlWindow *self)
{
  return self->note_popover;
}
