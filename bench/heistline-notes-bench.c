/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What notes cost (issue 11): laying out a chart with 0 to 10,000 notes
 * in view, and reading and writing a notes file of 10,000. Figures are
 * medians of a few runs, printed, never asserted.
 *
 *   build/bench/heistline-notes-bench [DATASET]   (default: the bundled one)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "hl-chart-notes.h"
#include "hl-chart.h"
#include "hl-notes.h"

#define RUNS 5

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v, guint n)
{
  qsort (v, n, sizeof *v, compare_doubles);
  return v[n / 2];
}

/* @n notes spread over the view, every tenth a span, a third on a lane. */
static HlNotes *
make_notes (HlDataset *dataset, const HlView *view, guint n)
{
  HlNotes *notes = hl_notes_new ();
  gint64 span = view->to - view->from;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autofree char *text = g_strdup_printf ("Note %u: something worth a second look", i);
      gint64 t = view->from + (gint64) ((double) span * (i + 0.5) / n);
      HlAnnotation *note = i % 10 == 0
                           ? hl_annotation_new_range (id, t, t + 5 * 86400, text)
                           : hl_annotation_new_point (id, t, text);

      if (i % 3 == 0 && hl_dataset_get_n_lanes (dataset) > 0)
        note->lanes = g_strsplit (hl_dataset_get_lane (dataset, 0)->id, ",", 2);
      g_ptr_array_add (notes->annotations, note);
    }
  return notes;
}

static void
bench_layout (HlDataset *dataset)
{
  static const guint counts[] = { 0, 10, 100, 1000, 10000 };

  g_print ("layout at 1920x1080 (median of %d)\n", RUNS);
  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      double times[RUNS];
      guint shown = 0, hidden = 0;
      HlView view;
      g_autoptr(HlNotes) notes = NULL;

      hl_view_init (&view, dataset);
      notes = make_notes (dataset, &view, counts[c]);
      view.annotations = hl_notes_ref_annotations (notes);
      for (guint r = 0; r < RUNS; r++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(HlChart) chart = hl_chart_new (dataset, &view, 1920, 1080);

          times[r] = (g_get_monotonic_time () - start) / 1000.0;
          shown = hl_chart_get_n_notes_shown (chart);
          hidden = hl_chart_get_n_notes_hidden (chart);
        }
      g_print ("  %5u notes: %7.2f ms  (%u drawn, %u in \"+N notes\")\n", counts[c],
               median (times, RUNS), shown, hidden);
      hl_view_clear (&view);
    }
}

static void
bench_file (HlDataset *dataset)
{
  g_autofree char *dir = g_dir_make_tmp ("heistline-notes-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "b.notes.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double save[RUNS], load[RUNS];
  HlView view;
  g_autoptr(HlNotes) notes = NULL;
  GStatBuf st;

  hl_view_init (&view, dataset);
  notes = make_notes (dataset, &view, HL_NOTES_MAX_ANNOTATIONS);
  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(HlNotes) back = NULL;

      if (!hl_notes_save (notes, path, NULL))
        g_error ("save failed");
      save[r] = (g_get_monotonic_time () - start) / 1000.0;
      start = g_get_monotonic_time ();
      back = hl_notes_new_from_file (file, NULL);
      load[r] = (g_get_monotonic_time () - start) / 1000.0;
      if (back == NULL || !hl_notes_equal (back, notes))
        g_error ("round trip failed");
    }
  g_stat (path, &st);
  g_print ("notes file of %u annotations (%.1f KB): save %.1f ms, load %.1f ms\n",
           HL_NOTES_MAX_ANNOTATIONS, st.st_size / 1024.0, median (save, RUNS),
           median (load, RUNS));
  g_unlink (path);
  g_rmdir (dir);
  hl_view_clear (&view);
}

int
main (int argc, char **argv)
{
  g_autoptr(HlDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  if (argc > 1)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

      dataset = hl_dataset_new_from_file (file, NULL, &error);
      if (dataset == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  else
    dataset = hl_dataset_new_bundled ();
  g_print ("%s: %u events\n", hl_dataset_get_display_name (dataset),
           hl_dataset_get_n_events (dataset));
  bench_layout (dataset);
  bench_file (dataset);
  return 0;
}
