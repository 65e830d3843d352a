/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers for the in-process GUI tests: one registered application for the
 * test program, windows made from it, waiting on the main loop with a
 * deadline, and reading a widget's pixels back from the GSK renderer. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "gui-test-util.h"
#include "test-util.h"

static HlApplication *app;

static char *data_home;

static void
remove_data_home (void)
{
  g_autofree char *recent = g_build_filename (data_home, "recently-used.xbel", NULL);

  g_unlink (recent);
  g_rmdir (data_home);
}

/* Opened files go to the recent-files list under the user data dir: keep
 * that in a temporary folder. (G_TEST_OPTION_ISOLATE_DIRS would hide the
 * system's XDG_DATA_DIRS too, and with them the MIME database GTK needs to
 * load SVG icons.) */
void
hl_test_isolate_user_data (void)
{
  g_autoptr(GError) error = NULL;

  data_home = g_dir_make_tmp ("heistline-test-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  atexit (remove_data_home);
}

HlApplication *
hl_test_application (void)
{
  g_autoptr(GError) error = NULL;

  if (app != NULL)
    return app;
  app = hl_application_new ();
  /* No D-Bus name: tests run side by side and without a session bus. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  return app;
}

/* A window of the application as "activate" makes it: the bundled data. */
HlWindow *
hl_test_new_window (void)
{
  GtkApplication *application = GTK_APPLICATION (hl_test_application ());
  GtkWindow *window;

  g_assert_null (gtk_application_get_active_window (application));
  g_application_activate (G_APPLICATION (application));
  window = gtk_application_get_active_window (application);
  g_assert_true (HL_IS_WINDOW (window));
  gtk_window_set_default_size (window, 1280, 800);
  hl_test_wait_for_draw (GTK_WIDGET (hl_window_get_timeline (HL_WINDOW (window))));
  return HL_WINDOW (window);
}

void
hl_test_close_window (HlWindow *window)
{
  GList *toplevels = gtk_window_list_toplevels ();

  /* Dialogs first (error dialogs, the shortcuts window) */
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != window && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
hl_test_wait_for (HlTestCondition condition, gpointer data, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);
  guint tick = g_timeout_add (10, tick_cb, NULL);
  gboolean ok;

  while (!(ok = condition (data)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_source_remove (tick);
  return ok;
}

void
hl_test_wait_for_draw (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The widget's pixels as the GSK renderer of its window renders them, in
 * a cairo ARGB32 image of the widget's size (scale factor 1). */
cairo_surface_t *
hl_test_render_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  cairo_surface_t *surface;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_flush (surface);
  /* gdk_texture_download() writes CAIRO_FORMAT_ARGB32 by definition */
  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* 0xAARRGGBB, premultiplied, as cairo stores it */
guint32
hl_test_pixel (cairo_surface_t *surface, int x, int y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
}

static void
collect (GtkWidget *widget, GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget))
    g_ptr_array_add (labels, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, labels);
}

/* The text (as set: markup for markup labels) of every visible label under
 * @root. The strings belong to the labels. */
GPtrArray *
hl_test_collect_labels (GtkWidget *root)
{
  GPtrArray *labels = g_ptr_array_new ();

  collect (root, labels);
  return labels;
}

gboolean
hl_test_has_label (GtkWidget *root, const char *substring)
{
  g_autoptr(GPtrArray) labels = hl_test_collect_labels (root);

  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *text = hl_test_visible_text (g_ptr_array_index (labels, i));

      if (strstr (text, substring) != NULL)
        return TRUE;
    }
  return FALSE;
}

GtkWidget *
hl_test_find_check (GtkWidget *root, const char *label)
{
  if (GTK_IS_CHECK_BUTTON (root) &&
      g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hl_test_find_check (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
hl_test_find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hl_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
find_toasts (GtkWidget *widget, GType type, GPtrArray *toasts)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      g_ptr_array_add (toasts, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_toasts (child, type, toasts);
}

/* The toasts on screen under @root (libadwaita's AdwToastWidget), a toast
 * still fading out included. Queued toasts have no widget yet. */
GPtrArray *
hl_test_find_toasts (GtkWidget *root)
{
  GPtrArray *toasts = g_ptr_array_new ();
  GType type = g_type_from_name ("AdwToastWidget");

  if (type != 0)
    find_toasts (root, type, toasts);
  return toasts;
}

static GtkWidget *
find_label_outside_buttons (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return NULL;
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_outside_buttons (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A toast's title as set (markup: AdwToast titles are markup in 1.2). */
const char *
hl_test_toast_title (GtkWidget *toast)
{
  GtkWidget *label = find_label_outside_buttons (toast);

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static GtkWidget *
find_labelled_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A toast's own button (Details, Open), or NULL: not its close button. */
GtkWidget *
hl_test_toast_button (GtkWidget *toast)
{
  return find_labelled_button (toast);
}

/* The button labelled @label (as set, with its underline) under @root */
GtkWidget *
hl_test_find_button (GtkWidget *root, const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hl_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}
