/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Proximity in the window (issue 12): selecting a launch says in the panel
 * what was stolen in the days before it, in the dataset's words, with each
 * heist a button that selects it; the chart rings the neighbours and
 * brackets the window on the axis; the window's choice is remembered. */
#include "config.h"

#include <gdk/x11/gdkx.h>

#include <math.h>
#include <string.h>

#include "gui-test-util.h"
#include "test-util.h"
#include "hl-analysis-dialog-private.h"
#include "hl-chart-proximity.h"
#include "hl-date.h"
#include "hl-details-span.h"
#include "hl-details-proximity.h"
#include "hl-session.h"
#include "hl-timeline.h"

static gboolean
file_is_open (gpointer data)
{
  HlWindow *window = data;

  return !hl_window_is_loading (window) && hl_window_get_file (window) != NULL;
}

static HlWindow *
open_bundled (void)
{
  HlWindow *window = hl_test_new_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "heistline.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  hl_test_wait_for_draw (GTK_WIDGET (hl_window_get_timeline (window)));
  return window;
}

/* The neighbour button whose label holds @title. */
static GtkWidget *
find_neighbour (GtkWidget *root, const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (child))))
        {
          g_autofree char *text = hl_test_visible_text (
            gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (child)))));

          if (strstr (text, title) != NULL)
            return child;
        }
      if ((found = find_neighbour (child, title)) != NULL)
        return found;
    }
  return NULL;
}

static void
select_id (HlWindow *window, const char *id)
{
  HlSession *session = hl_window_get_session (window);

  hl_session_select (session, hl_dataset_find_event (hl_session_get_dataset (session), id));
  hl_test_wait_for_draw (GTK_WIDGET (hl_window_get_timeline (window)));
}

static void
test_panel_lines (void)
{
  HlWindow *window = open_bundled ();
  HlSession *session = hl_window_get_session (window);
  GtkWidget *panel = GTK_WIDGET (hl_window_get_panel (window));
  GtkWidget *section = hl_test_find_type (panel, HL_TYPE_PROXIMITY_SECTION);
  GtkWidget *button;

  g_assert_nonnull (section);
  g_assert_false (gtk_widget_get_visible (section));

  /* The launch of 22 November 2023: Poloniex and Samudai (10 November)
   * and HTX (the same day), $237.1M (tests/proximity-reference.py). */
  select_id (window, "2023-11-22-bm");
  g_assert_true (gtk_widget_get_visible (section));
  g_assert_true (hl_test_has_label (section,
                                    "In the 30 days before: Crypto heists: 3 events, $237M"));
  button = find_neighbour (section, "Poloniex");
  g_assert_nonnull (button);
  g_assert_nonnull (find_neighbour (section, "Samudai"));
  g_assert_nonnull (find_neighbour (section, "HTX / HECO bridge"));

  /* A heist looks ahead into the launches. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (hl_session_get_selected_id (session), ==, "poloniex-2023");
  g_assert_true (hl_test_has_label (section, "In the 30 days after: "
                                    "Missile and satellite launches: 2 events"));

  /* Another window, from the drop-down: the words follow. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (hl_test_find_type (section, GTK_TYPE_DROP_DOWN)), 0);
  g_assert_cmpuint (hl_session_get_proximity_window (session), ==, 7);
  g_assert_true (hl_test_has_label (section, "In the 7 days after: "
                                    "Missile and satellite launches: no events"));
  /* Custom: 12 days is no preset. */
  hl_session_set_proximity_window (session, 12);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (hl_test_find_type (
                      section, GTK_TYPE_DROP_DOWN))), ==, 5);
  g_assert_true (gtk_widget_get_visible (hl_test_find_type (section, GTK_TYPE_SPIN_BUTTON)));
  g_assert_true (hl_test_has_label (section, "In the 12 days after: "));

  /* Lanes from the settings: milestones lead, launches follow. A launch
   * then looks back into the milestones. */
  hl_session_set_proximity_window (session, 30);
  hl_session_set_proximity_lead (session, "milestones");
  select_id (window, "2023-11-21-slv");
  g_assert_true (hl_test_has_label (section, "In the 30 days before: "
                                    "Other weapons milestones: 2 events"));
  hl_session_set_proximity_lead (session, NULL);
  hl_test_close_window (window);
}

/* The window remembers the choice: a new window starts with it. */
static void
test_remembered (void)
{
  HlWindow *window = open_bundled ();

  hl_session_set_proximity_window (hl_window_get_session (window), 60);
  hl_session_set_proximity_follow (hl_window_get_session (window), "milestones");
  hl_test_close_window (window);
  window = open_bundled ();
  g_assert_cmpuint (hl_session_get_proximity_window (hl_window_get_session (window)), ==, 60);
  g_assert_cmpstr (hl_session_get_proximity_follow (hl_window_get_session (window)), ==,
                   "milestones");
  hl_session_set_proximity_window (hl_window_get_session (window), 30);
  hl_session_set_proximity_follow (hl_window_get_session (window), NULL);
  hl_test_close_window (window);
}

/* The bracket on the axis spans the 30 days before the launch, and the
 * chart's shading over the heists' lane is there only while selected. */
static void
test_chart_bracket (void)
{
  HlWindow *window = open_bundled ();
  HlTimeline *timeline = hl_window_get_timeline (window);
  HlSession *session = hl_window_get_session (window);
  HlDataset *dataset = hl_session_get_dataset (session);
  cairo_surface_t *before, *after;
  double x0, x1;
  guint lane;
  int launch = hl_dataset_find_event (dataset, "2023-11-22-bm");
  HlChart *chart;
  HlBox plot;
  int y, changed_inside = 0, changed_outside = 0;

  before = hl_test_render_widget (GTK_WIDGET (timeline));
  select_id (window, "2023-11-22-bm");
  after = hl_test_render_widget (GTK_WIDGET (timeline));
  chart = hl_timeline_get_chart (timeline);
  g_assert_true (hl_chart_get_proximity_window (chart, launch, &x0, &x1, &lane));
  g_assert_cmpint (lane, ==, hl_dataset_find_lane (dataset, "heists"));
  /* 31 days (30 before and the day itself) of a 215-day view */
  hl_chart_get_plot_area (chart, &plot);
  g_assert_cmpfloat (fabs ((x1 - x0) - plot.width * 31 / 215), <, 1.0);
  g_assert_cmpfloat (x1, ==, hl_chart_time_to_x (chart, hl_chart_x_to_time (chart, x1)));

  /* On the axis line, the bracket is drawn between x0 and x1 only. */
  y = (int) (plot.y + plot.height);
  for (int x = (int) plot.x + 2; x < (int) (plot.x + plot.width) - 2; x++)
    {
      gboolean differs = hl_test_pixel (before, x, y) != hl_test_pixel (after, x, y);

      if (x > x0 + 2 && x < x1 - 2)
        changed_inside += differs;
      else if (x < x0 - 12 || x > x1 + 12)
        changed_outside += differs;
    }
  g_assert_cmpint (changed_inside, >, (int) ((x1 - x0) * 0.8));
  g_assert_cmpint (changed_outside, ==, 0);
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  hl_test_close_window (window);
}

static HlAnalysisDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (HL_IS_ANALYSIS_DIALOG (w))
        return HL_ANALYSIS_DIALOG (w);
    }
  return NULL;
}

static guint
count_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      n += HL_IS_ANALYSIS_DIALOG (w);
    }
  return n;
}

static gboolean
finished (gpointer data)
{
  return !hl_analysis_dialog_is_running (data);
}

static const char *
summary_of (HlAnalysisDialog *dialog)
{
  g_autoptr(GPtrArray) labels = hl_test_collect_labels (GTK_WIDGET (dialog));

  for (guint i = 0; i < labels->len; i++)
    if (strstr (g_ptr_array_index (labels, i), "chance") != NULL ||
        strstr (g_ptr_array_index (labels, i), "Cancelled") != NULL)
      return g_ptr_array_index (labels, i);
  return "";
}

static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GListModel *
table_of (HlAnalysisDialog *dialog)
{
  GtkWidget *view = find_named (GTK_WIDGET (dialog), "analysis-table");

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
}

/* The primary menu's action (Ctrl+Shift+A) opens the page on the visible
 * range; the result says what it means and what it does not. */
static void
test_dialog (void)
{
  HlWindow *window = open_bundled ();
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "analysis.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "analysis.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) first = NULL;
  HlAnalysisDialog *dialog;
  cairo_surface_t *image;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.analyze", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (hl_test_wait_for (finished, dialog, 10000));
  /* asked again, the same page comes back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.analyze", NULL));
  g_assert_true (find_dialog () == dialog);
  g_assert_cmpuint (count_dialogs (), ==, 1);
  g_assert_true (hl_test_wait_for (finished, dialog, 10000));
  g_assert_nonnull (hl_analysis_dialog_get_result (dialog));
  g_assert_cmpuint (hl_analysis_dialog_get_result (dialog)->n_shifts, ==, 10000);
  g_assert_true (g_str_has_prefix (summary_of (dialog), "The timing is not closer than chance: "));
  g_assert_nonnull (strstr (summary_of (dialog), "This does not show that one caused the other."));
  g_assert_null (strstr (summary_of (dialog), "Several windows"));
  g_assert_cmpuint (g_list_model_get_n_items (table_of (dialog)), ==, 17);
  first = g_list_model_get_item (table_of (dialog), 10);
  g_assert_nonnull (strstr (gtk_string_object_get_string (GTK_STRING_OBJECT (first)),
                            "Ballistic missile (failed): 3 events, $237M"));

  /* Another window on the same data: a warning. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hl_test_find_type (GTK_WIDGET (dialog),
                                                                 GTK_TYPE_SPIN_BUTTON)), 14);
  g_assert_cmpuint (hl_session_get_proximity_window (hl_window_get_session (window)), ==, 14);
  hl_analysis_dialog_run (dialog);
  g_assert_true (hl_test_wait_for (finished, dialog, 10000));
  g_assert_cmpuint (hl_analysis_dialog_get_result (dialog)->settings.window_days, ==, 14);
  g_assert_nonnull (strstr (summary_of (dialog), "Several windows were tried on the same data"));

  /* PNG, PDF and CSV */
  g_assert_true (_hl_analysis_dialog_export (dialog, png, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 900);
  cairo_surface_destroy (image);
  g_assert_true (_hl_analysis_dialog_export (dialog, pdf, &error));
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (_hl_analysis_dialog_save_csv (dialog, csv, &error));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "follow_id,follow_date,follow_title,window_days,"
                                             "lead_events,lead_amount\r\n"
                                             "\"2023-07-12-icbm\",\"2023-07-12\",\"Hwasong-18 ICBM\","
                                             "14,0,0\r\n"));

  /* A long run, cancelled: no result, no stale numbers. */
  _hl_analysis_dialog_set_shifts (dialog, HL_PROXIMITY_MAX_SHIFTS);
  hl_analysis_dialog_run (dialog);
  g_assert_true (hl_analysis_dialog_is_running (dialog));
  g_assert_true (gtk_widget_get_visible (hl_test_find_type (GTK_WIDGET (dialog),
                                                            GTK_TYPE_PROGRESS_BAR)));
  g_signal_emit_by_name (hl_test_find_button (GTK_WIDGET (dialog), "_Cancel"), "clicked");
  g_assert_true (hl_test_wait_for (finished, dialog, 10000));
  g_assert_null (hl_analysis_dialog_get_result (dialog));
  g_assert_cmpstr (summary_of (dialog), ==, "Cancelled: no result.");
  g_assert_cmpuint (g_list_model_get_n_items (table_of (dialog)), ==, 0);
  g_assert_false (gtk_widget_get_visible (hl_test_find_type (GTK_WIDGET (dialog),
                                                             GTK_TYPE_PROGRESS_BAR)));

  hl_session_set_proximity_window (hl_window_get_session (window), 30);
  gtk_window_destroy (GTK_WINDOW (dialog));
  hl_test_remove_tmpdir (dir);
  hl_test_close_window (window);
}

static gboolean
has_span (gpointer data)
{
  return hl_session_get_span (data, NULL, NULL);
}

/* Shift+drag from @x0 to @x1 at @y on @widget's window, by the X server
 * (xdotool), as a user's pointer would. FALSE if that cannot be done. */
static gboolean
shift_drag_full (GtkWidget *widget, double x0, double x1, double y, gboolean shift)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *xid = NULL, *ax = NULL, *bx = NULL, *py = NULL;
  graphene_point_t in = GRAPHENE_POINT_INIT (0, 0), out;
  double sx, sy;

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (surface) ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (gtk_widget_get_root (widget)), &in, &out))
    return FALSE;
  /* the surface holds the window's shadow around its widgets */
  gtk_native_get_surface_transform (gtk_widget_get_native (widget), &sx, &sy);
  out.x += sx;
  out.y += sy;
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  ax = g_strdup_printf ("%d", (int) (out.x + x0));
  bx = g_strdup_printf ("%d", (int) (out.x + x1));
  py = g_strdup_printf ("%d", (int) (out.y + y));
  {
    const char *press[] = { xdotool, "mousemove", "--sync", "--window", xid, ax, py, NULL };
    const char *drag[] = { "mousedown", "1", "mousemove", "--window", xid, bx, py,
                           "mouseup", "1", NULL };
    g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
    g_auto(GStrv) args = NULL;

    g_strv_builder_addv (argv, press);
    if (shift)
      g_strv_builder_add_many (argv, "keydown", "shift", NULL);
    g_strv_builder_addv (argv, drag);
    if (shift)
      g_strv_builder_add_many (argv, "keyup", "shift", NULL);
    args = g_strv_builder_end (argv);
    return g_spawn_async (NULL, args, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL);
  }
}

static gboolean
shift_drag (GtkWidget *widget, double x0, double x1, double y)
{
  return shift_drag_full (widget, x0, x1, y, TRUE);
}

/* Shift+drag across September 2023 selects it: shaded on the chart, summed
 * up in the panel with its largest events; Enter zooms to it, Escape
 * clears it, and with no span both keep their meaning. */
static void
test_span (void)
{
  HlWindow *window = open_bundled ();
  HlSession *session = hl_window_get_session (window);
  HlTimeline *timeline = hl_window_get_timeline (window);
  GtkWidget *panel = GTK_WIDGET (hl_window_get_panel (window));
  GtkWidget *section = hl_test_find_type (panel, HL_TYPE_SPAN_SECTION);
  HlChart *chart = hl_timeline_get_chart (timeline);
  gint64 sep1 = hl_date_from_ymd (2023, 9, 1), oct1 = hl_date_from_ymd (2023, 10, 1);
  cairo_surface_t *before, *after;
  double x0, x1, y;
  gint64 from, to;
  HlBox plot;

  g_assert_nonnull (section);
  g_assert_false (gtk_widget_get_visible (section));
  hl_chart_get_plot_area (chart, &plot);
  x0 = hl_chart_time_to_x (chart, sep1 + 6 * 3600);
  x1 = hl_chart_time_to_x (chart, oct1 - 6 * 3600);
  y = plot.y + plot.height * 0.55;
  before = hl_test_render_widget (GTK_WIDGET (timeline));

  if (shift_drag (GTK_WIDGET (timeline), x0, x1, y))
    g_assert_true (hl_test_wait_for (has_span, session, 10000));
  else
    {
      g_test_message ("no xdotool or no X11: the span is set as the drag would");
      hl_session_set_span_x (session, chart, x0, x1);
    }
  g_assert_true (hl_session_get_span (session, &from, &to));
  g_assert_cmpint (from, ==, sep1);
  g_assert_cmpint (to, ==, oct1);
  /* a drag with Shift selects; it neither pans nor selects an event */
  g_assert_cmpint (hl_session_get_from (session), ==, hl_date_from_ymd (2023, 7, 1));
  g_assert_cmpint (hl_session_get_selected (session), ==, -1);

  g_assert_true (gtk_widget_get_visible (section));
  g_assert_true (hl_test_has_label (section, "1 Sep 2023 – 30 Sep 2023"));
  g_assert_true (hl_test_has_label (section, "Crypto heists: 3 events, $295M"));
  g_assert_true (hl_test_has_label (section, "Missile and satellite launches: 2 events"));
  g_assert_true (hl_test_has_label (section, "Other weapons milestones: 1 event"));
  g_signal_emit_by_name (find_neighbour (section, "Mixin Network"), "clicked");
  g_assert_cmpstr (hl_session_get_selected_id (session), ==, "mixin-2023");
  hl_session_set_selected (session, -1);

  /* shaded inside the span, nothing changed well outside it */
  hl_test_wait_for_draw (GTK_WIDGET (timeline));
  after = hl_test_render_widget (GTK_WIDGET (timeline));
  g_assert_cmpuint (hl_test_pixel (before, (int) ((x0 + x1) / 2), (int) y), !=,
                    hl_test_pixel (after, (int) ((x0 + x1) / 2), (int) y));
  g_assert_cmpuint (hl_test_pixel (before, (int) (x0 - 40), (int) y), ==,
                    hl_test_pixel (after, (int) (x0 - 40), (int) y));
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);

  /* Escape clears the span and leaves the selection; then clears that */
  hl_session_select (session, hl_dataset_find_event (hl_session_get_dataset (session),
                                                     "stake-2023"));
  hl_session_set_span_x (session, chart, x0, x1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.clear-selection",
                                             NULL));
  g_assert_false (hl_session_get_span (session, NULL, NULL));
  g_assert_cmpstr (hl_session_get_selected_id (session), ==, "stake-2023");
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.clear-selection", NULL);
  g_assert_cmpint (hl_session_get_selected (session), ==, -1);

  /* Enter zooms to it, and the span is gone */
  hl_session_set_span_x (session, chart, x0, x1);
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.open-source", NULL);
  g_assert_cmpint (hl_session_get_from (session), ==, sep1);
  g_assert_cmpint (hl_session_get_to (session), ==, oct1);
  g_assert_false (hl_session_get_span (session, NULL, NULL));
  g_assert_false (gtk_widget_get_visible (section));

  /* A plain drag along the axis selects a span too; over the plot it pans */
  hl_session_reset_range (session);
  hl_test_wait_for_draw (GTK_WIDGET (timeline));
  chart = hl_timeline_get_chart (timeline);
  hl_chart_get_plot_area (chart, &plot);
  if (shift_drag_full (GTK_WIDGET (timeline), x0, x1, plot.y + plot.height + 8, FALSE))
    {
      g_assert_true (hl_test_wait_for (has_span, session, 10000));
      g_assert_true (hl_session_get_span (session, &from, &to));
      g_assert_cmpint (from, ==, sep1);
      g_assert_cmpint (to, ==, oct1);
      g_assert_cmpint (hl_session_get_from (session), ==, hl_date_from_ymd (2023, 7, 1));
    }
  hl_test_close_window (window);
}

/* The shortcuts window lists the analysis and the span's keys. */
static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) objects = NULL;
  guint found = 0;

  hl_test_application ();
  gtk_builder_add_from_resource (builder, "/io/github/heistline/Heistline/gtk/help-overlay.ui",
                                 &error);
  g_assert_no_error (error);
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *title = NULL;
      g_autofree char *accel = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "title", &title, "accelerator", &accel, NULL);
      if ((g_strcmp0 (title, "Analyze the timing between two lanes") == 0 &&
           g_strcmp0 (accel, "<Control><Shift>a") == 0) ||
          (g_strcmp0 (title, "Zoom to the selected span; with none, open the selected "
                             "event's first web source") == 0 &&
           g_strcmp0 (accel, "Return") == 0) ||
          (g_strcmp0 (title, "Clear the selected span, else the selected event") == 0 &&
           g_strcmp0 (accel, "Escape") == 0))
        found++;
    }
  g_assert_cmpuint (found, ==, 3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  hl_test_isolate_user_data ();
  if (!gtk_init_check ())
    return 77;

  g_test_add_func ("/analysis/panel-lines", test_panel_lines);
  g_test_add_func ("/analysis/remembered", test_remembered);
  g_test_add_func ("/analysis/chart-bracket", test_chart_bracket);
  g_test_add_func ("/analysis/dialog", test_dialog);
  g_test_add_func ("/analysis/span", test_span);
  g_test_add_func ("/analysis/help-overlay", test_help_overlay);
  return g_test_run ();
}
