/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Browsing end to end, in process: the window's and the timeline's own
 * actions (what the keys are bound to), the filter and search controls,
 * the side panel's labels, the pixels on screen and a live reload. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "gui-test-util.h"
#include "test-util.h"
#include "hl-chart.h"
#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-details-bin.h"
#include "hl-filter-popover.h"
#include "hl-range-popover.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#define HEIST_RGB 0xD55E00  /* the bundled heists lane's colour */

static void
key (GtkWidget *widget, const char *action)
{
  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_zoom_and_pan (void)
{
  HlWindow *window = hl_test_new_window ();
  HlTimeline *timeline = hl_window_get_timeline (window);
  HlSession *session = hl_window_get_session (window);
  GtkWidget *widget = GTK_WIDGET (timeline);
  gint64 from = hl_session_get_from (session);
  gint64 to = hl_session_get_to (session);
  gint64 span = to - from, mid = from + span / 2;
  gint64 new_span;

  key (widget, "timeline.zoom-in");
  new_span = hl_session_get_to (session) - hl_session_get_from (session);
  g_assert_cmpfloat (fabs ((double) new_span - span / 1.5), <=, 1);
  /* Keyboard zoom is around the middle */
  g_assert_cmpint (llabs (hl_session_get_from (session) + new_span / 2 - mid), <=, 1);

  key (widget, "timeline.zoom-out");
  g_assert_cmpint (llabs (hl_session_get_from (session) - from), <=, 1);
  g_assert_cmpint (llabs (hl_session_get_to (session) - to), <=, 1);

  /* Zoom to about a week, as a user would with the keys */
  while (hl_session_get_to (session) - hl_session_get_from (session) > 8 * HL_SECONDS_PER_DAY)
    key (widget, "timeline.zoom-in");
  new_span = hl_session_get_to (session) - hl_session_get_from (session);
  g_assert_cmpint (new_span, >, 3 * HL_SECONDS_PER_DAY);
  /* ... and never below a day */
  for (int i = 0; i < 20; i++)
    key (widget, "timeline.zoom-in");
  g_assert_cmpint (hl_session_get_to (session) - hl_session_get_from (session), ==,
                   HL_VIEW_MIN_SPAN);

  key (widget, "timeline.reset-range");
  g_assert_cmpint (hl_session_get_from (session), ==, from);
  g_assert_cmpint (hl_session_get_to (session), ==, to);

  /* Pan a quarter of the span each way */
  key (widget, "timeline.pan-right");
  g_assert_cmpint (hl_session_get_from (session), ==, from + span / 4);
  g_assert_cmpint (hl_session_get_to (session) - hl_session_get_from (session), ==, span);
  key (widget, "timeline.pan-left");
  key (widget, "timeline.pan-left");
  g_assert_cmpint (hl_session_get_from (session), ==, from - span / 4);

  /* Fit all shows every event */
  key (widget, "timeline.fit-all");
  {
    gint64 first, last;

    g_assert_true (hl_dataset_get_extent (hl_window_get_dataset (window), &first, &last));
    g_assert_cmpint (hl_session_get_from (session), <, first);
    g_assert_cmpint (hl_session_get_to (session), >, last);
  }

  /* The range button says what is shown */
  {
    g_autofree char *range = hl_date_format_range (hl_session_get_from (session),
                                                   hl_session_get_to (session));

    g_assert_true (hl_test_has_label (GTK_WIDGET (window), range));
  }

  /* A range preset from the menu: the first calendar year, 2023 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-range", "(xx)",
                                             hl_date_from_ymd (2023, 1, 1),
                                             hl_date_from_ymd (2024, 1, 1)));
  g_assert_cmpint (hl_session_get_from (session), ==, hl_date_from_ymd (2023, 1, 1));
  g_assert_cmpint (hl_session_get_to (session), ==, hl_date_from_ymd (2024, 1, 1));
  hl_test_close_window (window);
}

static gboolean
has_exact_label (GtkWidget *root, const char *text)
{
  g_autoptr(GPtrArray) labels = hl_test_collect_labels (root);

  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *shown = hl_test_visible_text (g_ptr_array_index (labels, i));

      if (g_str_equal (shown, text))
        return TRUE;
    }
  return FALSE;
}

/* Issue 16: the range menu's calendar years follow the data, 2017 to
 * 2024, while the window still opens on July 2023 - January 2024 */
static void
test_range_years (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  GtkWidget *popover = hl_test_find_type (GTK_WIDGET (window), HL_TYPE_RANGE_POPOVER);
  char year[8];

  g_assert_nonnull (popover);
  g_assert_cmpint (hl_session_get_from (session), ==, hl_date_from_ymd (2023, 7, 1));
  g_assert_cmpint (hl_session_get_to (session), ==, hl_date_from_ymd (2024, 2, 1));
  gtk_popover_popup (GTK_POPOVER (popover));
  for (int y = 2017; y <= 2024; y++)
    {
      g_snprintf (year, sizeof year, "%d", y);
      g_assert_true (has_exact_label (popover, year));
    }
  g_assert_false (has_exact_label (popover, "2016"));
  g_assert_false (has_exact_label (popover, "2025"));
  gtk_popover_popdown (GTK_POPOVER (popover));
  hl_test_close_window (window);
}

static gboolean
panel_shows (HlWindow *window, const char *text)
{
  return hl_test_has_label (GTK_WIDGET (hl_window_get_panel (window)), text);
}

static void
select_stake_by_keyboard (HlWindow *window)
{
  HlTimeline *timeline = hl_window_get_timeline (window);
  HlSession *session = hl_window_get_session (window);
  int steps = 0;

  key (GTK_WIDGET (timeline), "timeline.reset-range");
  key (GTK_WIDGET (timeline), "timeline.clear-selection");
  g_assert_null (hl_session_get_selected_id (session));
  while (g_strcmp0 (hl_session_get_selected_id (session), "stake-2023") != 0)
    {
      const char *before = hl_session_get_selected_id (session);
      HlDataset *dataset = hl_window_get_dataset (window);
      int prev = before ? hl_dataset_find_event (dataset, before) : -1;

      key (GTK_WIDGET (timeline), "timeline.select-next");
      g_assert_nonnull (hl_session_get_selected_id (session));
      /* Forward in time, one event at a time */
      if (prev >= 0)
        g_assert_cmpint (hl_session_get_selected (session), >, prev);
      g_assert_cmpint (++steps, <, 40);
    }
  /* From 1 July, twelve events come before Stake.com (4 September) */
  g_assert_cmpint (steps, ==, 13);
}

static void
test_select_and_panel (void)
{
  HlWindow *window = hl_test_new_window ();
  HlTimeline *timeline = hl_window_get_timeline (window);
  HlSession *session = hl_window_get_session (window);

  /* With nothing selected the panel sums up the range, lane by lane */
  g_assert_true (panel_shows (window, "1 Jul 2023 – 31 Jan 2024"));
  g_assert_true (panel_shows (window, "Crypto heists: 14 events, $725M"));

  select_stake_by_keyboard (window);
  hl_test_wait_for_draw (GTK_WIDGET (timeline));
  g_assert_true (panel_shows (window, "Stake.com"));
  g_assert_true (panel_shows (window, "$41.0 million"));
  g_assert_true (panel_shows (window, "4 September 2023"));
  g_assert_true (panel_shows (window, "Lazarus Group"));
  g_assert_true (panel_shows (window, "Official"));
  /* Both sources, as links to their web addresses */
  g_assert_true (panel_shows (window, "<a href=\"https://www.crowdfundinsider.com/2023/09/"
                                      "212697-fbi-identifies-lazarus-group-cyber-actors-as-"
                                      "responsible-for-theft-of-41m-in-crypto-from-stake-com/\">"
                                      "Crowdfund Insider</a>"));
  g_assert_true (panel_shows (window, "<a href=\"https://igamingnext.com/news/"
                                      "fbi-identifies-north-korean-crypto-thieves/\">"
                                      "iGamingNEXT</a>"));

  /* Left goes back; Down moves to the nearest launch; Escape clears */
  key (GTK_WIDGET (timeline), "timeline.select-previous");
  g_assert_cmpstr (hl_session_get_selected_id (session), ==, "2023-09-02-cm");
  key (GTK_WIDGET (timeline), "timeline.select-next");
  key (GTK_WIDGET (timeline), "timeline.lane-down");
  g_assert_cmpstr (hl_session_get_selected_id (session), ==, "2023-09-02-cm");
  key (GTK_WIDGET (timeline), "timeline.lane-up");
  g_assert_cmpstr (hl_session_get_selected_id (session), ==, "stake-2023");
  key (GTK_WIDGET (timeline), "timeline.clear-selection");
  g_assert_null (hl_session_get_selected_id (session));
  g_assert_false (panel_shows (window, "$41.0 million"));
  g_assert_true (panel_shows (window, "Crypto heists: 14 events, $725M"));
  hl_test_close_window (window);
}

static double
colour_distance (guint32 argb, guint32 rgb)
{
  int dr = (int) ((argb >> 16) & 0xff) - (int) ((rgb >> 16) & 0xff);
  int dg = (int) ((argb >> 8) & 0xff) - (int) ((rgb >> 8) & 0xff);
  int db = (int) (argb & 0xff) - (int) (rgb & 0xff);

  return sqrt (dr * dr + dg * dg + db * db);
}

static void
test_hide_lane_pixels (void)
{
  HlWindow *window = hl_test_new_window ();
  HlTimeline *timeline = hl_window_get_timeline (window);
  HlSession *session = hl_window_get_session (window);
  GtkWidget *widget = GTK_WIDGET (timeline);
  HlDataset *dataset = hl_window_get_dataset (window);
  int stake = hl_dataset_find_event (dataset, "stake-2023");
  GtkWidget *check;
  cairo_surface_t *pixels;
  HlBox box;
  int x, y;

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  hl_session_set_hover (session, -1);
  g_assert_true (hl_chart_get_event_box (hl_timeline_get_chart (timeline), stake, &box));
  x = (int) (box.x + box.width / 2);
  y = (int) (box.y + box.height / 2);

  pixels = hl_test_render_widget (widget);
  g_assert_cmpfloat (colour_distance (hl_test_pixel (pixels, x, y), HEIST_RGB), <, 10);
  cairo_surface_destroy (pixels);

  /* Untick "Crypto heists" in the filter popover */
  check = hl_test_find_check (GTK_WIDGET (window), "Crypto heists");
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  hl_test_wait_for_draw (widget);
  g_assert_false (hl_view_lane_visible (hl_session_get_view (session),
                                        hl_dataset_find_lane (dataset, "heists")));
  g_assert_cmpstr (((const char * const *) hl_session_get_hidden_lanes (session))[0], ==,
                   "heists");
  /* and the setting remembers it, by lane id */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.heistline.Heistline");
    g_auto(GStrv) hidden = g_settings_get_strv (settings, "hidden-lanes");

    g_assert_cmpstrv (hidden, ((const char * const []) { "heists", NULL }));
  }

  pixels = hl_test_render_widget (widget);
  g_assert_cmpfloat (colour_distance (hl_test_pixel (pixels, x, y), HEIST_RGB), >, 60);
  cairo_surface_destroy (pixels);
  /* And the panel's totals have no heists any more, the other lanes stay;
   * the line over them says that the lane is filtered out */
  g_assert_false (panel_shows (window, "Crypto heists:"));
  g_assert_true (panel_shows (window, " events: Crypto heists"));
  g_assert_false (panel_shows (window, "$725.4 million"));
  g_assert_true (panel_shows (window, "Missile and satellite launches: 17 events"));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.heistline.Heistline");
    g_auto(GStrv) hidden = g_settings_get_strv (settings, "hidden-lanes");

    g_assert_cmpuint (g_strv_length (hidden), ==, 0);
  }
  g_assert_true (hl_view_lane_visible (hl_session_get_view (session),
                                       hl_dataset_find_lane (dataset, "heists")));
  hl_test_close_window (window);
}

static void
collect_entries (GtkWidget *root, GPtrArray *entries)
{
  if (GTK_IS_ENTRY (root))
    g_ptr_array_add (entries, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entries (child, entries);
}

/* The custom range: two typed days, both included; a reversed or
 * malformed one is marked on its entry and changes nothing. */
static void
test_range_popover (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  GtkWidget *popover = hl_test_find_type (GTK_WIDGET (window), HL_TYPE_RANGE_POPOVER);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkEntry *from_entry, *to_entry;
  gint64 from, to;

  g_assert_nonnull (popover);
  collect_entries (popover, entries);
  g_assert_cmpuint (entries->len, ==, 2);   /* From, then To */
  from_entry = g_ptr_array_index (entries, 0);
  to_entry = g_ptr_array_index (entries, 1);

  /* Opening it shows the session's range */
  gtk_popover_popup (GTK_POPOVER (popover));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from_entry)), ==, "2023-07-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to_entry)), ==, "2024-01-31");

  gtk_editable_set_text (GTK_EDITABLE (from_entry), "2023-08-01");
  gtk_editable_set_text (GTK_EDITABLE (to_entry), "2023-08-31");
  g_assert_true (gtk_widget_activate_action (popover, "range.apply", NULL));
  g_assert_cmpint (hl_session_get_from (session), ==, hl_date_from_ymd (2023, 8, 1));
  g_assert_cmpint (hl_session_get_to (session), ==, hl_date_from_ymd (2023, 9, 1));
  g_assert_true (hl_test_has_label (GTK_WIDGET (window), "1 Aug 2023 – 31 Aug 2023"));

  from = hl_session_get_from (session);
  to = hl_session_get_to (session);
  gtk_editable_set_text (GTK_EDITABLE (to_entry), "2023-07-15");
  g_assert_true (gtk_widget_activate_action (popover, "range.apply", NULL));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (to_entry), "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (to_entry)), ==,
                   "The end must come after the start");
  gtk_editable_set_text (GTK_EDITABLE (to_entry), "2023-13-01");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (to_entry), "error"));
  g_assert_true (gtk_widget_activate_action (popover, "range.apply", NULL));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (to_entry), "error"));
  g_assert_cmpint (hl_session_get_from (session), ==, from);
  g_assert_cmpint (hl_session_get_to (session), ==, to);

  /* A preset */
  g_assert_true (gtk_widget_activate_action (popover, "range.set", "(xx)",
                                             hl_date_from_ymd (2023, 1, 1),
                                             hl_date_from_ymd (2024, 1, 1)));
  g_assert_cmpint (hl_session_get_from (session), ==, hl_date_from_ymd (2023, 1, 1));
  hl_test_close_window (window);
}

/* The filter controls follow the session whoever changes it (here, what
 * GSettings would do), and edit it. */
static void
test_filter_popover_follows_session (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  GtkWidget *popover = hl_test_find_type (GTK_WIDGET (window), HL_TYPE_FILTER_POPOVER);
  GtkWidget *launches = hl_test_find_check (popover, "Missile and satellite launches");
  GtkWidget *disputed = hl_test_find_check (popover, "Disputed");
  GtkSpinButton *spin = GTK_SPIN_BUTTON (hl_test_find_type (popover, GTK_TYPE_SPIN_BUTTON));
  const char *lanes[] = { "launches", NULL };
  const char *grades[] = { "disputed", NULL };

  g_assert_nonnull (launches);
  g_assert_nonnull (disputed);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (launches)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (disputed)));

  hl_session_set_hidden_lanes (session, lanes);
  hl_session_set_hidden_confidences (session, grades);
  hl_session_set_min_usd (session, 5e6);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (launches)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (disputed)));
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 5.0);
  /* Following did not write back anything else */
  g_assert_cmpstrv (hl_session_get_hidden_lanes (session), lanes);
  g_assert_cmpstrv (hl_session_get_hidden_confidences (session), grades);

  /* The popover says that filters are on, and what they hide */
  {
    GtkWidget *reset;

    gtk_popover_popup (GTK_POPOVER (popover));
    g_assert_true (hl_test_has_label (popover, "Filters hide "));
    g_assert_true (hl_test_has_label (popover, "Missile and satellite launches, "
                                               "Disputed attribution, "
                                               "amounts below $5.0 million"));
    /* The first button in the popover, above the lanes */
    reset = hl_test_find_type (popover, GTK_TYPE_BUTTON);
    g_assert_nonnull (reset);
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (reset)), ==, "_Reset Filters");
    g_assert_true (gtk_widget_activate_action (popover, "filter.reset", NULL));
    g_assert_false (hl_session_get_filters_active (session));
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (launches)));
    g_assert_false (hl_test_has_label (popover, "Filters hide "));
    gtk_popover_popdown (GTK_POPOVER (popover));
    hl_session_set_hidden_confidences (session, grades);
  }

  gtk_check_button_set_active (GTK_CHECK_BUTTON (disputed), TRUE);
  gtk_spin_button_set_value (spin, 2.0);
  g_assert_cmpuint (g_strv_length ((char **) hl_session_get_hidden_confidences (session)), ==, 0);
  g_assert_cmpfloat (hl_session_get_min_usd (session), ==, 2e6);
  hl_session_set_min_usd (session, 0);
  hl_session_set_hidden_lanes (session, NULL);
  hl_test_close_window (window);
}

/* Issue 15 #3: unticking "Official" emptied the launch and milestone
 * lanes, all of whose events are official. The grades filter only the
 * lanes whose events differ in grade, and the popover says which. */
static void
test_attribution_scope (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  HlDataset *dataset = hl_window_get_dataset (window);
  GtkWidget *popover = hl_test_find_type (GTK_WIDGET (window), HL_TYPE_FILTER_POPOVER);
  GtkWidget *official = hl_test_find_check (popover, "Official");
  int heists = hl_dataset_find_lane (dataset, "heists");
  int launches = hl_dataset_find_lane (dataset, "launches");
  int milestones = hl_dataset_find_lane (dataset, "milestones");
  const HlTotals *totals = hl_session_get_totals (session);
  guint n_heists = totals->lanes[heists].n_events;
  guint n_launches = totals->lanes[launches].n_events;
  guint n_milestones = totals->lanes[milestones].n_events;

  g_assert_cmpuint (n_launches, >, 0);
  g_assert_cmpuint (n_milestones, >, 0);
  gtk_popover_popup (GTK_POPOVER (popover));
  g_assert_true (hl_test_has_label (popover, "Applies to: Crypto heists"));
  g_assert_false (hl_test_has_label (popover, "Applies to: Crypto heists, "));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (official), FALSE);
  g_assert_cmpstrv (hl_session_get_hidden_confidences (session),
                    ((const char * const []) { "official", NULL }));
  /* The official heists go; the launches and milestones all stay */
  g_assert_cmpuint (totals->lanes[heists].n_events, <, n_heists);
  g_assert_cmpuint (totals->lanes[launches].n_events, ==, n_launches);
  g_assert_cmpuint (totals->lanes[milestones].n_events, ==, n_milestones);
  g_assert_true (panel_shows (window, "Missile and satellite launches: "));
  g_assert_true (hl_session_get_filters_active (session));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (official), TRUE);
  g_assert_cmpuint (totals->lanes[heists].n_events, ==, n_heists);
  gtk_popover_popdown (GTK_POPOVER (popover));
  hl_test_close_window (window);
}

typedef struct
{
  HlSession *session;
  gint64     span;
} SpanWait;

static gboolean
span_shrank (gpointer data)
{
  SpanWait *wait = data;

  return hl_session_get_to (wait->session) - hl_session_get_from (wait->session) < wait->span;
}

static gboolean
popover_closed (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* A real key press, from outside as the X server delivers it: GTK 4 has
 * no in-process way to send one. */
static gboolean
press_key (GtkWidget *window, const char *key)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!GDK_IS_X11_SURFACE (surface) || xdotool == NULL)
    return FALSE;
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  {
    const char *argv[] = { xdotool, "windowfocus", "--sync", xid, "key", "--window", xid,
                           key, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
#else
  return FALSE;
#endif
}

/* Issue 15 #4: after a range preset, Home and + did nothing until the
 * chart was clicked. The chart has the focus again once a popover
 * closes, and a real "+" zooms. */
static void
test_keys_after_popover (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  GtkWidget *timeline = GTK_WIDGET (hl_window_get_timeline (window));
  GtkWidget *range = hl_test_find_type (GTK_WIDGET (window), HL_TYPE_RANGE_POPOVER);
  GtkWidget *filters = hl_test_find_type (GTK_WIDGET (window), HL_TYPE_FILTER_POPOVER);
  GtkWidget *preset;
  SpanWait wait = { session, 0 };

  gtk_window_present (GTK_WINDOW (window));
  hl_test_wait_for_draw (timeline);
  gtk_popover_popup (GTK_POPOVER (range));
  hl_test_wait_for_draw (range);
  /* The first preset, as a click gives it */
  preset = hl_test_find_type (range, GTK_TYPE_BUTTON);
  g_assert_nonnull (preset);
  g_assert_true (gtk_widget_has_focus (timeline) == FALSE);
  g_signal_emit_by_name (preset, "clicked");
  g_assert_true (hl_test_wait_for (popover_closed, range, 2000));
  hl_test_wait_for_draw (timeline);
  g_assert_true (gtk_widget_has_focus (timeline));

  wait.span = hl_session_get_to (session) - hl_session_get_from (session);
  if (press_key (GTK_WIDGET (window), "plus"))
    g_assert_true (hl_test_wait_for (span_shrank, &wait, 3000));
  else
    g_test_message ("no X11 or no xdotool: the key itself was not sent");

  /* The filter popover gives the focus back too */
  gtk_popover_popup (GTK_POPOVER (filters));
  hl_test_wait_for_draw (filters);
  gtk_popover_popdown (GTK_POPOVER (filters));
  g_assert_true (hl_test_wait_for (popover_closed, filters, 2000));
  g_assert_true (gtk_widget_has_focus (timeline));
  wait.span = hl_session_get_to (session) - hl_session_get_from (session);
  if (press_key (GTK_WIDGET (window), "plus"))
    g_assert_true (hl_test_wait_for (span_shrank, &wait, 3000));

  /* Focus that went elsewhere stays there: the search entry keeps it */
  key (GTK_WIDGET (window), "win.search");
  g_assert_false (gtk_widget_has_focus (timeline));
  g_assert_false (hl_timeline_refocus (filters));
  g_assert_false (gtk_widget_has_focus (timeline));
  hl_test_close_window (window);
}

static gboolean
has_matches (gpointer data)
{
  return hl_session_get_n_matches (hl_window_get_session (data)) > 0;
}

static gboolean
has_three_matches (gpointer data)
{
  return hl_session_get_n_matches (hl_window_get_session (data)) == 3;
}

static void
test_search (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  HlDataset *dataset = hl_window_get_dataset (window);
  GtkWidget *entry;
  const HlEvent *ev;

  key (GTK_WIDGET (window), "win.search");
  entry = hl_test_find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_visible (entry));

  /* "Hwasong" is in two titles of the view (the Hwasong-18 flights) and
   * in the notes of two more of its events, and search covers titles,
   * actors, kinds and notes: four matches in the view, 47 in 2017-2024.
   * "Hwasong-18" is in three titles: the two flights of the view and the
   * April 2023 one before it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Hwasong");
  g_assert_true (hl_test_wait_for (has_matches, window, 5000));
  g_assert_cmpuint (hl_session_get_n_matches (session), ==, 47);
  g_assert_cmpuint (hl_session_get_n_matches_outside (session), ==, 43);
  g_assert_true (hl_test_has_label (GTK_WIDGET (window), "47 matches, 43 outside the view"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Hwasong-18");
  g_assert_true (hl_test_wait_for (has_three_matches, window, 5000));
  g_assert_cmpuint (hl_session_get_n_matches (session), ==, 3);
  g_assert_true (hl_test_has_label (GTK_WIDGET (window), "3 matches, 1 outside the view"));

  /* Issue 15 #6: a pan that leaves the July flight out of the view does
   * not change the count, which is over the whole dataset */
  key (GTK_WIDGET (hl_window_get_timeline (window)), "timeline.pan-right");
  key (GTK_WIDGET (hl_window_get_timeline (window)), "timeline.pan-right");
  g_assert_cmpint (hl_session_get_from (session), >, hl_date_from_ymd (2023, 7, 13));
  g_assert_cmpuint (hl_session_get_n_matches (session), ==, 3);
  g_assert_cmpuint (hl_session_get_n_matches_outside (session), ==, 2);
  g_assert_true (hl_test_has_label (GTK_WIDGET (window), "3 matches, 2 outside the view"));
  key (GTK_WIDGET (hl_window_get_timeline (window)), "timeline.reset-range");
  g_assert_cmpuint (hl_session_get_n_matches_outside (session), ==, 1);

  /* Enter selects the first match, again the next, Shift+Enter goes back */
  g_signal_emit_by_name (entry, "activate");
  ev = hl_dataset_get_event (dataset, hl_session_get_selected (session));
  g_assert_nonnull (strstr (ev->title, "Hwasong"));
  g_assert_cmpstr (ev->id, ==, "2023-07-12-icbm");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (hl_session_get_selected_id (session), ==, "2023-12-18-icbm");
  g_assert_true (panel_shows (window, "Hwasong-18 ICBM"));
  /* The launches lane says what it counts */
  g_assert_true (panel_shows (window, "Missiles or rockets"));
  key (GTK_WIDGET (window), "win.previous-match");
  g_assert_cmpstr (hl_session_get_selected_id (session), ==, "2023-07-12-icbm");

  /* Closing the search bar ends the search */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (hl_test_find_type (GTK_WIDGET (window),
                                                                     GTK_TYPE_SEARCH_BAR)),
                                  FALSE);
  g_assert_null (hl_session_get_search (session));
  g_assert_cmpuint (hl_session_get_n_matches (session), ==, 0);
  hl_test_close_window (window);
}

typedef struct
{
  HlWindow  *window;
  HlDataset *old;
} ReloadWait;

static gboolean
file_is_open (gpointer data)
{
  HlWindow *window = data;

  return !hl_window_is_loading (window) && hl_window_get_file (window) != NULL;
}

static gboolean
dataset_replaced (gpointer data)
{
  ReloadWait *wait = data;

  return hl_window_get_dataset (wait->window) != wait->old &&
         !hl_window_is_loading (wait->window);
}

static gboolean
error_reported (gpointer data)
{
  return hl_window_get_last_error (data) != NULL && !hl_window_is_loading (data);
}

static char *
replace (const char *text, const char *old, const char *new)
{
  g_auto(GStrv) parts = g_strsplit (text, old, -1);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoinv (new, parts);
}

static void
test_live_reload (void)
{
  HlWindow *window = hl_test_new_window ();
  HlTimeline *timeline = hl_window_get_timeline (window);
  HlSession *session = hl_window_get_session (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("heistline-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "copy.json", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                   "heistline.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *renamed = NULL;
  g_autoptr(GFile) file = NULL;
  ReloadWait wait;
  gint64 from, to;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &json, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  g_assert_true (g_file_equal (hl_window_get_file (window), file));
  g_assert_true (hl_test_has_label (GTK_WIDGET (window), "copy.json"));

  hl_session_set_selected_id (session, "stake-2023");
  key (GTK_WIDGET (timeline), "timeline.zoom-in");
  key (GTK_WIDGET (timeline), "timeline.zoom-in");
  from = hl_session_get_from (session);
  to = hl_session_get_to (session);
  g_assert_true (panel_shows (window, "Stake.com"));

  /* Change a title on disk: the new version shows, the view stays */
  renamed = replace (json, "\"title\": \"Stake.com\"", "\"title\": \"Stake.com casino\"");
  wait.window = window;
  wait.old = hl_window_get_dataset (window);
  g_assert_true (g_file_set_contents (path, renamed, -1, &error));
  g_assert_no_error (error);
  g_assert_true (hl_test_wait_for (dataset_replaced, &wait, 10000));
  g_assert_cmpint (hl_session_get_from (session), ==, from);
  g_assert_cmpint (hl_session_get_to (session), ==, to);
  g_assert_cmpstr (hl_session_get_selected_id (session), ==, "stake-2023");
  g_assert_true (panel_shows (window, "Stake.com casino"));
  g_assert_null (hl_window_get_last_error (window));

  /* Break it: the last good version stays and the error is reported */
  wait.old = hl_window_get_dataset (window);
  g_assert_true (g_file_set_contents (path, "{ \"format\": \"heistline-dataset/1\",\n  oops\n",
                                      -1, &error));
  g_assert_no_error (error);
  g_assert_true (hl_test_wait_for (error_reported, window, 10000));
  g_assert_true (hl_window_get_dataset (window) == wait.old);
  g_assert_nonnull (strstr (hl_window_get_last_error (window), "copy.json"));
  g_assert_cmpint (hl_session_get_from (session), ==, from);
  g_assert_cmpstr (hl_session_get_selected_id (session), ==, "stake-2023");
  g_assert_true (panel_shows (window, "Stake.com casino"));

  hl_test_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
box_holds (const HlBox *outer, const HlBox *inner, double slack)
{
  return inner->x >= outer->x - slack && inner->y >= outer->y - slack &&
         inner->x + inner->width <= outer->x + outer->width + slack &&
         inner->y + inner->height <= outer->y + outer->height + slack;
}

/* Issue 15 #5: right-to-left titles (Arabic, Hebrew, as
 * /work/scratch/sanctions.json has them) were drawn outside the hover
 * card, over other labels. Every text's ink lies inside the card, and
 * the hover changes no pixel outside the card and the mark's outline. */
static void
test_rtl_hover_card (void)
{
  const char *ids[] = { "ar-short", "en", "ar-long", "ko", "he-short", "ar-fine", "he-mixed",
                        "he-long" };
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  HlTimeline *timeline = hl_window_get_timeline (window);
  GtkWidget *widget = GTK_WIDGET (timeline);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good-rtl-titles.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  cairo_surface_t *plain;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  hl_session_set_hover (session, -1);
  hl_session_set_selected (session, -1);
  hl_test_wait_for_draw (widget);
  plain = hl_test_render_widget (widget);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      HlDataset *dataset = hl_session_get_dataset (session);
      int event = hl_dataset_find_event (dataset, ids[i]);
      HlChart *chart;
      HlBox card, mark, inks[2];
      cairo_surface_t *hovered;
      guint n_outside = 0;
      int w, h;

      g_assert_cmpint (event, >=, 0);
      hl_session_set_hover (session, event);
      hl_test_wait_for_draw (widget);
      chart = hl_timeline_get_chart (timeline);
      g_assert_true (hl_chart_get_event_box (chart, event, &mark));
      g_assert_true (_hl_chart_get_card (chart, event, &card, &inks[0], &inks[1]));
      for (guint k = 0; k < 2; k++)
        if (!box_holds (&card, &inks[k], 0))
          g_error ("%s: text %u's ink %.1f,%.1f %.1fx%.1f is outside its card "
                   "%.1f,%.1f %.1fx%.1f", ids[i], k, inks[k].x, inks[k].y, inks[k].width,
                   inks[k].height, card.x, card.y, card.width, card.height);

      /* What is drawn: nothing outside the card (and its 1 px border)
       * and the mark's outline changes */
      hovered = hl_test_render_widget (widget);
      w = cairo_image_surface_get_width (hovered);
      h = cairo_image_surface_get_height (hovered);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            HlBox px = { x + 0.5, y + 0.5, 0, 0 };  /* its centre */
            HlBox grown_card = { card.x - 1, card.y - 1, card.width + 2, card.height + 2 };
            HlBox grown_mark = { mark.x - 4, mark.y - 4, mark.width + 8, mark.height + 8 };

            if (hl_test_pixel (plain, x, y) == hl_test_pixel (hovered, x, y))
              continue;
            if (box_holds (&grown_card, &px, 0) || box_holds (&grown_mark, &px, 0))
              continue;
            if (n_outside++ < 5)
              g_test_message ("%s: pixel %d,%d changed outside card %.1f,%.1f %.1fx%.1f",
                              ids[i], x, y, card.x, card.y, card.width, card.height);
          }
      if (n_outside > 0)
        {
          g_autofree char *png = g_strdup_printf ("%s/rtl-card-%s.png", g_get_tmp_dir (), ids[i]);

          cairo_surface_write_to_png (hovered, png);
          g_error ("%s: the hover changed %u pixels outside its card (see %s)",
                   ids[i], n_outside, png);
        }
      cairo_surface_destroy (hovered);
    }
  cairo_surface_destroy (plain);
  hl_test_close_window (window);
}

/* Issue 15 #8: a range error showed only as a tooltip. It is in words
 * under the entries, names the entry, and goes once the entry changes. */
static void
test_range_error_inline (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  GtkWidget *popover = hl_test_find_type (GTK_WIDGET (window), HL_TYPE_RANGE_POPOVER);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkEntry *from_entry, *to_entry;
  gint64 from = hl_session_get_from (session), to = hl_session_get_to (session);

  collect_entries (popover, entries);
  from_entry = g_ptr_array_index (entries, 0);
  to_entry = g_ptr_array_index (entries, 1);
  gtk_window_present (GTK_WINDOW (window));
  gtk_popover_popup (GTK_POPOVER (popover));
  hl_test_wait_for_draw (popover);
  g_assert_false (hl_test_has_label (popover, "To: "));

  gtk_editable_set_text (GTK_EDITABLE (to_entry), "2023-06-15");
  g_assert_true (gtk_widget_activate_action (popover, "range.apply", NULL));
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (hl_test_has_label (popover, "To: The end must come after the start"));

  /* Both wrong: both said, each by its entry's name */
  gtk_editable_set_text (GTK_EDITABLE (from_entry), "2023-02-30");
  gtk_editable_set_text (GTK_EDITABLE (to_entry), "yesterday");
  g_assert_false (hl_test_has_label (popover, "The end must come after the start"));
  g_assert_true (gtk_widget_activate_action (popover, "range.apply", NULL));
  g_assert_true (hl_test_has_label (popover, "From: "));
  g_assert_true (hl_test_has_label (popover, "To: "));
  g_assert_cmpint (hl_session_get_from (session), ==, from);
  g_assert_cmpint (hl_session_get_to (session), ==, to);

  /* Fixed: the words go */
  gtk_editable_set_text (GTK_EDITABLE (from_entry), "2023-08-01");
  g_assert_false (hl_test_has_label (popover, "From: "));
  gtk_editable_set_text (GTK_EDITABLE (to_entry), "2023-08-31");
  g_assert_false (hl_test_has_label (popover, "To: "));
  hl_test_close_window (window);
}

/* Issue 15 #8: a date-time event was headed by its day alone. The panel
 * says the time and the zone the file gave it; a plain date stays a day. */
static void
test_date_time_heading (void)
{
  const struct { const char *id, *heading; } cases[] = {
    { "seoul", "12 July 2023, 10:24 UTC+09:00" },
    { "utc", "4 September 2023, 14:00 UTC" },
    { "west", "31 December 2023, 23:30 UTC\u221205:00" },
    { "day", "10 October 2023" },
  };
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  GtkWidget *panel = GTK_WIDGET (hl_window_get_panel (window));
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good-date-times.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) labels = NULL;
      gboolean found = FALSE;

      hl_session_set_selected_id (session, cases[i].id);
      labels = hl_test_collect_labels (panel);
      for (guint k = 0; k < labels->len; k++)
        found |= g_str_equal (g_ptr_array_index (labels, k), cases[i].heading);
      if (!found)
        g_error ("%s: the panel has no heading \"%s\"", cases[i].id, cases[i].heading);
    }
  /* a plain date says no time */
  g_assert_false (hl_test_has_label (panel, "UTC"));
  hl_test_close_window (window);
}

/* The plot's height across @n_steps pan steps of @fraction, after
 * zooming to @span seconds; the largest change from the first. */
static double
plot_height_jump (HlWindow *window, gint64 span, int n_steps, double fraction)
{
  HlSession *session = hl_window_get_session (window);
  HlTimeline *timeline = hl_window_get_timeline (window);
  gint64 from = hl_session_get_from (session);
  double first = -1, worst = 0;

  hl_session_set_range (session, from, from + span);
  for (int i = 0; i <= n_steps; i++)
    {
      HlBox plot;

      if (i > 0)
        hl_session_pan (session, fraction);
      hl_test_wait_for_draw (GTK_WIDGET (timeline));
      hl_chart_get_plot_area (hl_timeline_get_chart (timeline), &plot);
      g_test_message ("step %d: plot y %.1f height %.1f", i, plot.y, plot.height);
      if (first < 0)
        first = plot.height;
      worst = MAX (worst, fabs (plot.height - first));
    }
  return worst;
}

/* Issue 15 #8: the plot's height jumped by a line of footnote at a time
 * while panning (the publishers named follow the view). It stays, on
 * the bundled data and on a slice of the defi-like data. */
static void
test_plot_height_while_panning (void)
{
  HlWindow *window = hl_test_new_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good-defi-slice.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (window));
  hl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpfloat (plot_height_jump (window, 30 * HL_SECONDS_PER_DAY, 12, 0.25), ==, 0);

  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  g_assert_cmpfloat (plot_height_jump (window, 14 * HL_SECONDS_PER_DAY, 20, 0.5), ==, 0);
  hl_test_close_window (window);
}

/* The pointer moving to (x, y) over the timeline, as GTK reports it. */
static void
move_pointer (GtkWidget *widget, double x, double y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean moved = FALSE;

  /* Every motion controller, as a real pointer would: the window adds
   * one of its own (the notes') beside the timeline's. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        {
          g_signal_emit_by_name (controller, "motion", x, y);
          moved = TRUE;
        }
    }
  g_assert_true (moved);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* 40 incidents on 10 August 2021 (tests/data/density.json), zoomed to
 * the day: each is a segment of its own, reached in turn by the keys and
 * by the pointer at its segment, which its card then names. */
static void
test_same_day_events (void)
{
  HlWindow *window = hl_test_new_window ();
  HlTimeline *timeline = hl_window_get_timeline (window);
  HlSession *session = hl_window_get_session (window);
  GtkWidget *widget = GTK_WIDGET (timeline);
  g_autoptr(GFile) file = g_file_new_for_path (TEST_DATA_DIR "/density.json");
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  gint64 day = hl_date_from_ymd (2021, 8, 10);
  HlDataset *dataset;
  HlBox last = { 0 };
  int ev = -1;

  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  dataset = hl_window_get_dataset (window);
  hl_session_set_range (session, day, day + HL_SECONDS_PER_DAY);
  hl_test_wait_for_draw (widget);

  key (widget, "timeline.clear-selection");
  for (;;)
    {
      HlChart *chart;
      const HlEvent *e;
      HlBox box;

      key (widget, "timeline.select-next");
      if (hl_session_get_selected (session) == ev)
        break;  /* the last one: the bell */
      ev = hl_session_get_selected (session);
      e = hl_dataset_get_event (dataset, ev);
      if (!g_str_equal (hl_dataset_get_lane (dataset, e->lane)->id, "defi") ||
          e->time >= day + HL_SECONDS_PER_DAY)
        break;
      g_assert_false (g_hash_table_contains (seen, GINT_TO_POINTER (ev)));
      g_hash_table_add (seen, GINT_TO_POINTER (ev));
      g_assert_true (g_str_has_prefix (e->title, "Same day "));

      /* Its own mark, apart from the one before */
      chart = hl_timeline_get_chart (timeline);
      g_assert_nonnull (chart);
      g_assert_true (hl_chart_get_event_box (chart, ev, &box));
      g_assert_cmpfloat (box.height, >=, 1);
      g_assert_false (box.y == last.y && box.height == last.height);
      last = box;

      /* The pointer at its box hovers it, alone */
      move_pointer (widget, box.x + box.width / 2, box.y + box.height / 2);
      g_assert_cmpint (hl_session_get_hover (session), ==, ev);
      g_assert_cmpint (hl_chart_hit_test (chart, box.x + box.width / 2,
                                          box.y + box.height / 2), ==, ev);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 40);
  hl_test_close_window (window);
}

/* Ten years of incidents in the window: the crowded lanes draw calendar
 * bins; the pointer on a bin hovers it (an event of that bin), and a
 * click selects it. */
static void
test_bins_hover (void)
{
  HlWindow *window = hl_test_new_window ();
  HlTimeline *timeline = hl_window_get_timeline (window);
  HlSession *session = hl_window_get_session (window);
  GtkWidget *widget = GTK_WIDGET (timeline);
  g_autoptr(GFile) file = g_file_new_for_path (TEST_DATA_DIR "/density.json");
  const HlChartBin *bins, *biggest = NULL;
  HlChart *chart;
  guint n_bins;
  int hover;

  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  key (widget, "timeline.fit-all");
  hl_test_wait_for_draw (widget);
  chart = hl_timeline_get_chart (timeline);
  g_assert_nonnull (chart);
  bins = _hl_chart_get_bins (chart, &n_bins);
  g_assert_cmpuint (n_bins, >, 20);
  for (guint i = 0; i < n_bins; i++)
    if (biggest == NULL || bins[i].bin.sum.usd > biggest->bin.sum.usd)
      biggest = &bins[i];
  move_pointer (widget, biggest->box.x + biggest->box.width / 2,
                biggest->box.y + biggest->box.height - 2);
  hover = hl_session_get_hover (session);
  g_assert_cmpint (hover, >=, 0);
  g_assert_true (_hl_chart_get_event_bin (chart, hover) == biggest);
  hl_test_close_window (window);
}

static void
click_at (GtkWidget *widget, double x, double y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean clicked = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !clicked; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      /* the primary button's click, not the context menu's */
      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) !=
            GDK_BUTTON_SECONDARY)
        {
          g_signal_emit_by_name (controller, "released", 1, x, y);
          clicked = TRUE;
        }
    }
  g_assert_true (clicked);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
collect_toggles (GtkWidget *widget, GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_TOGGLE_BUTTON (c))
      g_ptr_array_add (out, c);
    else
      collect_toggles (c, out);
}

static const char *
button_text (GtkWidget *button)
{
  return gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))));
}

/* Clicking a calendar bin at the full span of tests/data/density.json
 * lists its events in the panel, largest first, each a button that
 * selects it; selecting an event outside the bin drops the list. */
static void
test_bin_click_lists (void)
{
  HlWindow *window = hl_test_new_window ();
  HlTimeline *timeline = hl_window_get_timeline (window);
  HlSession *session = hl_window_get_session (window);
  GtkWidget *widget = GTK_WIDGET (timeline);
  GtkWidget *section;
  g_autoptr(GFile) file = g_file_new_for_path (TEST_DATA_DIR "/density.json");
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  const HlChartBin *bins, *pick = NULL;
  HlChartBin bin;
  HlDataset *dataset;
  HlChart *chart;
  gint64 from, to;
  guint n_bins, n_in = 0, lane;
  int first = -1, second = -1, outside = -1, picked;

  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  key (widget, "timeline.fit-all");
  hl_test_wait_for_draw (widget);
  chart = hl_timeline_get_chart (timeline);
  dataset = hl_session_get_dataset (session);
  bins = _hl_chart_get_bins (chart, &n_bins);
  g_assert_cmpuint (n_bins, >, 20);
  /* the money bin with the most events that the list can hold whole */
  for (guint i = 0; i < n_bins; i++)
    if (hl_dataset_get_lane (dataset, bins[i].lane)->measure == HL_MEASURE_USD &&
        bins[i].bin.sum.n <= 50 && (pick == NULL || bins[i].bin.sum.n > pick->bin.sum.n))
      pick = &bins[i];
  g_assert_nonnull (pick);
  g_assert_cmpuint (pick->bin.sum.n, >=, 3);
  /* the bin's largest two and an event of the lane outside it, from the file */
  for (guint i = 0; i < hl_dataset_get_n_events (dataset); i++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, i);

      if (ev->lane != pick->lane)
        continue;
      if (ev->time < pick->bin.from || ev->time >= pick->bin.to)
        {
          outside = (int) i;
          continue;
        }
      n_in++;
      if (first < 0 || ev->usd > hl_dataset_get_event (dataset, first)->usd)
        {
          second = first;
          first = (int) i;
        }
      else if (second < 0 || ev->usd > hl_dataset_get_event (dataset, second)->usd)
        second = (int) i;
    }
  g_assert_cmpuint (n_in, ==, pick->bin.sum.n);

  section = hl_test_find_type (GTK_WIDGET (hl_window_get_panel (window)), HL_TYPE_BIN_SECTION);
  g_assert_nonnull (section);
  g_assert_false (gtk_widget_get_visible (section));
  /* the chart may be laid out anew once the click selects: keep a copy */
  bin = *pick;
  pick = &bin;
  click_at (widget, pick->box.x + pick->box.width / 2, pick->box.y + pick->box.height - 1);
  picked = hl_session_get_selected (session);
  g_assert_true (hl_session_get_bin (session, &lane, &from, &to));
  g_assert_cmpuint (lane, ==, pick->lane);
  g_assert_cmpint (from, ==, pick->bin.from);
  g_assert_cmpint (to, ==, pick->bin.to);
  g_assert_cmpint (hl_dataset_get_event (dataset, picked)->time, >=, from);
  g_assert_cmpint (hl_dataset_get_event (dataset, picked)->time, <, to);
  g_assert_true (gtk_widget_get_visible (section));

  collect_toggles (section, buttons);
  g_assert_cmpuint (buttons->len, ==, pick->bin.sum.n);
  g_assert_nonnull (strstr (button_text (buttons->pdata[0]),
                            hl_dataset_get_event (dataset, first)->title));
  g_assert_nonnull (strstr (button_text (buttons->pdata[1]),
                            hl_dataset_get_event (dataset, second)->title));
  g_assert_true (hl_test_has_label (section, "events"));

  /* one of them selected from the list: the list stays, its button pressed */
  g_signal_emit_by_name (buttons->pdata[1], "clicked");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (hl_session_get_selected (session), ==, second);
  g_assert_true (gtk_widget_get_visible (section));
  g_ptr_array_set_size (buttons, 0);
  collect_toggles (section, buttons);
  g_assert_cmpuint (buttons->len, ==, pick->bin.sum.n);
  g_assert_true (gtk_toggle_button_get_active (buttons->pdata[1]));
  g_assert_false (gtk_toggle_button_get_active (buttons->pdata[0]));
  g_assert_true (panel_shows (window, hl_dataset_get_event (dataset, second)->title));

  /* a selection elsewhere drops the bin */
  g_assert_cmpint (outside, >=, 0);
  hl_session_select (session, outside);
  g_assert_false (hl_session_get_bin (session, NULL, NULL, NULL));
  g_assert_false (gtk_widget_get_visible (section));
  hl_test_close_window (window);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  hl_test_isolate_user_data ();
  if (!gtk_init_check ())
    return 77;

  g_test_add_func ("/browse/zoom-and-pan", test_zoom_and_pan);
  g_test_add_func ("/browse/range-years", test_range_years);
  g_test_add_func ("/browse/select-and-panel", test_select_and_panel);
  g_test_add_func ("/browse/hide-lane-pixels", test_hide_lane_pixels);
  g_test_add_func ("/browse/range-popover", test_range_popover);
  g_test_add_func ("/browse/filter-popover-follows-session",
                   test_filter_popover_follows_session);
  g_test_add_func ("/browse/attribution-scope", test_attribution_scope);
  g_test_add_func ("/browse/keys-after-popover", test_keys_after_popover);
  g_test_add_func ("/browse/search", test_search);
  g_test_add_func ("/browse/live-reload", test_live_reload);
  g_test_add_func ("/browse/rtl-hover-card", test_rtl_hover_card);
  g_test_add_func ("/browse/range-error-inline", test_range_error_inline);
  g_test_add_func ("/browse/date-time-heading", test_date_time_heading);
  g_test_add_func ("/browse/plot-height-while-panning", test_plot_height_while_panning);
  g_test_add_func ("/browse/same-day-events", test_same_day_events);
  g_test_add_func ("/browse/bins-hover", test_bins_hover);
  g_test_add_func ("/browse/bin-click-lists", test_bin_click_lists);

  return g_test_run ();
}
