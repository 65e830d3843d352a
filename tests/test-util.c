/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"

/* A fresh folder under the system's temporary folder. */
char *
hl_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("heistline-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @dir and what it holds (one level). */
void
hl_test_remove_tmpdir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Un-premultiplied 0..255 channels of the pixel at (x, y) of an ARGB32
 * image surface. */
void
hl_test_pixel_at (cairo_surface_t *surface, int x, int y, guint *r, guint *g, guint *b, guint *a)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 px = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);

  *a = px >> 24;
  *r = *a ? (((px >> 16) & 0xff) * 255 + *a / 2) / *a : 0;
  *g = *a ? (((px >> 8) & 0xff) * 255 + *a / 2) / *a : 0;
  *b = *a ? ((px & 0xff) * 255 + *a / 2) / *a : 0;
}

/* Relative luminance (Rec. 709), 0 black to 1 white. */
double
hl_test_luminance (guint r, guint g, guint b)
{
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255.0;
}

/* The pixel at (x, y) is background as @theme draws it: light and opaque,
 * dark and opaque, or fully transparent. */
void
hl_test_assert_background (cairo_surface_t *surface, int x, int y, HlTheme theme)
{
  guint r, g, b, a;

  hl_test_pixel_at (surface, x, y, &r, &g, &b, &a);
  switch (theme)
    {
    case HL_THEME_LIGHT:
      g_assert_cmpuint (a, ==, 255);
      g_assert_cmpfloat (hl_test_luminance (r, g, b), >, 0.8);
      break;
    case HL_THEME_DARK:
      g_assert_cmpuint (a, ==, 255);
      g_assert_cmpfloat (hl_test_luminance (r, g, b), <, 0.2);
      break;
    case HL_THEME_TRANSPARENT:
    default:
      g_assert_cmpuint (a, ==, 0);
      break;
    }
}

/* @text as it reads: without the invisible isolates (U+2066 to U+2069)
 * put around dataset text. */
char *
hl_test_visible_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch < 0x2066 || ch > 0x2069)
        g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

/* The bundled dataset, loaded once for the test program. */
HlDataset *
hl_test_bundled (void)
{
  static HlDataset *dataset;

  if (dataset == NULL)
    dataset = hl_dataset_new_bundled ();
  g_assert_nonnull (dataset);
  return dataset;
}

/* For g_ptr_array_sort() of strings. */
int
hl_test_compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir, hidden ones too, sorted, joined by spaces. */
char *
hl_test_list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, hl_test_compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* ------------------------------------------------------------------ */
/* The command line, as a user runs it */

void
hl_test_run_clear (HlTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* $HEISTLINE_BIN with the arguments in @ap, with no display of any kind
 * (an export or an analysis must not need one) and, unless @locale is
 * "", in that locale and its language ("ko_KR.UTF-8": LANGUAGE=ko). */
static void
run_cli_va (HlTestRun *run, const char *locale, va_list ap)
{
  const char *bin = g_getenv ("HEISTLINE_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_SOCKET");
  /* Under a sanitizer, LeakSanitizer's list of suppressions is no message. */
  if (g_environ_getenv (env, "LSAN_OPTIONS") != NULL)
    {
      g_autofree char *lsan = g_strconcat (g_environ_getenv (env, "LSAN_OPTIONS"),
                                           ":print_suppressions=0", NULL);

      env = g_environ_setenv (env, "LSAN_OPTIONS", lsan, TRUE);
    }
  if (locale[0] != '\0')
    {
      g_autofree char *language = g_strndup (locale, strcspn (locale, "_.@"));

      env = g_environ_setenv (env, "LC_ALL", locale, TRUE);
      env = g_environ_setenv (env, "LANG", locale, TRUE);
      env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
    }
  g_ptr_array_add (argv, (gpointer) (bin != NULL ? bin : "heistline"));
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &run->out,
                &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("%s → %d: %s%s", argv->len > 2 ? (char *) argv->pdata[1] : "",
                  run->status, run->out, run->err);
}

/* Runs heistline with the NULL-terminated arguments after @run. */
void
hl_test_run_cli (HlTestRun *run, ...)
{
  va_list ap;

  va_start (ap, run);
  run_cli_va (run, "", ap);
  va_end (ap);
}

/* The same in @locale ("" for the suite's own). */
void
hl_test_run_cli_in (HlTestRun *run, const char *locale, ...)
{
  va_list ap;

  va_start (ap, locale);
  run_cli_va (run, locale, ap);
  va_end (ap);
}
