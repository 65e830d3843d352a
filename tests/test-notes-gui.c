/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Notes in the window (issue 11), in a real GTK under Xvfb: the notes
 * beside a dataset are found when it opens and drawn as the export draws
 * them; add (at the selected event, with the popover), edit, recolour,
 * move and delete, each undone and redone; every change saved to the file;
 * views switched from the menu's actions; a bad notes file opens the
 * dataset anyway, says where it is wrong and is never overwritten. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "hl-chart-notes.h"
#include "hl-date.h"
#include "hl-export.h"
#include "hl-export-dialog.h"
#include "hl-window-private.h"
#include "test-util.h"

typedef struct
{
  char     *dir;
  char     *dataset;
  char     *notes;
  HlWindow *window;
  HlSession *session;
} Fixture;

static gboolean
file_is_open (gpointer data)
{
  return !hl_window_is_loading (data) && hl_window_get_file (data) != NULL;
}

static void
copy_file (const char *from, const char *to)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, len, NULL));
}

/* A copy of the bundled dataset as ds.json with @notes_src beside it. */
static void
open_with_notes (Fixture *f, const char *notes_src)
{
  g_autofree char *bundled = g_test_build_filename (G_TEST_DIST, "..", "data", "heistline.json",
                                                    NULL);
  g_autoptr(GFile) file = NULL;

  f->dir = hl_test_make_tmpdir ();
  f->dataset = g_build_filename (f->dir, "ds.json", NULL);
  f->notes = g_build_filename (f->dir, "ds.notes.json", NULL);
  copy_file (bundled, f->dataset);
  if (notes_src != NULL)
    copy_file (notes_src, f->notes);
  f->window = hl_test_new_window ();
  f->session = hl_window_get_session (f->window);
  file = g_file_new_for_path (f->dataset);
  hl_window_open_file (f->window, file);
  g_assert_true (hl_test_wait_for (file_is_open, f->window, 10000));
  hl_test_wait_for_draw (GTK_WIDGET (hl_window_get_timeline (f->window)));
}

static void
fixture_clear (Fixture *f)
{
  hl_test_close_window (f->window);
  hl_test_remove_tmpdir (f->dir);
  g_free (f->dir);
  g_free (f->dataset);
  g_free (f->notes);
}

static char *
example (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "heistline.notes.json",
                                NULL);
}

static const HlAnnotation *
note (Fixture *f, const char *id)
{
  return hl_session_find_annotation (f->session, id);
}

static guint
n_notes (Fixture *f)
{
  return hl_session_get_notes (f->session)->annotations->len;
}

static HlChart *
chart (Fixture *f)
{
  return hl_timeline_get_chart (hl_window_get_timeline (f->window));
}

/* The view's index of the note @id, as the chart knows it. */
static int
view_index (Fixture *f, const char *id)
{
  const HlView *view = hl_chart_get_view (chart (f));

  for (guint i = 0; view->annotations != NULL && i < view->annotations->len; i++)
    if (g_str_equal (((HlAnnotation *) g_ptr_array_index (view->annotations, i))->id, id))
      return (int) i;
  return -1;
}

/* What is on disk equals what the session holds (after the debounce). */
static void
assert_saved (Fixture *f, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlNotes) on_disk = NULL;

  g_assert_true (hl_session_flush_notes (f->session, &error));
  g_assert_no_error (error);
  on_disk = hl_notes_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (hl_notes_equal (on_disk, hl_session_get_notes (f->session)));
}

static void
activate (Fixture *f, const char *action, GVariant *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, param));
}

static void
test_found_and_drawn (void)
{
  g_autofree char *ex = example ();
  Fixture f = { 0 };
  HlChart *c;

  open_with_notes (&f, ex);
  g_assert_cmpuint (n_notes (&f), ==, 7);
  g_assert_cmpstr (hl_session_get_notes_path (f.session), ==, f.notes);
  c = chart (&f);
  g_assert_cmpuint (hl_chart_get_n_notes_shown (c) + hl_chart_get_n_notes_hidden (c), ==, 7);
  g_assert_cmpuint (hl_chart_get_n_notes_shown (c), >=, 3);
  /* The panel lists the notes in view */
  g_assert_true (hl_test_has_label (GTK_WIDGET (hl_window_get_panel (f.window)), "Notes"));
  g_assert_true (hl_test_has_label (GTK_WIDGET (hl_window_get_panel (f.window)),
                                    "Third try puts Malligyong-1 in orbit"));
  /* The accessible description says which notes are in view */
  gtk_test_accessible_assert_property (
    hl_window_get_timeline (f.window), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
    "Showing 1 Jul 2023 – 31 Jan 2024. \u2068Crypto heists\u2069: 14 events, $725M; "
    "\u2068Missile and satellite launches\u2069: 17 events; \u2068Other weapons milestones\u2069: "
    "5 events. Notes in view: “\u2068Poloniex and HTX: $236M in under "
    "two weeks\u2069”, “\u2068Third try puts Malligyong-1 in orbit\u2069”, “\u2068Solid-fuel "
    "IRBM engine, two stages\u2069” and 4 more.");
  /* The views are in the Views menu, with their shortcuts */
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (f.window->views_list)), ==, 1);
  {
    g_autoptr(GMenuModel) list = g_menu_model_get_item_link (G_MENU_MODEL (f.window->views_list),
                                                             0, G_MENU_LINK_SECTION);

    g_assert_cmpint (g_menu_model_get_n_items (list), ==, 4);
  }
  fixture_clear (&f);
}

/* Add at the selected event, edit, recolour, move, delete: each undone
 * and redone, the chart and the file following. */
static void
test_add_edit_move_delete (void)
{
  g_autofree char *ex = example ();
  Fixture f = { 0 };
  HlNotesPopover *popover;
  HlDataset *dataset;
  int poloniex;
  gint64 day, moved_from;
  HlBox box;

  open_with_notes (&f, ex);
  dataset = hl_session_get_dataset (f.session);
  poloniex = hl_dataset_find_event (dataset, hl_dataset_get_event (dataset, 0)->id);
  for (guint i = 0; i < hl_dataset_get_n_events (dataset); i++)
    if (g_str_equal (hl_dataset_get_event (dataset, i)->title, "Poloniex"))
      poloniex = (int) i;
  hl_session_select (f.session, poloniex);
  day = hl_date_floor_day (hl_dataset_get_event (dataset, poloniex)->time);

  /* Add: the popover opens at the selected event */
  activate (&f, "win.add-note", NULL);
  popover = _hl_window_get_notes_popover (f.window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_editable_set_text (hl_notes_popover_get_text_entry (popover), "Added in the test");
  g_assert_true (hl_notes_popover_save (popover));
  g_assert_cmpuint (n_notes (&f), ==, 8);
  g_assert_cmpstr (note (&f, "note-8")->text, ==, "Added in the test");
  g_assert_cmpint (hl_date_floor_day (note (&f, "note-8")->from), ==, day);
  /* in the selected event's lane */
  g_assert_cmpstr (note (&f, "note-8")->lanes[0], ==, "heists");
  g_assert_null (note (&f, "note-8")->lanes[1]);
  g_assert_true (hl_chart_get_note_box (chart (&f), view_index (&f, "note-8"), &box));
  assert_saved (&f, f.notes);

  /* Edit and recolour */
  activate (&f, "win.edit-note", g_variant_new_string ("note-8"));
  gtk_editable_set_text (hl_notes_popover_get_text_entry (popover), "Edited");
  hl_notes_popover_set_color (popover, 0xFF00FF);
  g_assert_true (hl_notes_popover_save (popover));
  g_assert_cmpstr (note (&f, "note-8")->text, ==, "Edited");
  g_assert_true (note (&f, "note-8")->has_color);
  g_assert_cmpuint (note (&f, "note-8")->color, ==, 0xFF00FF);

  /* Move: what a drag of 120 px does */
  moved_from = hl_date_floor_day (hl_chart_x_to_time (
    chart (&f), hl_chart_time_to_x (chart (&f), note (&f, "note-8")->from) + 120));
  _hl_window_move_note (f.window, "note-8", 120);
  g_assert_cmpint (hl_date_floor_day (note (&f, "note-8")->from), ==, moved_from);
  g_assert_cmpint (moved_from, >, day);

  /* Delete */
  activate (&f, "win.delete-note", g_variant_new_string ("note-8"));
  g_assert_null (note (&f, "note-8"));
  g_assert_cmpint (view_index (&f, "note-8"), ==, -1);
  assert_saved (&f, f.notes);

  /* Undo, step by step back to the start */
  activate (&f, "win.undo", NULL);
  g_assert_cmpint (hl_date_floor_day (note (&f, "note-8")->from), ==, moved_from);
  g_assert_cmpint (view_index (&f, "note-8"), >=, 0);
  activate (&f, "win.undo", NULL);
  g_assert_cmpint (hl_date_floor_day (note (&f, "note-8")->from), ==, day);
  activate (&f, "win.undo", NULL);
  g_assert_cmpstr (note (&f, "note-8")->text, ==, "Added in the test");
  g_assert_false (note (&f, "note-8")->has_color);
  activate (&f, "win.undo", NULL);
  g_assert_null (note (&f, "note-8"));
  g_assert_cmpuint (n_notes (&f), ==, 7);
  g_assert_false (hl_session_can_undo (f.session));
  assert_saved (&f, f.notes);

  /* and redo, forward to the end */
  activate (&f, "win.redo", NULL);
  g_assert_cmpstr (note (&f, "note-8")->text, ==, "Added in the test");
  activate (&f, "win.redo", NULL);
  g_assert_cmpstr (note (&f, "note-8")->text, ==, "Edited");
  activate (&f, "win.redo", NULL);
  g_assert_cmpint (hl_date_floor_day (note (&f, "note-8")->from), ==, moved_from);
  activate (&f, "win.redo", NULL);
  g_assert_null (note (&f, "note-8"));
  g_assert_false (hl_session_can_redo (f.session));
  assert_saved (&f, f.notes);
  fixture_clear (&f);
}

static guint32
pixel_or_opaque (cairo_surface_t *s, int x, int y)
{
  return hl_test_pixel (s, x, y) |
         (cairo_image_surface_get_format (s) == CAIRO_FORMAT_RGB24 ? 0xff000000 : 0);
}

/* The window's pixels, notes and all, are the exported PNG's. */
static void
test_pixels_equal_export (void)
{
  g_autofree char *ex = example ();
  Fixture f = { 0 };
  GtkWidget *widget;
  g_autofree char *png = NULL;
  cairo_surface_t *shown, *exported;
  guint n_diff = 0;
  int width, height;

  open_with_notes (&f, ex);
  widget = GTK_WIDGET (hl_window_get_timeline (f.window));
  gtk_window_set_focus (GTK_WINDOW (f.window), NULL);
  hl_session_set_hover (f.session, -1);
  hl_session_select (f.session, -1);
  hl_test_wait_for_draw (widget);
  g_assert_cmpuint (hl_chart_get_n_notes_shown (chart (&f)), >=, 3);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  shown = hl_test_render_widget (widget);
  png = g_build_filename (f.dir, "export.png", NULL);
  g_assert_true (hl_export_to_file (hl_session_get_dataset (f.session),
                                    hl_session_get_view (f.session), HL_EXPORT_PNG, width, height,
                                    1, png, NULL));
  exported = cairo_image_surface_create_from_png (png);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      n_diff += pixel_or_opaque (shown, x, y) != pixel_or_opaque (exported, x, y);
  g_assert_cmpuint (n_diff, ==, 0);
  cairo_surface_destroy (shown);
  cairo_surface_destroy (exported);
  fixture_clear (&f);
}

/* Views: switch (the chart goes straight to it), save, rename, update,
 * delete; all saved. */
static void
test_views (void)
{
  g_autofree char *ex = example ();
  Fixture f = { 0 };
  const HlNotes *notes;
  guint n_shown;

  open_with_notes (&f, ex);
  activate (&f, "win.apply-view", g_variant_new_uint32 (2));   /* Ctrl+3: "December ICBM" */
  g_assert_cmpint (hl_session_get_from (f.session), ==, hl_date_from_ymd (2023, 12, 1));
  g_assert_cmpint (hl_session_get_to (f.session), ==, hl_date_from_ymd (2024, 1, 6));
  g_assert_cmpstr (hl_session_get_hidden_lanes (f.session)[0], ==, "milestones");
  /* only the view's two notes */
  g_assert_cmpuint (hl_session_get_view (f.session)->annotations->len, ==, 2);
  n_shown = hl_chart_get_n_notes_shown (chart (&f)) + hl_chart_get_n_notes_hidden (chart (&f));
  g_assert_cmpuint (n_shown, ==, 2);

  hl_session_set_range (f.session, hl_date_from_ymd (2023, 9, 1), hl_date_from_ymd (2023, 10, 1));
  hl_session_save_view (f.session, "September");
  notes = hl_session_get_notes (f.session);
  g_assert_cmpuint (notes->views->len, ==, 5);
  {
    g_autoptr(GMenuModel) list = g_menu_model_get_item_link (G_MENU_MODEL (f.window->views_list),
                                                             0, G_MENU_LINK_SECTION);

    g_assert_cmpint (g_menu_model_get_n_items (list), ==, 5);
  }
  g_assert_true (hl_session_rename_view (f.session, 4, "September 2023"));
  g_assert_false (hl_session_rename_view (f.session, 4, "December ICBM"));
  /* update: the first view takes what is shown */
  activate (&f, "win.update-view", g_variant_new_uint32 (0));
  g_assert_cmpint (((HlSavedView *) g_ptr_array_index (notes->views, 0))->from, ==,
                   hl_date_from_ymd (2023, 9, 1));
  activate (&f, "win.apply-view", g_variant_new_uint32 (1));
  g_assert_cmpint (hl_session_get_from (f.session), ==, hl_date_from_ymd (2023, 11, 1));
  activate (&f, "win.delete-view", g_variant_new_uint32 (1));
  g_assert_cmpuint (notes->views->len, ==, 4);
  g_assert_cmpint (hl_notes_find_view (notes, "September 2023"), ==, 3);
  assert_saved (&f, f.notes);
  /* A view saved while showing some notes, one of them deleted: the file
   * stays readable. */
  activate (&f, "win.apply-view", g_variant_new_uint32 (1));   /* "December ICBM" now */
  activate (&f, "win.delete-note", g_variant_new_string ("icbm-dec"));
  hl_session_save_view (f.session, "After the delete");
  assert_saved (&f, f.notes);
  fixture_clear (&f);
}

static gboolean
has_toast_with (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GPtrArray) toasts = hl_test_find_toasts (GTK_WIDGET (f->window));

  for (guint i = 0; i < toasts->len; i++)
    if (strstr (hl_test_toast_title (g_ptr_array_index (toasts, i)), "ds.notes.json:7") != NULL)
      return TRUE;
  return FALSE;
}

static void
test_bad_notes (void)
{
  g_autofree char *bad = g_build_filename (TEST_DATA_DIR, "notes", "bad-date.notes.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *beside = NULL;
  Fixture f = { 0 };
  HlNotesPopover *popover;

  open_with_notes (&f, bad);
  /* The dataset is open all the same, and the message says where */
  g_assert_cmpuint (hl_dataset_get_n_events (hl_session_get_dataset (f.session)), ==, 188);
  g_assert_true (hl_test_wait_for (has_toast_with, &f, 5000));
  g_assert_null (hl_session_get_notes (f.session));
  beside = g_build_filename (f.dir, "ds.notes-2.json", NULL);
  g_assert_cmpstr (hl_session_get_notes_path (f.session), ==, beside);

  g_assert_true (g_file_get_contents (f.notes, &before, NULL, NULL));
  activate (&f, "win.add-note", NULL);
  popover = _hl_window_get_notes_popover (f.window);
  gtk_editable_set_text (hl_notes_popover_get_text_entry (popover), "Kept apart");
  g_assert_true (hl_notes_popover_save (popover));
  assert_saved (&f, beside);
  g_assert_true (g_file_get_contents (f.notes, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  fixture_clear (&f);
}

/* The note in @notes whose text is @text, or NULL. */
static const HlAnnotation *
note_with_text (const HlNotes *notes, const char *text)
{
  for (guint i = 0; notes != NULL && i < notes->annotations->len; i++)
    {
      const HlAnnotation *a = g_ptr_array_index (notes->annotations, i);

      if (g_strcmp0 (a->text, text) == 0)
        return a;
    }
  return NULL;
}

/* A range note over [@from, @to) with @text over the whole chart, in the
 * session and in the notes file on disk. */
static void
assert_span_note (Fixture *f, const char *text, gint64 from, gint64 to)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->notes);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlNotes) on_disk = NULL;
  const HlAnnotation *a = note_with_text (hl_session_get_notes (f->session), text);

  g_assert_nonnull (a);
  g_assert_cmpint (a->from, ==, from);
  g_assert_cmpint (a->to, ==, to);
  g_assert_null (a->lanes);
  g_assert_true (hl_session_flush_notes (f->session, &error));
  g_assert_no_error (error);
  on_disk = hl_notes_new_from_file (file, &error);
  g_assert_no_error (error);
  a = note_with_text (on_disk, text);
  g_assert_nonnull (a);
  g_assert_cmpint (a->from, ==, from);
  g_assert_cmpint (a->to, ==, to);
  g_assert_true (hl_notes_equal (on_disk, hl_session_get_notes (f->session)));
}

/* Issues 11 and 12: the span summary's Annotate Span, and Ctrl+M while a
 * span is selected, open the popover for a range note from the span's
 * first day to its last; saved, it is in the session and the file. */
static void
test_annotate_span (void)
{
  g_autofree char *ex = example ();
  Fixture f = { 0 };
  GtkWidget *panel, *button;
  HlNotesPopover *popover;
  gint64 from, to;

  open_with_notes (&f, ex);
  panel = GTK_WIDGET (hl_window_get_panel (f.window));
  popover = _hl_window_get_notes_popover (f.window);
  /* 1 to 30 Sep 2023: the span is [1 Sep, 1 Oct) */
  hl_session_set_span (f.session, hl_date_from_ymd (2023, 9, 1) + 3600,
                       hl_date_from_ymd (2023, 9, 30) + 7200);
  g_assert_true (hl_session_get_span (f.session, &from, &to));
  g_assert_cmpint (from, ==, hl_date_from_ymd (2023, 9, 1));
  g_assert_cmpint (to, ==, hl_date_from_ymd (2023, 10, 1));
  hl_test_wait_for_draw (panel);

  /* The button in the span summary */
  button = hl_test_find_button (panel, "A_nnotate Span");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (hl_notes_popover_get_id (popover), ==, NULL);
  gtk_editable_set_text (hl_notes_popover_get_text_entry (popover), "September's span");
  g_assert_true (hl_notes_popover_save (popover));
  g_assert_cmpuint (n_notes (&f), ==, 8);
  assert_span_note (&f, "September's span", from, to);

  /* Ctrl+M with a span (and an event selected) annotates the span */
  hl_session_select (f.session, 0);
  hl_session_set_span (f.session, hl_date_from_ymd (2023, 11, 20),
                       hl_date_from_ymd (2023, 11, 22));
  g_assert_true (hl_session_get_span (f.session, &from, &to));
  activate (&f, "win.add-note", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_editable_set_text (hl_notes_popover_get_text_entry (popover), "Three days");
  g_assert_true (hl_notes_popover_save (popover));
  assert_span_note (&f, "Three days", hl_date_from_ymd (2023, 11, 20),
                    hl_date_from_ymd (2023, 11, 23));

  /* With no span the button is gone and the action does nothing */
  hl_session_clear_span (f.session);
  g_assert_false (gtk_widget_is_visible (button));
  gtk_popover_popdown (GTK_POPOVER (popover));
  activate (&f, "win.annotate-span", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpuint (n_notes (&f), ==, 9);
  fixture_clear (&f);
}

/* Notes opened or saved by hand: read from there, saved there after. */
static void
test_open_and_save_as (void)
{
  g_autofree char *ex = example ();
  g_autofree char *bad = g_build_filename (TEST_DATA_DIR, "notes", "bad-color.notes.json", NULL);
  Fixture f = { 0 };
  g_autofree char *other = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GFile) other_file = NULL;
  g_autoptr(GFile) copy_file_ = NULL;
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);

  open_with_notes (&f, NULL);
  g_assert_null (hl_session_get_notes (f.session));
  other = g_build_filename (f.dir, "elsewhere.json", NULL);
  copy_file (ex, other);
  other_file = g_file_new_for_path (other);
  g_assert_true (_hl_window_open_notes (f.window, other_file));
  g_assert_cmpuint (n_notes (&f), ==, 7);
  g_assert_cmpstr (hl_session_get_notes_path (f.session), ==, other);
  activate (&f, "win.delete-note", g_variant_new_string ("report"));
  assert_saved (&f, other);
  g_assert_false (g_file_test (f.notes, G_FILE_TEST_EXISTS));

  /* A bad file changes nothing */
  g_assert_false (_hl_window_open_notes (f.window, bad_file));
  g_assert_cmpstr (hl_session_get_notes_path (f.session), ==, other);
  g_assert_cmpuint (n_notes (&f), ==, 6);

  copy = g_build_filename (f.dir, "copy.notes.json", NULL);
  copy_file_ = g_file_new_for_path (copy);
  g_assert_true (_hl_window_save_notes_as (f.window, copy_file_));
  assert_saved (&f, copy);
  activate (&f, "win.delete-note", g_variant_new_string ("icbm-dec"));
  assert_saved (&f, copy);
  g_assert_cmpuint (n_notes (&f), ==, 5);
  fixture_clear (&f);
}

static GtkWidget *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

static GtkWidget *
find_row_widget (GtkWidget *root, const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (root));
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row_widget (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The export dialog starts from the window's notes; "Annotations" off
 * leaves them out of the preview, which is the export. */
static void
test_export_dialog_switch (void)
{
  g_autofree char *ex = example ();
  Fixture f = { 0 };
  HlExportDialog *dialog;
  GtkWidget *sw;
  HlChart *preview;

  open_with_notes (&f, ex);
  dialog = hl_export_dialog_new (GTK_WINDOW (f.window), hl_session_get_dataset (f.session),
                                 hl_session_get_view (f.session));
  preview = hl_export_dialog_get_preview_chart (dialog);
  g_assert_true (hl_chart_get_view (preview)->show_annotations);
  g_assert_cmpuint (hl_chart_get_n_notes_shown (preview), >, 0);
  sw = find_row_widget (GTK_WIDGET (dialog), "_Annotations");
  g_assert_true (GTK_IS_SWITCH (sw));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
  preview = hl_export_dialog_get_preview_chart (dialog);
  g_assert_false (hl_chart_get_view (preview)->show_annotations);
  g_assert_cmpuint (hl_chart_get_n_notes_shown (preview), ==, 0);
  g_assert_cmpuint (hl_chart_get_n_notes_hidden (preview), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Export a saved view: the dialog starts from it, not from what is shown */
  activate (&f, "win.export-view", g_variant_new_uint32 (2));   /* "December ICBM" */
  dialog = HL_EXPORT_DIALOG (find_toplevel (HL_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  preview = hl_export_dialog_get_preview_chart (dialog);
  g_assert_cmpint (hl_chart_get_view (preview)->from, ==, hl_date_from_ymd (2023, 12, 1));
  g_assert_false (hl_view_lane_visible (hl_chart_get_view (preview), 2));
  g_assert_cmpuint (hl_chart_get_view (preview)->annotations->len, ==, 2);
  /* and the window still shows what it showed */
  g_assert_cmpint (hl_session_get_from (f.session), ==, hl_date_from_ymd (2023, 7, 1));
  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_clear (&f);
}

static gboolean
n_sources_is_2 (gpointer data)
{
  Fixture *f = data;

  return !hl_window_is_loading (f->window) && hl_session_get_n_sources (f->session) == 2;
}

/* A view saved in the window with a file added beside the dataset
 * remembers it ("files", relative to the notes file), and switching to
 * that view adds it again after it was removed. */
static void
test_view_files (void)
{
  g_autofree char *ex = example ();
  Fixture f = { 0 };
  g_autofree char *side = NULL;
  g_autoptr(GFile) side_file = NULL;
  const HlNotes *notes;
  const HlSavedView *saved;
  int i;

  open_with_notes (&f, ex);
  side = g_build_filename (f.dir, "sanctions.json", NULL);
  {
    g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "good-sanctions.json",
                                                  NULL);
    copy_file (src, side);
  }
  side_file = g_file_new_for_path (side);
  hl_window_add_file (f.window, side_file);
  g_assert_true (hl_test_wait_for (n_sources_is_2, &f, 20000));
  hl_session_save_view (f.session, "Beside sanctions");
  notes = hl_session_get_notes (f.session);
  i = hl_notes_find_view (notes, "Beside sanctions");
  g_assert_cmpint (i, >=, 0);
  saved = g_ptr_array_index (notes->views, i);
  g_assert_nonnull (saved->files);
  g_assert_cmpstr (saved->files[0], ==, "sanctions.json");
  g_assert_null (saved->files[1]);
  /* a view saved with the dataset alone names no file */
  i = hl_notes_find_view (notes, "December ICBM");
  g_assert_null (((HlSavedView *) g_ptr_array_index (notes->views, i))->files);

  hl_session_remove_source (f.session, 1);
  g_assert_cmpuint (hl_session_get_n_sources (f.session), ==, 1);
  activate (&f, "win.apply-view",
            g_variant_new_uint32 ((guint) hl_notes_find_view (notes, "Beside sanctions")));
  g_assert_true (hl_test_wait_for (n_sources_is_2, &f, 20000));
  g_assert_cmpuint (hl_session_find_source (f.session, side_file), ==, 1);
  fixture_clear (&f);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  hl_test_isolate_user_data ();
  /* GTK's in-process accessibility backend: the test reads the timeline's
   * description. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!gtk_init_check ())
    return 77;

  g_test_add_func ("/notes-gui/found-and-drawn", test_found_and_drawn);
  g_test_add_func ("/notes-gui/add-edit-move-delete", test_add_edit_move_delete);
  g_test_add_func ("/notes-gui/pixels-equal-export", test_pixels_equal_export);
  g_test_add_func ("/notes-gui/views", test_views);
  g_test_add_func ("/notes-gui/view-files", test_view_files);
  g_test_add_func ("/notes-gui/bad-notes", test_bad_notes);
  g_test_add_func ("/notes-gui/export-dialog-switch", test_export_dialog_switch);
  g_test_add_func ("/notes-gui/open-and-save-as", test_open_and_save_as);
  g_test_add_func ("/notes-gui/annotate-span", test_annotate_span);
  return g_test_run ();
}
