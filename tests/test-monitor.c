/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HlDatasetMonitor, no display: a burst of writes is one "changed", a
 * file renamed over the watched one (as editors save) is one, and a file
 * left alone is none. */
#include "config.h"

#include <glib/gstdio.h>

#include "hl-dataset-monitor.h"

#define DEBOUNCE_MS   100
#define N_WRITES      20
#define WRITE_GAP_MS  10
/* Long after the debounce: a late second signal would have come by then */
#define SETTLE_MS     (DEBOUNCE_MS * 5)
/* A folder renamed away for longer than the monitor's look at it (1 s) */
#define AWAY_MS       1500

typedef struct
{
  char             *dir;
  char             *path;
  GFile            *file;
  HlDatasetMonitor *monitor;
  guint             n_changed;
  guint             n_writes;
  GMainLoop        *loop;
} Fixture;

static void
on_changed (HlDatasetMonitor *monitor, Fixture *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("heistline-monitor-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "data.json", NULL);
  g_assert_true (g_file_set_contents (fixture->path, "{}", -1, &error));
  g_assert_no_error (error);
  fixture->file = g_file_new_for_path (fixture->path);
  fixture->monitor = hl_dataset_monitor_new (fixture->file, DEBOUNCE_MS);
  g_signal_connect (fixture->monitor, "changed", G_CALLBACK (on_changed), fixture);
  fixture->loop = g_main_loop_new (NULL, FALSE);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_assert_finalize_object (fixture->monitor);
  g_object_unref (fixture->file);
  g_main_loop_unref (fixture->loop);
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
run_for (Fixture *fixture, guint ms)
{
  g_timeout_add (ms, quit_cb, fixture->loop);
  g_main_loop_run (fixture->loop);
}

/* Writes in place, as an editor without atomic saves does. */
static void
write_in_place (const char *path, guint n)
{
  g_autofree char *text = g_strdup_printf ("{ \"write\": %u }\n", n);
  FILE *f = g_fopen (path, "w");

  g_assert_nonnull (f);
  g_assert_cmpint (fputs (text, f), >=, 0);
  g_assert_cmpint (fclose (f), ==, 0);
}

static gboolean
write_cb (gpointer data)
{
  Fixture *fixture = data;

  write_in_place (fixture->path, fixture->n_writes);
  if (++fixture->n_writes < N_WRITES)
    return G_SOURCE_CONTINUE;
  return G_SOURCE_REMOVE;
}

static void
test_burst (Fixture *fixture, gconstpointer data)
{
  g_timeout_add (WRITE_GAP_MS, write_cb, fixture);
  run_for (fixture, N_WRITES * WRITE_GAP_MS + SETTLE_MS);
  g_assert_cmpuint (fixture->n_writes, ==, N_WRITES);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* and the next burst is another one */
  write_in_place (fixture->path, 0);
  run_for (fixture, SETTLE_MS);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
}

/* Saving as editors do: a new file next to it, renamed over it. The
 * watch survives: a second save is seen too. */
static void
test_rename_over (Fixture *fixture, gconstpointer data)
{
  g_autofree char *tmp = g_build_filename (fixture->dir, ".data.json.tmp", NULL);
  g_autoptr(GError) error = NULL;

  for (guint save = 1; save <= 2; save++)
    {
      g_assert_true (g_file_set_contents (tmp, "{ \"saved\": true }", -1, &error));
      g_assert_no_error (error);
      run_for (fixture, SETTLE_MS);
      g_assert_cmpuint (fixture->n_changed, ==, save - 1);   /* not our file yet */
      g_assert_cmpint (g_rename (tmp, fixture->path), ==, 0);
      run_for (fixture, SETTLE_MS);
      g_assert_cmpuint (fixture->n_changed, ==, save);
    }
}

static void
test_quiet (Fixture *fixture, gconstpointer data)
{
  run_for (fixture, SETTLE_MS);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

/* A file that goes away is not new contents. */
static void
test_deleted (Fixture *fixture, gconstpointer data)
{
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  run_for (fixture, SETTLE_MS);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static gboolean
changed_at_least (gpointer data)
{
  Fixture *fixture = data;

  return fixture->n_changed >= fixture->n_writes;
}

/* Runs the loop until @fixture has seen @n "changed", or @timeout_ms */
static gboolean
wait_changed (Fixture *fixture, guint n, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  fixture->n_writes = n;
  while (!changed_at_least (fixture) && g_get_monotonic_time () < end)
    run_for (fixture, 20);
  return changed_at_least (fixture);
}

/* The dataset's folder renamed away and back: the file is there again,
 * which may be new contents, and the watch is armed again for the next
 * save. */
static void
test_folder_away_and_back (Fixture *fixture, gconstpointer data)
{
  g_autofree char *away = g_strconcat (fixture->dir, ".away", NULL);

  g_assert_cmpint (g_rename (fixture->dir, away), ==, 0);
  run_for (fixture, AWAY_MS);
  g_assert_cmpuint (fixture->n_changed, ==, 0);   /* gone: nothing new */
  g_assert_cmpint (g_rename (away, fixture->dir), ==, 0);
  /* Seen well before GIO's own scan for missing files (4 s and more),
   * which is all there was before */
  g_assert_true (wait_changed (fixture, 1, 2000));
  run_for (fixture, SETTLE_MS);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* and it watches again: a save in place is seen */
  write_in_place (fixture->path, 1);
  g_assert_true (wait_changed (fixture, 2, 5000));
  run_for (fixture, SETTLE_MS);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
}

/* The file deleted, then written again after a while (a save that
 * deletes first, a checkout): seen once it is back. */
static void
test_deleted_and_back (Fixture *fixture, gconstpointer data)
{
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  run_for (fixture, SETTLE_MS);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  write_in_place (fixture->path, 1);
  g_assert_true (wait_changed (fixture, 1, 5000));
  write_in_place (fixture->path, 2);
  g_assert_true (wait_changed (fixture, 2, 5000));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/monitor/burst", Fixture, NULL, fixture_set_up, test_burst, fixture_tear_down);
  g_test_add ("/monitor/rename-over", Fixture, NULL, fixture_set_up, test_rename_over,
              fixture_tear_down);
  g_test_add ("/monitor/quiet", Fixture, NULL, fixture_set_up, test_quiet, fixture_tear_down);
  g_test_add ("/monitor/deleted", Fixture, NULL, fixture_set_up, test_deleted,
              fixture_tear_down);
  g_test_add ("/monitor/deleted-and-back", Fixture, NULL, fixture_set_up,
              test_deleted_and_back, fixture_tear_down);
  g_test_add ("/monitor/folder-away-and-back", Fixture, NULL, fixture_set_up,
              test_folder_away_and_back, fixture_tear_down);

  return g_test_run ();
}
