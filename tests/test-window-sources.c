/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 13 in the window: a dataset added beside the bundled one shows
 * its lanes (clashing ids namespaced, the file in the lane's title), the
 * header names both files, a bad reload of the added file keeps both as
 * they were and says so naming it, a good one shows it, and Remove
 * Dataset restores the view. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"

typedef struct
{
  HlWindow *window;
  guint     n_sources;
  guint     n_events;
} SourcesWait;

static gboolean
sources_are (gpointer data)
{
  SourcesWait *wait = data;
  HlSession *session = hl_window_get_session (wait->window);

  return hl_session_get_n_sources (session) == wait->n_sources &&
         (wait->n_events == 0 ||
          hl_dataset_get_n_events (hl_session_get_dataset (session)) == wait->n_events);
}

static gboolean
error_names_b (gpointer data)
{
  const char *error = hl_window_get_last_error (data);

  return error != NULL && strstr (error, "b.json:3:") != NULL;
}

static gboolean
error_cleared (gpointer data)
{
  return hl_window_get_last_error (data) == NULL;
}

static gboolean
toast_names_b (gpointer data)
{
  g_autoptr(GPtrArray) toasts = hl_test_find_toasts (data);

  return toasts->len == 1 &&
         strstr (hl_test_toast_title (g_ptr_array_index (toasts, 0)), "b.json") != NULL;
}

static void
test_add_reload_remove (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  GtkWidget *panel = GTK_WIDGET (hl_window_get_panel (window));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("heistline-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "b.json", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "multi-launches.json",
                                                   NULL);
  g_autofree char *json = NULL;
  g_autofree char *more = NULL;
  g_autoptr(GFile) file = NULL;
  SourcesWait wait = { window, 2, 188 + 3 };
  gint64 from = hl_session_get_from (session), to = hl_session_get_to (session);
  HlDataset *both;
  int lane;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &json, NULL, &error));
  g_assert_true (g_file_set_contents (path, json, -1, &error));
  file = g_file_new_for_path (path);
  hl_window_add_file (window, file);
  g_assert_true (hl_test_wait_for (sources_are, &wait, 10000));

  both = hl_session_get_dataset (session);
  g_assert_cmpuint (hl_dataset_get_n_lanes (both), ==, 5);
  lane = hl_dataset_find_lane (both, "b:launches");
  g_assert_cmpint (lane, ==, 3);
  g_assert_cmpstr (hl_dataset_get_lane (both, lane)->title, ==, "Launches (b.json)");
  /* the range stays; both files named under the title; the panel sums
   * the added lanes in their own words */
  g_assert_cmpint (hl_session_get_from (session), ==, from);
  g_assert_cmpint (hl_session_get_to (session), ==, to);
  g_assert_true (hl_test_has_label (GTK_WIDGET (window), "heistline.json, b.json"));
  g_assert_true (hl_test_has_label (panel, "Launches (b.json): 2 events"));
  g_assert_true (hl_test_has_label (panel, "Drills: 1 event"));

  /* a bad save of b.json: both stay as they were, the toast names it */
  g_assert_true (g_file_set_contents (path, "{ \"format\": \"heistline-dataset/1\",\n\n  oops\n",
                                      -1, &error));
  g_assert_true (hl_test_wait_for (error_names_b, window, 10000));
  g_assert_true (hl_session_get_dataset (session) == both);
  g_assert_true (hl_test_wait_for (toast_names_b, window, 5000));

  /* a good one: its new event shown beside the rest */
  more = g_strjoin ("", "{ \"format\": \"heistline-dataset/1\", \"lanes\": [",
                    "{ \"id\": \"launches\", \"title\": \"Launches\", \"measure\": \"count\" }],",
                    " \"events\": [",
                    "{ \"id\": \"x1\", \"lane\": \"launches\", \"date\": \"2023-10-20\", "
                    "\"title\": \"One\" },",
                    "{ \"id\": \"x2\", \"lane\": \"launches\", \"date\": \"2023-10-21\", "
                    "\"title\": \"Two\" },",
                    "{ \"id\": \"x3\", \"lane\": \"launches\", \"date\": \"2023-10-22\", "
                    "\"title\": \"Three\" },",
                    "{ \"id\": \"x4\", \"lane\": \"launches\", \"date\": \"2023-10-23\", "
                    "\"title\": \"Four\" }] }", NULL);
  g_assert_true (g_file_set_contents (path, more, -1, &error));
  wait.n_events = 188 + 4;
  g_assert_true (hl_test_wait_for (sources_are, &wait, 10000));
  g_assert_true (hl_test_wait_for (error_cleared, window, 5000));
  g_assert_cmpuint (hl_dataset_get_n_lanes (hl_session_get_dataset (session)), ==, 4);
  g_assert_true (hl_test_has_label (panel, "Launches (b.json): 4 events"));

  /* Remove Dataset: the bundled view as it was */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-dataset", "u",
                                             (guint32) 1));
  wait.n_sources = 1;
  wait.n_events = 188;
  g_assert_true (hl_test_wait_for (sources_are, &wait, 5000));
  g_assert_cmpuint (hl_dataset_get_n_lanes (hl_session_get_dataset (session)), ==, 3);
  g_assert_cmpint (hl_dataset_find_lane (hl_session_get_dataset (session), "b:launches"), ==, -1);
  g_assert_false (hl_test_has_label (GTK_WIDGET (window), "heistline.json, b.json"));
  g_assert_true (hl_test_has_label (GTK_WIDGET (window), "Bundled dataset"));
  g_assert_cmpint (hl_session_get_from (session), ==, from);
  g_assert_false (hl_test_has_label (panel, "Launches (b.json): 4 events"));

  hl_test_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* The session's files: a reload of its own file keeps the added ones
 * beside it; opening another file shows that one alone. */
static void
test_session_sources (void)
{
  g_autoptr(HlSession) session = hl_session_new ();
  g_autoptr(HlDataset) bundled = hl_dataset_new_bundled ();
  g_autoptr(HlDataset) reloaded = hl_dataset_new_bundled ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "multi-launches.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HlDataset) added = hl_dataset_new_from_file (file, NULL, NULL);
  g_autoptr(GError) error = NULL;

  hl_session_set_dataset (session, bundled);
  g_assert_cmpuint (hl_session_get_n_sources (session), ==, 1);
  g_assert_true (hl_session_add_source (session, file, added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hl_session_get_n_sources (session), ==, 2);
  g_assert_cmpuint (hl_session_find_source (session, file), ==, 1);
  g_assert_cmpuint (hl_dataset_get_n_lanes (hl_session_get_dataset (session)), ==, 5);

  hl_session_replace_dataset (session, reloaded);
  g_assert_cmpuint (hl_session_get_n_sources (session), ==, 2);
  g_assert_true (hl_dataset_get_part (hl_session_get_dataset (session), 0) == reloaded);
  g_assert_cmpint (hl_dataset_find_lane (hl_session_get_dataset (session), "multi-launches:launches"),
                   ==, 3);

  hl_session_set_dataset (session, added);
  g_assert_cmpuint (hl_session_get_n_sources (session), ==, 1);
  g_assert_true (hl_session_get_dataset (session) == added);
}

static HlWindow *
opened_window (void)
{
  GtkApplication *application = GTK_APPLICATION (hl_test_application ());
  GtkWindow *window = gtk_application_get_active_window (application);

  return window != NULL ? HL_WINDOW (window) : NULL;
}

static gboolean
two_sources_shown (gpointer data)
{
  HlWindow *window = opened_window ();

  return window != NULL && !hl_window_is_loading (window) &&
         hl_session_get_n_sources (hl_window_get_session (window)) == 2;
}

/* `heistline A.json --add=B.json`: B goes beside A once A has loaded (and
 * beside the bundled dataset with no file), never in A's place. */
static void
test_command_line_add (void)
{
  HlApplication *app = hl_test_application ();
  g_autofree char *a = g_test_build_filename (G_TEST_DIST, "data", "good-sanctions.json", NULL);
  g_autofree char *b = g_test_build_filename (G_TEST_DIST, "data", "good-spans.json", NULL);
  char *added[] = { b, NULL };
  g_autoptr(GFile) b_file = g_file_new_for_path (b);
  GFile *files[1];
  HlWindow *window;
  HlDataset *dataset;

  hl_application_set_added_files (app, added);
  files[0] = g_file_new_for_path (a);
  g_application_open (G_APPLICATION (app), files, 1, "");
  g_object_unref (files[0]);
  g_assert_true (hl_test_wait_for (two_sources_shown, NULL, 20000));
  window = opened_window ();
  dataset = hl_session_get_dataset (hl_window_get_session (window));
  g_assert_cmpuint (hl_dataset_get_n_parts (dataset), ==, 2);
  g_assert_cmpstr (g_file_peek_path (hl_session_get_file (hl_window_get_session (window))), ==, a);
  g_assert_cmpuint (hl_session_find_source (hl_window_get_session (window), b_file), ==, 1);
  hl_test_close_window (window);

  /* no file: the bundled dataset, and the added one beside it */
  hl_application_set_added_files (app, added);
  g_application_activate (G_APPLICATION (app));
  g_assert_true (hl_test_wait_for (two_sources_shown, NULL, 20000));
  window = opened_window ();
  g_assert_cmpuint (hl_dataset_get_n_parts (hl_session_get_dataset (hl_window_get_session (window))),
                    ==, 2);
  hl_test_close_window (window);

  /* a later window gets no --add files */
  window = hl_test_new_window ();
  g_assert_cmpuint (hl_session_get_n_sources (hl_window_get_session (window)), ==, 1);
  hl_test_close_window (window);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  hl_test_isolate_user_data ();
  if (!gtk_init_check ())
    return 77;
  g_test_add_func ("/window/sources/add-reload-remove", test_add_reload_remove);
  g_test_add_func ("/window/sources/session", test_session_sources);
  g_test_add_func ("/window/sources/command-line-add", test_command_line_add);
  return g_test_run ();
}
