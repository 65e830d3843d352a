/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import dialog (src/gui/hl-import-dialog.c) under a real GTK: what it
 * shows of a messy spreadsheet (detected format, preview, the bad rows by
 * row and column), the choices that change what reads, Import and Save as
 * Dataset, the mapping remembered per header, and the window opening a
 * spreadsheet of a known header straight away. */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "hl-date.h"
#include "hl-import-dialog-private.h"
#include "hl-import-dialog-read.h"
#include "test-util.h"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "csv", name, NULL);

  return g_file_new_for_path (path);
}

static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "import-mappings");
  return settings;
}

static HlImportDialog *
open_dialog (const char *name, GSettings *settings)
{
  g_autoptr(GFile) file = fixture (name);
  g_autoptr(GError) error = NULL;
  HlImportDialog *dialog = hl_import_dialog_new (NULL, file, settings, &error);

  g_assert_no_error (error);
  g_assert_true (HL_IS_IMPORT_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  hl_test_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

static void
on_imported (HlImportDialog *dialog, HlDataset *dataset, HlDataset **out)
{
  *out = g_object_ref (dataset);
}

static void
test_messy (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  HlImportDialog *dialog = open_dialog ("messy.csv", settings);
  g_autoptr(HlDataset) dataset = NULL;
  g_autoptr(GVariant) remembered = NULL;
  g_autoptr(GError) error = NULL;
  guint bad_as_dmy;

  g_assert_cmpstr (_hl_import_dialog_get_info (dialog), ==,
                   "messy.csv: delimiter comma; UTF-8; the first row is the header; 58 rows");
  g_assert_cmpstr (_hl_import_dialog_get_preview_cell (dialog, 0, 2), ==, "Loss (USD)");
  g_assert_cmpstr (_hl_import_dialog_get_preview_cell (dialog, 2, 0), ==, "5/1/2022");
  g_assert_cmpstr (_hl_import_dialog_get_date_hint (dialog), ==,
                   "Guessed from the dates: Day/month/year (4/9/2023)");
  g_assert_true (g_str_has_prefix (_hl_import_dialog_get_problems (dialog),
                                   "messy.csv: row 7, column C (Loss (USD)): “approx 3M” is not "
                                   "an amount\n"
                                   "messy.csv: row 19, column A (Incident date): “31/02/2023” is "
                                   "not a date: no such day in that month\n"));
  g_assert_cmpstr (_hl_import_dialog_get_status (dialog), ==,
                   "52 rows can be imported; 6 cannot be read (listed above).");
  g_assert_cmpstr (_hl_import_dialog_get_import_label (dialog), ==, "_Import 52 Good Rows");
  g_assert_cmpint (_hl_import_dialog_get_column (dialog, HL_IMPORT_FIELD_URL), ==, 5);
  g_assert_cmpint (_hl_import_dialog_get_column (dialog, HL_IMPORT_FIELD_ACTOR), ==, 4);

  /* month/day/year: 21/1/2022 and the like no longer read */
  bad_as_dmy = hl_import_dialog_get_n_bad_rows (dialog);
  _hl_import_dialog_set_date_format (dialog, HL_IMPORT_DATE_MDY);
  g_assert_cmpuint (hl_import_dialog_get_n_bad_rows (dialog), >, bad_as_dmy);
  g_assert_nonnull (strstr (_hl_import_dialog_get_problems (dialog),
                            "messy.csv: row 4, column A (Incident date): “21/1/2022” is not a "
                            "date"));
  _hl_import_dialog_set_date_format (dialog, HL_IMPORT_DATE_DMY);
  g_assert_cmpuint (hl_import_dialog_get_n_bad_rows (dialog), ==, 6);

  /* without a title column nothing can be imported */
  _hl_import_dialog_set_column (dialog, HL_IMPORT_FIELD_TITLE, -1);
  g_assert_false (_hl_import_dialog_can_import (dialog));
  g_assert_cmpstr (_hl_import_dialog_get_problems (dialog), ==,
                   "messy.csv: no column gives the title (map it with title:COLUMN)");
  _hl_import_dialog_set_column (dialog, HL_IMPORT_FIELD_TITLE, 1);
  g_assert_true (_hl_import_dialog_can_import (dialog));

  _hl_import_dialog_set_lane (dialog, "My heists");
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &dataset);
  g_assert_true (hl_import_dialog_import (dialog, &error));
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (hl_dataset_get_n_events (dataset), ==, 52);
  /* row 13's empty amount cell: an amount not known, not a zero */
  g_assert_true (hl_dataset_get_event (dataset, hl_dataset_find_event (dataset, "row-13"))
                   ->usd_unknown);
  g_assert_cmpstr (hl_dataset_get_lane (dataset, 0)->id, ==, "My heists");
  g_assert_cmpstr (hl_dataset_get_title (dataset), ==, "messy");

  remembered = g_settings_get_value (settings, "import-mappings");
  g_assert_cmpuint (g_variant_n_children (remembered), ==, 1);
}

/* A mapping chosen by hand comes back for a file of the same header. */
static void
test_remembered (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  HlImportDialog *dialog = open_dialog ("quoted.csv", settings);
  g_autoptr(HlDataset) dataset = NULL;

  g_assert_false (hl_import_dialog_is_remembered (dialog));
  g_assert_cmpint (_hl_import_dialog_get_column (dialog, HL_IMPORT_FIELD_NOTES), ==, 3);
  _hl_import_dialog_set_column (dialog, HL_IMPORT_FIELD_KIND, 3);
  /* one column gives one field */
  g_assert_cmpint (_hl_import_dialog_get_column (dialog, HL_IMPORT_FIELD_NOTES), ==, -1);
  _hl_import_dialog_set_decimal (dialog, ',');
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &dataset);
  g_assert_true (hl_import_dialog_import (dialog, NULL));
  g_assert_cmpstr (hl_dataset_get_event (dataset, 0)->kind, ==, "said \"hot wallets\"");

  dialog = open_dialog ("quoted.csv", settings);
  g_assert_true (hl_import_dialog_is_remembered (dialog));
  g_assert_cmpint (_hl_import_dialog_get_column (dialog, HL_IMPORT_FIELD_KIND), ==, 3);
  g_assert_cmpint (_hl_import_dialog_get_column (dialog, HL_IMPORT_FIELD_NOTES), ==, -1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* another header is not that file's shape */
  dialog = open_dialog ("crlf.csv", settings);
  g_assert_false (hl_import_dialog_is_remembered (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_saved (HlImportDialog *dialog, GFile *file, GFile **out)
{
  *out = g_object_ref (file);
}

static void
test_save (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  HlImportDialog *dialog = open_dialog ("messy.csv", settings);
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "messy.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) saved = NULL;
  g_autoptr(HlDataset) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &saved);
  g_assert_true (hl_import_dialog_save_to (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (saved, file));
  HL_TEST_ASSERT_DIR (dir, "messy.json");
  loaded = hl_dataset_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hl_dataset_get_n_events (loaded), ==, 52);
  g_assert_cmpstr (hl_dataset_get_event (loaded, 0)->title, ==, "Mixin Bridge");
  g_assert_cmpuint (hl_dataset_get_event (loaded, 0)->n_sources, ==, 1);
  g_assert_cmpstr (hl_dataset_get_event (loaded, 0)->sources[0].url, ==,
                   "https://rekt.news/x191");
  g_unlink (path);
  hl_test_remove_tmpdir (dir);
}

/* Bad rows found in the dialog, fixed in the spreadsheet, read again:
 * the choices made in the dialog stay. */
static void
test_read_again (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "messy.csv", NULL);
  g_autofree char *src = g_build_filename (TEST_DATA_DIR, "csv", "messy.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) fixed = NULL;
  HlImportDialog *dialog;

  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  dialog = hl_import_dialog_new (NULL, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hl_import_dialog_get_n_bad_rows (dialog), ==, 6);
  _hl_import_dialog_set_lane (dialog, "Heists");

  fixed = g_string_new (text);
  g_string_replace (fixed, "approx 3M", "$3M", 1);
  g_string_replace (fixed, "31/02/2023", "28/02/2023", 1);
  g_assert_true (g_file_set_contents (path, fixed->str, -1, NULL));
  g_assert_true (hl_import_dialog_reload (dialog, &error));
  g_assert_cmpuint (hl_import_dialog_get_n_bad_rows (dialog), ==, 4);
  g_assert_cmpuint (hl_import_dialog_get_n_good_rows (dialog), ==, 54);
  g_assert_null (strstr (_hl_import_dialog_get_problems (dialog), "row 7,"));
  g_assert_cmpint (_hl_import_dialog_get_column (dialog, HL_IMPORT_FIELD_USD), ==, 2);

  /* a file that no longer reads keeps what was shown */
  g_assert_true (g_file_set_contents (path, "Date,\"Title\n", -1, NULL));
  g_assert_false (hl_import_dialog_reload (dialog, &error));
  g_assert_error (error, HL_CSV_ERROR, HL_CSV_ERROR_SYNTAX);
  g_assert_cmpuint (hl_import_dialog_get_n_good_rows (dialog), ==, 54);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (path);
  hl_test_remove_tmpdir (dir);
}

static void
test_ambiguous (void)
{
  HlImportDialog *dialog = open_dialog ("dates-ambiguous.csv", NULL);

  g_assert_true (g_str_has_prefix (_hl_import_dialog_get_date_hint (dialog),
                                   "Ambiguous: every date reads as day/month/year and as "
                                   "month/day/year; check the format"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_refused (void)
{
  g_autoptr(GFile) file = fixture ("latin1.csv");
  g_autoptr(GError) error = NULL;
  HlImportDialog *dialog = hl_import_dialog_new (NULL, file, NULL, &error);

  g_assert_null (dialog);
  g_assert_error (error, HL_CSV_ERROR, HL_CSV_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "latin1.csv: line 3: byte 0xE9 at byte "
                                                   "offset 52 is not UTF-8"));
}

static gboolean
window_has_events (gpointer data)
{
  HlDataset *dataset = hl_window_get_dataset (data);

  return dataset != NULL && hl_dataset_get_n_events (dataset) == 2;
}

static gboolean
dialog_shown (gpointer data)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean found = FALSE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (HL_IS_IMPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        !_hl_import_dialog_is_reading (l->data))
      {
        *(HlImportDialog **) data = l->data;
        found = TRUE;
      }
  g_list_free (toplevels);
  return found;
}

/* Opening a spreadsheet shows the dialog; once its header is known, the
 * next one opens straight away. */
static void
test_window_opens (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  HlWindow *window = hl_test_new_window ();
  g_autoptr(GFile) file = fixture ("pipe.csv");
  HlImportDialog *dialog = NULL;

  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (dialog_shown, &dialog, 5000));
  g_assert_true (hl_import_dialog_import (dialog, NULL));
  g_assert_true (window_has_events (window));
  g_assert_cmpstr (hl_dataset_get_lane (hl_window_get_dataset (window), 0)->id, ==, "pipe");
  g_assert_true (hl_test_has_label (GTK_WIDGET (window), "Imported from pipe.csv"));
  g_assert_false (hl_test_has_label (GTK_WIDGET (window), "Bundled dataset"));

  hl_window_set_dataset (window, NULL);
  dialog = NULL;
  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (window_has_events, window, 5000));
  g_assert_false (dialog_shown (&dialog));
  hl_test_close_window (window);
}

static gboolean
panel_says_duration (gpointer data)
{
  return hl_test_has_label (GTK_WIDGET (hl_window_get_panel (data)),
                            "4 September 2023 – 10 September 2023 (7 days)");
}

static gboolean
panel_says_begun_before (gpointer data)
{
  return hl_test_has_label (GTK_WIDGET (hl_window_get_panel (data)),
                            "+1 event under way that began before this view (counted on its "
                            "start date)");
}

/* A spreadsheet with an end column: the panel gives both dates and how
 * long the event lasted. */
static void
test_span_in_panel (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  HlWindow *window = hl_test_new_window ();
  g_autoptr(GFile) file = fixture ("spans.csv");
  HlImportDialog *dialog = NULL;
  HlDataset *dataset;

  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (dialog_shown, &dialog, 5000));
  g_assert_cmpint (_hl_import_dialog_get_column (dialog, HL_IMPORT_FIELD_END), ==, 1);
  g_assert_true (hl_import_dialog_import (dialog, NULL));
  dataset = hl_window_get_dataset (window);
  hl_session_set_selected (hl_window_get_session (window),
                           hl_dataset_find_event (dataset, "row-2"));
  g_assert_true (hl_test_wait_for (panel_says_duration, window, 5000));

  /* a view that begins inside the span says so in its summary */
  hl_session_set_selected (hl_window_get_session (window), -1);
  hl_session_set_range (hl_window_get_session (window), hl_date_from_ymd (2023, 9, 7),
                        hl_date_from_ymd (2023, 9, 26));
  g_assert_true (hl_test_wait_for (panel_says_begun_before, window, 5000));
  hl_test_close_window (window);
}

/* Issue 15: row counts are grouped as every count is ("1,200 rows"). */
static void
test_counts_grouped (void)
{
  g_autofree char *dir = g_dir_make_tmp ("heistline-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("Date,Name,Loss\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  HlImportDialog *dialog;

  for (guint i = 0; i < 1200; i++)
    g_string_append_printf (csv, "2023-%02u-%02u,Event %u,%u\n", i % 12 + 1, i % 28 + 1, i,
                            1000 + i);
  g_string_append (csv, "not a date,Bad,5\n");
  g_assert_true (g_file_set_contents (path, csv->str, -1, NULL));
  file = g_file_new_for_path (path);
  dialog = hl_import_dialog_new (NULL, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (_hl_import_dialog_get_info (dialog), ==,
                   "many.csv: delimiter comma; UTF-8; the first row is the header; 1,201 rows");
  g_assert_cmpstr (_hl_import_dialog_get_status (dialog), ==,
                   "1,200 rows can be imported; 1 cannot be read (listed above).");
  g_assert_cmpstr (_hl_import_dialog_get_import_label (dialog), ==, "_Import 1,200 Good Rows");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (path);
  g_rmdir (dir);
}

/* 100,000 rows, written once per test into @dir. */
static GFile *
write_big_csv (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
  g_autoptr(GString) text = g_string_new ("Date,Title,Loss\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "2023-%02u-%02u,Row %u,$%u.%uM\n", 1 + i % 12, 1 + i % 28, i,
                            1 + i % 90, i % 10);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static HlImportDialog *
find_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  HlImportDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (HL_IS_IMPORT_DIALOG (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

typedef struct
{
  HlImportDialog *dialog;
  guint           ticks_reading;  /* the timeout fired while the file was read */
  gboolean        progress_shown;
} Watch;

static gboolean
watch_tick (gpointer data)
{
  Watch *w = data;

  if (w->dialog != NULL && _hl_import_dialog_is_reading (w->dialog))
    {
      w->ticks_reading++;
      /* the dialog shows itself after a moment; its bar is there from the start */
      w->progress_shown |= _hl_import_dialog_get_progress (w->dialog) >= 0;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
done_reading (gpointer data)
{
  Watch *w = data;

  return !_hl_import_dialog_is_reading (w->dialog);
}

/* A 100,000-row file is read on a worker: the window's main loop keeps
 * turning (a timeout fires again and again while it reads), the dialog
 * shows its progress, and then every row. */
static void
test_big_file_on_worker (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autoptr(GFile) file = write_big_csv (dir);
  HlWindow *window = hl_test_new_window ();
  Watch w = { NULL };
  guint tick;

  tick = g_timeout_add (5, watch_tick, &w);
  hl_window_open_file (window, file);
  /* back at once: the dialog is there and still reading */
  w.dialog = find_dialog ();
  g_assert_nonnull (w.dialog);
  g_assert_true (_hl_import_dialog_is_reading (w.dialog));
  g_assert_true (hl_test_wait_for (done_reading, &w, 60000));
  g_source_remove (tick);
  g_test_message ("ticks while reading: %u", w.ticks_reading);
  g_assert_cmpuint (w.ticks_reading, >=, 5);
  g_assert_true (w.progress_shown);
  g_assert_cmpuint (hl_import_dialog_get_n_good_rows (w.dialog), ==, 100000);
  g_assert_true (hl_import_dialog_import (w.dialog, NULL));
  g_assert_cmpuint (hl_dataset_get_n_events (hl_window_get_dataset (window)), ==, 100000);
  hl_test_close_window (window);
  hl_test_remove_tmpdir (dir);
}

static gboolean
reads_done (gpointer data)
{
  return _hl_import_read_get_n_alive () == 0;
}

/* Cancel while it reads: the read stops, the window keeps its dataset
 * and title, and no dialog comes up later. */
static void
test_cancel_while_reading (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autoptr(GFile) file = write_big_csv (dir);
  HlWindow *window = hl_test_new_window ();
  g_autoptr(HlDataset) before = g_object_ref (hl_window_get_dataset (window));
  HlImportDialog *dialog;

  hl_window_open_file (window, file);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (_hl_import_dialog_is_reading (dialog));
  g_assert_cmpuint (_hl_import_read_get_n_alive (), ==, 1);
  _hl_import_dialog_cancel (dialog);
  /* the worker lets go of its read when it has stopped */
  g_assert_true (hl_test_wait_for (reads_done, NULL, 60000));
  g_assert_null (find_dialog ());
  g_assert_true (hl_window_get_dataset (window) == before);
  g_assert_false (hl_test_has_label (GTK_WIDGET (window), "Imported from big.csv"));
  hl_test_close_window (window);
  hl_test_remove_tmpdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  hl_test_isolate_user_data ();
  if (!gtk_init_check ())
    return 77;
  adw_init ();

  g_test_add_func ("/import-dialog/messy", test_messy);
  g_test_add_func ("/import-dialog/remembered", test_remembered);
  g_test_add_func ("/import-dialog/save", test_save);
  g_test_add_func ("/import-dialog/read-again", test_read_again);
  g_test_add_func ("/import-dialog/ambiguous", test_ambiguous);
  g_test_add_func ("/import-dialog/refused", test_refused);
  g_test_add_func ("/import-dialog/window-opens", test_window_opens);
  g_test_add_func ("/import-dialog/span-in-panel", test_span_in_panel);
  g_test_add_func ("/import-dialog/counts-grouped", test_counts_grouped);
  g_test_add_func ("/import-dialog/big-file-on-worker", test_big_file_on_worker);
  g_test_add_func ("/import-dialog/cancel-while-reading", test_cancel_while_reading);
  return g_test_run ();
}
