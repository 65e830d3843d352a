/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The details panel as a user reads it: rows as tall as their wrapped
 * text from the first selection after an open, and the line that says
 * which filters are on, with its reset button. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "hl-date.h"
#include "hl-timeline-private.h"

static gboolean
file_is_open (gpointer data)
{
  HlWindow *window = data;

  return !hl_window_is_loading (window) && hl_window_get_file (window) != NULL;
}

static HlWindow *
open_bundled_copy (void)
{
  HlWindow *window = hl_test_new_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "heistline.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  hl_test_wait_for_draw (GTK_WIDGET (hl_window_get_panel (window)));
  return window;
}

/* Every visible label under @root is allocated at least the height it
 * needs for the width it got, and no two visible labels overlap. */
static void
collect_visible_labels (GtkWidget *widget, GPtrArray *labels)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_visible_labels (child, labels);
}

typedef struct
{
  GtkWidget  *panel;
  const char *what;
  gboolean    checked;
} FirstPaint;

static void assert_rows_fit (GtkWidget *panel, const char *what);

/* Checked as the first frame after the selection is painted: what the
 * user sees from the first selection on, not once it has settled. */
static void
on_after_paint (GdkFrameClock *clock, FirstPaint *paint)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, paint);
  assert_rows_fit (paint->panel, paint->what);
  paint->checked = TRUE;
}

static gboolean
painted (gpointer data)
{
  return ((FirstPaint *) data)->checked;
}

static void
assert_rows_fit (GtkWidget *panel, const char *what)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (panel));

  collect_visible_labels (panel, labels);
  g_assert_cmpuint (labels->len, >, 4);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      int width = gtk_widget_get_width (label);
      int height = gtk_widget_get_height (label);
      int min = 0, nat = 0;
      graphene_rect_t a;
      GtkBorder margin = { gtk_widget_get_margin_start (label), gtk_widget_get_margin_end (label),
                           gtk_widget_get_margin_top (label),
                           gtk_widget_get_margin_bottom (label) };

      if (width == 0)
        continue;
      /* measure() counts the margins, the allocation does not */
      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL,
                          width + margin.left + margin.right, &min, &nat, NULL, NULL);
      nat -= margin.top + margin.bottom;
      if (height < nat)
        g_error ("%s: label \"%s\" is %d px tall for %d px wide, its text needs %d",
                 what, gtk_label_get_text (GTK_LABEL (label)), height, width, nat);
      g_assert_true (gtk_widget_compute_bounds (label, root, &a));
      for (guint j = i + 1; j < labels->len; j++)
        {
          GtkWidget *other = g_ptr_array_index (labels, j);
          graphene_rect_t b, overlap;

          if (gtk_widget_is_ancestor (other, label) || gtk_widget_get_width (other) == 0)
            continue;
          g_assert_true (gtk_widget_compute_bounds (other, root, &b));
          if (graphene_rect_intersection (&a, &b, &overlap) &&
              overlap.size.width >= 1 && overlap.size.height >= 1)
            g_error ("%s: \"%s\" and \"%s\" overlap", what,
                     gtk_label_get_text (GTK_LABEL (label)),
                     gtk_label_get_text (GTK_LABEL (other)));
        }
    }
}

/* Issue 15 #1: the first event selected after an open had its rows drawn
 * over each other (Confidence and Outcome over the Notes). */
static void
test_rows_fit_first_selection (gconstpointer data)
{
  const char *id = data;
  HlWindow *window = open_bundled_copy ();
  HlSession *session = hl_window_get_session (window);
  GtkWidget *panel = GTK_WIDGET (hl_window_get_panel (window));

  FirstPaint paint = { panel, id, FALSE };

  g_signal_connect (gtk_widget_get_frame_clock (panel), "after-paint",
                    G_CALLBACK (on_after_paint), &paint);
  hl_session_set_selected_id (session, id);
  g_assert_cmpstr (hl_session_get_selected_id (session), ==, id);
  g_assert_true (hl_test_wait_for (painted, &paint, 5000));
  /* And still once it has settled */
  hl_test_wait_for_draw (panel);
  assert_rows_fit (panel, id);
  hl_test_close_window (window);
}

static gboolean
panel_shows (HlWindow *window, const char *text)
{
  return hl_test_has_label (GTK_WIDGET (hl_window_get_panel (window)), text);
}

/* A span lane's event: both dates and how long, no count; an instant
 * there says it has no end. */
static void
test_span_rows (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good-span-lane.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  hl_session_set_selected_id (session, "embargo");
  g_assert_true (panel_shows (window, "1 March 2023 – 31 December 2023 (306 days)"));
  g_assert_true (panel_shows (window, "Began"));
  g_assert_true (panel_shows (window, "1 March 2023"));
  g_assert_true (panel_shows (window, "Ended"));
  g_assert_true (panel_shows (window, "31 December 2023"));
  g_assert_true (panel_shows (window, "lasting 306 days"));
  g_assert_false (panel_shows (window, "Number"));
  hl_session_set_selected_id (session, "listing");
  g_assert_true (panel_shows (window, "no end date"));
  g_assert_false (panel_shows (window, "Duration"));

  /* the summary: in force in the view (the lane's unit), no count */
  hl_session_set_selected (session, -1);
  hl_session_set_range (session, hl_date_from_ymd (2023, 9, 1), hl_date_from_ymd (2023, 11, 1));
  g_assert_true (panel_shows (window, "Measures in force: 2"));
  g_assert_false (panel_shows (window, "Measures: 2 events"));
  g_assert_false (panel_shows (window, "Measures: 1"));
  hl_test_close_window (window);
}

/* Issue 15 #8: one wording for amounts and their estimates, digits
 * grouped, and no "range" whose two ends are the same. */
static void
test_amount_wording (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);

  hl_session_set_selected_id (session, "fantom-foundation-2023");
  g_assert_true (panel_shows (window, "$7.62 million"));
  g_assert_true (panel_shows (window, "$550,000 – $7.62 million"));
  g_assert_false (panel_shows (window, "$550000"));

  /* Mixin: $200M, estimated from $200M to $200M */
  hl_session_set_selected_id (session, "mixin-2023");
  g_assert_true (panel_shows (window, "$200.0 million"));
  g_assert_false (panel_shows (window, "$200.0 million – $200.0 million"));
  g_assert_false (panel_shows (window, "Estimates"));

  hl_session_set_selected_id (session, "poloniex-2023");
  g_assert_true (panel_shows (window, "Estimates"));
  g_assert_true (panel_shows (window, "$114.0 million – $130.0 million"));
  hl_test_close_window (window);
}

/* Issue 16: a month known but not its day, and an amount nobody
 * published, said as such (not "1 February 2017", not "$0") */
static void
test_uncertain_wording (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);

  hl_session_set_selected_id (session, "bithumb-2017");
  g_assert_true (panel_shows (window, "February 2017 (day not known)"));
  g_assert_false (panel_shows (window, "1 February 2017"));
  g_assert_true (panel_shows (window, "$7.0 million"));

  hl_session_set_selected_id (session, "youbit-2017");
  g_assert_true (panel_shows (window, "19 December 2017"));
  g_assert_true (panel_shows (window, "amount not known"));
  g_assert_false (panel_shows (window, "$0"));
  hl_test_close_window (window);
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_is_visible (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Issue 15 #2: filters restored from the settings at start used to act
 * with nothing saying so. The panel names them, with a way back. */
static void
test_filters_line (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  GtkWidget *panel = GTK_WIDGET (hl_window_get_panel (window));
  const char *grades[] = { "disputed", NULL };
  const char *lanes[] = { "launches", NULL };
  GtkWidget *reset;

  g_assert_false (hl_session_get_filters_active (session));
  g_assert_null (find_button (panel, "_Reset Filters"));
  g_assert_true (panel_shows (window, "Crypto heists: 14 events, $725M"));

  /* What GSettings restores */
  hl_session_set_hidden_lanes (session, lanes);
  hl_session_set_hidden_confidences (session, grades);
  hl_session_set_min_usd (session, 5e6);
  g_assert_true (hl_session_get_filters_active (session));
  g_assert_false (panel_shows (window, "Crypto heists: 14 events, $725M"));
  g_assert_true (panel_shows (window, "Filters hide "));
  g_assert_true (panel_shows (window, ": Missile and satellite launches, Disputed attribution, "
                                      "amounts below $5.0 million"));

  /* Selecting an event keeps the line */
  hl_session_set_selected_id (session, "stake-2023");
  g_assert_true (panel_shows (window, "Stake.com"));
  g_assert_true (panel_shows (window, "Filters hide "));

  reset = find_button (panel, "_Reset Filters");
  g_assert_nonnull (reset);
  g_signal_emit_by_name (reset, "clicked");
  g_assert_false (hl_session_get_filters_active (session));
  g_assert_cmpuint (g_strv_length ((char **) hl_session_get_hidden_lanes (session)), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **) hl_session_get_hidden_confidences (session)),
                    ==, 0);
  g_assert_cmpfloat (hl_session_get_min_usd (session), ==, 0);
  g_assert_false (panel_shows (window, "Filters hide "));
  g_assert_null (find_button (panel, "_Reset Filters"));
  hl_session_set_selected_id (session, NULL);
  g_assert_true (panel_shows (window, "Crypto heists: 14 events, $725M"));
  hl_test_close_window (window);
}

/* A line of the panel that opens with the file's words (a Hebrew lane
 * title) read right to left, the count and amount before the title:
 * "events, $869M 12 :سرقات". It reads in the window's direction, the
 * title first. */
static void
test_rtl_lines (void)
{
  HlWindow *window = hl_test_new_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good-rtl-titles.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const char *title = "קנסות אזרחיים";
  gboolean found = FALSE;

  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  hl_test_wait_for_draw (GTK_WIDGET (hl_window_get_panel (window)));
  collect_visible_labels (GTK_WIDGET (hl_window_get_panel (window)), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];
      const char *text = pango_layout_get_text (gtk_label_get_layout (label));
      const char *at_title = strstr (text, title), *at_events = strstr (text, "events");
      PangoRectangle title_pos, events_pos;

      if (at_title == NULL || at_events == NULL)
        continue;
      pango_layout_index_to_pos (gtk_label_get_layout (label), (int) (at_title - text),
                                 &title_pos);
      pango_layout_index_to_pos (gtk_label_get_layout (label), (int) (at_events - text),
                                 &events_pos);
      g_test_message ("“%s”: the title at x %d, “events” at x %d", text,
                      title_pos.x / PANGO_SCALE, events_pos.x / PANGO_SCALE);
      /* the title's first letter is its rightmost: the title lies left of
       * "events" when its start is */
      g_assert_cmpint (title_pos.x, <, events_pos.x);
      found = TRUE;
    }
  g_assert_true (found);
  hl_test_close_window (window);
}

/* Issue 14 #1: a file at the limits (1,000 facts of 100 sources each, an
 * event with 100 sources) must not build a widget per source: the panel
 * shows the first few and says how many more there are. */
static void
test_bounded_lists (void)
{
  HlWindow *window = hl_test_new_window ();
  GString *json = g_string_new ("{\"format\": \"heistline-dataset/1\", \"title\": \"Big\","
                                " \"lanes\": [{\"id\": \"l\", \"measure\": \"usd\"}],"
                                " \"facts\": [");
  g_autofree char *dir = g_dir_make_tmp ("heistline-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) labels = NULL;
  GtkWidget *panel = GTK_WIDGET (hl_window_get_panel (window));

  for (guint i = 0; i < 1000; i++)
    {
      g_string_append_printf (json, "%s{\"text\": \"Fact %u\", \"sources\": [", i ? "," : "", i);
      for (guint j = 0; j < 100; j++)
        g_string_append_printf (json, "%s{\"url\": \"https://example.org/%u/%u\"}",
                                j ? "," : "", i, j);
      g_string_append (json, "]}");
    }
  g_string_append (json, "], \"events\": [{\"id\": \"e\", \"lane\": \"l\","
                         " \"date\": \"2023-07-01\", \"title\": \"E\", \"usd\": 1,"
                         " \"sources\": [");
  for (guint j = 0; j < 100; j++)
    g_string_append_printf (json, "%s{\"url\": \"https://example.org/e/%u\"}", j ? "," : "", j);
  g_string_append (json, "]}]}");
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));
  g_string_free (json, TRUE);

  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 20000));
  g_assert_true (panel_shows (window, "Fact 19"));
  g_assert_false (panel_shows (window, "Fact 20"));
  g_assert_true (panel_shows (window, "… and 980 more facts (see the file)"));
  g_assert_true (panel_shows (window, "… and 80 more sources (see the file)"));
  labels = hl_test_collect_labels (panel);
  g_assert_cmpuint (labels->len, <, 1000);
  g_clear_pointer (&labels, g_ptr_array_unref);

  hl_session_set_selected_id (hl_window_get_session (window), "e");
  g_assert_true (panel_shows (window, "https://example.org/e/19"));
  g_assert_false (panel_shows (window, "https://example.org/e/20"));
  g_assert_true (panel_shows (window, "… and 80 more sources (see the file)"));
  hl_test_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static GtkWidget *
find_label (GtkWidget *widget, const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Panning rebuilds the summary once for what it says, not the facts,
 * which never change with the view (their labels stay the same widgets),
 * and the summary still follows every change: range, lanes, filters,
 * notes, a selection and back. */
static void
test_summary_follows_cheaply (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  GtkWidget *panel = GTK_WIDGET (hl_window_get_panel (window));
  const char *fact = "The UN Panel of Experts (report released March 202";
  const char *lanes[] = { "heists", NULL };
  GtkWidget *before = find_label (panel, fact);

  g_assert_nonnull (before);
  g_object_ref (before);   /* its address cannot be reused by a new label */
  g_assert_true (panel_shows (window, "Crypto heists: 14 events, $725M"));
  hl_session_set_range (session, hl_date_from_ymd (2023, 9, 1), hl_date_from_ymd (2023, 10, 1));
  g_assert_true (find_label (panel, fact) == before);
  g_assert_true (panel_shows (window, "Crypto heists: 3 events, $295M"));
  hl_session_pan (session, 0.5);
  g_assert_true (find_label (panel, fact) == before);
  g_assert_false (panel_shows (window, "Crypto heists: 3 events, $295M"));
  hl_session_set_range (session, hl_date_from_ymd (2023, 7, 1), hl_date_from_ymd (2024, 2, 1));
  g_assert_true (panel_shows (window, "Crypto heists: 14 events, $725M"));
  hl_session_set_hidden_lanes (session, lanes);
  g_assert_false (panel_shows (window, "Crypto heists:"));
  hl_session_set_hidden_lanes (session, NULL);
  hl_session_set_min_usd (session, 5e6);
  g_assert_false (panel_shows (window, "Crypto heists: 14 events"));
  hl_session_set_min_usd (session, 0);
  g_assert_true (panel_shows (window, "Crypto heists: 14 events, $725M"));
  hl_session_set_selected_id (session, "stake-2023");
  g_assert_true (panel_shows (window, "Stake.com"));
  hl_session_set_selected (session, -1);
  g_assert_true (panel_shows (window, "Crypto heists: 14 events, $725M"));
  g_assert_true (find_label (panel, fact) == before);
  g_assert_true (gtk_widget_get_root (before) == GTK_ROOT (window));
  g_object_unref (before);
  hl_test_close_window (window);
}

static guint
count_labels (GtkWidget *widget, const char *text)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
            g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);
  return n;
}

/* How many labels say the view's range: the panel's summary and the
 * range button, when both are up to date. */
static guint
count_range (HlWindow *window)
{
  HlSession *session = hl_window_get_session (window);
  g_autofree char *range = hl_date_format_range (hl_session_get_from (session),
                                                 hl_session_get_to (session));

  return count_labels (GTK_WIDGET (window), range);
}

/* Both say it, or neither (while they wait). */
static gboolean
range_shown (HlWindow *window)
{
  guint n = count_range (window);

  g_assert_cmpuint (n, !=, 1);
  return n == 2;
}

static gboolean
caught_up (gpointer window)
{
  return count_range (window) == 2;
}

static gboolean
at_rest (gpointer window)
{
  return !hl_session_get_moving (hl_window_get_session (window));
}

/* A drag or the wheel moving the view: the summary and the range button
 * say where the view was a moment ago, catch up within a quarter of a
 * second while the gesture lasts, and say exactly where it is once the
 * gesture ends. */
static void
test_summary_follows_a_gesture (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  GtkWidget *timeline = GTK_WIDGET (hl_window_get_timeline (window));
  GtkEventController *drag, *scroll;
  g_autofree char *first = NULL;
  double x = gtk_widget_get_width (timeline) / 2.0, y = gtk_widget_get_height (timeline) / 2.0;
  gboolean handled;

  drag = _hl_timeline_find_controller (timeline, GTK_TYPE_GESTURE_DRAG);
  scroll = _hl_timeline_find_controller (timeline, GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  g_assert_nonnull (drag);
  g_assert_nonnull (scroll);
  g_assert_true (panel_shows (window, "Crypto heists: 14 events, $725M"));
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", -40.0, 0.0);
  g_assert_true (hl_session_get_moving (session));
  /* the gesture's first step is said at once */
  g_assert_true (range_shown (window));
  first = hl_date_format_range (hl_session_get_from (session), hl_session_get_to (session));
  g_signal_emit_by_name (drag, "drag-update", -400.0, 0.0);
  g_assert_false (range_shown (window));
  g_assert_cmpuint (count_labels (GTK_WIDGET (window), first), ==, 2);
  /* they catch up while the gesture lasts */
  g_assert_true (hl_test_wait_for (caught_up, window, 5000));
  g_assert_true (hl_session_get_moving (session));
  g_signal_emit_by_name (drag, "drag-update", -800.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", -800.0, 0.0);
  g_assert_false (hl_session_get_moving (session));
  g_assert_true (range_shown (window));

  /* the wheel has no end: its gesture ends when it rests; its first
   * notch is said at once, right after the drag too */
  g_signal_emit_by_name (scroll, "scroll", 0.0, -1.0, &handled);
  g_signal_emit_by_name (scroll, "scroll", 0.0, -1.0, &handled);
  g_assert_true (hl_session_get_moving (session));
  g_assert_false (range_shown (window));
  g_assert_true (hl_test_wait_for (at_rest, window, 5000));
  g_assert_true (range_shown (window));

  /* a window closed while the wheel turns ends its gesture quietly */
  g_signal_emit_by_name (scroll, "scroll", 0.0, 1.0, &handled);
  g_assert_true (hl_session_get_moving (session));
  hl_test_close_window (window);
}

int
main (int argc, char *argv[])
{
  static const char *ids[] = { "poloniex-2023", "mixin-2023", "htx-heco-2023",
                               "2023-07-12-icbm" };

  g_test_init (&argc, &argv, NULL);
  hl_test_isolate_user_data ();
  if (!gtk_init_check ())
    return 77;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *path = g_strdup_printf ("/panel/rows-fit-first-selection/%s", ids[i]);

      g_test_add_data_func (path, ids[i], test_rows_fit_first_selection);
    }
  g_test_add_func ("/panel/amount-wording", test_amount_wording);
  g_test_add_func ("/panel/span-rows", test_span_rows);
  g_test_add_func ("/panel/uncertain-wording", test_uncertain_wording);
  g_test_add_func ("/panel/filters-line", test_filters_line);
  g_test_add_func ("/panel/bounded-lists", test_bounded_lists);
  g_test_add_func ("/panel/rtl-lines", test_rtl_lines);
  g_test_add_func ("/panel/summary-follows-cheaply", test_summary_follows_cheaply);
  g_test_add_func ("/panel/summary-follows-a-gesture", test_summary_follows_a_gesture);
  return g_test_run ();
}
