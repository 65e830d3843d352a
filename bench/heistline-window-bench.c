/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the real window pays per frame.
 *
 * Without FILE: window_hover_ms, window_pan_ms and window_zoom_ms on the
 * bundled dataset (its default view) and on generated datasets of 100k
 * and 1M events (the overview, fit-all), in a 1600x1000 HlWindow driven
 * in-process: 50 hovers (the motion controller's "motion" over marks), a
 * drag of 20 steps (the drag gesture's signals, as a pointer drag) and 20
 * wheel notches (the scroll controller's "scroll": 10 in, 10 out). Each
 * step is timed from the input to the end of the frame that shows it
 * (the frame clock's "after-paint"), in wall time and in this process's
 * CPU time (CLOCK_PROCESS_CPUTIME_ID); the X server's CPU over the
 * sequence (from /proc, per step) is printed too, since compositing is
 * part of what a user pays. "settle" is what a drag's end costs: from the
 * release to the last frame once the window is idle. Each renderer
 * (GSK_RENDERER=cairo, then gl) runs in its own child process.
 * --quick: the bundled and 100k datasets, 10 hovers, 10 pan and 10 zoom
 * steps; --renderer=NAME: that renderer only, in this process;
 * --size=bundled|100k|1M: that dataset only.
 *
 * With FILE...: how long the real window takes to answer a shortcut: for each file
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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "hl-application.h"
#include "hl-bench-gen.h"
#include "hl-timeline-private.h"
#include "hl-window.h"
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#define ROUNDS 20
#define LOAD_TIMEOUT_US (120 * G_USEC_PER_SEC)

static gboolean painted;
static guint n_painted;

static void
on_after_paint (GdkFrameClock *clock, gpointer data)
{
  painted = TRUE;
  n_painted++;
}

/* What the session says while the window settles: "totals x2, …" */
static void
on_session_notify (HlSession *session, GParamSpec *pspec, GString *names)
{
  g_string_append_printf (names, "%s%s", names->len > 0 ? "," : "", pspec->name);
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

/* ------------------------------------------------------------------ */
/* Frames: hover, pan, zoom */

#define SETTLE_MS     25    /* pause between steps: the frame clock is idle again */
#define STEP_TIMEOUT  (2 * G_USEC_PER_SEC)

static gboolean opt_quick;
static char *opt_renderer;
static char *opt_data_dir;
static char *opt_only;
static char *opt_size;

static gboolean
wanted (const char *name)
{
  return opt_only == NULL || strstr (name, opt_only) != NULL;
}

typedef struct
{
  const char *name;
  GArray     *wall;    /* double, ms */
  GArray     *cpu;     /* double, ms */
  double      server_cpu_ms;   /* X server's CPU over the sequence */
  double      all_cpu_ms;      /* this process's, over the sequence: what the
                                * steps left for later (a panel that follows
                                * a gesture a few times a second) included */
  guint       n_missed;        /* steps that drew no frame */
} Series;

static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The X server's user+system CPU in ms, from its lock file's pid; -1 if
 * it cannot be read (not Xvfb on this machine, say). */
static double
server_cpu_ms (void)
{
  const char *display = g_getenv ("DISPLAY");
  g_autofree char *lock = NULL, *pid = NULL, *stat_path = NULL, *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *end;

  if (display == NULL || display[0] != ':')
    return -1;
  lock = g_strdup_printf ("/tmp/.X%d-lock", atoi (display + 1));
  if (!g_file_get_contents (lock, &pid, NULL, NULL))
    return -1;
  g_strstrip (pid);
  stat_path = g_strdup_printf ("/proc/%s/stat", pid);
  if (!g_file_get_contents (stat_path, &stat, NULL, NULL) ||
      (end = strrchr (stat, ')')) == NULL)
    return -1;
  fields = g_strsplit (end + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return -1;
  /* fields[0] is the state (field 3); utime and stime are fields 14, 15 */
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) * 1000.0 /
         sysconf (_SC_CLK_TCK);
}

static void
run_for_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (500);
    }
}

/* Until no frame has been painted for 100 ms (at most 2 s: an animation
 * elsewhere in the window, a toast say, keeps painting); returns when the
 * last frame in that time was painted (monotonic us). */
static gint64
run_until_idle (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  gint64 start = g_get_monotonic_time (), last_paint = start;

  painted = FALSE;
  while (g_get_monotonic_time () - last_paint < 100 * 1000 &&
         g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
      if (painted)
        last_paint = g_get_monotonic_time ();
      painted = FALSE;
    }
  g_signal_handler_disconnect (clock, id);
  return last_paint;
}

typedef void (*StepFunc) (gpointer data, guint i);

/* Runs step @i and waits for the frame that shows it. */
static void
time_step (GtkWidget *widget, Series *series, StepFunc step, gpointer data, guint i)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  gint64 start = g_get_monotonic_time ();
  double cpu = process_cpu_ms (), wall;

  painted = FALSE;
  step (data, i);
  while (!painted && g_get_monotonic_time () - start < STEP_TIMEOUT)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (100);
  wall = (g_get_monotonic_time () - start) / 1000.0;
  cpu = process_cpu_ms () - cpu;
  g_signal_handler_disconnect (clock, id);
  if (!painted)
    series->n_missed++;
  else
    {
      g_array_append_val (series->wall, wall);
      g_array_append_val (series->cpu, cpu);
    }
  run_for_ms (SETTLE_MS);
}

static void
print_series (const char *dataset, Series *series, guint n_steps, const char *extra)
{
  double *w = (double *) series->wall->data, *c = (double *) series->cpu->data;
  guint n = series->wall->len;

  if (n == 0)
    {
      g_print ("%-18s %-8s %-16s no frame drawn\n", dataset, opt_renderer, series->name);
      return;
    }
  qsort (w, n, sizeof *w, compare_doubles);
  qsort (c, n, sizeof *c, compare_doubles);
  g_print ("%-18s %-6s %-16s n=%-3u median=%6.1f (%.1f-%.1f)  cpu median=%6.1f (%.1f-%.1f)",
           dataset, opt_renderer, series->name, n, w[n / 2], w[0], w[n - 1],
           c[n / 2], c[0], c[n - 1]);
  g_print ("  all cpu %.1f/step", series->all_cpu_ms / n_steps);
  if (series->server_cpu_ms >= 0)
    g_print ("  X server %.1f/step", series->server_cpu_ms / n_steps);
  if (series->n_missed > 0)
    g_print ("  (%u steps drew nothing)", series->n_missed);
  g_print ("%s\n", extra != NULL ? extra : "");
}

typedef struct
{
  GtkWidget          *timeline;
  GtkEventController *motion;
  GtkEventController *scroll;
  GtkEventController *drag;
  GArray             *points;  /* graphene_point_t over distinct marks */
  double              drag_x;
  double              drag_y;
} Driver;

/* The timeline's own controller of @type */
static GtkEventController *
find_controller (GtkWidget *widget, GType type)
{
  GtkEventController *controller = _hl_timeline_find_controller (widget, type);

  if (controller == NULL)
    g_error ("no %s on the timeline", g_type_name (type));
  return controller;
}

/* Points over distinct marks, consecutive ones over different events,
 * spread over the plot: a row scan at a few heights. */
static void
find_marks (Driver *d, guint wanted)
{
  HlChart *chart = hl_timeline_get_chart (HL_TIMELINE (d->timeline));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  HlBox plot;
  int last = -1;

  hl_chart_get_plot_area (chart, &plot);
  g_array_set_size (d->points, 0);
  for (double y = plot.y + 2; y < plot.y + plot.height && d->points->len < wanted; y += 7)
    for (double x = plot.x + 2; x < plot.x + plot.width && d->points->len < wanted; x += 5)
      {
        int event = hl_chart_hit_test (chart, x, y);
        graphene_point_t p = GRAPHENE_POINT_INIT (x, y);

        if (event < 0 || event == last || g_hash_table_contains (seen, GINT_TO_POINTER (event)))
          continue;
        g_hash_table_add (seen, GINT_TO_POINTER (event));
        g_array_append_val (d->points, p);
        last = event;
      }
}

static void
step_hover (gpointer data, guint i)
{
  Driver *d = data;
  const graphene_point_t *p = &g_array_index (d->points, graphene_point_t, i % d->points->len);

  g_signal_emit_by_name (d->motion, "motion", p->x, p->y);
}

static void
step_pan (gpointer data, guint i)
{
  Driver *d = data;

  /* 24 px per step to the left: the view moves to later dates */
  g_signal_emit_by_name (d->drag, "drag-update", -24.0 * (i + 1), 0.0);
}

static void
step_zoom (gpointer data, guint i)
{
  Driver *d = data;
  guint half = d->points->len;   /* set by the caller: steps / 2 */
  gboolean ignored;

  g_signal_emit_by_name (d->scroll, "scroll", 0.0, i < half ? -1.0 : 1.0, &ignored);
}

static Series
series_new (const char *name)
{
  return (Series) { name, g_array_new (FALSE, FALSE, sizeof (double)),
                    g_array_new (FALSE, FALSE, sizeof (double)), -1, 0, 0 };
}

static void
series_clear (Series *series)
{
  g_array_unref (series->wall);
  g_array_unref (series->cpu);
}

static void
run_sequence (GtkWidget *timeline, const char *name, guint n_steps,
              StepFunc step, Driver *d, Series *series)
{
  double server = server_cpu_ms (), all = process_cpu_ms ();

  *series = series_new (name);
  for (guint i = 0; i < n_steps; i++)
    time_step (timeline, series, step, d, i);
  series->all_cpu_ms = process_cpu_ms () - all;
  if (server >= 0)
    series->server_cpu_ms = server_cpu_ms () - server;
}

static void
measure_frames (HlApplication *app, const char *label, const char *path, gboolean fit_all)
{
  guint n_hover = opt_quick ? 10 : 50, n_pan = opt_quick ? 10 : 20, n_zoom = opt_quick ? 10 : 20;
  GtkWindow *window;
  GtkWidget *timeline;
  HlSession *session;
  Driver d = { 0 };
  Series series;
  gint64 deadline, release;
  g_autofree char *settle = NULL;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gtk_window_set_default_size (window, 1600, 1000);
  timeline = GTK_WIDGET (hl_window_get_timeline (HL_WINDOW (window)));
  session = hl_window_get_session (HL_WINDOW (window));
  gtk_test_widget_wait_for_draw (timeline);
  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_printerr ("%s: loading %s…\n", label, path);
      hl_window_open_file (HL_WINDOW (window), file);
      deadline = g_get_monotonic_time () + LOAD_TIMEOUT_US;
      while (hl_window_is_loading (HL_WINDOW (window)) && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      if (hl_window_get_file (HL_WINDOW (window)) == NULL)
        g_error ("%s: not opened (%s)", path, hl_window_get_last_error (HL_WINDOW (window)));
    }
  if (fit_all)
    hl_session_fit_all (session);
  run_until_idle (timeline);

  d.timeline = timeline;
  d.motion = find_controller (timeline, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  d.scroll = find_controller (timeline, GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  d.drag = find_controller (timeline, GTK_TYPE_GESTURE_DRAG);
  d.points = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));

  g_printerr ("%s: finding marks…\n", label);
  find_marks (&d, n_hover);
  if (!wanted ("hover"))
    ;
  else if (d.points->len < 2)
    g_print ("%-18s %-6s window_hover_ms  fewer than 2 marks found\n", label, opt_renderer);
  else
    {
      run_sequence (timeline, "window_hover_ms", n_hover, step_hover, &d, &series);
      print_series (label, &series, n_hover, NULL);
      series_clear (&series);
    }
  hl_session_set_hover (session, -1);
  run_until_idle (timeline);

  /* A drag from the middle of the plot, as a pointer would */
  {
    HlBox plot;

    hl_chart_get_plot_area (hl_timeline_get_chart (HL_TIMELINE (timeline)), &plot);
    d.drag_x = plot.x + plot.width / 2;
    d.drag_y = plot.y + plot.height / 2;
  }
  if (wanted ("pan"))
    {
      g_signal_emit_by_name (d.drag, "drag-begin", d.drag_x, d.drag_y);
      run_sequence (timeline, "window_pan_ms", n_pan, step_pan, &d, &series);
      g_autoptr(GString) names = g_string_new (NULL);
      gulong id;
      guint frames;

      release = g_get_monotonic_time ();
      g_signal_emit_by_name (d.drag, "drag-end", -24.0 * n_pan, 0.0);
      id = g_signal_connect (session, "notify", G_CALLBACK (on_session_notify), names);
      frames = n_painted;
      settle = g_strdup_printf ("  settle %.1f", (run_until_idle (timeline) - release) / 1000.0);
      frames = n_painted - frames;
      g_signal_handler_disconnect (session, id);
      if (frames > 1)
        {
          g_autofree char *more = g_strdup_printf ("%s (%u frames; session said: %.60s)",
                                                   settle, frames,
                                                   names->len > 0 ? names->str : "nothing");

          g_free (settle);
          settle = g_steal_pointer (&more);
        }
      print_series (label, &series, n_pan, settle);
      series_clear (&series);
    }

  /* Wheel notches around the plot's middle: in, then out */
  g_signal_emit_by_name (d.motion, "motion", d.drag_x, d.drag_y);
  hl_session_set_hover (session, -1);
  run_until_idle (timeline);
  g_array_set_size (d.points, n_zoom / 2);
  if (wanted ("zoom"))
    {
      run_sequence (timeline, "window_zoom_ms", n_zoom, step_zoom, &d, &series);
      print_series (label, &series, n_zoom, NULL);
      series_clear (&series);
    }

  g_array_unref (d.points);
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
ensure_generated (guint n)
{
  g_autofree char *name = g_strdup_printf ("generated-%u.json", n);
  g_autofree char *path = g_build_filename (opt_data_dir, name, NULL);
  g_autofree char *tmp = NULL;
  FILE *out;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);
  g_mkdir_with_parents (opt_data_dir, 0755);
  tmp = g_strconcat (path, ".tmp", NULL);
  g_printerr ("generating %s…\n", path);
  if ((out = fopen (tmp, "w")) == NULL || !hl_bench_write_dataset (out, n, 1) ||
      fclose (out) != 0 || g_rename (tmp, path) != 0)
    g_error ("cannot write %s", path);
  return g_steal_pointer (&path);
}

static gboolean
size_wanted (const char *size)
{
  return opt_size == NULL || g_str_equal (opt_size, size);
}

/* A bare Xvfb has no window manager, and then GTK 4.8 asks the X server
 * for one on every frame (it only remembers finding one): two round
 * trips, each waiting for the server to finish the frame before. A
 * desktop always has one, so the figures that stand for a user's are
 * taken under a window manager (bench/README.md); this says which. */
static void
print_window_manager (void)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gdk_display_get_default ();

  if (GDK_IS_X11_DISPLAY (display))
    {
      const char *name = gdk_x11_screen_get_window_manager_name (gdk_x11_display_get_screen (display));

      if (g_strcmp0 (name, "unknown") == 0)
        g_print ("window manager: none (GTK then asks the X server for one every frame: "
                 "wall times include two round trips per frame)\n");
      else
        g_print ("window manager: %s\n", name);
    }
#endif
}

static void
run_frames (HlApplication *app)
{
  print_window_manager ();
  if (size_wanted ("bundled"))
    measure_frames (app, "bundled (36 in view)", NULL, FALSE);
  if (size_wanted ("100k"))
    {
      g_autofree char *p100k = ensure_generated (100000);

      measure_frames (app, "100k overview", p100k, TRUE);
    }
  if (!opt_quick && size_wanted ("1M"))
    {
      g_autofree char *p1m = ensure_generated (1000000);

      measure_frames (app, "1M overview", p1m, TRUE);
    }
}

/* Each renderer in its own process: GSK_RENDERER is read once. */
static int
spawn_renderers (void)
{
  static const char *renderers[] = { "cairo", "gl" };
  int status = 0;

  for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      int child_status;

      g_ptr_array_add (args, g_strdup ("/proc/self/exe"));
      g_ptr_array_add (args, g_strdup_printf ("--renderer=%s", renderers[r]));
      if (opt_quick)
        g_ptr_array_add (args, g_strdup ("--quick"));
      if (opt_only != NULL)
        g_ptr_array_add (args, g_strdup_printf ("--only=%s", opt_only));
      if (opt_size != NULL)
        g_ptr_array_add (args, g_strdup_printf ("--size=%s", opt_size));
      g_ptr_array_add (args, g_strdup_printf ("--data-dir=%s", opt_data_dir));
      g_ptr_array_add (args, NULL);
      if (!g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL, NULL,
                         &child_status, &error) &&
          error != NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (!g_spawn_check_wait_status (child_status, NULL))
        status = 1;
    }
  return status;
}

int
main (int argc, char *argv[])
{
  g_autoptr(HlApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *exe_dir = g_path_get_dirname (argv[0]);
  const GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &opt_quick,
      "Bundled and 100k only, 10 steps each", NULL },
    { "renderer", 0, 0, G_OPTION_ARG_STRING, &opt_renderer,
      "Only this GSK renderer (cairo, gl), in this process", "NAME" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only,
      "Only the figures whose name contains TEXT (hover, pan, zoom)", "TEXT" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &opt_size,
      "Only this dataset (bundled, 100k, 1M)", "NAME" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_data_dir,
      "Where generated datasets are kept (default: next to this program)", "DIR" },
    { NULL }
  };

  context = g_option_context_new ("[FILE…] — the window's frames, or its shortcuts per file");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_size != NULL && !g_strv_contains ((const char *const[]) { "bundled", "100k", "1M",
                                                                    NULL }, opt_size))
    {
      g_printerr ("--size: “%s” is not bundled, 100k or 1M\n", opt_size);
      return 2;
    }
  if (opt_data_dir == NULL)
    opt_data_dir = g_build_filename (exe_dir, "data", NULL);
  if (argc == 1 && opt_renderer == NULL)
    return spawn_renderers ();
  if (argc == 1)
    alarm (opt_quick ? 300 : 900);   /* a renderer that hangs ends its child */
  if (opt_renderer != NULL)
    g_setenv ("GSK_RENDERER", opt_renderer, TRUE);
  else
    opt_renderer = g_strdup (g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");

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
  if (argc == 1)
    run_frames (app);
  for (int i = 1; i < argc; i++)
    measure_file (app, argv[i]);
  return 0;
}
