/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window in a real GTK: it opens on the bundled dataset, a bad
 * file leaves it as it was and says why, and its chart pixels are the
 * renderer's (the same as an exported PNG). */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "test-util.h"
#include "hl-chart.h"
#include "hl-date.h"
#include "hl-export.h"
#include "hl-window-private.h"

static void
test_opens_bundled (void)
{
  HlWindow *window = hl_test_new_window ();
  HlDataset *dataset = hl_window_get_dataset (window);
  const char *title;

  g_assert_nonnull (dataset);
  g_assert_cmpuint (hl_dataset_get_n_events (dataset), ==, 188);
  g_assert_cmpstr (hl_dataset_get_title (dataset), ==,
                   "North Korea: crypto heists and missile launches");
  title = gtk_window_get_title (GTK_WINDOW (window));
  /* the dataset's title first, isolated (FSI ... PDI: issue 14, item 7) */
  g_assert_true (g_str_has_prefix (title, "\xe2\x81\xa8"
                                          "North Korea: crypto heists and missile launches"
                                          "\xe2\x81\xa9"));
  g_assert_nonnull (strstr (title, "Heistline"));
  /* The header shows the title too */
  g_assert_true (hl_test_has_label (GTK_WIDGET (window),
                                    "North Korea: crypto heists and missile launches"));
  g_assert_null (hl_window_get_file (window));

  /* The default range, and the panel's summary of it */
  {
    HlSession *session = hl_window_get_session (window);
    gint64 from, to;

    hl_dataset_get_default_range (dataset, &from, &to);
    g_assert_cmpint (hl_session_get_from (session), ==, from);
    g_assert_cmpint (hl_session_get_to (session), ==, to);
    g_assert_true (hl_test_has_label (GTK_WIDGET (hl_window_get_panel (window)),
                                      "1 Jul 2023 – 31 Jan 2024"));
  }
  /* The bundled figures, lane by lane, in each lane's words */
  {
    const char *figures[] = {
      "$725.4 million",
      "Crypto heists: 14 events, $725M",
      "Missile and satellite launches: 17 events",
      "Missiles or rockets: 23",
      "+4 events with undisclosed counts",
      "Other weapons milestones: 5 events",
    };

    for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
      g_assert_true (hl_test_has_label (GTK_WIDGET (hl_window_get_panel (window)), figures[i]));
  }
  hl_test_close_window (window);
}

static gboolean
file_is_open (gpointer data)
{
  return !hl_window_is_loading (data) && hl_window_get_file (data) != NULL;
}

/* A dataset about something else entirely is described in its own words:
 * nothing about heists, money or weapons. */
static void
test_neutral_summary (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = g_object_ref (hl_window_get_session (window));
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good-sanctions.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *panel = GTK_WIDGET (hl_window_get_panel (window));
  g_autoptr(GPtrArray) labels = NULL;
  const char *forbidden[] = { "heist", "stolen", "weapons", "missile" };

  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  g_assert_cmpstr (hl_dataset_get_title (hl_session_get_dataset (session)), ==,
                   "Sanctions designations, 2023");

  g_assert_true (hl_test_has_label (panel, "Sanctions designations: 3 events"));
  /* 4 + 7, and the undisclosed one counts as one, as its bar does */
  g_assert_true (hl_test_has_label (panel, "Entities designated: 12"));
  g_assert_true (hl_test_has_label (panel, "+1 event with an undisclosed count"));
  labels = hl_test_collect_labels (panel);
  g_assert_cmpuint (labels->len, >, 3);
  for (guint i = 0; i < labels->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (forbidden); j++)
      {
        g_autofree char *lower = g_utf8_strdown (g_ptr_array_index (labels, i), -1);

        if (strstr (lower, forbidden[j]) != NULL)
          g_error ("The panel says \"%s\" for a dataset without %s",
                   (char *) g_ptr_array_index (labels, i), forbidden[j]);
      }

  /* The window let go of its session */
  hl_test_close_window (window);
  g_assert_finalize_object (session);
}

static gboolean
not_loading (gpointer data)
{
  return !hl_window_is_loading (data);
}

static AdwMessageDialog *
find_message_dialog (HlWindow *window)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static void
test_bad_file_keeps_data (void)
{
  HlWindow *window = hl_test_new_window ();
  HlDataset *before = hl_window_get_dataset (window);
  HlSession *session = hl_window_get_session (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("heistline-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  AdwMessageDialog *dialog;
  gint64 from, to;

  g_assert_no_error (error);
  path = g_build_filename (dir, "broken.json", NULL);
  g_assert_true (g_file_set_contents (path, "{\n  \"format\": \"heistline-dataset/1\",\n"
                                            "  \"title\": \"x\",\n  \"lanes\": [ ,\n",
                                      -1, &error));
  g_assert_no_error (error);

  hl_session_zoom (session, 2, 0.5);
  from = hl_session_get_from (session);
  to = hl_session_get_to (session);

  file = g_file_new_for_path (path);
  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (not_loading, window, 10000));

  /* Nothing changed on screen */
  g_assert_true (hl_window_get_dataset (window) == before);
  g_assert_cmpint (hl_session_get_from (session), ==, from);
  g_assert_cmpint (hl_session_get_to (session), ==, to);
  g_assert_null (hl_window_get_file (window));

  /* The error names the file and the line, in a dialog titled with it */
  g_assert_nonnull (hl_window_get_last_error (window));
  g_assert_nonnull (strstr (hl_window_get_last_error (window), "broken.json"));
  g_assert_nonnull (strstr (hl_window_get_last_error (window), "4"));
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "broken.json");
  g_assert_true (hl_test_has_label (GTK_WIDGET (dialog), hl_window_get_last_error (window)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  hl_test_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  guint  n_diff;
  guint  max_diff;
} Diff;

static Diff
compare_surfaces (cairo_surface_t *a, cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  Diff diff = { 0, 0 };
  /* An opaque PNG loads as RGB24, whose top byte is undefined. */
  guint32 opaque = cairo_image_surface_get_format (a) == CAIRO_FORMAT_RGB24 ||
                   cairo_image_surface_get_format (b) == CAIRO_FORMAT_RGB24 ? 0xff000000 : 0;

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pa = hl_test_pixel (a, x, y) | opaque, pb = hl_test_pixel (b, x, y) | opaque;
        guint worst = 0;

        if (pa == pb)
          continue;
        for (int shift = 0; shift < 32; shift += 8)
          worst = MAX (worst, (guint) ABS ((int) ((pa >> shift) & 0xff) -
                                           (int) ((pb >> shift) & 0xff)));
        diff.n_diff++;
        diff.max_diff = MAX (diff.max_diff, worst);
      }
  return diff;
}

/* What the window shows is what export writes: the timeline's pixels, as
 * GSK renders the widget, equal an hl_chart_draw() image and an exported
 * PNG of the same view and size, exactly. (The texture is uploaded and
 * drawn 1:1 at integer offsets, so no resampling happens.) */
static void
test_pixels_equal_export (void)
{
  HlWindow *window = hl_test_new_window ();
  HlTimeline *timeline = hl_window_get_timeline (window);
  HlSession *session = hl_window_get_session (window);
  GtkWidget *widget = GTK_WIDGET (timeline);
  HlDataset *dataset = hl_window_get_dataset (window);
  const HlView *view = hl_session_get_view (session);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("heistline-test-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "export.png", NULL);
  cairo_surface_t *shown, *drawn, *exported;
  g_autoptr(HlChart) chart = NULL;
  int width, height;
  cairo_t *cr;
  Diff diff;

  /* No hover card, no selection, no focus ring: just the chart. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  hl_session_set_hover (session, -1);
  hl_session_select (session, -1);
  hl_test_wait_for_draw (widget);
  g_assert_cmpint (gtk_widget_get_scale_factor (widget), ==, 1);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 400);
  g_assert_cmpint (height, >, 300);
  shown = hl_test_render_widget (widget);

  drawn = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (drawn);
  chart = hl_chart_new (dataset, view, width, height);
  hl_chart_draw (chart, cr);
  cairo_destroy (cr);
  cairo_surface_flush (drawn);

  diff = compare_surfaces (shown, drawn);
  if (diff.n_diff > 0)
    g_test_message ("window vs hl_chart_draw: %u pixels differ, by up to %u",
                    diff.n_diff, diff.max_diff);
  g_assert_cmpuint (diff.n_diff, ==, 0);

  g_assert_no_error (error);
  g_assert_true (hl_export_to_file (dataset, view, HL_EXPORT_PNG, width, height, 1, png, &error));
  g_assert_no_error (error);
  exported = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (exported), ==, CAIRO_STATUS_SUCCESS);
  diff = compare_surfaces (shown, exported);
  if (diff.n_diff > 0)
    g_test_message ("window vs exported PNG: %u pixels differ, by up to %u",
                    diff.n_diff, diff.max_diff);
  g_assert_cmpuint (diff.n_diff, ==, 0);

  cairo_surface_destroy (shown);
  cairo_surface_destroy (drawn);
  cairo_surface_destroy (exported);
  g_unlink (png);
  g_rmdir (dir);
  hl_test_close_window (window);
}

/* Hover draws over the cached chart: the texture object stays the same. */
static void
test_hover_keeps_texture (void)
{
  HlWindow *window = hl_test_new_window ();
  HlTimeline *timeline = hl_window_get_timeline (window);
  HlSession *session = hl_window_get_session (window);
  HlDataset *dataset = hl_window_get_dataset (window);
  /* Held, so that a new one cannot reuse their addresses */
  g_autoptr(GdkTexture) before = g_object_ref (hl_timeline_get_texture (timeline));
  g_autoptr(HlChart) chart_before = hl_chart_ref (hl_timeline_get_chart (timeline));

  g_assert_nonnull (before);
  hl_session_set_hover (session, hl_dataset_find_event (dataset, "stake-2023"));
  hl_session_set_selected_id (session, "poloniex-2023");
  hl_test_wait_for_draw (GTK_WIDGET (timeline));
  g_assert_true (hl_timeline_get_texture (timeline) == before);
  g_assert_true (hl_timeline_get_chart (timeline) == chart_before);

  /* A view change does make new ones */
  hl_session_zoom (session, 2, 0.5);
  g_assert_true (hl_timeline_get_chart (timeline) != chart_before);
  g_assert_true (hl_timeline_get_texture (timeline) != before);
  hl_test_close_window (window);
}

/* The first cairo node under @node that is not the whole chart (which the
 * cairo renderer gets as a cairo node too), or NULL. */
static GskRenderNode *
find_cairo_node (GskRenderNode *node)
{
  GskRenderNode *found = NULL;
  graphene_rect_t bounds;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CAIRO_NODE:
      gsk_render_node_get_bounds (node, &bounds);
      return bounds.origin.x == 0 && bounds.origin.y == 0 && bounds.size.width >= 400 &&
             bounds.size.height >= 300 ? NULL : node;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node) && found == NULL; i++)
        found = find_cairo_node (gsk_container_node_get_child (node, i));
      return found;
    case GSK_CLIP_NODE:
      return find_cairo_node (gsk_clip_node_get_child (node));
    case GSK_ROUNDED_CLIP_NODE:
      return find_cairo_node (gsk_rounded_clip_node_get_child (node));
    case GSK_TRANSFORM_NODE:
      return find_cairo_node (gsk_transform_node_get_child (node));
    case GSK_OPACITY_NODE:
      return find_cairo_node (gsk_opacity_node_get_child (node));
    default:
      return NULL;
    }
}

/* The hover card over the chart: the window shows exactly what
 * hl_chart_draw and hl_chart_draw_overlay draw, and the card is drawn in a
 * node no larger than the card and its mark (issue 15, frames: a
 * full-window overlay made every pointer move redraw the whole window). */
static void
test_hover_overlay_pixels (void)
{
  HlWindow *window = hl_test_new_window ();
  HlTimeline *timeline = hl_window_get_timeline (window);
  HlSession *session = hl_window_get_session (window);
  HlDataset *dataset = hl_window_get_dataset (window);
  GtkWidget *widget = GTK_WIDGET (timeline);
  int event = hl_dataset_find_event (dataset, "stake-2023");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(HlChart) chart = NULL;
  cairo_surface_t *shown, *drawn;
  GtkSnapshot *snapshot;
  GskRenderNode *overlay;
  graphene_rect_t bounds;
  int width, height;
  HlBox box;
  cairo_t *cr;
  Diff diff;

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  hl_session_select (session, -1);
  hl_session_set_hover (session, event);
  hl_test_wait_for_draw (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  shown = hl_test_render_widget (widget);

  drawn = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (drawn);
  chart = hl_chart_new (dataset, hl_session_get_view (session), width, height);
  hl_chart_draw (chart, cr);
  /* the overlay is a layer of its own over the chart, as in GSK */
  cairo_push_group (cr);
  hl_chart_draw_overlay (chart, cr, event, -1);
  cairo_pop_group_to_source (cr);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (drawn);
  diff = compare_surfaces (shown, drawn);
  if (diff.n_diff > 0)
    g_test_message ("hover: %u pixels differ, by up to %u", diff.n_diff, diff.max_diff);
  g_assert_cmpuint (diff.n_diff, ==, 0);

  /* The card's node covers the mark, and not the whole chart */
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  overlay = find_cairo_node (node);
  g_assert_nonnull (overlay);
  gsk_render_node_get_bounds (overlay, &bounds);
  g_assert_true (hl_chart_get_event_box (chart, event, &box));
  g_assert_true (graphene_rect_contains_rect (&bounds, &GRAPHENE_RECT_INIT (box.x, box.y,
                                                                            box.width,
                                                                            box.height)));
  g_assert_cmpfloat (bounds.size.width * bounds.size.height, <, width * height / 4.0);

  /* No hover: no overlay node */
  hl_session_set_hover (session, -1);
  hl_test_wait_for_draw (widget);
  g_clear_pointer (&node, gsk_render_node_unref);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_null (find_cairo_node (node));

  cairo_surface_destroy (shown);
  cairo_surface_destroy (drawn);
  hl_test_close_window (window);
}

static void
test_copy_chart (void)
{
  HlWindow *window = hl_test_new_window ();
  GtkWidget *timeline = GTK_WIDGET (hl_window_get_timeline (window));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  GdkContentProvider *content;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-chart", NULL);
  g_assert_true (gdk_clipboard_is_local (clipboard));
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, GDK_TYPE_TEXTURE);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  texture = g_value_get_object (&value);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (timeline));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (timeline));
  hl_test_close_window (window);
}

#define TOTALS "\u2068Crypto heists\u2069: 14 events, $725M; " \
               "\u2068Missile and satellite launches\u2069: 17 events; " \
               "\u2068Other weapons milestones\u2069: 5 events"
#define TOTALS_NO_HEISTS "\u2068Missile and satellite launches\u2069: 17 events; " \
                         "\u2068Other weapons milestones\u2069: 5 events"

static void
test_accessible_description (void)
{
  HlWindow *window = hl_test_new_window ();
  HlTimeline *timeline = hl_window_get_timeline (window);
  HlSession *session = hl_window_get_session (window);

  gtk_test_accessible_assert_role (timeline, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (timeline, GTK_ACCESSIBLE_PROPERTY_LABEL, "Timeline");
  /* the range and the totals shown (issue 15: a screen reader heard only
   * the range) */
  gtk_test_accessible_assert_property (timeline, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Showing 1 Jul 2023 – 31 Jan 2024. " TOTALS ".");
  hl_session_set_selected_id (session, "stake-2023");
  /* the event's title is isolated (U+2068 ... U+2069): a right-to-left
   * title cannot reorder the sentence a screen reader says */
  gtk_test_accessible_assert_property (timeline, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Showing 1 Jul 2023 – 31 Jan 2024. " TOTALS ". Selected: "
                                       "\u2068Stake.com\u2069, 4 September 2023, $41.0 million.");
  /* the event under the pointer too, and it follows the pointer */
  hl_session_set_hover (session, hl_dataset_find_event (hl_session_get_dataset (session),
                                                        "poloniex-2023"));
  gtk_test_accessible_assert_property (timeline, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Showing 1 Jul 2023 – 31 Jan 2024. " TOTALS ". Selected: "
                                       "\u2068Stake.com\u2069, 4 September 2023, $41.0 million. "
                                       "Pointing at: \u2068Poloniex\u2069, 10 November 2023, "
                                       "$123.0 million.");
  hl_session_set_hover (session, -1);
  /* and the totals follow the filters */
  {
    const char *hidden[] = { "heists", NULL };

    hl_session_set_hidden_lanes (session, hidden);
    gtk_test_accessible_assert_property (timeline, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         "Showing 1 Jul 2023 – 31 Jan 2024. " TOTALS_NO_HEISTS
                                         ".");
    hl_session_set_hidden_lanes (session, NULL);
  }
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (timeline)));
  hl_test_close_window (window);
}

/* Dropping a file on the window opens it, like Open does. */
static void
test_drop_file (void)
{
  HlWindow *window = hl_test_new_window ();
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                   "heistline.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *target = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_assert_null (hl_window_get_file (window));

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  g_assert_true (g_file_equal (hl_window_get_file (window), file));
  g_assert_true (hl_test_has_label (GTK_WIDGET (window), "heistline.json"));
  hl_test_close_window (window);
}

typedef struct
{
  HlWindow   *window;
  const char *text;
} ErrorWait;

/* The window reported an error that contains @text */
static gboolean
error_says (gpointer data)
{
  ErrorWait *wait = data;
  const char *error = hl_window_get_last_error (wait->window);

  return !hl_window_is_loading (wait->window) && error != NULL &&
         strstr (error, wait->text) != NULL;
}

static gboolean
error_cleared (gpointer data)
{
  return !hl_window_is_loading (data) && hl_window_get_last_error (data) == NULL;
}

static gboolean
no_toast (gpointer data)
{
  g_autoptr(GPtrArray) toasts = hl_test_find_toasts (data);

  return toasts->len == 0;
}

/* Lets the main loop run for @ms */
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

/* Ten bad saves then a good one: one error toast at a time, the newest;
 * its Details show its own error; a good reload withdraws it, and no
 * queued stale error comes up after. */
static void
test_error_toasts (void)
{
  HlWindow *window = hl_test_new_window ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("heistline-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "toasts.json", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                   "heistline.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *last_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) toasts = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *details;
  g_autoptr(GVariant) target = NULL;
  HlDataset *good;
  ErrorWait wait = { window, NULL };

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &json, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  good = hl_window_get_dataset (window);

  for (guint i = 1; i <= 10; i++)
    {
      /* Each error on its own line: "toasts.json:N:3:" */
      g_autofree char *blank = g_strnfill (i, '\n');
      g_autofree char *bad = g_strdup_printf ("{ \"format\": \"heistline-dataset/1\",%s"
                                              "  oops\n", blank);
      g_autofree char *place = g_strdup_printf ("toasts.json:%u:3:", i + 1);

      g_assert_true (g_file_set_contents (path, bad, -1, &error));
      g_assert_no_error (error);
      wait.text = place;
      g_assert_true (hl_test_wait_for (error_says, &wait, 10000));
    }
  g_assert_true (hl_window_get_dataset (window) == good);
  last_error = g_strdup (hl_window_get_last_error (window));
  g_assert_nonnull (strstr (last_error, "toasts.json:11:3:"));

  /* Past the replace animation: one toast, the last error's */
  run_for (700);
  toasts = hl_test_find_toasts (GTK_WIDGET (window));
  g_assert_cmpuint (toasts->len, ==, 1);
  g_assert_nonnull (strstr (hl_test_toast_title (g_ptr_array_index (toasts, 0)),
                            "toasts.json:11:3:"));
  details = hl_test_toast_button (g_ptr_array_index (toasts, 0));
  g_assert_nonnull (details);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (details)), ==, "_Details");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (details));
  g_assert_nonnull (target);
  target = g_variant_ref (target);
  g_clear_pointer (&toasts, g_ptr_array_unref);

  /* A good save withdraws it: nothing else comes up after */
  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_no_error (error);
  g_assert_true (hl_test_wait_for (error_cleared, window, 10000));
  g_assert_true (hl_test_wait_for (no_toast, window, 5000));
  run_for (1500);
  g_assert_true (no_toast (window));

  /* What the last toast's Details button does, done after the good
   * reload: it still shows the error it was shown for */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window),
                                                     "win.show-error-details", target));
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "toasts.json");
  g_assert_true (hl_test_has_label (GTK_WIDGET (dialog), last_error));
  gtk_window_destroy (GTK_WINDOW (dialog));

  hl_test_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

#define RLO "\xe2\x80\xae"   /* U+202E RIGHT-TO-LEFT OVERRIDE */

/* No label under @root shows @text as markup, and none has a raw RLO */
static void
assert_labels_plain (GtkWidget *root, const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *label = root;

  /* every label, visible or not */
  g_ptr_array_add (labels, root);
  for (guint i = 0; i < labels->len; i++)
    for (GtkWidget *c = gtk_widget_get_first_child (g_ptr_array_index (labels, i));
         c != NULL; c = gtk_widget_get_next_sibling (c))
      g_ptr_array_add (labels, c);
  for (guint i = 0; i < labels->len; i++)
    {
      label = g_ptr_array_index (labels, i);
      if (!GTK_IS_LABEL (label))
        continue;
      g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (label)), RLO));
      if (strstr (gtk_label_get_label (GTK_LABEL (label)), text) != NULL)
        g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
    }
}

/* A file named with markup and a bidi override, holding a title with
 * markup: the window, its error toast and the Details show them as
 * literal text, the override written out ("\u202e"), never applied. */
static void
test_hostile_names (void)
{
  HlWindow *window = hl_test_new_window ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("heistline-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "<b>x<i>" RLO "evil.json", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) toasts = NULL;
  GtkWidget *toast, *title;
  AdwMessageDialog *dialog;
  ErrorWait wait = { window, "evil.json" };
  const char *json =
    "{ \"format\": \"heistline-dataset/1\", \"title\": \"<b>T</b>\",\n"
    "  \"lanes\": [ { \"id\": \"heists\", \"title\": \"Heists\", \"measure\": \"usd\" } ],\n"
    "  \"events\": [ { \"id\": \"stake\", \"lane\": \"heists\", \"date\": \"2023-09-04\",\n"
    "                \"title\": \"Stake.com\", \"usd\": 41000000 } ] }\n";

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));

  /* The title isolated where it is joined; the name escaped */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "\xe2\x81\xa8<b>T</b>\xe2\x81\xa9 – Heistline");
  g_assert_true (hl_test_has_label (GTK_WIDGET (window), "<b>x<i>\\u202eevil.json"));
  assert_labels_plain (GTK_WIDGET (window), "<b>");

  /* Broken: the toast quotes the name literally */
  g_assert_true (g_file_set_contents (path, "{ \"format\": \"heistline-dataset/1\",\n  oops\n",
                                      -1, &error));
  g_assert_no_error (error);
  g_assert_true (hl_test_wait_for (error_says, &wait, 10000));
  run_for (700);
  toasts = hl_test_find_toasts (GTK_WIDGET (window));
  g_assert_cmpuint (toasts->len, ==, 1);
  toast = g_ptr_array_index (toasts, 0);
  g_test_message ("toast: %s", hl_test_toast_title (toast));
  g_assert_nonnull (strstr (hl_test_toast_title (toast), "&lt;b&gt;x&lt;i&gt;\\u202eevil.json"));
  title = hl_test_find_type (toast, GTK_TYPE_LABEL);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (title)), "<b>x<i>\\u202eevil.json"));
  assert_labels_plain (toast, "<b>");

  /* Details: plain text, the override written out */
  g_signal_emit_by_name (hl_test_toast_button (toast), "clicked");
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "<b>x<i>\\u202eevil.json");
  g_assert_false (adw_message_dialog_get_heading_use_markup (dialog));
  g_assert_true (hl_test_has_label (GTK_WIDGET (dialog), "<b>x<i>\\u202eevil.json:2:3:"));
  assert_labels_plain (GTK_WIDGET (dialog), "<b>");
  gtk_window_destroy (GTK_WINDOW (dialog));

  hl_test_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static guint
count_with_class (GtkWidget *widget, const char *css_class)
{
  guint n = gtk_widget_has_css_class (widget, css_class) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_with_class (child, css_class);
  return n;
}

/* The header says what search found over the whole dataset (not only
 * the view), and the filter button stands out while a filter is on. */
static void
test_header_says_filters_and_matches (void)
{
  HlWindow *window = hl_test_new_window ();
  HlSession *session = hl_window_get_session (window);
  GtkWidget *root = GTK_WIDGET (window);

  g_assert_cmpuint (count_with_class (root, "filters-active"), ==, 0);
  hl_session_set_min_usd (session, 5e6);
  g_assert_cmpuint (count_with_class (root, "filters-active"), ==, 1);
  hl_session_reset_filters (session);
  g_assert_cmpuint (count_with_class (root, "filters-active"), ==, 0);

  hl_session_set_search (session, "Hwasong-18");
  g_assert_true (hl_test_has_label (root, "3 matches, 1 outside the view"));
  hl_session_set_range (session, hl_date_from_ymd (2023, 11, 1),
                        hl_date_from_ymd (2024, 1, 31));
  g_assert_true (hl_test_has_label (root, "3 matches, 2 outside the view"));
  g_assert_false (hl_test_has_label (root, "No matches in view"));
  hl_session_set_search (session, "no such event anywhere");
  g_assert_true (hl_test_has_label (root, "No matches"));
  hl_test_close_window (window);
}

/* The primary menu's model: the menu button's that has one. */
static GMenuModel *
find_primary_menu (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (root)))
    return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *found = find_primary_menu (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The item of @menu (sections and submenus searched) labelled @label. */
static gboolean
find_menu_item (GMenuModel *menu, const char *label, GMenuModel **submenu, char **action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && find_menu_item (section, label, submenu, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &text) &&
          g_str_equal (text, label))
        {
          if (submenu != NULL)
            *submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);
          if (action != NULL)
            g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", action);
          return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  GMenuModel *recent;
  const char *uri;
  gboolean    listed;
} RecentWait;

static gboolean
recent_lists_uri (gpointer data)
{
  RecentWait *w = data;

  for (int i = 0; i < g_menu_model_get_n_items (w->recent); i++)
    {
      g_autoptr(GVariant) target =
        g_menu_model_get_item_attribute_value (w->recent, i, G_MENU_ATTRIBUTE_TARGET,
                                               G_VARIANT_TYPE_STRING);

      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), w->uri))
        return w->listed;
    }
  return !w->listed;
}

/* Issue 15 #8: Open Recent listed a file that failed to load, and once
 * another dataset was open there was no way back to the bundled one. */
static void
test_recent_and_bundled (void)
{
  HlWindow *window = hl_test_new_window ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("heistline-test-XXXXXX", &error);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "good-sanctions.json",
                                                   NULL);
  g_autofree char *path = g_build_filename (dir, "sanctions.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *bundled_action = NULL;
  g_autoptr(GMenuModel) recent = NULL;
  GMenuModel *menu = find_primary_menu (GTK_WIDGET (window));
  AdwMessageDialog *dialog;
  RecentWait wait;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &contents, NULL, &error));
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  g_assert_nonnull (menu);
  g_assert_true (find_menu_item (menu, "Open _Recent", &recent, NULL));
  g_assert_nonnull (recent);
  g_assert_true (find_menu_item (menu, "Open _Bundled Dataset", NULL, &bundled_action));
  g_assert_cmpstr (bundled_action, ==, "win.open-bundled");

  /* A good file is listed once it has opened */
  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (file_is_open, window, 10000));
  wait = (RecentWait) { recent, uri, TRUE };
  g_assert_true (hl_test_wait_for (recent_lists_uri, &wait, 5000));

  /* Broken on disk and opened again: it leaves the list */
  g_assert_true (g_file_set_contents (path, "{ \"format\": ", -1, &error));
  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (not_loading, window, 10000));
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait.listed = FALSE;
  g_assert_true (hl_test_wait_for (recent_lists_uri, &wait, 5000));
  g_assert_false (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));

  /* The file still shown (the last good one), and the way back */
  g_assert_nonnull (hl_window_get_file (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-bundled", NULL));
  g_assert_null (hl_window_get_file (window));
  g_assert_cmpuint (hl_dataset_get_n_events (hl_window_get_dataset (window)), ==, 188);
  g_assert_true (hl_test_has_label (GTK_WIDGET (window), "Bundled dataset"));

  hl_test_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
collect_type (GtkWidget *root, GType type, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      g_ptr_array_add (found, root);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, found);
}

/* The keys a shortcut shows, as its labels read: "Ctrl+G", "⏎". */
static GPtrArray *
shown_keys (GtkWidget *shortcut_label)
{
  g_autoptr(GPtrArray) labels = hl_test_collect_labels (shortcut_label);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; i <= labels->len; i++)
    {
      const char *text = i < labels->len ? g_ptr_array_index (labels, i) : "/";

      if (g_str_equal (text, "/"))
        {
          if (key->len > 0)
            g_ptr_array_add (keys, g_strdup (key->str));
          g_string_truncate (key, 0);
        }
      else
        g_string_append (key, text);
    }
  return keys;
}

/* Issue 15 #8: the shortcuts window listed "+ / = / +", "- / -" and a
 * raw "Page_Up". No key shows twice in a group, nor by its raw name. */
static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/heistline/Heistline/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  guint n_keys = 0;

  g_assert_nonnull (overlay);
  gtk_window_present (GTK_WINDOW (overlay));
  hl_test_wait_for_draw (overlay);
  collect_type (overlay, GTK_TYPE_SHORTCUTS_GROUP, groups);
  g_assert_cmpuint (groups->len, >=, 5);
  for (guint g = 0; g < groups->len; g++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      collect_type (g_ptr_array_index (groups, g), GTK_TYPE_SHORTCUT_LABEL, labels);
      for (guint i = 0; i < labels->len; i++)
        {
          g_autoptr(GPtrArray) keys = shown_keys (g_ptr_array_index (labels, i));

          for (guint k = 0; k < keys->len; k++)
            {
              const char *shown = g_ptr_array_index (keys, k);

              g_test_message ("group %u: %s", g, shown);
              if (strchr (shown, '_') != NULL)
                g_error ("the shortcuts window shows a raw key name: \"%s\"", shown);
              if (g_hash_table_contains (seen, shown))
                g_error ("the shortcuts window shows \"%s\" twice in a group", shown);
              g_hash_table_add (seen, g_strdup (shown));
              n_keys++;
            }
        }
    }
  g_assert_cmpuint (n_keys, >=, 20);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* Issue 15 #8: the bad-file dialog was cramped: 320 px wide, three lines
 * of problems at a time. It is as wide as the window allows (up to 560
 * px for the problems), and its framed box shows several lines. */
static void
test_error_dialog_layout (void)
{
  HlWindow *window = hl_test_new_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad-several.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  GtkWidget *scroller;

  gtk_window_present (GTK_WINDOW (window));
  hl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, 800);
  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (not_loading, window, 10000));
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  hl_test_wait_for_draw (GTK_WIDGET (dialog));
  scroller = hl_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  g_test_message ("problems box %d x %d", gtk_widget_get_width (scroller),
                  gtk_widget_get_height (scroller));
  g_assert_cmpint (gtk_widget_get_width (scroller), >=, 520);
  g_assert_cmpint (gtk_widget_get_height (scroller), >=, 120);
  g_assert_true (gtk_widget_has_css_class (scroller, "card"));
  g_assert_true (hl_test_has_label (GTK_WIDGET (dialog), "no such day in that month"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  hl_test_close_window (window);
}

static void
report_widths (GtkWidget *w, int depth)
{
  int min, nat;

  gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (min < 30 || depth > 7)
    return;
  g_test_message ("%*s%s: min %d, natural %d", depth * 2, "", G_OBJECT_TYPE_NAME (w), min, nat);
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    report_widths (c, depth + 1);
}

/* A window opened at @width (no window manager: it gets what it asks) */
static HlWindow *
window_at (int width)
{
  HlWindow *window = hl_test_new_window ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  gtk_window_present (GTK_WINDOW (window));
  hl_test_wait_for_draw (GTK_WIDGET (window));
  g_test_message ("window asked for %d, is %d wide", width,
                  gtk_widget_get_width (GTK_WIDGET (window)));
  return window;
}

static gboolean
chart_has_whole_width (gpointer data)
{
  HlWindow *window = data;

  return gtk_widget_get_width (GTK_WIDGET (hl_window_get_timeline (window)))
         == gtk_widget_get_width (GTK_WIDGET (window));
}

/* Issue 15 #8: the window could not go below about 706 px and the panel
 * never folded. It goes down to 360 px; below a width the panel folds
 * into an overlay over the chart (AdwFlap's fold policy). */
static void
test_adaptive (void)
{
  g_autofree char *layout = NULL;
  HlWindow *window;

  /* GNOME's title buttons (a close button), not GTK's fallback without a
   * desktop (minimize, maximize and close: 72 px more) */
  g_object_get (gtk_settings_get_default (), "gtk-decoration-layout", &layout, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  window = window_at (1200);
  GtkWidget *widget = GTK_WIDGET (window);
  AdwFlap *flap = ADW_FLAP (hl_test_find_type (widget, ADW_TYPE_FLAP));
  GtkWidget *timeline = GTK_WIDGET (hl_window_get_timeline (window));
  GtkWidget *panel = GTK_WIDGET (hl_window_get_panel (window));
  int min, nat;

  report_widths (widget, 0);
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (widget), >=, 1180);
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_true (adw_flap_get_reveal_flap (flap));
  /* side by side */
  g_assert_cmpint (gtk_widget_get_width (timeline) + gtk_widget_get_width (panel), <=,
                   gtk_widget_get_width (widget));
  hl_test_close_window (window);

  window = window_at (360);
  widget = GTK_WIDGET (window);
  flap = ADW_FLAP (hl_test_find_type (widget, ADW_TYPE_FLAP));
  timeline = GTK_WIDGET (hl_window_get_timeline (window));
  g_assert_cmpint (gtk_widget_get_width (widget), <=, 360);
  g_assert_true (adw_flap_get_folded (flap));
  /* the chart has the whole width once the fold's animation (250 ms) has
   * ended, which a fast first frame comes before; the panel, when shown,
   * lies over it */
  hl_test_wait_for (chart_has_whole_width, window, 2000);
  g_assert_cmpint (gtk_widget_get_width (timeline), ==, gtk_widget_get_width (widget));
  hl_test_close_window (window);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
}

typedef struct
{
  HlWindow *window;
  gboolean  bar_shown;   /* the loading bar was revealed while it read */
  guint     paints;
} LoadWatch;

static gboolean
loaded_watching_bar (gpointer data)
{
  LoadWatch *w = data;

  if (gtk_revealer_get_reveal_child (w->window->loading_revealer))
    w->bar_shown = TRUE;
  return file_is_open (w->window);
}

static void
count_paint (GdkFrameClock *clock, gpointer data)
{
  ((LoadWatch *) data)->paints++;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* After a load long enough to show the loading bar, the window goes
 * quiet: the bar's activity mode (pulse) used to keep a tick callback that
 * repainted the whole window sixty times a second for the rest of its
 * life, which every later hover and pan paid for. */
static void
test_quiet_after_load (void)
{
  HlWindow *window = hl_test_new_window ();
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "many.json", NULL);
  g_autoptr(GString) json = g_string_new ("{\"format\":\"heistline-dataset/1\",\"title\":\"Many\","
                                          "\"lanes\":[{\"id\":\"a\",\"title\":\"A\","
                                          "\"measure\":\"usd\"}],\"events\":[");
  g_autoptr(GFile) file = NULL;
  LoadWatch w = { window, FALSE, 0 };
  GdkFrameClock *clock;
  gulong id;

  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (json, "%s{\"id\":\"e%u\",\"lane\":\"a\",\"date\":\"20%02u-%02u-%02u\","
                            "\"title\":\"Event %u\",\"usd\":%u,\"sources\":[{\"url\":"
                            "\"https://example.org/%u\",\"publisher\":\"Example\"}]}",
                            i ? "," : "", i, 10 + i % 14, 1 + i % 12, 1 + i % 28, i, 1000 + i, i);
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (path, json->str, (gssize) json->len, NULL));
  file = g_file_new_for_path (path);
  hl_window_open_file (window, file);
  g_assert_true (hl_test_wait_for (loaded_watching_bar, &w, 60000));
  g_assert_true (w.bar_shown);
  /* let the bar's revealer finish hiding, then count what is painted */
  hl_test_wait_for (never, NULL, 800);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), &w);
  hl_test_wait_for (never, NULL, 1000);
  g_signal_handler_disconnect (clock, id);
  g_assert_cmpuint (w.paints, <=, 3);
  hl_test_close_window (window);
  hl_test_remove_tmpdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  hl_test_isolate_user_data ();
  /* GTK's in-process accessibility backend: lets the test read the
   * accessible properties, needs no bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!gtk_init_check ())
    return 77;

  g_test_add_func ("/window/opens-bundled", test_opens_bundled);
  g_test_add_func ("/window/neutral-summary", test_neutral_summary);
  g_test_add_func ("/window/bad-file-keeps-data", test_bad_file_keeps_data);
  g_test_add_func ("/window/pixels-equal-export", test_pixels_equal_export);
  g_test_add_func ("/window/hover-keeps-texture", test_hover_keeps_texture);
  g_test_add_func ("/window/hover-overlay-pixels", test_hover_overlay_pixels);
  g_test_add_func ("/window/copy-chart", test_copy_chart);
  g_test_add_func ("/window/accessible", test_accessible_description);
  g_test_add_func ("/window/drop-file", test_drop_file);
  g_test_add_func ("/window/error-toasts", test_error_toasts);
  g_test_add_func ("/window/hostile-names", test_hostile_names);
  g_test_add_func ("/window/header-filters-matches", test_header_says_filters_and_matches);
  g_test_add_func ("/window/recent-and-bundled", test_recent_and_bundled);
  g_test_add_func ("/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/window/error-dialog-layout", test_error_dialog_layout);
  g_test_add_func ("/window/adaptive", test_adaptive);
  g_test_add_func ("/window/quiet-after-load", test_quiet_after_load);

  return g_test_run ();
}
