/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The annotations layer (issue 11): notes at the x of their dates, never
 * over a label or each other at the preset sizes, each one drawn or
 * counted in a visible "+N notes", following zoom and pan, and in the
 * pixels of an export. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-chart-notes.h"
#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-export.h"
#include "hl-notes.h"
#include "test-util.h"

static HlNotes *
example_notes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "heistline.notes.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HlNotes *notes = hl_notes_new_from_file (file, &error);

  g_assert_no_error (error);
  return notes;
}

/* The notes @view shows, counted here without the layer: in its range,
 * and on a visible lane (or on none the dataset has). */
static guint
count_in_view (HlDataset *dataset, const HlView *view)
{
  guint n = 0;

  for (guint i = 0; view->annotations != NULL && i < view->annotations->len; i++)
    {
      const HlAnnotation *note = g_ptr_array_index (view->annotations, i);
      gboolean in_range = note->from == note->to
                          ? note->from >= view->from && note->from < view->to
                          : note->from < view->to && note->to > view->from;
      gboolean known = FALSE, visible = FALSE;

      for (guint k = 0; note->lanes != NULL && note->lanes[k] != NULL; k++)
        {
          int lane = hl_dataset_find_lane (dataset, note->lanes[k]);

          known |= lane >= 0;
          visible |= lane >= 0 && hl_view_lane_visible (view, lane);
        }
      n += in_range && (!known || visible);
    }
  return view->show_annotations ? n : 0;
}

static gboolean
overlaps (const HlBox *a, const HlBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height &&
         b->y < a->y + a->height;
}

/* Every rule a reader of the chart notices, for one chart. */
static void
assert_notes_placed (HlChart *chart, HlDataset *dataset, const HlView *view)
{
  guint n_notes, n_boxes;
  const HlNoteMark *notes = _hl_chart_get_notes (chart, &n_notes);
  const HlBox *boxes = _hl_chart_get_text_boxes (chart, &n_boxes);
  guint shown = hl_chart_get_n_notes_shown (chart);
  guint hidden = hl_chart_get_n_notes_hidden (chart);
  gboolean marker = FALSE;
  HlBox plot;

  hl_chart_get_plot_area (chart, &plot);
  /* None silently dropped. */
  g_assert_cmpuint (shown + hidden, ==, count_in_view (dataset, view));
  for (guint i = 0; i < n_notes; i++)
    {
      const HlNoteMark *m = &notes[i];

      if (m->note < 0)
        {
          g_autofree char *text = g_strdup_printf ("+%u note%s", hidden, hidden == 1 ? "" : "s");

          g_assert_cmpstr (pango_layout_get_text (m->layout), ==, text);
          marker = TRUE;
        }
      else
        {
          const HlAnnotation *note = g_ptr_array_index (view->annotations, m->note);

          /* At the x of its date (a span's: of its first and last day shown). */
          g_assert_cmpfloat (m->x0, ==, hl_chart_time_to_x (chart, MAX (note->from, view->from)));
          if (note->to > note->from)
            g_assert_cmpfloat (m->x1, ==, hl_chart_time_to_x (chart, MIN (note->to, view->to)));
          g_assert_true (m->x0 >= plot.x - 0.5 && m->x1 <= plot.x + plot.width + 0.5);
          /* its own words */
          g_assert_nonnull (strstr (pango_layout_get_text (m->layout), note->text));
        }
      g_assert_true (m->box.x >= plot.x && m->box.x + m->box.width <= plot.x + plot.width + 0.01);
      g_assert_true (m->box.y >= plot.y && m->box.y + m->box.height <= plot.y + plot.height + 0.01);
      /* Never over a label, nor over another note. */
      for (guint k = 0; k < n_boxes; k++)
        if (overlaps (&m->box, &boxes[k]))
          g_error ("note %d over the label “%s”", m->note, _hl_chart_get_text_box_label (chart, k));
      for (guint k = 0; k < i; k++)
        g_assert_false (overlaps (&m->box, &notes[k].box));
    }
  g_assert_true (marker == (hidden > 0));
}

static void
test_presets (void)
{
  HlDataset *dataset = hl_test_bundled ();
  g_autoptr(HlNotes) notes = example_notes ();
  guint n_presets, n_drawn = 0;
  const HlExportPreset *presets = hl_export_get_presets (&n_presets);

  for (guint v = 0; v <= notes->views->len; v++)
    for (guint p = 0; p < n_presets; p++)
      {
        g_autoptr(HlChart) chart = NULL;
        HlView view;

        hl_view_init (&view, dataset);
        if (v < notes->views->len)
          hl_saved_view_apply (g_ptr_array_index (notes->views, v), dataset, notes, &view);
        else
          view.annotations = hl_notes_ref_annotations (notes);
        chart = hl_chart_new (dataset, &view, presets[p].width, presets[p].height);
        assert_notes_placed (chart, dataset, &view);
        n_drawn += hl_chart_get_n_notes_shown (chart);
        hl_view_clear (&view);
      }
  /* Most of them find room: the test is not passing on empty charts. */
  g_assert_cmpuint (n_drawn, >=, 3 * (notes->views->len + 1) * n_presets);
}

/* 300 notes in one week: the chart draws what fits and counts the rest. */
static void
test_crowded (void)
{
  HlDataset *dataset = hl_test_bundled ();
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_annotation_free);
  g_autoptr(HlChart) chart = NULL;
  HlView view;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autofree char *text = g_strdup_printf ("Note number %u about this week", i);

      g_ptr_array_add (many, hl_annotation_new_point (id, hl_date_from_ymd (2023, 11, 20) +
                                                      (i % 7) * HL_SECONDS_PER_DAY, text));
    }
  hl_view_init (&view, dataset);
  view.annotations = g_ptr_array_ref (many);
  chart = hl_chart_new (dataset, &view, 1280, 720);
  assert_notes_placed (chart, dataset, &view);
  g_assert_cmpuint (hl_chart_get_n_notes_shown (chart), >, 0);
  g_assert_cmpuint (hl_chart_get_n_notes_hidden (chart), >, 0);
  hl_view_clear (&view);
}

/* Zoom and pan move each note to its date's new x. */
static void
test_follows_zoom_and_pan (void)
{
  HlDataset *dataset = hl_test_bundled ();
  g_autoptr(HlNotes) notes = example_notes ();
  HlView view;

  hl_view_init (&view, dataset);
  view.annotations = hl_notes_ref_annotations (notes);
  for (guint step = 0; step < 6; step++)
    {
      g_autoptr(HlChart) chart = hl_chart_new (dataset, &view, 1600, 900);

      assert_notes_placed (chart, dataset, &view);
      if (step < 3)
        hl_view_zoom (&view, 1.6, 0.6);
      else
        hl_view_pan (&view, -0.3);
    }
  hl_view_clear (&view);
}

/* A magenta note at a date with nothing else: its leader is in the pixels
 * of the PNG at that date's x, and gone with show_annotations off. */
static void
test_pixels (void)
{
  HlDataset *dataset = hl_test_bundled ();
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *with = g_build_filename (dir, "with.png", NULL);
  g_autofree char *without = g_build_filename (dir, "without.png", NULL);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_annotation_free);
  HlAnnotation *note = hl_annotation_new_point ("m", hl_date_from_ymd (2023, 10, 25), "Here");
  g_autoptr(HlChart) chart = NULL;
  cairo_surface_t *png;
  guint n_notes, r, g, b, a;
  const HlNoteMark *mark;
  HlView view;
  int x, y;

  note->has_color = TRUE;
  note->color = 0xFF00FF;
  g_ptr_array_add (notes, note);
  hl_view_init (&view, dataset);
  view.annotations = g_ptr_array_ref (notes);
  chart = hl_chart_new (dataset, &view, 1280, 720);
  mark = _hl_chart_get_notes (chart, &n_notes);
  g_assert_cmpuint (n_notes, ==, 1);
  x = (int) floor (hl_chart_time_to_x (chart, note->from));
  y = (int) ((mark->y0 + mark->y1) / 2);

  g_assert_true (hl_export_to_file (dataset, &view, HL_EXPORT_PNG, 1280, 720, 1, with, NULL));
  png = cairo_image_surface_create_from_png (with);
  hl_test_pixel_at (png, x, y, &r, &g, &b, &a);
  cairo_surface_destroy (png);
  g_assert_cmpuint (r, >, 160);
  g_assert_cmpuint (g, <, 120);
  g_assert_cmpuint (b, >, 160);

  view.show_annotations = FALSE;
  g_assert_true (hl_export_to_file (dataset, &view, HL_EXPORT_PNG, 1280, 720, 1, without, NULL));
  png = cairo_image_surface_create_from_png (without);
  hl_test_pixel_at (png, x, y, &r, &g, &b, &a);
  cairo_surface_destroy (png);
  g_assert_false (r > 160 && g < 120 && b > 160);
  hl_view_clear (&view);
  hl_test_remove_tmpdir (dir);
}

/* Hover and the panel find a note by its text's box. */
static void
test_hit (void)
{
  HlDataset *dataset = hl_test_bundled ();
  g_autoptr(HlNotes) notes = example_notes ();
  g_autoptr(HlChart) chart = NULL;
  HlView view;
  HlBox box;

  hl_view_init (&view, dataset);
  view.annotations = hl_notes_ref_annotations (notes);
  chart = hl_chart_new (dataset, &view, 1920, 1080);
  g_assert_true (hl_chart_get_note_box (chart, 1, &box));
  g_assert_cmpint (hl_chart_note_at (chart, box.x + box.width / 2, box.y + box.height / 2), ==, 1);
  g_assert_cmpint (hl_chart_note_at (chart, 1, 1), ==, -1);
  hl_view_clear (&view);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annotations/presets", test_presets);
  g_test_add_func ("/annotations/crowded", test_crowded);
  g_test_add_func ("/annotations/follows-zoom-and-pan", test_follows_zoom_and_pan);
  g_test_add_func ("/annotations/pixels", test_pixels);
  g_test_add_func ("/annotations/hit", test_hit);
  return g_test_run ();
}
