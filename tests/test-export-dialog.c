/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export dialog in a real GTK: its preview is the file it writes,
 * options come from and go to GSettings, a save emits "exported" and
 * closes, a failure shows a message and writes nothing. */
#define _GNU_SOURCE
#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "test-util.h"
#include "hl-date.h"
#include "hl-chart-private.h"
#include "hl-export-dialog.h"
#include "hl-window.h"

static HlDataset *
bundled (void)
{
  static HlDataset *dataset;

  if (dataset == NULL)
    dataset = hl_dataset_new_bundled ();
  return dataset;
}

static GSettings *
settings (void)
{
  static GSettings *s;

  if (s == NULL)
    s = g_settings_new ("io.github.heistline.Heistline");
  return s;
}

static void
reset_settings (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings (), "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings (), keys[i]);
}

static HlExportDialog *
new_dialog (const HlView *view)
{
  HlExportDialog *dialog = hl_export_dialog_new (NULL, bundled (), view);

  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
close_dialog (HlExportDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static cairo_surface_t *
render_chart (HlChart *chart, int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  hl_chart_draw (chart, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a, cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);

  if (w != cairo_image_surface_get_width (b) || h != cairo_image_surface_get_height (b))
    return FALSE;
  for (int y = 0; y < h; y++)
    if (memcmp (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a),
                cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b),
                (gsize) w * 4) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
chart_has_label (HlChart *chart, const char *label)
{
  guint n;

  _hl_chart_get_text_boxes (chart, &n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (_hl_chart_get_text_box_label (chart, i), label))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */

/* The window's view goes in: its range and lanes. The preview is the PNG,
 * pixel for pixel. */
static void
test_preview_is_export (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  HlExportDialog *dialog;
  cairo_surface_t *png, *preview;
  HlChart *chart;
  const HlView *cv;
  HlView view;

  reset_settings ();
  hl_view_init (&view, bundled ());
  hl_view_set_range (&view, hl_date_from_ymd (2023, 9, 1), hl_date_from_ymd (2023, 10, 1));
  hl_lane_mask_set (&view.hidden_lanes, hl_dataset_find_lane (bundled (), "milestones"));
  dialog = new_dialog (&view);

  name = hl_export_dialog_dup_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "heistline-2023-09-01-2023-09-30.png");

  chart = hl_export_dialog_get_preview_chart (dialog);
  cv = hl_chart_get_view (chart);
  g_assert_cmpint (cv->from, ==, view.from);
  g_assert_cmpint (cv->to, ==, view.to);
  g_assert_true (hl_lane_mask_equal (&cv->hidden_lanes, &view.hidden_lanes));
  g_assert_cmpint (cv->theme, ==, HL_THEME_LIGHT);
  g_assert_true (chart_has_label (chart, hl_dataset_get_title (bundled ())));

  g_assert_true (hl_export_dialog_export_to (dialog, file, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1080);
  preview = render_chart (chart, 1920, 1080);
  g_assert_true (same_pixels (png, preview));
  cairo_surface_destroy (png);
  cairo_surface_destroy (preview);

  /* and the preview widget paints something of it */
  hl_test_wait_for_draw (GTK_WIDGET (dialog));
  close_dialog (dialog);
  hl_view_clear (&view);
  hl_test_remove_tmpdir (dir);
}

/* Options come from GSettings, and follow it while the dialog is open. */
static void
test_settings (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *big = g_build_filename (dir, "big.png", NULL);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) big_file = g_file_new_for_path (big);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  HlExportDialog *dialog;
  const HlView *cv;
  cairo_surface_t *png;
  gint64 from, to;
  GtkWidget *spin;
  gsize length;
  HlView view;

  reset_settings ();
  g_settings_set_string (settings (), "export-format", "svg");
  g_settings_set_string (settings (), "export-preset", "custom");
  g_settings_set_int (settings (), "export-width", 800);
  g_settings_set_int (settings (), "export-height", 600);
  g_settings_set_string (settings (), "export-theme", "dark");
  g_settings_set_boolean (settings (), "export-legend", FALSE);
  g_settings_set_boolean (settings (), "export-cumulative", TRUE);
  g_settings_set_string (settings (), "export-range", "default");

  hl_view_init (&view, bundled ());
  hl_view_set_range (&view, hl_date_from_ymd (2023, 9, 1), hl_date_from_ymd (2023, 10, 1));
  dialog = new_dialog (&view);

  cv = hl_chart_get_view (hl_export_dialog_get_preview_chart (dialog));
  hl_dataset_get_default_range (bundled (), &from, &to);
  g_assert_cmpint (cv->from, ==, from);
  g_assert_cmpint (cv->to, ==, to);
  g_assert_cmpint (cv->theme, ==, HL_THEME_DARK);
  g_assert_false (cv->show_legend);
  g_assert_true (cv->show_footnote);
  g_assert_true (cv->show_cumulative);
  name = hl_export_dialog_dup_suggested_name (dialog);
  g_assert_true (g_str_has_suffix (name, ".svg"));

  g_assert_true (hl_export_dialog_export_to (dialog, svg_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "width=\"800px\" height=\"600px\""));

  /* and what the user types goes back to GSettings */
  spin = hl_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1000);
  g_assert_cmpint (g_settings_get_int (settings (), "export-width"), ==, 1000);
  g_assert_cmpint (hl_chart_get_view (hl_export_dialog_get_preview_chart (dialog))->from, ==,
                   from);

  /* A PDF cannot be transparent: it falls back to light. */
  g_settings_set_string (settings (), "export-format", "pdf");
  g_settings_set_string (settings (), "export-theme", "transparent");
  g_settings_set_string (settings (), "export-preset", "a4");
  cv = hl_chart_get_view (hl_export_dialog_get_preview_chart (dialog));
  g_assert_cmpint (cv->theme, !=, HL_THEME_TRANSPARENT);
  g_assert_true (hl_export_dialog_export_to (dialog, pdf_file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* the page size, past the binary streams */
  g_assert_nonnull (memmem (contents, length, "/MediaBox [ 0 0 842 595 ]", 25));

  /* PNG at 2x */
  g_settings_set_string (settings (), "export-format", "png");
  g_settings_set_string (settings (), "export-preset", "hd");
  g_settings_set_int (settings (), "export-scale", 2);
  g_assert_true (hl_export_dialog_export_to (dialog, big_file, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (big);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 2560);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1440);
  cairo_surface_destroy (png);

  close_dialog (dialog);
  hl_view_clear (&view);
  hl_test_remove_tmpdir (dir);
}

/* Title and subtitle: typed text is drawn as typed; an empty subtitle is
 * the range and totals. */
static void
test_title (void)
{
  HlExportDialog *dialog;
  GtkWidget *title_row;
  HlChart *chart;
  guint n;
  gboolean found_auto = FALSE;

  reset_settings ();
  dialog = new_dialog (NULL);
  /* the first entry row is the title */
  title_row = hl_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (title_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==,
                   hl_dataset_get_title (bundled ()));

  gtk_editable_set_text (GTK_EDITABLE (title_row), "Q3 <b>report</b> & co");
  chart = hl_export_dialog_get_preview_chart (dialog);
  g_assert_true (chart_has_label (chart, "Q3 <b>report</b> & co"));
  _hl_chart_get_text_boxes (chart, &n);
  for (guint i = 0; i < n; i++)
    found_auto |= g_str_has_prefix (_hl_chart_get_text_box_label (chart, i),
                                    "1 Jul 2023 – 31 Jan 2024");
  g_assert_true (found_auto);

  /* an empty title: no title at all */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "");
  chart = hl_export_dialog_get_preview_chart (dialog);
  g_assert_false (chart_has_label (chart, hl_dataset_get_title (bundled ())));
  close_dialog (dialog);
}

static void
exported_cb (HlExportDialog *dialog, GFile *file, gpointer data)
{
  GFile **out = data;

  g_set_object (out, file);
}

static gboolean
not_exporting (gpointer data)
{
  return !hl_export_dialog_is_exporting (data);
}

/* Saving runs on a worker: "exported" with the file, the folder
 * remembered, the dialog gone. */
static void
test_save (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "saved.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) got = NULL;
  g_autofree char *folder = NULL;
  HlExportDialog *dialog;
  GtkWidget *weak;

  reset_settings ();
  dialog = new_dialog (NULL);
  weak = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &got);

  hl_export_dialog_save (dialog, file);
  g_assert_true (hl_test_wait_for (not_exporting, dialog, 30000));
  g_assert_nonnull (got);
  g_assert_true (g_file_equal (got, file));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  folder = g_settings_get_string (settings (), "last-folder");
  g_assert_cmpstr (folder, ==, dir);

  /* closed: only our reference is left */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (weak);
  hl_test_remove_tmpdir (dir);
}

static GtkWidget *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == parent)
        return GTK_WIDGET (w);
    }
  return NULL;
}

/* A folder that refuses the file: a message says why, nothing is written,
 * no "exported", and the dialog stays for another try. */
static void
test_save_fails (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/sys/heistline-dialog-test.png");
  g_autoptr(GFile) got = NULL;
  HlExportDialog *dialog;
  GtkWidget *message;
  const char *body;

  if (!g_file_test ("/sys/kernel", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no sysfs at /sys: no folder refuses root here");
      return;
    }
  reset_settings ();
  dialog = new_dialog (NULL);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &got);

  hl_export_dialog_save (dialog, file);
  g_assert_true (hl_test_wait_for (not_exporting, dialog, 30000));
  g_assert_null (got);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  message = find_message_dialog (GTK_WINDOW (dialog));
  g_assert_nonnull (message);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message));
  g_test_message ("%s: %s", adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), body);
  g_assert_nonnull (strstr (body, "/sys/heistline-dialog-test.png"));
  gtk_window_destroy (GTK_WINDOW (message));
  close_dialog (dialog);
}

static guint n_ticks;

static gboolean
tick_cb (gpointer data)
{
  n_ticks++;
  return G_SOURCE_CONTINUE;
}

/* Cancel while an export runs (a large one, on a worker): the dialog
 * answered meanwhile (its progress bar moved), Cancel stopped the export
 * and kept the dialog, and nothing was written: no file, no temporary,
 * no "exported". An old file there is left as it was. */
static void
test_save_cancel (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cancelled.png", NULL);
  g_autofree char *old_path = g_build_filename (dir, "old.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *old_contents = NULL;
  GtkWidget *bar, *cancel;
  HlExportDialog *dialog;

  reset_settings ();
  g_settings_set_string (settings (), "export-preset", "4k");
  g_settings_set_int (settings (), "export-scale", 2);   /* seconds of drawing */
  dialog = new_dialog (NULL);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &got);
  bar = hl_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (bar);
  g_assert_false (gtk_widget_get_visible (bar));
  cancel = hl_test_find_button (GTK_WIDGET (dialog), "_Cancel");
  g_assert_nonnull (cancel);

  for (guint round = 0; round < 2; round++)
    {
      GFile *target = round == 0 ? file : old_file;

      if (round == 1)
        g_assert_true (g_file_set_contents (old_path, "old bytes", -1, &error));
      g_assert_no_error (error);
      guint tick;

      hl_export_dialog_save (dialog, target);
      g_assert_true (hl_export_dialog_is_exporting (dialog));
      g_assert_true (gtk_widget_get_visible (bar));
      /* The main loop runs while the worker draws: a 10 ms timer ticks */
      n_ticks = 0;
      tick = g_timeout_add (10, tick_cb, NULL);
      while (n_ticks < 5 && hl_export_dialog_is_exporting (dialog))
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (tick);
      g_assert_true (hl_export_dialog_is_exporting (dialog));
      g_signal_emit_by_name (cancel, "clicked");
      g_assert_true (hl_test_wait_for (not_exporting, dialog, 30000));
      g_assert_false (gtk_widget_get_visible (bar));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
      g_assert_null (got);
      g_assert_null (find_message_dialog (GTK_WINDOW (dialog)));
    }

  /* Nothing new in the folder: the old file alone, as it was */
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_true (g_file_get_contents (old_path, &old_contents, NULL, &error));
  g_assert_cmpstr (old_contents, ==, "old bytes");
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "old.png");
  g_assert_null (g_dir_read_name (listing));

  /* Cancel again, with no export: closes */
  g_signal_emit_by_name (cancel, "clicked");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  g_unlink (old_path);
  hl_test_remove_tmpdir (dir);
}

/* ------------------------------------------------------------------ */
/* Grouping and money scale; what cannot be given is said (issues 10, 15) */

static GtkWidget *
find_combo_row (GtkWidget *root, const char *title)
{
  if (ADW_IS_COMBO_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_combo_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The mapped label showing exactly @text under @root. */
static GtkLabel *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The window's grouping and scale go in, the rows change them, the
 * export carries them. */
static void
test_bins_and_scale (void)
{
  HlExportDialog *dialog;
  GtkWidget *bins, *scale;
  const HlView *cv;
  HlView view;

  reset_settings ();
  hl_view_init (&view, bundled ());
  view.bins = HL_BINS_WEEK;
  view.money_scale = HL_MONEY_LOG;
  dialog = new_dialog (&view);
  bins = find_combo_row (GTK_WIDGET (dialog), "_Group events");
  scale = find_combo_row (GTK_WIDGET (dialog), "_Money scale");
  g_assert_nonnull (bins);
  g_assert_nonnull (scale);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (bins)), ==, HL_BINS_WEEK);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (scale)), ==, HL_MONEY_LOG);
  cv = hl_chart_get_view (hl_export_dialog_get_preview_chart (dialog));
  g_assert_cmpint (cv->bins, ==, HL_BINS_WEEK);
  g_assert_cmpint (cv->money_scale, ==, HL_MONEY_LOG);

  adw_combo_row_set_selected (ADW_COMBO_ROW (bins), HL_BINS_QUARTER);
  adw_combo_row_set_selected (ADW_COMBO_ROW (scale), HL_MONEY_LINEAR);
  cv = hl_chart_get_view (hl_export_dialog_get_preview_chart (dialog));
  g_assert_cmpint (cv->bins, ==, HL_BINS_QUARTER);
  g_assert_cmpint (cv->money_scale, ==, HL_MONEY_LINEAR);
  for (guint i = 0; i <= HL_BINS_YEAR; i++)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (bins), i);
      g_assert_cmpint (hl_chart_get_view (hl_export_dialog_get_preview_chart (dialog))->bins,
                       ==, (HlBins) i);
    }
  close_dialog (dialog);
  hl_view_clear (&view);
}

/* With PDF the theme row's value is read whole, not "Tr…"; the reason it
 * cannot apply is said under the preview. */
static void
test_theme_not_cut (void)
{
  HlExportDialog *dialog;
  GtkLabel *value;

  reset_settings ();
  g_settings_set_string (settings (), "export-format", "pdf");
  g_settings_set_string (settings (), "export-theme", "transparent");
  dialog = new_dialog (NULL);
  hl_test_wait_for_draw (GTK_WIDGET (dialog));
  value = find_label (find_combo_row (GTK_WIDGET (dialog), "_Theme"), "Transparent");
  g_assert_nonnull (value);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (value)));
  g_assert_true (hl_test_has_label (GTK_WIDGET (dialog), "PDF pages are never transparent"));

  g_settings_set_string (settings (), "export-format", "png");
  hl_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_false (hl_test_has_label (GTK_WIDGET (dialog), "PDF pages are never transparent"));
  close_dialog (dialog);
}

/* A visible label of the dialog says @text. */
static gboolean
says (HlExportDialog *dialog, const char *text)
{
  return hl_test_has_label (GTK_WIDGET (dialog), text);
}

/* Each part the switches ask for and the chart left out is named. */
static void
assert_says_dropped (HlExportDialog *dialog)
{
  guint dropped = hl_chart_get_dropped (hl_export_dialog_get_preview_chart (dialog));

  g_test_message ("dropped: %x", dropped);
  g_assert_true (says (dialog, "left out") == (dropped != 0));
  g_assert_true (says (dialog, "legend") == !!(dropped & HL_CHART_PART_LEGEND));
  g_assert_true (says (dialog, "source footnote") == !!(dropped & HL_CHART_PART_FOOTNOTE));
}

/* At 400x300 the chart leaves out the footnote (and at 400x200 the
 * legend too) although their switches are on: the dialog says so, and
 * stops saying it at a size with room. */
static void
test_dropped_said (void)
{
  HlExportDialog *dialog;

  reset_settings ();
  g_settings_set_string (settings (), "export-preset", "custom");
  g_settings_set_int (settings (), "export-width", 400);
  g_settings_set_int (settings (), "export-height", 300);
  dialog = new_dialog (NULL);
  hl_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (hl_chart_get_dropped (hl_export_dialog_get_preview_chart (dialog)) &
                 HL_CHART_PART_FOOTNOTE);
  assert_says_dropped (dialog);

  g_settings_set_int (settings (), "export-height", 200);
  hl_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (hl_chart_get_dropped (hl_export_dialog_get_preview_chart (dialog)) &
                 HL_CHART_PART_LEGEND);
  assert_says_dropped (dialog);

  /* a part switched off is not one left out */
  g_settings_set_boolean (settings (), "export-legend", FALSE);
  g_settings_set_boolean (settings (), "export-footnote", FALSE);
  hl_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_false (says (dialog, "legend"));
  g_assert_false (says (dialog, "source footnote"));
  assert_says_dropped (dialog);

  g_settings_set_string (settings (), "export-preset", "slide-16x9");
  g_settings_set_boolean (settings (), "export-legend", TRUE);
  g_settings_set_boolean (settings (), "export-footnote", TRUE);
  hl_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_cmpuint (hl_chart_get_dropped (hl_export_dialog_get_preview_chart (dialog)), ==, 0);
  g_assert_false (says (dialog, "left out"));
  close_dialog (dialog);
}

/* The window's View items (main menu: Group Events, Money Scale) set the
 * session, are remembered for the next window, and the export dialog
 * opened from the window starts from them. */
static gboolean
menu_has (GMenuModel *model, const char *action, const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *t = NULL;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, "action", "s", &a) &&
          g_menu_model_get_item_attribute (model, i, "target", "s", &t) &&
          g_str_equal (a, action) && g_str_equal (t, target))
        return TRUE;
      for (const char *const *l = (const char *const[]) { "section", "submenu", NULL }; *l; l++)
        if ((link = g_menu_model_get_item_link (model, i, *l)) != NULL)
          {
            gboolean found = menu_has (link, action, target);

            g_object_unref (link);
            if (found)
              return TRUE;
          }
    }
  return FALSE;
}

static GtkWidget *
find_main_menu (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (root)) &&
      menu_has (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (root)), "view.bins", "week"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_main_menu (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_window_view_menu (void)
{
  static const char *const bins[] = { "marks", "auto", "day", "week", "month", "quarter", "year" };
  HlWindow *window;
  HlSession *session;
  GtkWidget *button;
  GMenuModel *menu;
  GtkWindow *dialog = NULL;
  GList *toplevels;
  g_autofree char *stored = NULL;

  reset_settings ();
  window = hl_test_new_window ();
  session = hl_window_get_session (window);
  button = find_main_menu (GTK_WIDGET (window));
  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  for (guint i = 0; i < G_N_ELEMENTS (bins); i++)
    g_assert_true (menu_has (menu, "view.bins", bins[i]));
  g_assert_true (menu_has (menu, "view.money-scale", "linear"));
  g_assert_true (menu_has (menu, "view.money-scale", "log"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "view.bins", "s", "month"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "view.money-scale", "s", "log"));
  g_assert_cmpint (hl_session_get_bins (session), ==, HL_BINS_MONTH);
  g_assert_cmpint (hl_session_get_money_scale (session), ==, HL_MONEY_LOG);
  stored = g_settings_get_string (settings (), "bins");
  g_assert_cmpstr (stored, ==, "month");

  /* the export dialog starts from the window's choice */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (HL_IS_EXPORT_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  {
    const HlView *cv = hl_chart_get_view (
      hl_export_dialog_get_preview_chart (HL_EXPORT_DIALOG (dialog)));

    g_assert_cmpint (cv->bins, ==, HL_BINS_MONTH);
    g_assert_cmpint (cv->money_scale, ==, HL_MONEY_LOG);
  }
  hl_test_close_window (window);

  /* the next window starts where this one left */
  window = hl_test_new_window ();
  g_assert_cmpint (hl_session_get_bins (hl_window_get_session (window)), ==, HL_BINS_MONTH);
  g_assert_cmpint (hl_session_get_money_scale (hl_window_get_session (window)), ==,
                   HL_MONEY_LOG);
  hl_test_close_window (window);
  reset_settings ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  hl_test_isolate_user_data ();
  if (!gtk_init_check ())
    return 77;
  adw_init ();

  g_test_add_func ("/export-dialog/preview-is-export", test_preview_is_export);
  g_test_add_func ("/export-dialog/settings", test_settings);
  g_test_add_func ("/export-dialog/title", test_title);
  g_test_add_func ("/export-dialog/save", test_save);
  g_test_add_func ("/export-dialog/save-fails", test_save_fails);
  g_test_add_func ("/export-dialog/save-cancel", test_save_cancel);
  g_test_add_func ("/export-dialog/bins-and-scale", test_bins_and_scale);
  g_test_add_func ("/export-dialog/theme-not-cut", test_theme_not_cut);
  g_test_add_func ("/export-dialog/dropped-said", test_dropped_said);
  g_test_add_func ("/export-dialog/window-view-menu", test_window_view_menu);

  return g_test_run ();
}
