/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Annotations and saved views (issue 11): the model, the writer, what a
 * notes file says about its dataset, and where the file lives. The reader
 * is hl-notes-load.c. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hl-atomic-file.h"
#include "hl-date.h"
#include "hl-describe.h"
#include "hl-escape.h"
#include "hl-notes.h"

G_DEFINE_QUARK (hl-notes-error-quark, hl_notes_error)

/* ------------------------------------------------------------------ */
/* Annotations */

HlAnnotation *
hl_annotation_new_point (const char *id, gint64 time, const char *text)
{
  HlAnnotation *note;

  g_return_val_if_fail (id != NULL && text != NULL, NULL);

  note = g_new0 (HlAnnotation, 1);
  note->id = g_strdup (id);
  note->text = g_strdup (text);
  hl_annotation_move (note, time);
  return note;
}

/* [@from, @to): whole days, the last one being the day before @to. */
HlAnnotation *
hl_annotation_new_range (const char *id, gint64 from, gint64 to, const char *text)
{
  HlAnnotation *note;

  g_return_val_if_fail (id != NULL && text != NULL, NULL);

  note = g_new0 (HlAnnotation, 1);
  note->id = g_strdup (id);
  note->text = g_strdup (text);
  note->from = hl_date_floor_day (MIN (from, to));
  note->to = MAX (hl_date_floor_day (MAX (from, to) - 1) + HL_SECONDS_PER_DAY,
                  note->from + HL_SECONDS_PER_DAY);
  note->from_date = hl_date_format_iso (note->from);
  note->to_date = hl_date_format_iso (note->to - HL_SECONDS_PER_DAY);
  return note;
}

HlAnnotation *
hl_annotation_copy (const HlAnnotation *note)
{
  HlAnnotation *copy;

  g_return_val_if_fail (note != NULL, NULL);

  copy = g_memdup2 (note, sizeof *note);
  copy->id = g_strdup (note->id);
  copy->text = g_strdup (note->text);
  copy->date = g_strdup (note->date);
  copy->from_date = g_strdup (note->from_date);
  copy->to_date = g_strdup (note->to_date);
  copy->lanes = g_strdupv (note->lanes);
  return copy;
}

void
hl_annotation_free (HlAnnotation *note)
{
  if (note == NULL)
    return;
  g_free (note->id);
  g_free (note->text);
  g_free (note->date);
  g_free (note->from_date);
  g_free (note->to_date);
  g_strfreev (note->lanes);
  g_free (note);
}

gboolean
hl_annotation_is_range (const HlAnnotation *note)
{
  g_return_val_if_fail (note != NULL, FALSE);

  return note->date == NULL;
}

/* Moves a point to the day of @time, a range so that it starts on that
 * day, keeping its length. */
void
hl_annotation_move (HlAnnotation *note, gint64 time)
{
  g_return_if_fail (note != NULL);

  time = CLAMP (time, HL_VIEW_MIN_TIME, HL_VIEW_MAX_TIME - 2 * HL_SECONDS_PER_DAY);
  if (note->from_date != NULL)
    {
      gint64 days = note->to - note->from;

      note->from = hl_date_floor_day (time);
      note->to = MIN (note->from + days, HL_VIEW_MAX_TIME);
      g_free (note->from_date);
      g_free (note->to_date);
      note->from_date = hl_date_format_iso (note->from);
      note->to_date = hl_date_format_iso (note->to - HL_SECONDS_PER_DAY);
      return;
    }
  g_free (note->date);
  note->date = hl_date_format_iso (time);
  /* A plain date stands for the middle of its day, as an event's does. */
  if (!hl_date_parse (note->date, &note->from, NULL, NULL))
    g_assert_not_reached ();
  note->to = note->from;
}

static gboolean
strv_equal0 (char **a, char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

gboolean
hl_annotation_equal (const HlAnnotation *a, const HlAnnotation *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->date, b->date) == 0 && g_strcmp0 (a->from_date, b->from_date) == 0 &&
         g_strcmp0 (a->to_date, b->to_date) == 0 && a->from == b->from && a->to == b->to &&
         strv_equal0 (a->lanes, b->lanes) && a->has_color == b->has_color &&
         (!a->has_color || a->color == b->color);
}

/* Does @note belong in @lane's band? A note of no lane, or only of lanes
 * the dataset does not have, belongs to none (it spans the plot). */
gboolean
hl_annotation_in_lane (const HlAnnotation *note, HlDataset *dataset, guint lane)
{
  g_return_val_if_fail (note != NULL, FALSE);
  g_return_val_if_fail (HL_IS_DATASET (dataset), FALSE);

  for (guint i = 0; note->lanes != NULL && note->lanes[i] != NULL; i++)
    if (hl_dataset_find_lane (dataset, note->lanes[i]) == (int) lane)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Saved views */

static char **
hidden_grade_names (const HlView *view)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  guint n = 0;

  for (HlConfidence c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
    if (view->hidden_confidences & (1u << c))
      {
        g_strv_builder_add (b, hl_confidence_to_string (c));
        n++;
      }
  return n > 0 ? g_strv_builder_end (b) : NULL;
}

/* What @view shows, to come back to under @name. */
HlSavedView *
hl_saved_view_new_from_view (const char *name, const HlView *view, HlDataset *dataset)
{
  HlSavedView *saved;
  g_autoptr(GStrvBuilder) lanes = g_strv_builder_new ();

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);

  saved = g_new0 (HlSavedView, 1);
  saved->name = g_strdup (name);
  saved->has_range = TRUE;
  saved->from = hl_date_floor_day (view->from);
  saved->to = MAX (hl_date_floor_day (view->to - 1) + HL_SECONDS_PER_DAY,
                   saved->from + HL_SECONDS_PER_DAY);
  if (!hl_lane_mask_is_empty (&view->hidden_lanes))
    {
      for (guint i = 0; i < hl_dataset_get_n_lanes (dataset); i++)
        if (hl_view_lane_visible (view, i))
          g_strv_builder_add (lanes, hl_dataset_get_lane (dataset, i)->id);
      saved->lanes = g_strv_builder_end (lanes);
    }
  saved->hide_grades = hidden_grade_names (view);
  saved->min_usd = view->min_usd;
  saved->search = view->search && *view->search ? g_strdup (view->search) : NULL;
  saved->has_bins = TRUE;
  saved->bins = view->bins;
  saved->has_money_scale = TRUE;
  saved->money_scale = view->money_scale;
  saved->has_theme = TRUE;
  saved->theme = view->theme;
  saved->title = g_strdup (view->title);
  saved->notes = view->show_annotations ? HL_VIEW_NOTES_ALL : HL_VIEW_NOTES_NONE;
  return saved;
}

/* A view's file as a path: relative ones are to the notes file's folder.
 * Returns: (transfer full): the path */
char *
hl_saved_view_resolve_file (const char *notes_path, const char *file)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (notes_path != NULL && file != NULL, NULL);

  if (g_path_is_absolute (file))
    return g_strdup (file);
  dir = g_path_get_dirname (notes_path);
  return g_build_filename (dir, file, NULL);
}

/* How a view remembers @file: relative to the notes file's folder when
 * it is in that folder or below, else absolute. */
char *
hl_saved_view_relative_file (const char *notes_path, GFile *file)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) folder = NULL;
  char *relative;

  g_return_val_if_fail (notes_path != NULL && G_IS_FILE (file), NULL);

  dir = g_path_get_dirname (notes_path);
  folder = g_file_new_for_path (dir);
  relative = g_file_get_relative_path (folder, file);
  return relative != NULL ? relative : g_file_get_path (file);
}

HlSavedView *
hl_saved_view_copy (const HlSavedView *saved)
{
  HlSavedView *copy;

  g_return_val_if_fail (saved != NULL, NULL);

  copy = g_memdup2 (saved, sizeof *saved);
  copy->name = g_strdup (saved->name);
  copy->lanes = g_strdupv (saved->lanes);
  copy->hide_grades = g_strdupv (saved->hide_grades);
  copy->search = g_strdup (saved->search);
  copy->title = g_strdup (saved->title);
  copy->annotation_ids = g_strdupv (saved->annotation_ids);
  copy->preset = g_strdup (saved->preset);
  copy->files = g_strdupv (saved->files);
  return copy;
}

void
hl_saved_view_free (HlSavedView *saved)
{
  if (saved == NULL)
    return;
  g_free (saved->name);
  g_strfreev (saved->lanes);
  g_strfreev (saved->hide_grades);
  g_free (saved->search);
  g_free (saved->title);
  g_strfreev (saved->annotation_ids);
  g_free (saved->preset);
  g_strfreev (saved->files);
  g_free (saved);
}

gboolean
hl_saved_view_equal (const HlSavedView *a, const HlSavedView *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->name, b->name) == 0 && a->has_range == b->has_range &&
         (!a->has_range || (a->from == b->from && a->to == b->to)) &&
         strv_equal0 (a->lanes, b->lanes) && strv_equal0 (a->hide_grades, b->hide_grades) &&
         a->min_usd == b->min_usd && g_strcmp0 (a->search, b->search) == 0 &&
         a->has_bins == b->has_bins && (!a->has_bins || a->bins == b->bins) &&
         a->has_money_scale == b->has_money_scale &&
         (!a->has_money_scale || a->money_scale == b->money_scale) &&
         a->has_theme == b->has_theme && (!a->has_theme || a->theme == b->theme) &&
         g_strcmp0 (a->title, b->title) == 0 && a->notes == b->notes &&
         strv_equal0 (a->annotation_ids, b->annotation_ids) &&
         strv_equal0 (a->files, b->files) &&
         g_strcmp0 (a->preset, b->preset) == 0 && a->width == b->width &&
         a->height == b->height;
}

static GPtrArray *
annotations_of_view (const HlSavedView *saved, const HlNotes *notes)
{
  GPtrArray *shown = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_annotation_free);

  for (guint i = 0; notes != NULL && i < notes->annotations->len; i++)
    {
      const HlAnnotation *note = g_ptr_array_index (notes->annotations, i);

      if (saved->notes == HL_VIEW_NOTES_SOME &&
          !g_strv_contains ((const char * const *) saved->annotation_ids, note->id))
        continue;
      g_ptr_array_add (shown, hl_annotation_copy (note));
    }
  return shown;
}

/* Sets @view (already initialised for @dataset) to what @saved says; a
 * lane or grade it names that the dataset lacks is passed over (the
 * notes' check reports it). */
void
hl_saved_view_apply (const HlSavedView *saved, HlDataset *dataset, const HlNotes *notes,
                     HlView *view)
{
  g_return_if_fail (saved != NULL && view != NULL);
  g_return_if_fail (HL_IS_DATASET (dataset));

  if (saved->has_range)
    hl_view_set_range (view, saved->from, saved->to);
  if (saved->lanes != NULL)
    {
      hl_lane_mask_fill (&view->hidden_lanes, hl_dataset_get_n_lanes (dataset));
      for (guint i = 0; saved->lanes[i] != NULL; i++)
        {
          int lane = hl_dataset_find_lane (dataset, saved->lanes[i]);

          if (lane >= 0)
            hl_lane_mask_clear (&view->hidden_lanes, lane);
        }
    }
  view->hidden_confidences = 0;
  for (guint i = 0; saved->hide_grades != NULL && saved->hide_grades[i] != NULL; i++)
    for (HlConfidence c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
      if (g_str_equal (saved->hide_grades[i], hl_confidence_to_string (c)))
        view->hidden_confidences |= 1u << c;
  view->min_usd = saved->min_usd;
  g_free (view->search);
  view->search = g_strdup (saved->search);
  if (saved->has_bins)
    view->bins = saved->bins;
  if (saved->has_money_scale)
    view->money_scale = saved->money_scale;
  if (saved->has_theme)
    view->theme = saved->theme;
  if (saved->title != NULL)
    {
      g_free (view->title);
      view->title = g_strdup (saved->title);
    }
  view->show_annotations = saved->notes != HL_VIEW_NOTES_NONE;
  g_clear_pointer (&view->annotations, g_ptr_array_unref);
  view->annotations = annotations_of_view (saved, notes);
}

/* ------------------------------------------------------------------ */
/* The notes */

HlNotes *
hl_notes_new (void)
{
  HlNotes *notes = g_new0 (HlNotes, 1);

  notes->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_annotation_free);
  notes->views = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_saved_view_free);
  return notes;
}

HlNotes *
hl_notes_copy (const HlNotes *notes)
{
  HlNotes *copy;

  g_return_val_if_fail (notes != NULL, NULL);

  copy = hl_notes_new ();
  for (guint i = 0; i < notes->annotations->len; i++)
    g_ptr_array_add (copy->annotations,
                     hl_annotation_copy (g_ptr_array_index (notes->annotations, i)));
  for (guint i = 0; i < notes->views->len; i++)
    g_ptr_array_add (copy->views, hl_saved_view_copy (g_ptr_array_index (notes->views, i)));
  return copy;
}

void
hl_notes_free (HlNotes *notes)
{
  if (notes == NULL)
    return;
  g_ptr_array_unref (notes->annotations);
  g_ptr_array_unref (notes->views);
  g_free (notes);
}

gboolean
hl_notes_equal (const HlNotes *a, const HlNotes *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->annotations->len != b->annotations->len || a->views->len != b->views->len)
    return FALSE;
  for (guint i = 0; i < a->annotations->len; i++)
    if (!hl_annotation_equal (g_ptr_array_index (a->annotations, i),
                              g_ptr_array_index (b->annotations, i)))
      return FALSE;
  for (guint i = 0; i < a->views->len; i++)
    if (!hl_saved_view_equal (g_ptr_array_index (a->views, i), g_ptr_array_index (b->views, i)))
      return FALSE;
  return TRUE;
}

int
hl_notes_find_annotation (const HlNotes *notes, const char *id)
{
  g_return_val_if_fail (notes != NULL && id != NULL, -1);

  for (guint i = 0; i < notes->annotations->len; i++)
    if (g_str_equal (((HlAnnotation *) g_ptr_array_index (notes->annotations, i))->id, id))
      return (int) i;
  return -1;
}

int
hl_notes_find_view (const HlNotes *notes, const char *name)
{
  g_return_val_if_fail (notes != NULL && name != NULL, -1);

  for (guint i = 0; i < notes->views->len; i++)
    if (g_str_equal (((HlSavedView *) g_ptr_array_index (notes->views, i))->name, name))
      return (int) i;
  return -1;
}

/* "note-N" for the first N no annotation has as its id. */
char *
hl_notes_new_id (const HlNotes *notes)
{
  g_return_val_if_fail (notes != NULL, NULL);

  for (guint n = notes->annotations->len + 1;; n++)
    {
      g_autofree char *id = g_strdup_printf ("note-%u", n);

      if (hl_notes_find_annotation (notes, id) < 0)
        return g_steal_pointer (&id);
    }
}

/* Removes annotation @index, and its id from the views that list it: a
 * view naming a note that is gone would make the file unreadable. */
void
hl_notes_remove_annotation (HlNotes *notes, guint index)
{
  const HlAnnotation *note;

  g_return_if_fail (notes != NULL && index < notes->annotations->len);

  note = g_ptr_array_index (notes->annotations, index);
  for (guint i = 0; i < notes->views->len; i++)
    {
      HlSavedView *v = g_ptr_array_index (notes->views, i);
      guint k = 0;

      for (guint j = 0; v->annotation_ids != NULL && v->annotation_ids[j] != NULL; j++)
        if (g_str_equal (v->annotation_ids[j], note->id))
          g_free (v->annotation_ids[j]);
        else
          v->annotation_ids[k++] = v->annotation_ids[j];
      if (v->annotation_ids != NULL)
        v->annotation_ids[k] = NULL;
    }
  g_ptr_array_remove_index (notes->annotations, index);
}

/* A copy of the annotations for an HlView, which shares it and never
 * changes it. */
GPtrArray *
hl_notes_ref_annotations (const HlNotes *notes)
{
  GPtrArray *copy;

  g_return_val_if_fail (notes != NULL, NULL);

  copy = g_ptr_array_new_full (notes->annotations->len, (GDestroyNotify) hl_annotation_free);
  for (guint i = 0; i < notes->annotations->len; i++)
    g_ptr_array_add (copy, hl_annotation_copy (g_ptr_array_index (notes->annotations, i)));
  return copy;
}

/* The views' names, quoted and escaped, one per line: for a message. */
char *
hl_notes_list_views (const HlNotes *notes)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (notes != NULL, NULL);

  for (guint i = 0; i < notes->views->len; i++)
    {
      const HlSavedView *v = g_ptr_array_index (notes->views, i);
      g_autofree char *shown = hl_escape_text (v->name, -1, HL_ESCAPE_NONE);

      g_string_append_printf (s, "%s  “%s”", i > 0 ? "\n" : "", shown);
    }
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------ */
/* Writing */

static void
add_strv (JsonBuilder *b, const char *member, char **strv)
{
  if (strv == NULL)
    return;
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (b, strv[i]);
  json_builder_end_array (b);
}

static void
add_string (JsonBuilder *b, const char *member, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

static void
add_day_range (JsonBuilder *b, gint64 from, gint64 to)
{
  g_autofree char *first = hl_date_format_iso (from);
  g_autofree char *last = hl_date_format_iso (to - HL_SECONDS_PER_DAY);

  add_string (b, "from", first);
  add_string (b, "to", last);
}

static void
build_annotation (JsonBuilder *b, const HlAnnotation *note)
{
  json_builder_begin_object (b);
  add_string (b, "id", note->id);
  add_string (b, "date", note->date);
  add_string (b, "from", note->from_date);
  add_string (b, "to", note->to_date);
  add_string (b, "text", note->text);
  add_strv (b, "lanes", note->lanes);
  if (note->has_color)
    {
      g_autofree char *color = g_strdup_printf ("#%06X", note->color & 0xffffff);

      add_string (b, "color", color);
    }
  json_builder_end_object (b);
}

static const char *
theme_name (HlTheme theme)
{
  static const char *names[] = { "light", "dark", "transparent" };

  return names[theme];
}

static void
build_view_filters (JsonBuilder *b, const HlSavedView *v)
{
  if (v->hide_grades == NULL && v->min_usd <= 0 && v->search == NULL)
    return;
  json_builder_set_member_name (b, "filters");
  json_builder_begin_object (b);
  add_strv (b, "hide_grades", v->hide_grades);
  if (v->min_usd > 0)
    {
      json_builder_set_member_name (b, "min_usd");
      json_builder_add_double_value (b, v->min_usd);
    }
  add_string (b, "search", v->search);
  json_builder_end_object (b);
}

static void
build_view (JsonBuilder *b, const HlSavedView *v)
{
  json_builder_begin_object (b);
  add_string (b, "name", v->name);
  if (v->has_range)
    add_day_range (b, v->from, v->to);
  add_strv (b, "lanes", v->lanes);
  build_view_filters (b, v);
  if (v->has_bins)
    add_string (b, "bins", hl_bins_to_string (v->bins));
  if (v->has_money_scale)
    add_string (b, "money_scale", hl_money_scale_to_string (v->money_scale));
  if (v->has_theme)
    add_string (b, "theme", theme_name (v->theme));
  add_string (b, "title", v->title);
  if (v->notes == HL_VIEW_NOTES_SOME)
    add_strv (b, "annotations", v->annotation_ids);
  else
    add_string (b, "annotations", v->notes == HL_VIEW_NOTES_ALL ? "all" : "none");
  add_string (b, "preset", v->preset);
  add_strv (b, "files", v->files);
  if (v->width > 0)
    {
      json_builder_set_member_name (b, "size");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "width");
      json_builder_add_int_value (b, v->width);
      json_builder_set_member_name (b, "height");
      json_builder_add_int_value (b, v->height);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

/* The file's text: what hl_notes_new_from_bytes() reads back equal. */
char *
hl_notes_to_data (const HlNotes *notes, gsize *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  GString *text;

  g_return_val_if_fail (notes != NULL, NULL);

  json_builder_begin_object (b);
  add_string (b, "format", HL_NOTES_FORMAT);
  json_builder_set_member_name (b, "annotations");
  json_builder_begin_array (b);
  for (guint i = 0; i < notes->annotations->len; i++)
    build_annotation (b, g_ptr_array_index (notes->annotations, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "views");
  json_builder_begin_array (b);
  for (guint i = 0; i < notes->views->len; i++)
    build_view (b, g_ptr_array_index (notes->views, i));
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  data = json_generator_to_data (gen, NULL);
  text = g_string_new (data);
  g_string_append_c (text, '\n');
  if (length != NULL)
    *length = text->len;
  return g_string_free (text, FALSE);
}

/* Replaces @path atomically: a crash or a full disk leaves the previous
 * version as it was. */
gboolean
hl_notes_save (const HlNotes *notes, const char *path, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *dir = NULL;
  gsize len;

  g_return_val_if_fail (notes != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = hl_notes_to_data (notes, &len);
  dir = g_path_get_dirname (path);
  /* The user's data folder may not exist yet. */
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !hl_atomic_file_replace_contents (path, data, len, HL_ATOMIC_FILE_FLAGS_NONE, &local))
    {
      g_autofree char *shown = hl_escape_text (path, -1, HL_ESCAPE_NONE);

      g_set_error (error, HL_NOTES_ERROR, HL_NOTES_ERROR_IO, _("%s: notes not saved: %s"),
                   shown, local != NULL ? local->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* What the notes say about a dataset */

static void
check_annotation (const HlAnnotation *note, guint i, HlDataset *dataset, gint64 first,
                  gint64 last, const char *name, GPtrArray *found)
{
  g_autofree char *id = hl_escape_text (note->id, -1, HL_ESCAPE_NONE);

  for (guint k = 0; note->lanes != NULL && note->lanes[k] != NULL; k++)
    if (hl_dataset_find_lane (dataset, note->lanes[k]) < 0)
      {
        g_autofree char *lane = hl_escape_text (note->lanes[k], -1, HL_ESCAPE_NONE);

        g_ptr_array_add (found, g_strdup_printf (
          _("%s: annotations[%u] (id “%s”): the dataset has no lane “%s”; the note is kept "
            "and drawn over the whole chart"), name, i, id, lane));
      }
  if (note->to < first || note->from > last)
    g_ptr_array_add (found, g_strdup_printf (
      _("%s: annotations[%u] (id “%s”): %s is outside the dataset's range; the note is kept"),
      name, i, id, note->date != NULL ? note->date : note->from_date));
}

/* What in @notes does not match @dataset: annotations on lanes it does
 * not have or outside its range, views naming lanes it lacks. Each is
 * kept; the sentences (with @display_name) say so. */
GPtrArray *
hl_notes_check (const HlNotes *notes, HlDataset *dataset, const char *display_name)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  gint64 first = 0, last = 0;

  g_return_val_if_fail (notes != NULL, found);
  g_return_val_if_fail (HL_IS_DATASET (dataset), found);

  name = hl_escape_text (display_name != NULL ? display_name : "", -1, HL_ESCAPE_NONE);
  if (!hl_dataset_get_extent (dataset, &first, &last))
    hl_dataset_get_default_range (dataset, &first, &last);
  first = hl_date_floor_day (first);
  last = hl_date_floor_day (last) + HL_SECONDS_PER_DAY;
  for (guint i = 0; i < notes->annotations->len; i++)
    check_annotation (g_ptr_array_index (notes->annotations, i), i, dataset, first, last,
                      name, found);
  for (guint i = 0; i < notes->views->len; i++)
    {
      const HlSavedView *v = g_ptr_array_index (notes->views, i);

      /* a view of several files: its lanes are in the files' composition */
      for (guint k = 0; v->files == NULL && v->lanes != NULL && v->lanes[k] != NULL; k++)
        if (hl_dataset_find_lane (dataset, v->lanes[k]) < 0)
          {
            g_autofree char *vn = hl_escape_text (v->name, -1, HL_ESCAPE_NONE);
            g_autofree char *lane = hl_escape_text (v->lanes[k], -1, HL_ESCAPE_NONE);

            g_ptr_array_add (found, g_strdup_printf (
              _("%s: views[%u] (“%s”): the dataset has no lane “%s”"), name, i, vn, lane));
          }
    }
  return found;
}

/* ------------------------------------------------------------------ */
/* Notes in a view */

/* Does @view show @note: in its range, on a visible lane (or on none the
 * dataset has)? The annotations layer draws or counts each such note. */
gboolean
hl_annotation_in_view (const HlAnnotation *note, const HlView *view, HlDataset *dataset)
{
  gboolean known = FALSE;

  g_return_val_if_fail (note != NULL && view != NULL, FALSE);
  g_return_val_if_fail (HL_IS_DATASET (dataset), FALSE);

  if (note->from == note->to ? note->from < view->from || note->from >= view->to
                             : note->from >= view->to || note->to <= view->from)
    return FALSE;
  for (guint i = 0; note->lanes != NULL && note->lanes[i] != NULL; i++)
    {
      int lane = hl_dataset_find_lane (dataset, note->lanes[i]);

      if (lane >= 0 && hl_view_lane_visible (view, lane))
        return TRUE;
      known |= lane >= 0;
    }
  return !known;
}

/* "Notes in view: “a”, “b”, “c” and 2 more." for the accessible
 * description; NULL if the view shows none. */
char *
hl_notes_describe_in_view (const HlView *view, HlDataset *dataset)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint n = 0, listed = 0;

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);

  if (!view->show_annotations || view->annotations == NULL)
    return NULL;
  for (guint i = 0; i < view->annotations->len; i++)
    {
      const HlAnnotation *note = g_ptr_array_index (view->annotations, i);

      if (!hl_annotation_in_view (note, view, dataset))
        continue;
      if (listed < 3)
        {
          g_autofree char *shown = g_utf8_substring (note->text, 0,
                                                     MIN (g_utf8_strlen (note->text, -1), 80));
          g_autofree char *isolated = hl_describe_isolate (shown);

          g_string_append_printf (s, "%s“%s”", listed > 0 ? ", " : "", isolated);
          listed++;
        }
      n++;
    }
  if (n == 0)
    return NULL;
  if (n > listed)
    /* TRANSLATORS: the notes listed, then how many more */
    return g_strdup_printf (ngettext ("Notes in view: %s and %u more.",
                                      "Notes in view: %s and %u more.", n - listed),
                            s->str, n - listed);
  return g_strdup_printf (_("Notes in view: %s."), s->str);
}

/* ------------------------------------------------------------------ */
/* Where notes live */

/* NAME.notes.json beside a dataset NAME.json; for the bundled dataset
 * (@dataset_file NULL), the user's data folder: never the installed file's. */
char *
hl_notes_path_for_dataset (GFile *dataset_file)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *dot;

  if (dataset_file == NULL || (path = g_file_get_path (dataset_file)) == NULL)
    return g_build_filename (g_get_user_data_dir (), "heistline", "heistline" HL_NOTES_SUFFIX,
                             NULL);
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strconcat (dir, G_DIR_SEPARATOR_S, base, HL_NOTES_SUFFIX, NULL);
}

/* Where to save instead of a notes file that could not be read (which is
 * never overwritten): NAME.notes-2.json, -3… whichever does not exist. */
char *
hl_notes_path_beside (const char *bad_path)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (bad_path != NULL, NULL);

  stem = g_str_has_suffix (bad_path, HL_NOTES_SUFFIX)
         ? g_strndup (bad_path, strlen (bad_path) - strlen (HL_NOTES_SUFFIX))
         : g_strdup (bad_path);
  for (guint n = 2;; n++)
    {
      g_autofree char *path = g_strdup_printf ("%s.notes-%u.json", stem, n);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
}

/* Where changes to the notes read from @path are saved: @path, unless it
 * holds a file that could not be read (@unreadable), which is kept as it
 * is for its owner to mend: then a new file beside it. */
char *
hl_notes_save_path (const char *path, gboolean unreadable)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (unreadable && g_file_test (path, G_FILE_TEST_EXISTS))
    return hl_notes_path_beside (path);
  return g_strdup (path);
}
