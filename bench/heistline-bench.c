/* SPDX-License-Identifier: GPL-3.0-or-later */
/* heistline-bench: how Heistline's costs grow with the number of events.
 * Not a test: it asserts nothing and prints one line per figure,
 *
 *   NAME n=N median=VALUE UNIT (runs=R min=MIN max=MAX)
 *
 * for generated datasets of 1k, 10k, 100k and 1M events (--quick: up to
 * 100k). Machines are shared and noisy, so every figure is the median of
 * several runs after a warm-up run; min and max show the spread. */
#include "config.h"

#include <cairo.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hl-bench-gen.h"
#include "hl-chart.h"
#include "hl-chart-private.h"
#include "hl-dataset.h"
#include "hl-date.h"
#include "hl-export.h"
#include "hl-proximity.h"
#include "hl-view.h"

#define FRAME_W 1920
#define FRAME_H 1080

static char *opt_data_dir = NULL;
static char *opt_heistline = NULL;
static char *opt_schema_dir = NULL;
static char *opt_child_load = NULL;
static char *opt_only = NULL;
static char *opt_bins = NULL;
static HlBins bench_bins = HL_BINS_AUTO;
static gboolean opt_quick = FALSE;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* This thread's CPU time: on a shared machine, what the work cost apart
 * from waiting for a core. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static char *
format_value (double v)
{
  if (fabs (v) < 10)
    return g_strdup_printf ("%.3f", v);
  if (fabs (v) < 1000)
    return g_strdup_printf ("%.1f", v);
  return g_strdup_printf ("%.0f", v);
}

/* Prints one figure: the median of @runs samples, with their range. */
static void
report (const char *name, guint n, const char *unit, double *samples, guint runs)
{
  g_autofree char *median = NULL, *min = NULL, *max = NULL;
  double m;

  if (runs == 0)
    return;
  qsort (samples, runs, sizeof (double), compare_doubles);
  m = runs % 2 ? samples[runs / 2] : (samples[runs / 2 - 1] + samples[runs / 2]) / 2;
  median = format_value (m);
  min = format_value (samples[0]);
  max = format_value (samples[runs - 1]);
  printf ("%s n=%u median=%s %s (runs=%u min=%s max=%s)\n", name, n, median, unit, runs,
          min, max);
  fflush (stdout);
}

static gboolean
wanted (const char *name)
{
  return opt_only == NULL || strstr (name, opt_only) != NULL;
}

/* Fewer runs where one run takes long: the median of 3 at 1M events. */
static guint
runs_for (guint n)
{
  return n >= 1000000 ? 5 : n >= 100000 ? 9 : 15;
}

/* ------------------------------------------------------------------ */
/* Datasets */

static char *
dataset_path (guint n)
{
  g_autofree char *name = g_strdup_printf ("generated-%u.json", n);

  return g_build_filename (opt_data_dir, name, NULL);
}

/* Generates the file once; later runs reuse it. @n_periods: 0 for the
 * usual two periods. */
static char *
ensure_dataset_with_periods (guint n, guint n_periods)
{
  g_autofree char *path = NULL;
  g_autofree char *tmp = NULL;
  FILE *out;

  if (n_periods == 0)
    path = dataset_path (n);
  else
    {
      g_autofree char *name = g_strdup_printf ("generated-%u-periods-%u.json", n, n_periods);

      path = g_build_filename (opt_data_dir, name, NULL);
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);

  g_mkdir_with_parents (opt_data_dir, 0755);
  tmp = g_strconcat (path, ".tmp", NULL);
  fprintf (stderr, "generating %s…\n", path);
  if ((out = fopen (tmp, "w")) == NULL)
    g_error ("cannot write %s: %s", tmp, g_strerror (errno));
  if (!hl_bench_write_dataset_with_periods (out, n, n_periods, 1) || fclose (out) != 0 || g_rename (tmp, path) != 0)
    g_error ("cannot write %s: %s", path, g_strerror (errno));
  return g_steal_pointer (&path);
}

static char *
ensure_dataset (guint n)
{
  return ensure_dataset_with_periods (n, 0);
}

static HlDataset *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HlDataset *dataset = hl_dataset_new_from_file (file, NULL, &error);

  if (dataset == NULL)
    g_error ("%s", error->message);
  return dataset;
}

/* The peak resident size of this process so far, in kilobytes. Not
 * getrusage(): across fork() and exec() its ru_maxrss keeps the peak of
 * the parent's image the child started as. */
static double
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtod (line + 6, NULL);
}

/* In a fresh process (--child-load): load once, print the time taken and
 * the peak resident size, so each figure is what loading that file costs
 * a process that did nothing else. */
static int
child_load (const char *path)
{
  double t0 = now_ms ();
  g_autoptr(HlDataset) dataset = load (path);
  double t1 = now_ms ();

  printf ("%.3f %.0f\n", t1 - t0, peak_rss_kb ());
  return hl_dataset_get_n_events (dataset) > 0 ? 0 : 1;
}

static gboolean
run_child_load (const char *self_exe, const char *path, double *ms, double *peak_mb)
{
  int fds[2];
  pid_t pid;
  int status;
  char buf[64] = { 0 };
  char *end;
  ssize_t len;

  if (pipe (fds) != 0)
    return FALSE;
  pid = fork ();
  if (pid == 0)
    {
      dup2 (fds[1], STDOUT_FILENO);
      close (fds[0]);
      close (fds[1]);
      execl (self_exe, self_exe, "--child-load", path, (char *) NULL);
      _exit (127);
    }
  close (fds[1]);
  len = read (fds[0], buf, sizeof buf - 1);
  close (fds[0]);
  if (pid < 0 || waitpid (pid, &status, 0) != pid || !WIFEXITED (status) ||
      WEXITSTATUS (status) != 0 || len <= 0)
    return FALSE;
  *ms = g_ascii_strtod (buf, &end);
  *peak_mb = g_ascii_strtod (end, NULL) / 1024;
  return *peak_mb > 0;
}

static void
bench_load (const char *self_exe, const char *path, guint n)
{
  guint runs = n >= 1000000 ? 3 : runs_for (n);
  g_autofree double *ms = g_new (double, runs);
  g_autofree double *mb = g_new (double, runs);
  g_autofree double *kb_per_event = g_new (double, runs);

  if (!wanted ("load_ms") && !wanted ("load_peak_rss_mb") &&
      !wanted ("load_peak_rss_kb_per_event"))
    return;
  for (guint i = 0; i < runs; i++)
    {
      if (!run_child_load (self_exe, path, &ms[i], &mb[i]))
        g_error ("loading %s in a child process failed", path);
      kb_per_event[i] = mb[i] * 1024 / n;
    }
  report ("load_ms", n, "ms", ms, runs);
  report ("load_peak_rss_mb", n, "MB", mb, runs);
  report ("load_peak_rss_kb_per_event", n, "KB", kb_per_event, runs);
}

/* ------------------------------------------------------------------ */
/* Frames */

/* Everything from a little before the first event to a little after the
 * last, as "fit all" would show it. Set directly: the window caps its
 * zoom at thirty years, the renderer does not. */
static void
view_full (HlView *view, HlDataset *dataset)
{
  gint64 first, last, margin;

  hl_view_init (view, dataset);
  view->bins = bench_bins;
  if (!hl_dataset_get_extent (dataset, &first, &last))
    return;
  first = hl_date_floor_day (first);
  last = hl_date_floor_day (last) + HL_SECONDS_PER_DAY;
  margin = MAX ((last - first) / 20, HL_SECONDS_PER_DAY);
  view->from = first - margin;
  view->to = last + margin;
}

/* One week in the middle of the dataset's extent. */
static void
view_week (HlView *view, HlDataset *dataset)
{
  gint64 first = 0, last = 0, mid;

  hl_view_init (view, dataset);
  view->bins = bench_bins;
  hl_dataset_get_extent (dataset, &first, &last);
  mid = hl_date_floor_day (first + (last - first) / 2);
  view->from = mid;
  view->to = mid + 7 * HL_SECONDS_PER_DAY;
}

/* What a frame costs when the view changed: lay the chart out and draw it,
 * with the text cache the window keeps from frame to frame. */
static double
time_frame (HlDataset *dataset, const HlView *view, cairo_t *cr, HlTextCache *cache)
{
  double t0 = now_ms ();
  g_autoptr(HlChart) chart = hl_chart_new_cached (dataset, view, FRAME_W, FRAME_H, cache);

  hl_chart_draw (chart, cr);
  cairo_surface_flush (cairo_get_target (cr));
  return now_ms () - t0;
}

/* What the window pays for the same frame with GTK's cairo renderer: the
 * chart is drawn into a cairo node (a recording surface), which GSK then
 * replays onto the window's surface, over the window's own background. */
static double
time_replayed_frame (HlDataset *dataset, const HlView *view, cairo_t *cr, HlTextCache *cache)
{
  double t0 = now_ms ();
  g_autoptr(HlChart) chart = hl_chart_new_cached (dataset, view, FRAME_W, FRAME_H, cache);
  cairo_surface_t *recording;
  cairo_t *rc;

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                              &(cairo_rectangle_t) { 0, 0, FRAME_W, FRAME_H });
  rc = cairo_create (recording);
  hl_chart_draw (chart, rc);
  cairo_destroy (rc);
  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_surface_flush (cairo_get_target (cr));
  cairo_surface_destroy (recording);
  return now_ms () - t0;
}

typedef void   (*ViewFunc)  (HlView *view, HlDataset *dataset);
typedef double (*FrameFunc) (HlDataset *dataset, const HlView *view, cairo_t *cr,
                             HlTextCache *cache);

/* Figure @name: @frame on the view @set_view makes, after a warm-up
 * (font setup, caches). */
static void
report_frames (const char *name, HlDataset *dataset, guint n, ViewFunc set_view,
               FrameFunc frame, cairo_t *cr, HlTextCache *cache)
{
  guint runs = runs_for (n);
  g_autofree double *samples = NULL;
  HlView view;

  if (!wanted (name))
    return;
  samples = g_new (double, runs);
  set_view (&view, dataset);
  frame (dataset, &view, cr, cache);
  for (guint i = 0; i < runs; i++)
    samples[i] = frame (dataset, &view, cr, cache);
  report (name, n, "ms", samples, runs);
  hl_view_clear (&view);
}

static void
bench_frames (HlDataset *dataset, guint n)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_W, FRAME_H);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(HlTextCache) cache = hl_text_cache_new ();

  report_frames ("frame_ms_full", dataset, n, view_full, time_frame, cr, cache);
  report_frames ("frame_ms_replayed", dataset, n, view_full, time_replayed_frame, cr, cache);
  report_frames ("frame_ms_week", dataset, n, view_week, time_frame, cr, cache);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A frame of the whole extent of a 1k-event dataset with @n_periods
 * periods, most of them overlapping. */
static void
bench_periods (guint n_periods)
{
  g_autofree char *path = NULL;
  g_autoptr(HlDataset) dataset = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint runs = 7;
  g_autofree double *samples = NULL;
  g_autoptr(HlTextCache) cache = NULL;
  HlView view;

  if (!wanted ("frame_ms_periods"))
    return;
  path = ensure_dataset_with_periods (1000, n_periods);
  dataset = load (path);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_W, FRAME_H);
  cr = cairo_create (surface);
  samples = g_new (double, runs);
  cache = hl_text_cache_new ();
  view_full (&view, dataset);
  time_frame (dataset, &view, cr, cache);
  for (guint i = 0; i < runs; i++)
    samples[i] = time_frame (dataset, &view, cr, cache);
  report ("frame_ms_periods", n_periods, "ms", samples, runs);
  hl_view_clear (&view);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A chart laid out and drawn once for hovering (the window keeps it as a
 * texture), and the marks to hover: at most @max_targets, each its own
 * event's (bins off) or each in a different bin (bins on). */
typedef struct
{
  HlChart         *chart;
  cairo_surface_t *surface;
  cairo_t         *cr;
  HlBox            boxes[101];
  guint            n_targets;
} HoverRig;

static void
hover_rig_init (HoverRig *rig, HlDataset *dataset, HlBins bins, guint max_targets)
{
  const HlMark *marks;
  guint n_marks, start;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  HlView view;

  g_assert (max_targets <= G_N_ELEMENTS (rig->boxes));
  view_full (&view, dataset);
  view.bins = bins;
  rig->chart = hl_chart_new (dataset, &view, FRAME_W, FRAME_H);
  hl_view_clear (&view);
  rig->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_W, FRAME_H);
  rig->cr = cairo_create (rig->surface);
  hl_chart_draw (rig->chart, rig->cr);
  rig->n_targets = 0;

  /* Marks around the middle, spread out: a bin's base segment stands for
   * its bin (one target per bin), a mark outside bins for its event. */
  marks = _hl_chart_get_marks (rig->chart, &n_marks);
  start = n_marks / 2;
  for (guint k = 0; k < n_marks && rig->n_targets < max_targets; k++)
    {
      const HlMark *mk = &marks[(start + k * 7919) % n_marks];
      gpointer key = GUINT_TO_POINTER (mk->bin > 0 ? mk->bin : (guint) mk->event + 1);

      if (mk->event < 0 || (bins != HL_BINS_MARKS) != (mk->bin > 0) ||
          g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, key);
      rig->boxes[rig->n_targets++] = mk->box;
    }
}

static void
hover_rig_clear (HoverRig *rig)
{
  cairo_destroy (rig->cr);
  cairo_surface_destroy (rig->surface);
  hl_chart_unref (rig->chart);
}

/* One hover frame: the hit test plus the hover layer over the image. */
static double
hover_once (HoverRig *rig, guint target)
{
  const HlBox *b = &rig->boxes[target];
  double t0 = now_ms ();
  int hit = hl_chart_hit_test (rig->chart, b->x + b->width / 2, b->y + b->height / 2);

  hl_chart_draw_overlay (rig->chart, rig->cr, hit, -1);
  cairo_surface_flush (rig->surface);
  if (hit < 0)
    g_error ("hover_ms: the hit test missed a mark at %.0f, %.0f", b->x, b->y);
  return now_ms () - t0;
}

/* Moving the pointer from one mark to another, with bins off (marks) and
 * on, frames of the two taking turns so that both see the same noise:
 * hover_ms and hover_ms_bins, each alternating between two targets, and
 * hover_ms_bins_first, hovering up to 101 bins once each (a bin's card
 * is laid out on its first hover, then kept with the chart). */
static void
bench_hover (HlDataset *dataset, guint n)
{
  guint runs = 101;
  g_autofree double *marks = g_new (double, runs);
  g_autofree double *binned = g_new (double, runs);
  g_autofree double *first = g_new (double, runs);
  HoverRig off, on;
  HlBins bins = bench_bins == HL_BINS_MARKS ? HL_BINS_AUTO : bench_bins;

  if (!wanted ("hover_ms"))
    return;

  hover_rig_init (&off, dataset, HL_BINS_MARKS, 2);
  hover_rig_init (&on, dataset, bins, 2);
  if (on.n_targets < 2 && bins == HL_BINS_AUTO)
    {
      /* a dataset too sparse to crowd: ask for month bins */
      printf ("# hover_ms_bins n=%u: auto draws no bins here, month bins hovered\n", n);
      hover_rig_clear (&on);
      hover_rig_init (&on, dataset, bins = HL_BINS_MONTH, 2);
    }
  if (off.n_targets < 2 || on.n_targets < 2)
    {
      fprintf (stderr, "hover_ms n=%u: no two marks or bins to hover\n", n);
      goto out;
    }
  for (guint i = 0; i < runs + 1; i++)
    {
      double t_off = hover_once (&off, i % 2), t_on = hover_once (&on, i % 2);

      if (i > 0)   /* the first one is the warm-up */
        {
          marks[i - 1] = t_off;
          binned[i - 1] = t_on;
        }
    }
  hover_rig_clear (&on);
  hover_rig_init (&on, dataset, bins, runs);
  for (guint i = 0; i < on.n_targets; i++)
    first[i] = hover_once (&on, i);
  report ("hover_ms", n, "ms", marks, runs);
  report ("hover_ms_bins", n, "ms", binned, runs);
  report ("hover_ms_bins_first", n, "ms", first, on.n_targets);
  /* the medians' ratio (report() sorted the samples) */
  printf ("hover_bins_ratio n=%u median=%.2f x\n", n,
          binned[runs / 2] / MAX (marks[runs / 2], 1e-9));

out:
  hover_rig_clear (&off);
  hover_rig_clear (&on);
}

/* ------------------------------------------------------------------ */
/* Export */

static void
bench_export (HlDataset *dataset, guint n, int width, int height, const char *name)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint runs = width > 2000 ? 7 : 11;
  g_autofree double *samples = g_new (double, runs);
  HlView view;

  if (!wanted (name))
    return;
  dir = g_dir_make_tmp ("heistline-bench-XXXXXX", NULL);
  path = g_build_filename (dir, "chart.png", NULL);
  hl_view_init (&view, dataset);
  for (guint i = 0; i < runs + 1; i++)
    {
      g_autoptr(GError) error = NULL;
      double t0 = now_ms ();

      if (!hl_export_to_file (dataset, &view, HL_EXPORT_PNG, width, height, 1, path, &error))
        g_error ("%s", error->message);
      if (i > 0)
        samples[i - 1] = now_ms () - t0;
    }
  report (name, n, "ms", samples, runs);
  hl_view_clear (&view);
  g_unlink (path);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Proximity (issue 12) */

/* The whole analysis as the dialog and --analyze run it: the table, the
 * lags, the statistic and the permutation test's 10,000 shifts, heists
 * leading launches over every event's range, 30 days: wall time, this
 * thread's CPU time, and the CPU time per shift over m log2 n (m following
 * events, n leading ones), which stays flat or falls if a shift costs
 * O(m log n) or less, as hl-proximity.c says. */
static void
bench_analyze (HlDataset *dataset, guint n)
{
  guint runs = n >= 100000 ? 5 : 9;
  g_autofree double *samples = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);
  g_autofree double *per = g_new (double, runs);
  HlProximitySettings s;
  HlView view;

  if (!wanted ("analyze_ms"))
    return;
  hl_view_init (&view, dataset);
  hl_view_fit_all (&view, dataset);
  hl_proximity_settings_init (&s, dataset, &view);
  hl_view_clear (&view);
  for (guint i = 0; i < runs + 1; i++)
    {
      double t0 = now_ms (), c0 = thread_cpu_ms (), t, c;
      g_autoptr(HlProximity) p = hl_proximity_analyze (dataset, &s, NULL, NULL, NULL, NULL);

      t = now_ms () - t0;
      c = thread_cpu_ms () - c0;
      if (p == NULL || p->n_shifts != HL_PROXIMITY_DEFAULT_SHIFTS)
        g_error ("analyze_ms: no test ran");
      if (i > 0)
        {
          samples[i - 1] = t;
          cpu[i - 1] = c;
          per[i - 1] = c * 1e6 / s.n_shifts / (p->n_follow * log2 (MAX (p->n_lead, 2)));
        }
    }
  report ("analyze_ms", n, "ms", samples, runs);
  report ("analyze_cpu_ms", n, "ms", cpu, runs);
  report ("analyze_ns_per_shift_m_log2_n", n, "ns", per, runs);
}

/* ------------------------------------------------------------------ */
/* Start-up */

/* Wall time from spawning the app to its exit right after the first
 * frame of the timeline (HEISTLINE_QUIT_AFTER_FIRST_FRAME), on the X
 * server in $DISPLAY. */
static void
bench_startup (guint n)
{
  guint runs = 9;
  g_autofree double *samples = g_new (double, runs);
  g_auto(GStrv) env = NULL;
  const char *argv[] = { opt_heistline, NULL };

  if (!wanted ("startup_ms"))
    return;
  if (opt_heistline == NULL || !g_file_test (opt_heistline, G_FILE_TEST_IS_EXECUTABLE))
    {
      fprintf (stderr, "startup_ms: skipped, no GUI build (--heistline PATH)\n");
      return;
    }
  if (g_getenv ("DISPLAY") == NULL)
    {
      fprintf (stderr, "startup_ms: skipped, no $DISPLAY (start Xvfb :99, DISPLAY=:99)\n");
      return;
    }

  env = g_get_environ ();
  env = g_environ_setenv (env, "HEISTLINE_QUIT_AFTER_FIRST_FRAME", "1", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  if (opt_schema_dir != NULL)
    env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", opt_schema_dir, TRUE);

  for (guint i = 0; i < runs + 1; i++)
    {
      g_autoptr(GError) error = NULL;
      double t0 = now_ms (), t;
      GPid pid;
      int status = -1;

      if (!g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD |
                          G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid, &error))
        g_error ("startup_ms: %s", error->message);
      /* An app without the quit hook would run forever: give up at 30 s. */
      while (waitpid (pid, &status, WNOHANG) == 0)
        {
          if (now_ms () - t0 > 30000)
            {
              kill (pid, SIGKILL);
              waitpid (pid, &status, 0);
              fprintf (stderr, "startup_ms: skipped, the app did not quit after its first "
                       "frame (HEISTLINE_QUIT_AFTER_FIRST_FRAME)\n");
              return;
            }
          g_usleep (200);
        }
      t = now_ms () - t0;
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        {
          fprintf (stderr, "startup_ms: skipped, the app exited with status %d\n", status);
          return;
        }
      if (i > 0)   /* the first run warms the page cache */
        samples[i - 1] = t;
    }
  report ("startup_ms", n, "ms", samples, runs);
}

/* ------------------------------------------------------------------ */

int
main (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "quick", 'q', 0, G_OPTION_ARG_NONE, &opt_quick, "Stop at 100k events", NULL },
    { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only,
      "Only the figures whose name contains TEXT", "TEXT" },
    { "bins", 0, 0, G_OPTION_ARG_STRING, &opt_bins,
      "How lanes group their events in every view: marks, auto (the default), day, week, "
      "month, quarter or year", "NAME" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_data_dir,
      "Where generated datasets are kept (default: next to this program)", "DIR" },
    { "heistline", 0, 0, G_OPTION_ARG_FILENAME, &opt_heistline,
      "The GUI build of heistline, for startup_ms", "PATH" },
    { "schema-dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_schema_dir,
      "GSETTINGS_SCHEMA_DIR for startup_ms", "DIR" },
    { "child-load", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_child_load,
      NULL, NULL },
    { NULL }
  };
  static const guint sizes[] = { 1000, 10000, 100000, 1000000 };
  g_autoptr(GOptionContext) context = g_option_context_new ("— Heistline benchmarks");
  g_autoptr(GError) error = NULL;
  g_autofree char *self_exe = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (opt_child_load != NULL)
    return child_load (opt_child_load);
  if (opt_bins != NULL && !hl_bins_from_string (opt_bins, &bench_bins))
    {
      fprintf (stderr, "--bins: not one of marks, auto, day, week, month, quarter, year\n");
      return 2;
    }

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (opt_data_dir == NULL)
    opt_data_dir = g_strdup (BENCH_DATA_DIR);
#ifdef HEISTLINE_GUI_BIN
  if (opt_heistline == NULL)
    opt_heistline = g_strdup (HEISTLINE_GUI_BIN);
  if (opt_schema_dir == NULL)
    opt_schema_dir = g_strdup (HEISTLINE_SCHEMA_DIR);
#endif

  {
    g_autoptr(HlDataset) bundled = hl_dataset_new_bundled ();
    guint n = hl_dataset_get_n_events (bundled);

    bench_frames (bundled, n);
    bench_export (bundled, n, 1920, 1080, "export_png_ms_1080p");
    bench_export (bundled, n, 3840, 2160, "export_png_ms_2160p");
    bench_startup (n);
  }

  /* Up to the most a file may hold: a larger one is refused on load. */
  for (guint n_periods = 1000; n_periods <= HL_DATASET_MAX_PERIODS; n_periods *= 10)
    bench_periods (n_periods);

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      guint n = sizes[k];
      g_autofree char *path = NULL;
      g_autoptr(HlDataset) dataset = NULL;

      if (opt_quick && n > 100000)
        break;
      if (!wanted ("load_ms") && !wanted ("load_peak_rss_mb") &&
          !wanted ("load_peak_rss_kb_per_event") && !wanted ("frame_ms_full") &&
          !wanted ("frame_ms_replayed") && !wanted ("frame_ms_week") && !wanted ("hover_ms") &&
          !wanted ("analyze_ms") &&
          !(n == 100000 && (wanted ("export_png_ms_1080p") || wanted ("export_png_ms_2160p"))))
        continue;
      path = ensure_dataset (n);
      bench_load (self_exe, path, n);
      if (!wanted ("frame_ms_full") && !wanted ("frame_ms_replayed") &&
          !wanted ("frame_ms_week") && !wanted ("hover_ms") &&
          !(n <= 100000 && wanted ("analyze_ms")) &&
          !(n == 100000 && (wanted ("export_png_ms_1080p") || wanted ("export_png_ms_2160p"))))
        continue;
      dataset = load (path);
      bench_frames (dataset, n);
      bench_hover (dataset, n);
      if (n <= 100000)
        bench_analyze (dataset, n);
      if (n == 100000)
        {
          bench_export (dataset, n, 1920, 1080, "export_png_ms_1080p");
          bench_export (dataset, n, 3840, 2160, "export_png_ms_2160p");
        }
    }
  return 0;
}
