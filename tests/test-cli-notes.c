/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line's notes and views (issue 11), run as the built binary
 * with no display: --export-views writes one correct file per view with
 * safe, unique names and prints each path; --view exports one view, an
 * unknown one exits 2 listing the views; --notes, --no-annotations; notes
 * found beside the dataset, and bad ones that block nothing. */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include <cairo.h>

#include "test-util.h"

static char *
example (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "heistline.notes.json",
                                NULL);
}

static void
assert_png_size (const char *path, int width, int height)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, height);
  cairo_surface_destroy (png);
}

static gboolean
same_file (const char *a, const char *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  gsize nx, ny;

  g_assert_true (g_file_get_contents (a, &x, &nx, NULL));
  g_assert_true (g_file_get_contents (b, &y, &ny, NULL));
  return nx == ny && memcmp (x, y, nx) == 0;
}

/* The example's four views: one PNG each, named from the view, at the
 * view's size, paths printed in the views' order. */
static void
test_export_views (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *arg = g_strconcat ("--export-views=", out, NULL);
  g_autofree char *notes = example ();
  g_autofree char *notes_arg = g_strconcat ("--notes=", notes, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *dec = g_build_filename (out, "December-ICBM.png", NULL);
  g_autofree char *report = g_build_filename (out, "Reporting-period.png", NULL);
  HlTestRun r;
  guint r_, g, b, a;
  cairo_surface_t *png;

  hl_test_run_cli (&r, arg, notes_arg, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  expected = g_strdup_printf ("%s/Reporting-period.png\n"
                              "%s/November-2023-heists-and-the-satellite.png\n"
                              "%s/December-ICBM.png\n"
                              "%s/Heists-only-log-scale.png\n", out, out, out, out);
  g_assert_cmpstr (r.out, ==, expected);
  HL_TEST_ASSERT_DIR (out, "December-ICBM.png Heists-only-log-scale.png "
                           "November-2023-heists-and-the-satellite.png Reporting-period.png");
  /* Each at its view's preset; the December view in its dark theme. */
  assert_png_size (report, 1920, 1080);
  assert_png_size (dec, 1280, 720);
  png = cairo_image_surface_create_from_png (dec);
  hl_test_pixel_at (png, 4, 4, &r_, &g, &b, &a);
  cairo_surface_destroy (png);
  g_assert_cmpfloat (hl_test_luminance (r_, g, b), <, 0.2);
  hl_test_run_clear (&r);

  /* --view exports the same chart as --export-views did. */
  {
    g_autofree char *one = g_build_filename (dir, "one.png", NULL);
    g_autofree char *export_arg = g_strconcat ("--export=", one, NULL);

    hl_test_run_cli (&r, "--view=December ICBM", notes_arg, export_arg, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (same_file (one, dec));
    hl_test_run_clear (&r);
  }
  hl_test_remove_tmpdir (dir);
}

static void
test_image_formats (void)
{
  static const struct { const char *format, *magic; } formats[] = {
    { "svg", "<?xml" }, { "pdf", "%PDF-" }, { "png", "\x89PNG" },
  };
  g_autofree char *notes = example ();
  g_autofree char *notes_arg = g_strconcat ("--notes=", notes, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *dir = hl_test_make_tmpdir ();
      g_autofree char *arg = g_strconcat ("--export-views=", dir, NULL);
      g_autofree char *fmt = g_strconcat ("--image-format=", formats[i].format, NULL);
      g_autofree char *file = g_strdup_printf ("%s/December-ICBM.%s", dir, formats[i].format);
      g_autofree char *data = NULL;
      g_auto(GStrv) lines = NULL;
      HlTestRun r;

      hl_test_run_cli (&r, arg, fmt, notes_arg, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_file_get_contents (file, &data, NULL, NULL));
      g_assert_true (g_str_has_prefix (data, formats[i].magic));
      lines = g_strsplit (r.out, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, 5);
      hl_test_run_clear (&r);
      hl_test_remove_tmpdir (dir);
    }
}

/* Names from any view name: safe characters, unique, within NAME_MAX. */
static void
test_file_names (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *notes = g_build_filename (dir, "n.notes.json", NULL);
  g_autofree char *long_name = g_strnfill (300, 'x');
  g_autofree char *long_file = g_strnfill (255 - 4 - 8, 'x');
  g_autofree char *text = g_strdup_printf (
    "{\"format\": \"heistline-notes/1\", \"views\": ["
    "{\"name\": \"a/b\"}, {\"name\": \"A/B\"}, {\"name\": \"../../etc\"}, {\"name\": \" / \"},"
    "{\"name\": \"%s\"}, {\"name\": \"위성 발사\"}, {\"name\": \"\\u202eevil\\u001b[31m\"},"
    "{\"name\": \"a b\"}]}", long_name);
  g_autofree char *arg = g_strconcat ("--export-views=", out, NULL);
  g_autofree char *notes_arg = g_strconcat ("--notes=", notes, NULL);
  g_autofree char *expected = NULL;
  HlTestRun r;

  g_assert_true (g_file_set_contents (notes, text, -1, NULL));
  hl_test_run_cli (&r, arg, notes_arg, "--size=320x200", NULL);
  g_assert_cmpint (r.status, ==, 0);
  expected = g_strdup_printf ("%s/a-b.png\n%s/A-B-2.png\n%s/etc.png\n%s/view.png\n%s/%s.png\n"
                              "%s/위성-발사.png\n%s/evil-31m.png\n%s/a-b-3.png\n", out, out, out,
                              out, out, long_file, out, out, out);
  g_assert_cmpstr (r.out, ==, expected);
  /* nothing outside the folder */
  HL_TEST_ASSERT_DIR (dir, "n.notes.json out");
  hl_test_run_clear (&r);
  hl_test_remove_tmpdir (dir);
}

static void
test_unknown_view (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "x.png", NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", out, NULL);
  g_autofree char *notes = example ();
  g_autofree char *notes_arg = g_strconcat ("--notes=", notes, NULL);
  HlTestRun r;

  hl_test_run_cli (&r, "--view=Nope", notes_arg, export_arg, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, "heistline: --view: no view “Nope”; the views are:\n"
                              "  “Reporting period”\n"
                              "  “November 2023: heists and the satellite”\n"
                              "  “December ICBM”\n"
                              "  “Heists only, log scale”\n");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  hl_test_run_clear (&r);
  hl_test_remove_tmpdir (dir);
}

static void
test_usage (void)
{
  static const char *cases[][3] = {
    { "--image-format=png", "--export=/tmp/never.png",
      "heistline: --image-format applies to --export-views; --export takes the format from the "
      "file's extension\n" },
    { "--export-views=/tmp/never", "--export=/tmp/never.png",
      "heistline: --export-views and --export cannot be used together\n" },
    { "--export-views=/tmp/never", "--view=A",
      "heistline: --view and --export-views cannot be used together: --export-views writes "
      "every view\n" },
    { "--view=A", "--notes=x.notes.json", "heistline: --view needs --export=FILE\n" },
    { "--export-views=/tmp/never", "--image-format=gif",
      "heistline: --image-format: “gif” is not one of png, svg, pdf\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HlTestRun r;

      hl_test_run_cli (&r, cases[i][0], cases[i][1], NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpstr (r.err, ==, cases[i][2]);
      hl_test_run_clear (&r);
    }
  g_assert_false (g_file_test ("/tmp/never", G_FILE_TEST_EXISTS));
}

/* DATASET.notes.json is found beside the dataset; --no-annotations
 * leaves its notes out (the same bytes as no notes at all); a bad one
 * is a warning naming file and line, changes nothing, blocks nothing. */
static void
test_beside_and_bad (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *ds = g_build_filename (dir, "ds.json", NULL);
  g_autofree char *notes = g_build_filename (dir, "ds.notes.json", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.png", NULL);
  g_autofree char *with = g_build_filename (dir, "with.png", NULL);
  g_autofree char *without = g_build_filename (dir, "without.png", NULL);
  g_autofree char *bundled = g_test_build_filename (G_TEST_DIST, "..", "data", "heistline.json",
                                                    NULL);
  g_autofree char *bad = g_build_filename (TEST_DATA_DIR, "notes", "bad-date.notes.json", NULL);
  g_autofree char *ex = example ();
  g_autofree char *data = NULL;
  g_autofree char *bad_data = NULL;
  g_autofree char *after = NULL;
  g_autofree char *plain_arg = g_strconcat ("--export=", plain, NULL);
  g_autofree char *with_arg = g_strconcat ("--export=", with, NULL);
  g_autofree char *without_arg = g_strconcat ("--export=", without, NULL);
  gsize len;
  HlTestRun r;

  g_assert_true (g_file_get_contents (bundled, &data, &len, NULL));
  g_assert_true (g_file_set_contents (ds, data, len, NULL));
  hl_test_run_cli (&r, plain_arg, ds, NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);

  g_clear_pointer (&data, g_free);
  g_assert_true (g_file_get_contents (ex, &data, &len, NULL));
  g_assert_true (g_file_set_contents (notes, data, len, NULL));
  hl_test_run_cli (&r, with_arg, ds, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_false (same_file (plain, with));
  hl_test_run_clear (&r);
  hl_test_run_cli (&r, without_arg, "--no-annotations", ds, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (same_file (plain, without));
  hl_test_run_clear (&r);

  g_assert_true (g_file_get_contents (bad, &bad_data, &len, NULL));
  g_assert_true (g_file_set_contents (notes, bad_data, len, NULL));
  g_remove (with);
  hl_test_run_cli (&r, with_arg, ds, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "ds.notes.json:7: annotations[0].date: "));
  g_assert_nonnull (strstr (r.err, "exporting without the notes"));
  g_assert_true (same_file (plain, with));
  hl_test_run_clear (&r);
  /* A view asked for from a bad file is an error. */
  hl_test_run_cli (&r, with_arg, "--view=A", ds, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "ds.notes.json:7: annotations[0].date: "));
  hl_test_run_clear (&r);
  g_assert_true (g_file_get_contents (notes, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, bad_data);
  hl_test_remove_tmpdir (dir);
}

static void
test_no_views (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *arg = g_strconcat ("--export-views=", dir, NULL);
  HlTestRun r;

  /* The bundled dataset's notes would be in the (empty) user data folder. */
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  hl_test_run_cli (&r, arg, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "heistline: --export-views: no notes file beside the dataset; "
                              "name one with --notes=FILE\n");
  HL_TEST_ASSERT_DIR (dir, "");
  hl_test_run_clear (&r);
  hl_test_remove_tmpdir (dir);
}

/* Issue 13: a view remembers the files it showed ("files", relative to
 * the notes file); --view and --export-views show them beside the
 * dataset; a file it names that is missing is reported by name. */
static void
test_view_files (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a.json", NULL);
  g_autofree char *b = g_build_filename (dir, "b.json", NULL);
  g_autofree char *notes = g_build_filename (dir, "a.notes.json", NULL);
  g_autofree char *pdf = g_build_filename (dir, "both.pdf", NULL);
  g_autofree char *opt = g_strdup_printf ("--export=%s", pdf);
  g_autofree char *views = g_build_filename (dir, "views", NULL);
  g_autofree char *views_opt = g_strdup_printf ("--export-views=%s", views);
  g_autofree char *json = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  HlTestRun run;

  g_assert_true (g_file_get_contents (TEST_DATA_DIR "/good-one-event.json", &json, NULL, NULL));
  g_assert_true (g_file_set_contents (a, json, -1, NULL));
  g_clear_pointer (&json, g_free);
  g_assert_true (g_file_get_contents (TEST_DATA_DIR "/multi-launches.json", &json, NULL, NULL));
  g_assert_true (g_file_set_contents (b, json, -1, NULL));
  g_assert_true (g_file_set_contents (notes,
    "{ \"format\": \"heistline-notes/1\", \"annotations\": [], \"views\": [\n"
    "  { \"name\": \"Both\", \"from\": \"2023-09-01\", \"to\": \"2023-11-30\",\n"
    "    \"lanes\": [\"heists\", \"launches\"], \"files\": [\"b.json\"] },\n"
    "  { \"name\": \"Gone\", \"files\": [\"missing.json\"] } ] }\n", -1, NULL));

  hl_test_run_cli (&run, opt, "--size=1280x720", "--view=Both", a, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  hl_test_run_clear (&run);
  if (pdftotext != NULL)
    {
      const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
      g_autofree char *text = NULL;
      int wait;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &text, NULL, &wait, NULL));
      if (strstr (text, "a.json, b.json") == NULL || strstr (text, "Test salvo") == NULL)
        g_error ("the view does not show b.json beside a.json:\n%s", text);
      /* its lanes: "launches" is b.json's, which a.json does not have;
       * b.json's other lane is filtered out */
      g_assert_nonnull (strstr (text, "Launches: 2 events"));
      g_assert_nonnull (strstr (text, "filtered: Drills"));
    }

  hl_test_run_cli (&run, "--export=/dev/null/x.png", "--view=Gone", a, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "view “Gone”: "));
  g_assert_nonnull (strstr (run.err, "missing.json"));
  hl_test_run_clear (&run);

  /* --export-views: the good view written, the missing file named */
  hl_test_run_cli (&run, views_opt, a, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "Both.png"));
  g_assert_nonnull (strstr (run.err, "missing.json"));
  hl_test_run_clear (&run);
  HL_TEST_ASSERT_DIR (views, "Both.png");
  hl_test_remove_tmpdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-notes/export-views", test_export_views);
  g_test_add_func ("/cli-notes/image-formats", test_image_formats);
  g_test_add_func ("/cli-notes/file-names", test_file_names);
  g_test_add_func ("/cli-notes/unknown-view", test_unknown_view);
  g_test_add_func ("/cli-notes/usage", test_usage);
  g_test_add_func ("/cli-notes/beside-and-bad", test_beside_and_bad);
  g_test_add_func ("/cli-notes/no-views", test_no_views);
  g_test_add_func ("/cli-notes/view-files", test_view_files);
  return g_test_run ();
}
