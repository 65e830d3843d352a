/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export: each format read back by an independent reader (Cairo's PNG
 * reader, rsvg-convert, pdfinfo/pdftotext), pixels that equal the window's
 * renderer, themes, and the atomic write: a failure leaves nothing new and
 * the old file untouched. No display needed. */
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "hl-chart.h"
#include "test-util.h"
#include "hl-date.h"
#include "hl-export.h"


static gboolean
export (const HlView *view, HlExportFormat format, int w, int h, int scale, const char *path,
        GError **error)
{
  return hl_export_to_file (hl_test_bundled (), view, format, w, h, scale, path, error);
}

static cairo_surface_t *
read_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static void
assert_heist_orange_at (cairo_surface_t *surface, double x, double y)
{
  guint r, g, b, a;

  hl_test_pixel_at (surface, (int) floor (x), (int) floor (y), &r, &g, &b, &a);
  g_test_message ("pixel at %.0f,%.0f: #%02X%02X%02X/%u", x, y, r, g, b, a);
  g_assert_cmpuint (a, ==, 255);
  g_assert_cmpint (abs ((int) r - 0xD5), <=, 3);
  g_assert_cmpint (abs ((int) g - 0x5E), <=, 3);
  g_assert_cmpint ((int) b, <=, 3);
}

/* ------------------------------------------------------------------ */

/* A PNG is the window's renderer, pixel for pixel; scale 2 doubles both
 * sides and puts the marks at twice the coordinates. */
static void
test_png (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *one = g_build_filename (dir, "one.png", NULL);
  g_autofree char *two = g_build_filename (dir, "two.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlChart) chart = NULL;
  cairo_surface_t *direct, *png;
  cairo_t *cr;
  HlView view;
  HlBox box;
  int stake = hl_dataset_find_event (hl_test_bundled (), "stake-2023");

  hl_view_init (&view, hl_test_bundled ());
  g_assert_true (export (&view, HL_EXPORT_PNG, 1280, 720, 1, one, &error));
  g_assert_no_error (error);
  g_assert_true (export (&view, HL_EXPORT_PNG, 1280, 720, 2, two, &error));
  g_assert_no_error (error);
  HL_TEST_ASSERT_DIR (dir, "one.png two.png");

  /* what the window would draw at that size */
  chart = hl_chart_new (hl_test_bundled (), &view, 1280, 720);
  direct = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
  cr = cairo_create (direct);
  hl_chart_draw (chart, cr);
  cairo_destroy (cr);
  cairo_surface_flush (direct);

  png = read_png (one);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 720);
  for (int y = 0; y < 720; y++)
    g_assert_true (memcmp (cairo_image_surface_get_data (png) +
                           y * cairo_image_surface_get_stride (png),
                           cairo_image_surface_get_data (direct) +
                           y * cairo_image_surface_get_stride (direct), 1280 * 4) == 0);
  g_assert_true (hl_chart_get_event_box (chart, stake, &box));
  assert_heist_orange_at (png, box.x + box.width / 2, box.y + box.height * 0.6);
  cairo_surface_destroy (png);

  png = read_png (two);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 2560);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1440);
  assert_heist_orange_at (png, 2 * (box.x + box.width / 2), 2 * (box.y + box.height * 0.6));
  cairo_surface_destroy (png);

  cairo_surface_destroy (direct);
  hl_view_clear (&view);
  hl_test_remove_tmpdir (dir);
}

static void
test_png_themes (void)
{
  static const HlTheme themes[] = { HL_THEME_LIGHT, HL_THEME_DARK, HL_THEME_TRANSPARENT };
  g_autofree char *dir = hl_test_make_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/theme-%u.png", dir, i);
      g_autoptr(GError) error = NULL;
      cairo_surface_t *png;
      HlView view;

      hl_view_init (&view, hl_test_bundled ());
      view.theme = themes[i];
      g_assert_true (export (&view, HL_EXPORT_PNG, 1024, 768, 1, path, &error));
      g_assert_no_error (error);
      png = read_png (path);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1024);

      /* the background corner */
      hl_test_assert_background (png, 1, 1, themes[i]);
      cairo_surface_destroy (png);
      hl_view_clear (&view);
    }
  hl_test_remove_tmpdir (dir);
}

static gboolean
run (const char *const *argv, char **out, GError **error)
{
  g_autofree char *err = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, &err,
                     &status, error))
    return FALSE;
  if (err != NULL && err[0] != '\0')
    g_test_message ("%s: %s", argv[0], err);
  return g_spawn_check_wait_status (status, error);
}

/* An SVG that librsvg renders at its size, with the heist where it was. */
static void
test_svg (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "rendered.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlChart) chart = NULL;
  g_autofree char *contents = NULL;
  const char *argv[] = { "rsvg-convert", "--format=png", "-o", png, svg, NULL };
  int stake = hl_dataset_find_event (hl_test_bundled (), "stake-2023");
  cairo_surface_t *surface;
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  HlView view;
  HlBox box;

  if (rsvg == NULL)
    {
      g_test_skip ("rsvg-convert is not installed (librsvg2-bin)");
      hl_test_remove_tmpdir (dir);
      return;
    }

  hl_view_init (&view, hl_test_bundled ());
  g_assert_true (export (&view, HL_EXPORT_SVG, 1920, 1080, 1, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "width=\"1920px\""));

  g_assert_true (run (argv, NULL, &error));
  g_assert_no_error (error);
  surface = read_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1080);
  chart = hl_chart_new (hl_test_bundled (), &view, 1920, 1080);
  g_assert_true (hl_chart_get_event_box (chart, stake, &box));
  assert_heist_orange_at (surface, box.x + box.width / 2, box.y + box.height * 0.6);
  cairo_surface_destroy (surface);
  hl_view_clear (&view);
  hl_test_remove_tmpdir (dir);
}

/* A PDF whose page is the size asked for, in points, with real text. */
static void
test_pdf (void)
{
  static const struct { int w, h; const char *size; } pages[] = {
    { 842, 595, "Page size:\\s+842 x 595 pts" },
    { 1920, 1080, "Page size:\\s+1920 x 1080 pts" },
  };
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *dir = NULL;

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo is not installed (poppler-utils)");
      return;
    }
  dir = hl_test_make_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *pdf = g_strdup_printf ("%s/chart-%u.pdf", dir, i);
      g_autofree char *info = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      const char *info_argv[] = { "pdfinfo", pdf, NULL };
      const char *text_argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
      HlView view;

      hl_view_init (&view, hl_test_bundled ());
      view.theme = i == 0 ? HL_THEME_LIGHT : HL_THEME_DARK;
      g_assert_true (export (&view, HL_EXPORT_PDF, pages[i].w, pages[i].h, 1, pdf, &error));
      g_assert_no_error (error);

      g_assert_true (run (info_argv, &info, &error));
      g_assert_no_error (error);
      g_test_message ("%s", info);
      g_assert_true (g_regex_match_simple (pages[i].size, info, G_REGEX_MULTILINE, 0));
      g_assert_true (g_regex_match_simple ("^Pages:\\s+1$", info, G_REGEX_MULTILINE, 0));

      g_assert_true (run (text_argv, &text, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, "North Korea: crypto heists and missile launches"));
      g_assert_nonnull (strstr (text, "heistline.json"));
      hl_view_clear (&view);
    }
  hl_test_remove_tmpdir (dir);
}

/* ------------------------------------------------------------------ */
/* Failures: an error a person can read, and nothing left behind. */

static void
test_read_only_folder (void)
{
  /* Root ignores permission bits, so the folder must refuse everyone:
   * sysfs's root does. */
  const char *path = "/sys/heistline-export-test.png";
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  HlView view;

  if (!g_file_test ("/sys/kernel", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no sysfs mounted at /sys: no folder refuses root here");
      return;
    }

  hl_view_init (&view, hl_test_bundled ());
  g_assert_false (export (&view, HL_EXPORT_PNG, 640, 360, 1, path, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == G_FILE_ERROR);
  g_assert_nonnull (strstr (error->message, path));

  d = g_dir_open ("/sys", 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_null (strstr (name, "heistline-export-test"));
  hl_view_clear (&view);
}

static void
test_missing_folder (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *file = g_build_filename (dir, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "chart.svg", NULL);
  g_autoptr(GError) error = NULL;
  HlView view;

  hl_view_init (&view, hl_test_bundled ());
  g_assert_false (export (&view, HL_EXPORT_PNG, 640, 360, 1, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_clear_error (&error);
  HL_TEST_ASSERT_DIR (dir, "");

  /* a "folder" that is a regular file */
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_assert_false (export (&view, HL_EXPORT_SVG, 640, 360, 1, under_file, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  HL_TEST_ASSERT_DIR (dir, "a-file");
  hl_view_clear (&view);
  hl_test_remove_tmpdir (dir);
}

static void
assert_same_file (const char *path, const char *contents, gsize length)
{
  g_autofree char *now = NULL;
  gsize now_length;

  g_assert_true (g_file_get_contents (path, &now, &now_length, NULL));
  g_assert_cmpmem (now, now_length, contents, length);
}

/* A write that fails half-way (the file size limit cuts it: EFBIG) leaves
 * the old file byte for byte and no temporary file. In a subprocess, for
 * the limit's sake. */
static void
test_failed_keeps_old_file (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = hl_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
      g_autofree char *old = NULL;
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 16 * 1024, 16 * 1024 };
      gsize old_length;
      HlView view;

      hl_view_init (&view, hl_test_bundled ());
      g_assert_true (export (&view, HL_EXPORT_PNG, 640, 360, 1, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &old, &old_length, NULL));
      g_assert_cmpuint (old_length, >, 16 * 1024);

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      for (int format = HL_EXPORT_PNG; format <= HL_EXPORT_PDF; format++)
        {
          g_assert_false (export (&view, format, 1920, 1080, 1, path, &error));
          g_assert_nonnull (error);
          g_printerr ("%s\n", error->message);
          g_clear_error (&error);
          assert_same_file (path, old, old_length);
          HL_TEST_ASSERT_DIR (dir, "chart.png");
        }
      hl_view_clear (&view);
      hl_test_remove_tmpdir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*chart.png*File too large*");
}

/* The same, for failures before anything is written, and a success over
 * the old file replaces it. */
static void
test_overwrite (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  cairo_surface_t *png;
  HlView view;

  hl_view_init (&view, hl_test_bundled ());
  g_assert_true (g_file_set_contents (path, "old bytes", -1, NULL));

  /* too large for a PNG: refused before a byte is written */
  g_assert_false (export (&view, HL_EXPORT_PNG, 16384, 16384, 3, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);
  assert_same_file (path, "old bytes", 9);
  HL_TEST_ASSERT_DIR (dir, "chart.png");

  g_assert_true (export (&view, HL_EXPORT_PNG, 320, 180, 1, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_true (g_str_has_prefix (now, "\x89PNG"));
  png = read_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 320);
  cairo_surface_destroy (png);
  HL_TEST_ASSERT_DIR (dir, "chart.png");

  /* a readable file, like any other the user makes */
  {
    GStatBuf st;
    mode_t mask = umask (0);

    umask (mask);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0666 & ~mask);
  }
  hl_view_clear (&view);
  hl_test_remove_tmpdir (dir);
}

static void
test_names_and_presets (void)
{
  static const struct { const char *id; int w, h; } expected[] = {
    { "slide-16x9", 1920, 1080 }, { "hd", 1280, 720 }, { "4k", 3840, 2160 },
    { "slide-4x3", 1024, 768 }, { "a4", 842, 595 },
  };
  g_autofree char *png = NULL;
  g_autofree char *pdf = NULL;
  HlExportFormat format;
  HlView view;
  guint n;

  hl_view_init (&view, hl_test_bundled ());
  hl_view_set_range (&view, hl_date_from_ymd (2023, 7, 1), hl_date_from_ymd (2024, 2, 1));
  png = hl_export_suggest_basename (&view, HL_EXPORT_PNG);
  pdf = hl_export_suggest_basename (&view, HL_EXPORT_PDF);
  g_assert_cmpstr (png, ==, "heistline-2023-07-01-2024-01-31.png");
  g_assert_cmpstr (pdf, ==, "heistline-2023-07-01-2024-01-31.pdf");

  g_assert_true (hl_export_format_from_path ("/a/b/Chart.SVG", &format));
  g_assert_cmpint (format, ==, HL_EXPORT_SVG);
  g_assert_false (hl_export_format_from_path ("chart.bmp", &format));
  g_assert_false (hl_export_format_from_path ("png", &format));

  hl_export_get_presets (&n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const HlExportPreset *p = hl_export_find_preset (expected[i].id);

      g_assert_nonnull (p);
      g_assert_cmpint (p->width, ==, expected[i].w);
      g_assert_cmpint (p->height, ==, expected[i].h);
    }
  g_assert_null (hl_export_find_preset ("8k"));
  hl_view_clear (&view);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/png", test_png);
  g_test_add_func ("/export/png-themes", test_png_themes);
  g_test_add_func ("/export/svg", test_svg);
  g_test_add_func ("/export/pdf", test_pdf);
  g_test_add_func ("/export/fail/read-only-folder", test_read_only_folder);
  g_test_add_func ("/export/fail/missing-folder", test_missing_folder);
  g_test_add_func ("/export/fail/keeps-old-file", test_failed_keeps_old_file);
  g_test_add_func ("/export/overwrite", test_overwrite);
  g_test_add_func ("/export/names-and-presets", test_names_and_presets);

  return g_test_run ();
}
