/* SPDX-License-Identifier: GPL-3.0-or-later */
/* --add=FILE (issue 13): another file's lanes beside the dataset's in an
 * export and in --validate; a bad added file exits 1 naming it and
 * writes nothing. */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include <cairo.h>

#include "hl-chart.h"
#include "test-util.h"

#define ADDED TEST_DATA_DIR "/multi-launches.json"

/* The bundled dataset and the added file, as the command line composes
 * them, laid out at @width × @height. */
static HlChart *
chart_of_both (int width, int height)
{
  g_autoptr(GFile) file = g_file_new_for_path (ADDED);
  g_autoptr(HlDataset) bundled = hl_dataset_new_bundled ();
  g_autoptr(HlDataset) added = hl_dataset_new_from_file (file, NULL, NULL);
  HlDataset *parts[] = { bundled, added };
  g_autoptr(HlDataset) both = hl_dataset_compose (parts, 2, NULL);
  HlChart *chart;
  HlView view;

  g_assert_nonnull (both);
  hl_view_init (&view, both);
  chart = hl_chart_new (both, &view, width, height);
  hl_view_clear (&view);
  return chart;
}

/* The export draws the added file's launches where its dates are, in its
 * lane's colour, and its footnote names both files. */
static void
test_export_draws_added (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "both.png", NULL);
  g_autofree char *opt = g_strdup_printf ("--export=%s", png);
  g_autoptr(HlChart) chart = chart_of_both (1280, 720);
  HlDataset *both = hl_chart_get_dataset (chart);
  int salvo = hl_dataset_find_event (both, "2023-10-20-salvo");
  int lane = hl_dataset_find_lane (both, "multi-launches:launches");
  cairo_surface_t *surface;
  HlBox box;
  guint r, g, b, a;
  HlTestRun run;

  g_assert_cmpint (lane, ==, 3);
  g_assert_cmpstr (hl_dataset_get_lane (both, lane)->title, ==, "Launches (multi-launches.json)");
  g_assert_cmpint (salvo, >=, 0);
  g_assert_true (hl_chart_get_event_box (chart, salvo, &box));
  /* at the x of 20 October 2023 */
  g_assert_cmpfloat (fabs (box.x + box.width / 2 -
                           hl_chart_time_to_x (chart, hl_dataset_get_event (both, salvo)->time)),
                     <, 1.5);

  hl_test_run_cli (&run, opt, "--size=1280x720", "--add=" ADDED, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  hl_test_run_clear (&run);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  /* the marker, in the lane's colour #CC79A7 */
  hl_test_pixel_at (surface, (int) (box.x + box.width / 2), (int) (box.y + box.height * 0.6),
                    &r, &g, &b, &a);
  g_assert_cmpuint (r, >=, 0xcc - 24);
  g_assert_cmpuint (r, <=, 0xcc + 24);
  g_assert_cmpuint (g, >=, 0x79 - 24);
  g_assert_cmpuint (g, <=, 0x79 + 24);
  g_assert_cmpuint (b, >=, 0xa7 - 24);
  g_assert_cmpuint (b, <=, 0xa7 + 24);
  cairo_surface_destroy (surface);
  hl_test_remove_tmpdir (dir);
}

/* The footnote's words, from a PDF of the export: every file named. */
static void
test_footnote_names_both (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "both.pdf", NULL);
  g_autofree char *opt = g_strdup_printf ("--export=%s", pdf);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *flat = NULL;
  HlTestRun run;
  int wait;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      hl_test_remove_tmpdir (dir);
      return;
    }
  hl_test_run_cli (&run, opt, "--size=1280x720", "--add=" ADDED, NULL);
  g_assert_cmpint (run.status, ==, 0);
  hl_test_run_clear (&run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &wait, NULL));
  /* a line may break between the files, never inside a name */
  words = g_strsplit_set (text, " \n", -1);
  flat = g_strjoinv (" ", words);
  if (strstr (flat, "Data: heistline.json, multi-launches.json (Heistline).") == NULL)
    g_error ("the footnote does not name both files:\n%s", text);
  g_assert_nonnull (strstr (flat, "Launches (multi-launches.json)"));
  g_assert_nonnull (strstr (flat, "Test salvo"));
  hl_test_remove_tmpdir (dir);
}

/* A bad added file: exit 1, its name in the message, nothing written. */
static void
test_bad_added (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *bad = g_build_filename (dir, "second.json", NULL);
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  g_autofree char *opt = g_strdup_printf ("--export=%s", png);
  g_autofree char *add = g_strdup_printf ("--add=%s", bad);
  HlTestRun run;

  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"heistline-dataset/1\",\n"
                                      "  \"lanes\": [ { \"id\": 3 } ], \"events\": [] }", -1,
                                      NULL));
  hl_test_run_cli (&run, opt, "--size=640x360", "--add=" ADDED, add, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "second.json"));
  hl_test_run_clear (&run);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  HL_TEST_ASSERT_DIR (dir, "second.json");

  hl_test_run_cli (&run, "--validate", TEST_DATA_DIR "/good-one-event.json", add, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "second.json"));
  g_assert_null (strstr (run.out, "Together"));
  hl_test_run_clear (&run);
  hl_test_remove_tmpdir (dir);
}

/* --validate --add: a line per file, then what they make together. */
static void
test_validate_together (void)
{
  HlTestRun run;

  hl_test_run_cli (&run, "--validate", TEST_DATA_DIR "/good-one-event.json", "--add=" ADDED,
                   "--add=" ADDED, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "multi-launches.json: valid, 3 events in 2 lanes "
                                     "(2023-09-15 to 2023-11-02)\n"));
  g_assert_nonnull (strstr (run.out, "Together: valid, "));
  /* the same file twice: its second copy's lanes renamed */
  g_assert_nonnull (strstr (run.out, "lanes renamed: "
                                     "multi-launches:launches, multi-launches:drills\n"));
  hl_test_run_clear (&run);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/add/export-draws-added", test_export_draws_added);
  g_test_add_func ("/cli/add/footnote-names-both", test_footnote_names_both);
  g_test_add_func ("/cli/add/bad-added", test_bad_added);
  g_test_add_func ("/cli/add/validate-together", test_validate_together);
  return g_test_run ();
}
