/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The headless command line, run as the built binary (HEISTLINE_BIN) with
 * no display in its environment: sizes, presets, scale, themes, and usage
 * errors that exit 2 naming the option; bad data exits 1 and writes
 * nothing. */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include <cairo.h>

#include "test-util.h"

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
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

/* ------------------------------------------------------------------ */

static void
test_sizes (void)
{
  static const struct { const char *args[3]; int w, h; } cases[] = {
    { { NULL }, 1920, 1080 },
    { { "--size=800x450" }, 800, 450 },
    { { "--preset=4k" }, 3840, 2160 },
    { { "--preset=hd" }, 1280, 720 },
    { { "--preset=slide-16x9" }, 1920, 1080 },
    { { "--preset=slide-4x3" }, 1024, 768 },
    { { "--preset=a4" }, 842, 595 },
    { { "--size=640x360", "--scale=2" }, 1280, 720 },
    { { "--preset=hd", "--scale=3" }, 3840, 2160 },
  };
  g_autofree char *dir = hl_test_make_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/out-%u.png", dir, i);
      g_autofree char *opt = g_strdup_printf ("--export=%s", path);
      HlTestRun r;

      hl_test_run_cli (&r, opt, cases[i].args[0], cases[i].args[1], NULL);
      g_assert_cmpint (r.status, ==, 0);
      /* no complaint (a sanitizer's summary may be there) */
      g_assert_null (strstr (r.err, "heistline:"));
      g_assert_null (strstr (r.err, "WARNING"));
      g_assert_null (strstr (r.err, "CRITICAL"));
      assert_png_size (path, cases[i].w, cases[i].h);
      hl_test_run_clear (&r);
    }
  hl_test_remove_tmpdir (dir);
}

static void
test_options (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "dark.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *opt = NULL;
  g_autofree char *contents = NULL;
  cairo_surface_t *surface;
  guint32 px;
  HlTestRun r;

  /* every option at once */
  opt = g_strdup_printf ("--export=%s", png);
  hl_test_run_cli (&r, opt, "--size=960x540", "--theme=dark", "--title=My <b>title</b>",
       "--subtitle=Q3", "--lanes=heists,launches", "--from=2023-08-01", "--to=2023-10-31",
       "--no-legend", "--no-footnote", "--no-periods", "--cumulative", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 960);
  px = *(guint32 *) (gpointer) cairo_image_surface_get_data (surface);
  /* a dark, opaque background */
  g_assert_cmpuint (px >> 24, ==, 255);
  g_assert_cmpuint ((px >> 16) & 0xff, <, 60);
  cairo_surface_destroy (surface);

  /* the format comes from the name */
  g_free (opt);
  opt = g_strdup_printf ("--export=%s", svg);
  hl_test_run_cli (&r, opt, "--theme=transparent", "--title=Literal <b>&amp;", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_clear_pointer (&contents, g_free);

  g_free (opt);
  opt = g_strdup_printf ("--export=%s", pdf);
  hl_test_run_cli (&r, opt, "--preset=a4", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_cmpuint (count_files (dir), ==, 3);
  hl_test_remove_tmpdir (dir);
}

/* Usage errors: exit 2, the option named, nothing written. */
static void
test_usage_errors (void)
{
  static const struct { const char *name; const char *args[3]; const char *says; } cases[] = {
    { "chart.bmp", { NULL }, "--export" },
    { "chart", { NULL }, "--export" },
    { "chart.png", { "--theme=blue" }, "--theme" },
    { "chart.pdf", { "--theme=transparent" }, "--theme" },
    { "chart.png", { "--size=100" }, "--size" },
    { "chart.png", { "--size=10x10" }, "--size" },
    { "chart.png", { "--size=axb" }, "--size" },
    { "chart.png", { "--size=1920x1080x3" }, "--size" },
    { "chart.png", { "--preset=8k" }, "--preset" },
    { "chart.png", { "--preset=hd", "--size=800x600" }, "--size" },
    { "chart.png", { "--scale=4" }, "--scale" },
    { "chart.png", { "--scale=two" }, "--scale" },
    { "chart.svg", { "--scale=2" }, "--scale" },
    { "chart.png", { "--lanes=heists,nope" }, "--lanes" },
    { "chart.png", { "--lanes=" }, "--lanes" },
    { "chart.png", { "--from=2023-13-01" }, "--from" },
    { "chart.png", { "--to=yesterday" }, "--to" },
    { "chart.png", { "--from=2023-09-01", "--to=2023-08-01" }, "--to" },
    { "chart.png", { "--from=2030-01-01" }, "--from" },
    { "chart.png", { "--bogus" }, "--bogus" },
    { "chart.png", { "--bins=fortnight" },
      "--bins: “fortnight” is not one of marks, auto, day, week, month, quarter, year" },
    { "chart.png", { "--bins=" }, "--bins" },
    { "chart.png", { "--money-scale=cubic" }, "--money-scale: “cubic” is not one of linear, log" },
    { NULL, { "--bins=week" }, "--bins needs --export" },
    { NULL, { "--money-scale=log" }, "--money-scale needs --export" },
    { NULL, { "--preset=4k" }, "--preset" },
    { NULL, { "--theme=dark", "--cumulative" }, "--theme" },
  };
  g_autofree char *dir = hl_test_make_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *opt = cases[i].name
                             ? g_strdup_printf ("--export=%s/%s", dir, cases[i].name) : NULL;
      HlTestRun r;

      if (opt != NULL)
        hl_test_run_cli (&r, opt, cases[i].args[0], cases[i].args[1], NULL);
      else
        hl_test_run_cli (&r, cases[i].args[0], cases[i].args[1], NULL);
      if (r.status != 2 || strstr (r.err, cases[i].says) == NULL)
        g_error ("case %u (%s %s): exit %d, stderr “%s”; wanted 2 and “%s”", i,
                 cases[i].name, cases[i].args[0], r.status, r.err, cases[i].says);
      hl_test_run_clear (&r);
      g_assert_cmpuint (count_files (dir), ==, 0);
    }
  hl_test_remove_tmpdir (dir);
}

/* A long range is exported as asked, never cut to a shorter one (0.1 cut
 * 1984-2024 to 1989-2019 and exited 0): the PDF's subtitle says it. */
static void
test_range_kept (void)
{
  static const struct { const char *from, *to; const char *says; } cases[] = {
    { "--from=1984-01-01", "--to=2024-12-31", "1 Jan 1984 – 31 Dec 2024" },
    { "--from=1900-01-01", "--to=2024-12-31", "1 Jan 1900 – 31 Dec 2024" },
    { "--from=0001-01-01", "--to=9999-12-31", "1 Jan 1 – 31 Dec 9999" },
  };
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *opt = g_strdup_printf ("--export=%s", pdf);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      hl_test_remove_tmpdir (dir);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
      g_autofree char *text = NULL;
      HlTestRun r;
      int wait;

      hl_test_run_cli (&r, opt, "--size=1280x720", cases[i].from, cases[i].to, NULL);
      g_assert_cmpint (r.status, ==, 0);
      hl_test_run_clear (&r);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &text, NULL, &wait, NULL));
      if (strstr (text, cases[i].says) == NULL)
        g_error ("%s %s: the chart does not say “%s”:\n%s", cases[i].from, cases[i].to,
                 cases[i].says, text);
    }
  hl_test_remove_tmpdir (dir);
}

/* With no usable font the chart is all boxes: it is still written, with a
 * warning that names the packages to install. */
static void
test_no_fonts_warns (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *conf = g_build_filename (dir, "fonts.conf", NULL);
  g_autofree char *out = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *opt = g_strdup_printf ("--export=%s", out);
  HlTestRun r;

  hl_test_run_cli (&r, opt, "--size=320x200", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.err, "warning"));
  hl_test_run_clear (&r);

  g_assert_true (g_file_set_contents (conf, "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n",
                                      -1, NULL));
  g_setenv ("FONTCONFIG_FILE", conf, TRUE);
  hl_test_run_cli (&r, opt, "--size=320x200", NULL);
  g_unsetenv ("FONTCONFIG_FILE");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.err, "heistline: warning: "));
  g_assert_nonnull (strstr (r.err, "fonts-dejavu-core"));
  hl_test_run_clear (&r);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  hl_test_remove_tmpdir (dir);
}

/* Bad data: exit 1, a message naming the file, and no output. */
static void
test_bad_dataset (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.png", NULL);
  g_autofree char *opt = g_strdup_printf ("--export=%s", out);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  HlTestRun r;

  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"heistline-dataset/1\", \"lanes\": [",
                                      -1, NULL));
  hl_test_run_cli (&r, opt, bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "bad.json"));
  hl_test_run_clear (&r);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  hl_test_run_cli (&r, opt, missing, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "missing.json"));
  hl_test_run_clear (&r);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* an output folder that does not exist: an I/O error, exit 1 */
  g_free (opt);
  opt = g_strdup_printf ("--export=%s/nowhere/out.png", dir);
  hl_test_run_cli (&r, opt, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "nowhere/out.png"));
  hl_test_run_clear (&r);
  g_assert_cmpuint (count_files (dir), ==, 1);
  hl_test_remove_tmpdir (dir);
}

/* Every choice of --bins and --money-scale is taken (issue 10), and
 * says so in --help. */
static void
test_bins_and_scale (void)
{
  static const char *const values[] = {
    "--bins=marks", "--bins=auto", "--bins=day", "--bins=week", "--bins=month",
    "--bins=quarter", "--bins=year", "--money-scale=linear", "--money-scale=log",
  };
  g_autofree char *dir = hl_test_make_tmpdir ();
  HlTestRun r;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/chart-%u.png", dir, i);
      g_autofree char *opt = g_strdup_printf ("--export=%s", path);

      hl_test_run_cli (&r, opt, values[i], "--size=640x400", NULL);
      if (r.status != 0)
        g_error ("%s: exit %d, %s", values[i], r.status, r.err);
      assert_png_size (path, 640, 400);
      hl_test_run_clear (&r);
    }
  g_assert_cmpuint (count_files (dir), ==, G_N_ELEMENTS (values));
  hl_test_run_cli (&r, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--bins=UNIT"));
  g_assert_nonnull (strstr (r.out, "--money-scale=SCALE"));
  hl_test_run_clear (&r);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/chart-%u.png", dir, i);

      g_unlink (path);
    }
  hl_test_remove_tmpdir (dir);
}

/* Issue 15: --locale= for presenters. Under the suite's C.UTF-8 and no
 * LANGUAGE, --locale=ko_KR.UTF-8 draws the chart's dates and amounts in
 * Korean (the catalogue from the build tree); an unknown one is a usage
 * error naming it. */
static void
test_locale_option (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *opt = g_strdup_printf ("--export=%s", pdf);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "data", "po", NULL);
  const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
  g_autofree char *text = NULL;
  HlTestRun r;
  int wait;

  if (pdftotext == NULL || setlocale (LC_ALL, "ko_KR.UTF-8") == NULL)
    {
      g_test_skip ("no pdftotext or no ko_KR.UTF-8 locale");
      hl_test_remove_tmpdir (dir);
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("HEISTLINE_LOCALEDIR", localedir, TRUE);

  hl_test_run_cli (&r, opt, "--size=1280x720", "--locale=ko_KR.UTF-8", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &wait, NULL));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "2023. 7. 1."));
  g_assert_nonnull (strstr (text, "$7.3억"));
  g_assert_nonnull (strstr (text, "10월"));
  g_assert_null (strstr (text, "1 Jul 2023"));
  g_assert_null (strstr (text, "Oct"));
  g_clear_pointer (&text, g_free);

  /* No catalogue for German: English words, so English numbers and
   * dates too ("Oct", "$7.6M"), never "Okt" or "$7,6M" (issue 15). */
  if (setlocale (LC_ALL, "de_DE.UTF-8") != NULL)
    {
      setlocale (LC_ALL, "C.UTF-8");
      hl_test_run_cli (&r, opt, "--size=1280x720", "--locale=de_DE.UTF-8", NULL);
      g_assert_cmpint (r.status, ==, 0);
      hl_test_run_clear (&r);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &text, NULL, &wait, NULL));
      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, "1 Jul 2023"));
      g_assert_nonnull (strstr (text, "Oct"));
      g_assert_true (g_regex_match_simple ("\\$[0-9]+\\.[0-9]M", text, 0, 0));
      g_assert_null (strstr (text, "Okt"));
      g_assert_false (g_regex_match_simple ("[0-9],[0-9]{1,2}([^0-9]|$)", text,
                                            G_REGEX_MULTILINE, 0));
    }

  hl_test_run_cli (&r, opt, "--locale=xx_YY.UTF-8", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "xx_YY.UTF-8"));
  hl_test_run_clear (&r);
  /* and it is an export's option */
  hl_test_run_cli (&r, "--locale=ko_KR.UTF-8", "--validate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  hl_test_run_clear (&r);
  g_unsetenv ("HEISTLINE_LOCALEDIR");
  hl_test_remove_tmpdir (dir);
}

/* Issue 15: --validate's summary line is read by scripts: the same in
 * every locale, with the Korean catalogue and locale in force. */
static void
test_validate_locale_independent (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "data", "po", NULL);
  g_autofree char *bundled = g_test_build_filename (G_TEST_DIST, "..", "data", "heistline.json",
                                                    NULL);
  HlTestRun r;

  g_setenv ("HEISTLINE_LOCALEDIR", localedir, TRUE);
  g_setenv ("LANGUAGE", "ko", TRUE);
  g_setenv ("LC_ALL", "ko_KR.UTF-8", TRUE);
  hl_test_run_cli (&r, "--validate", bundled, NULL);
  g_unsetenv ("HEISTLINE_LOCALEDIR");
  g_setenv ("LANGUAGE", "", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_suffix (r.out, ": valid, 188 events in 3 lanes "
                                          "(2017-02-01 to 2024-11-05)\n"));
  hl_test_run_clear (&r);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/export/sizes", test_sizes);
  g_test_add_func ("/cli/export/options", test_options);
  g_test_add_func ("/cli/export/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/export/bins-and-scale", test_bins_and_scale);
  g_test_add_func ("/cli/export/bad-dataset", test_bad_dataset);
  g_test_add_func ("/cli/export/range-kept", test_range_kept);
  g_test_add_func ("/cli/export/no-fonts-warns", test_no_fonts_warns);
  g_test_add_func ("/cli/export/locale", test_locale_option);
  g_test_add_func ("/cli/validate/locale-independent", test_validate_locale_independent);

  return g_test_run ();
}
