/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session's notes and views (issue 11): the notes of the dataset
 * shown, changed only through these functions, each change undoable and
 * saved a moment later (atomically, hl_notes_save()). The view's
 * annotations array follows the notes, so the timeline and every export
 * taken from the session draw them. */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-session-private.h"

/* Changes closer together than this are saved once. */
#define SAVE_DELAY_MS 400
/* Undo steps kept. */
#define MAX_UNDO 200

enum
{
  SIGNAL_NOTES_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_stack (GPtrArray *stack)
{
  g_ptr_array_set_size (stack, 0);
}

void
_hl_session_notes_init (HlSession *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_notes_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_notes_free);
}

void
_hl_session_notes_finalize (HlSession *self)
{
  /* Nothing typed is lost when the window closes. */
  if (self->save_source != 0)
    hl_session_flush_notes (self, NULL);
  g_clear_pointer (&self->notes, hl_notes_free);
  g_clear_pointer (&self->notes_path, g_free);
  g_clear_pointer (&self->shown_note_ids, g_strfreev);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
}

void
_hl_session_notes_install (GObjectClass *klass)
{
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  /**
   * HlSession:notes: (type gpointer)
   *
   * The #HlNotes of the dataset shown, or %NULL; notified on every change.
   */
  _hl_session_properties[PROP_NOTES] = g_param_spec_pointer ("notes", NULL, NULL, ro);
  _hl_session_properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  _hl_session_properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  /**
   * HlSession::notes-message:
   * @message: a sentence for the user, naming the file
   *
   * A notes file could not be read or saved, or says something about the
   * dataset (a note on a lane it lacks): for a toast.
   */
  signals[SIGNAL_NOTES_MESSAGE] =
    g_signal_new ("notes-message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

gboolean
_hl_session_notes_get_property (HlSession *self, guint prop_id, GValue *value)
{
  switch (prop_id)
    {
    case PROP_NOTES:
      g_value_set_pointer (value, self->notes);
      return TRUE;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, hl_session_can_undo (self));
      return TRUE;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, hl_session_can_redo (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
note_shown (HlSession *self, const HlAnnotation *note)
{
  return self->shown_note_ids == NULL ||
         g_strv_contains ((const char * const *) self->shown_note_ids, note->id);
}

/* The view's annotations from the notes; notifies "notes". */
static void
notes_changed (HlSession *self)
{
  GPtrArray *shown = NULL;

  if (self->notes != NULL)
    {
      shown = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_annotation_free);
      for (guint i = 0; i < self->notes->annotations->len; i++)
        {
          const HlAnnotation *note = g_ptr_array_index (self->notes->annotations, i);

          if (note_shown (self, note))
            g_ptr_array_add (shown, hl_annotation_copy (note));
        }
    }
  g_clear_pointer (&self->view.annotations, g_ptr_array_unref);
  self->view.annotations = shown;
  _hl_session_notify (self, PROP_NOTES);
}

static gboolean
save_now (gpointer data)
{
  HlSession *self = data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!hl_session_flush_notes (self, &error))
    g_signal_emit (self, signals[SIGNAL_NOTES_MESSAGE], 0, error->message);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (HlSession *self)
{
  if (self->notes_path == NULL)
    return;
  if (self->save_source != 0)
    g_source_remove (self->save_source);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_now, self);
}

/* Before a change: the state to come back to. */
static void
push_undo (HlSession *self)
{
  gboolean could_redo = self->redo->len > 0, could_undo = self->undo->len > 0;

  if (self->notes == NULL)
    self->notes = hl_notes_new ();
  g_ptr_array_add (self->undo, hl_notes_copy (self->notes));
  if (self->undo->len > MAX_UNDO)
    g_ptr_array_remove_index (self->undo, 0);
  clear_stack (self->redo);
  if (!could_undo)
    _hl_session_notify (self, PROP_CAN_UNDO);
  if (could_redo)
    _hl_session_notify (self, PROP_CAN_REDO);
}

static void
after_change (HlSession *self)
{
  notes_changed (self);
  schedule_save (self);
}

/* ------------------------------------------------------------------ */
/* Public API */

const HlNotes *
hl_session_get_notes (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), NULL);
  return self->notes;
}

const char *
hl_session_get_notes_path (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), NULL);
  return self->notes_path;
}

/**
 * hl_session_set_notes:
 * @notes: (transfer full) (nullable): the notes read, or %NULL for none
 * @path: (nullable): where changes are saved
 *
 * The notes of a dataset just opened: no undo history, every note shown.
 * A pending save of the previous notes is written first.
 */
void
hl_session_set_notes (HlSession *self, HlNotes *notes, const char *path)
{
  g_return_if_fail (HL_IS_SESSION (self));

  if (self->save_source != 0)
    hl_session_flush_notes (self, NULL);
  g_object_freeze_notify (G_OBJECT (self));
  g_clear_pointer (&self->notes, hl_notes_free);
  self->notes = notes;
  g_free (self->notes_path);
  self->notes_path = g_strdup (path);
  g_clear_pointer (&self->shown_note_ids, g_strfreev);
  if (self->undo->len > 0)
    _hl_session_notify (self, PROP_CAN_UNDO);
  if (self->redo->len > 0)
    _hl_session_notify (self, PROP_CAN_REDO);
  clear_stack (self->undo);
  clear_stack (self->redo);
  notes_changed (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Sends @message to whoever shows messages (the window's toasts). */
void
hl_session_report_notes (HlSession *self, const char *message)
{
  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (message != NULL);

  g_signal_emit (self, signals[SIGNAL_NOTES_MESSAGE], 0, message);
}

/* Writes the notes now if a save is due; FALSE with @error if it failed
 * (the previous file is then as it was). */
gboolean
hl_session_flush_notes (HlSession *self, GError **error)
{
  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->notes == NULL || self->notes_path == NULL)
    return TRUE;
  return hl_notes_save (self->notes, self->notes_path, error);
}

/* Takes @note; it is shown whatever view is on. */
void
hl_session_add_annotation (HlSession *self, HlAnnotation *note)
{
  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (note != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  push_undo (self);
  if (self->shown_note_ids != NULL)
    {
      guint n = g_strv_length (self->shown_note_ids);

      self->shown_note_ids = g_renew (char *, self->shown_note_ids, n + 2);
      self->shown_note_ids[n] = g_strdup (note->id);
      self->shown_note_ids[n + 1] = NULL;
    }
  g_ptr_array_add (self->notes->annotations, note);
  after_change (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Replaces the note of @id with @note (taken): an edit, a move, a colour. */
void
hl_session_replace_annotation (HlSession *self, const char *id, HlAnnotation *note)
{
  int i;

  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (id != NULL && note != NULL);

  if (self->notes == NULL || (i = hl_notes_find_annotation (self->notes, id)) < 0 ||
      hl_annotation_equal (g_ptr_array_index (self->notes->annotations, i), note))
    {
      hl_annotation_free (note);
      return;
    }
  g_object_freeze_notify (G_OBJECT (self));
  push_undo (self);
  hl_annotation_free (g_ptr_array_index (self->notes->annotations, i));
  g_ptr_array_index (self->notes->annotations, i) = note;
  after_change (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
hl_session_remove_annotation (HlSession *self, const char *id)
{
  int i;

  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (id != NULL);

  if (self->notes == NULL || (i = hl_notes_find_annotation (self->notes, id)) < 0)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  push_undo (self);
  hl_notes_remove_annotation (self->notes, i);
  after_change (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The note of @id, or NULL. */
const HlAnnotation *
hl_session_find_annotation (HlSession *self, const char *id)
{
  int i;

  g_return_val_if_fail (HL_IS_SESSION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (self->notes == NULL || (i = hl_notes_find_annotation (self->notes, id)) < 0)
    return NULL;
  return g_ptr_array_index (self->notes->annotations, i);
}

gboolean
hl_session_can_undo (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);
  return self->undo->len > 0;
}

gboolean
hl_session_can_redo (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);
  return self->redo->len > 0;
}

/* One step of @from back onto the notes, the present going to @to. */
static gboolean
step (HlSession *self, GPtrArray *from, GPtrArray *to)
{
  if (from->len == 0)
    return FALSE;
  g_object_freeze_notify (G_OBJECT (self));
  g_ptr_array_add (to, self->notes);
  self->notes = g_ptr_array_steal_index (from, from->len - 1);
  if (from->len == 0 || to->len == 1)
    {
      _hl_session_notify (self, PROP_CAN_UNDO);
      _hl_session_notify (self, PROP_CAN_REDO);
    }
  after_change (self);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

gboolean
hl_session_undo (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);
  return step (self, self->undo, self->redo);
}

gboolean
hl_session_redo (HlSession *self)
{
  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);
  return step (self, self->redo, self->undo);
}

/* ------------------------------------------------------------------ */
/* Views */

/* The files shown beside the dataset, relative to the notes file's
 * folder, for a saved view; NULL when only the dataset is shown. */
static char **
added_files (HlSession *self)
{
  g_autoptr(GStrvBuilder) files = g_strv_builder_new ();
  guint n = hl_session_get_n_sources (self);

  if (n < 2 || self->notes_path == NULL)
    return NULL;
  for (guint i = 1; i < n; i++)
    {
      GFile *file = hl_session_get_source_file (self, i);
      g_autofree char *path = NULL;

      if (file != NULL && (path = hl_saved_view_relative_file (self->notes_path, file)) != NULL)
        g_strv_builder_add (files, path);
    }
  return g_strv_builder_end (files);
}

/* Saves what is shown under @name: a new view, or the one of that name
 * updated. */
void
hl_session_save_view (HlSession *self, const char *name)
{
  HlSavedView *saved;
  int i;

  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (self->dataset != NULL);

  saved = hl_saved_view_new_from_view (name, &self->view, self->dataset);
  if (self->shown_note_ids != NULL)
    {
      g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

      /* only notes that still exist: the file must stay readable */
      for (guint k = 0; self->shown_note_ids[k] != NULL; k++)
        if (self->notes != NULL && hl_notes_find_annotation (self->notes,
                                                             self->shown_note_ids[k]) >= 0)
          g_strv_builder_add (ids, self->shown_note_ids[k]);
      saved->notes = HL_VIEW_NOTES_SOME;
      saved->annotation_ids = g_strv_builder_end (ids);
    }
  /* The window follows the desktop's theme: a view keeps none of its own. */
  saved->has_theme = FALSE;
  saved->files = added_files (self);
  g_object_freeze_notify (G_OBJECT (self));
  push_undo (self);
  if ((i = hl_notes_find_view (self->notes, name)) >= 0)
    {
      hl_saved_view_free (g_ptr_array_index (self->notes->views, i));
      g_ptr_array_index (self->notes->views, i) = saved;
    }
  else
    g_ptr_array_add (self->notes->views, saved);
  after_change (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* FALSE if another view has @name already. */
gboolean
hl_session_rename_view (HlSession *self, guint index, const char *name)
{
  HlSavedView *saved;

  g_return_val_if_fail (HL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0', FALSE);
  g_return_val_if_fail (self->notes != NULL && index < self->notes->views->len, FALSE);

  saved = g_ptr_array_index (self->notes->views, index);
  if (g_str_equal (saved->name, name))
    return TRUE;
  if (hl_notes_find_view (self->notes, name) >= 0)
    return FALSE;
  g_object_freeze_notify (G_OBJECT (self));
  push_undo (self);
  saved = g_ptr_array_index (self->notes->views, index);
  g_free (saved->name);
  saved->name = g_strdup (name);
  after_change (self);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

void
hl_session_delete_view (HlSession *self, guint index)
{
  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (self->notes != NULL && index < self->notes->views->len);

  g_object_freeze_notify (G_OBJECT (self));
  push_undo (self);
  g_ptr_array_remove_index (self->notes->views, index);
  after_change (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Goes straight to the saved view @index: range, lanes, filters, search
 * and which notes show. */
void
hl_session_apply_view (HlSession *self, guint index)
{
  const HlSavedView *saved;
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();
  g_auto(GStrv) hidden_lanes = NULL;

  g_return_if_fail (HL_IS_SESSION (self));
  g_return_if_fail (self->notes != NULL && index < self->notes->views->len);
  g_return_if_fail (self->dataset != NULL);

  saved = g_ptr_array_index (self->notes->views, index);
  for (guint i = 0; saved->lanes != NULL && i < hl_dataset_get_n_lanes (self->dataset); i++)
    {
      const char *id = hl_dataset_get_lane (self->dataset, i)->id;

      if (!g_strv_contains ((const char * const *) saved->lanes, id))
        g_strv_builder_add (hidden, id);
    }
  hidden_lanes = g_strv_builder_end (hidden);
  g_object_freeze_notify (G_OBJECT (self));
  if (saved->has_range)
    hl_session_set_range (self, saved->from, saved->to);
  hl_session_set_hidden_lanes (self, (const char * const *) hidden_lanes);
  hl_session_set_hidden_confidences (self, (const char * const *) saved->hide_grades);
  hl_session_set_min_usd (self, saved->min_usd);
  hl_session_set_search (self, saved->search);
  if (saved->has_bins)
    self->view.bins = saved->bins;
  if (saved->has_money_scale)
    self->view.money_scale = saved->money_scale;
  g_clear_pointer (&self->shown_note_ids, g_strfreev);
  if (saved->notes == HL_VIEW_NOTES_SOME)
    self->shown_note_ids = g_strdupv (saved->annotation_ids);
  else if (saved->notes == HL_VIEW_NOTES_NONE)
    self->shown_note_ids = g_new0 (char *, 1);
  notes_changed (self);
  _hl_session_view_changed (self);
  g_object_thaw_notify (G_OBJECT (self));
}
