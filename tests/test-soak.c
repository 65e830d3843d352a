/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live reload soak (issue 14, "Done when"): an open dataset rewritten
 * 300 times, 0.3 s apart, valid and invalid by turns, as an editor saves.
 * Every valid version is shown, at most one error toast is up at any
 * time, and the window's memory (VmRSS) after the run stays within 20 %
 * of its level after the first 50 rewrites. About 95 s: its own suite,
 * "soak". */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "gui-test-util.h"

#define N_REWRITES     300
#define GAP_MS         300
#define BASELINE_AFTER 50
#define SAMPLE_MS      50   /* how often the toasts are counted */

typedef struct
{
  HlWindow   *window;
  char       *path;
  guint       n_written;
  GHashTable *shown;        /* titles the window showed */
  guint       max_toasts;   /* the most error toasts up at once */
  guint       n_samples;
  gsize       baseline_kb;
  gboolean    done;
} Soak;

/* The resident set of this process, in kB, from /proc/self/status */
static gsize
vm_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;
  gsize kb = 0;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "VmRSS: %" G_GSIZE_FORMAT " kB", &kb), ==, 1);
  return kb;
}

static char *
valid_version (guint n)
{
  return g_strdup_printf ("{ \"format\": \"heistline-dataset/1\", \"title\": \"Soak %u\",\n"
                          "  \"lanes\": [ { \"id\": \"heists\", \"title\": \"Heists\","
                          " \"measure\": \"usd\" } ],\n"
                          "  \"events\": [ { \"id\": \"e%u\", \"lane\": \"heists\","
                          " \"date\": \"2023-09-04\", \"title\": \"Event %u\","
                          " \"usd\": %u } ] }\n", n, n, n, 1000 + n);
}

static char *
invalid_version (guint n)
{
  /* each error at its own line */
  g_autofree char *blank = g_strnfill (n % 7 + 1, '\n');

  return g_strdup_printf ("{ \"format\": \"heistline-dataset/1\",%s  oops %u\n", blank, n);
}

static void
on_dataset (Soak *soak)
{
  HlDataset *dataset = hl_window_get_dataset (soak->window);

  if (dataset != NULL)
    g_hash_table_add (soak->shown, g_strdup (hl_dataset_get_title (dataset)));
}

/* Toasts up and not on their way out: libadwaita fades a replaced toast
 * for 300 ms, during which it no longer takes input. */
static guint
count_error_toasts (HlWindow *window)
{
  g_autoptr(GPtrArray) toasts = hl_test_find_toasts (GTK_WIDGET (window));
  guint n = 0;

  for (guint i = 0; i < toasts->len; i++)
    {
      GtkWidget *toast = g_ptr_array_index (toasts, i);

      if (gtk_widget_get_can_target (toast) && strstr (hl_test_toast_title (toast), "soak.json"))
        n++;
    }
  return n;
}

static gboolean
sample_cb (gpointer data)
{
  Soak *soak = data;

  soak->max_toasts = MAX (soak->max_toasts, count_error_toasts (soak->window));
  soak->n_samples++;
  return G_SOURCE_CONTINUE;
}

static gboolean
rewrite_cb (gpointer data)
{
  Soak *soak = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (soak->n_written == BASELINE_AFTER)
    soak->baseline_kb = vm_rss_kb ();
  /* even: valid, odd: invalid */
  text = soak->n_written % 2 == 0 ? valid_version (soak->n_written)
                                  : invalid_version (soak->n_written);
  g_assert_true (g_file_set_contents (soak->path, text, -1, &error));
  g_assert_no_error (error);
  soak->n_written++;
  soak->done = soak->n_written == N_REWRITES;
  return soak->done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static gboolean
is_done (gpointer data)
{
  Soak *soak = data;

  return soak->done && !hl_window_is_loading (soak->window);
}

static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

static gboolean
file_is_open (gpointer data)
{
  return !hl_window_is_loading (data) && hl_window_get_file (data) != NULL;
}

static void
test_soak (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("heistline-soak-XXXXXX", &error);
  g_autofree char *first = valid_version (1000);
  g_autoptr(GFile) file = NULL;
  Soak soak = { 0 };
  guint sample, missing = 0;
  gint64 start;
  gsize end_kb;

  g_assert_no_error (error);
  soak.window = hl_test_new_window ();
  soak.path = g_build_filename (dir, "soak.json", NULL);
  soak.shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_assert_true (g_file_set_contents (soak.path, first, -1, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (soak.path);
  hl_window_open_file (soak.window, file);
  g_assert_true (hl_test_wait_for (file_is_open, soak.window, 10000));
  g_signal_connect_swapped (hl_window_get_session (soak.window), "notify::dataset",
                            G_CALLBACK (on_dataset), &soak);

  start = g_get_monotonic_time ();
  sample = g_timeout_add (SAMPLE_MS, sample_cb, &soak);
  g_timeout_add (GAP_MS, rewrite_cb, &soak);
  if (!hl_test_wait_for (is_done, &soak, N_REWRITES * GAP_MS * 2))
    g_error ("the soak did not finish: %u rewrites, %s", soak.n_written,
             hl_window_is_loading (soak.window) ? "still loading" : "not loading");
  /* the last write was invalid: its toast comes after the debounce */
  run_for (1000);
  g_source_remove (sample);
  end_kb = vm_rss_kb ();
  g_test_message ("%u rewrites in %.1f s", soak.n_written,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  for (guint n = 0; n < N_REWRITES; n += 2)
    {
      g_autofree char *title = g_strdup_printf ("Soak %u", n);

      if (!g_hash_table_contains (soak.shown, title))
        {
          g_test_message ("valid version %u was never shown", n);
          missing++;
        }
    }
  g_test_message ("%u rewrites; %u of %u valid versions shown; at most %u error toast(s) "
                  "in %u samples; VmRSS %" G_GSIZE_FORMAT " kB after %u rewrites, %"
                  G_GSIZE_FORMAT " kB at the end (%+.1f %%)",
                  soak.n_written, N_REWRITES / 2 - missing, N_REWRITES / 2, soak.max_toasts,
                  soak.n_samples, soak.baseline_kb, BASELINE_AFTER, end_kb,
                  100.0 * ((double) end_kb - soak.baseline_kb) / soak.baseline_kb);
  g_assert_cmpuint (soak.n_written, ==, N_REWRITES);
  g_assert_cmpuint (missing, ==, 0);
  g_assert_cmpuint (soak.max_toasts, <=, 1);
  g_assert_cmpuint (soak.max_toasts, ==, 1);   /* and the errors were shown */
  g_assert_cmpuint (end_kb, <=, soak.baseline_kb * 12 / 10);

  g_signal_handlers_disconnect_by_data (hl_window_get_session (soak.window), &soak);
  hl_test_close_window (soak.window);
  g_hash_table_unref (soak.shown);
  g_unlink (soak.path);
  g_free (soak.path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  hl_test_isolate_user_data ();
  if (!gtk_init_check ())
    return 77;

  g_test_add_func ("/soak/live-reload", test_soak);
  return g_test_run ();
}
