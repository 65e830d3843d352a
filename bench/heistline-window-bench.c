/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How long the real window takes to answer a shortcut: for each file
 * given, opens it in a window (as the app does), then presses zoom in and
 * zoom out ROUNDS times each and times each from the action to the end of
 * the frame that shows it (the frame clock's "after-paint"). A file the
 * loader refuses is measured too: the window then keeps what it had.
 * Also times one shortcut while the file is still loading.
 *
 *   GSETTINGS_SCHEMA_DIR=build/data GSETTINGS_BACKEND=memory \
 *     xvfb-run -a build/bench/heistline-window-bench FILE...
 *
 * Prints one line per file: shortcut_ms n=ROUNDS median=.. (min=.. max=..). */
#include "config.h"

#include <stdlib.h>

#include "hl-application.h"
#include "hl-window.h"

#define ROUNDS 20
#define LOAD_TIMEOUT_US (120 * G_USEC_PER_SEC)

static gboolean painted;

static void
on_after_paint (GdkFrameClock *clock, gpointer data)
{
  painted = TRUE;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* From activating @action on the timeline to the end of the next frame. */
static double
time_action (GtkWidget *timeline, const char *action)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (timeline);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  gint64 start = g_get_monotonic_time ();

  painted = FALSE;
  gtk_widget_activate_action (timeline, action, NULL);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
measure_file (HlApplication *app, const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  GtkWindow *window;
  GtkWidget *timeline;
  double times[2 * ROUNDS], during_load = -1;
  gint64 deadline;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gtk_window_set_default_size (window, 1600, 1000);
  timeline = GTK_WIDGET (hl_window_get_timeline (HL_WINDOW (window)));
  gtk_test_widget_wait_for_draw (timeline);

  hl_window_open_file (HL_WINDOW (window), file);
  if (hl_window_is_loading (HL_WINDOW (window)))
    during_load = time_action (timeline, "timeline.zoom-in");
  deadline = g_get_monotonic_time () + LOAD_TIMEOUT_US;
  while (hl_window_is_loading (HL_WINDOW (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (guint i = 0; i < ROUNDS; i++)
    {
      times[2 * i] = time_action (timeline, "timeline.zoom-in");
      times[2 * i + 1] = time_action (timeline, "timeline.zoom-out");
    }
  qsort (times, G_N_ELEMENTS (times), sizeof times[0], compare_doubles);
  g_print ("%s: shortcut_ms n=%u median=%.1f (min=%.1f max=%.1f)%s; during load %.1f ms; %s\n",
           path, (guint) G_N_ELEMENTS (times), times[G_N_ELEMENTS (times) / 2], times[0],
           times[G_N_ELEMENTS (times) - 1],
           hl_window_get_last_error (HL_WINDOW (window)) ? " (file refused)" : "",
           during_load,
           hl_window_get_file (HL_WINDOW (window)) != NULL ? "opened" : "kept the bundled data");
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int argc, char *argv[])
{
  g_autoptr(HlApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  gtk_init ();
  app = hl_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_application_hold (G_APPLICATION (app));
  for (int i = 1; i < argc; i++)
    measure_file (app, argv[i]);
  return 0;
}
