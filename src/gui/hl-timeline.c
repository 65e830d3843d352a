/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline widget. It shows an HlSession (the view state lives there)
 * and caches the renderer's work: the HlChart laid out at the widget's
 * size and that chart drawn once into a texture at the screen's scale
 * factor. A frame appends the texture and draws hover and selection over
 * it with hl_chart_draw_overlay, so moving the pointer redraws one card,
 * not the chart. The widget draws nothing of its own: every pixel is the
 * renderer's, which is why the window shows what an export writes. Its
 * own state is only the pointer, a drag or pinch in progress, the theme
 * and the cache. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hl-date.h"
#include "hl-describe.h"
#include "hl-timeline.h"
#include "hl-timeline-private.h"

#define SCROLL_ZOOM      1.25  /* per wheel notch */
#define SCROLL_PAN       0.10  /* fraction of the span per wheel notch */
#define DRAG_THRESHOLD   8     /* pixels, when the setting cannot be read */
#define WHEEL_REST_MS    250   /* the wheel's turning ends this long after a notch */
#define MIN_WIDTH        300   /* small enough for a phone, large enough to read */
#define MIN_HEIGHT       240
#define NATURAL_WIDTH    960
#define NATURAL_HEIGHT   540

struct _HlTimeline
{
  GtkWidget   parent_instance;

  HlSession  *session;
  HlTheme     theme;               /* follows the style manager */

  HlTextCache *text_cache;         /* text layouts kept from frame to frame */
  HlChart    *chart;               /* laid out at chart_width x chart_height */
  int         chart_width;
  int         chart_height;
  GdkTexture *texture;             /* chart drawn at texture_scale */
  int         texture_scale;
  GskRenderNode *chart_node;       /* what a frame appends for the chart */

  double      pointer_x;
  double      pointer_y;
  gboolean    has_pointer;

  gint64      gesture_from;        /* range when a drag or pinch began */
  gint64      gesture_to;
  double      gesture_plot_width;
  gboolean    dragging;
  gboolean    spanning;       /* Shift+drag: selecting a span, not panning */
  gboolean    moving;         /* this widget told the session a gesture moves it */
  guint       wheel_rest;     /* ends the wheel's gesture */

  gboolean    painted;
};

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum
{
  FIRST_FRAME,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HlTimeline, hl_timeline, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------ */
/* The cache */

static void
invalidate_chart (HlTimeline *self)
{
  g_clear_pointer (&self->chart, hl_chart_unref);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
}

static HlChart *
ensure_chart (HlTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  HlDataset *dataset = self->session ? hl_session_get_dataset (self->session) : NULL;

  if (dataset == NULL || width <= 0 || height <= 0)
    return NULL;
  if (self->chart != NULL && (self->chart_width != width || self->chart_height != height))
    invalidate_chart (self);
  if (self->chart == NULL)
    {
      /* The session's view in this widget's theme: a shallow copy, which
       * hl_chart_new copies in turn. */
      HlView view = *hl_session_get_view (self->session);

      view.theme = self->theme;
      self->chart = hl_chart_new_cached (dataset, &view, width, height, self->text_cache);
      self->chart_width = width;
      self->chart_height = height;
    }
  return self->chart;
}

/* Draws @chart into a cairo image of @width x @height logical pixels at
 * @scale device pixels each and wraps its memory as a texture, no copy.
 * CAIRO_FORMAT_ARGB32 is premultiplied native-endian ARGB, which is what
 * GDK_MEMORY_DEFAULT names (B8G8R8A8_PREMULTIPLIED on little endian). */
static GdkTexture *
render_texture (HlChart *chart, int width, int height, int scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  int stride;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  hl_chart_draw (chart, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      surface);
  return gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT,
                                 bytes, stride);
}

static GdkTexture *
ensure_texture (HlTimeline *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (ensure_chart (self) == NULL)
    return NULL;
  if (self->texture != NULL && self->texture_scale != scale)
    g_clear_object (&self->texture);
  if (self->texture == NULL)
    {
      self->texture = render_texture (self->chart, self->chart_width, self->chart_height,
                                      scale);
      self->texture_scale = scale;
    }
  return self->texture;
}

/* The chart's node, kept from frame to frame. With GTK's cairo renderer
 * at scale 1 it is a cairo node the chart is drawn into once: the
 * renderer paints it clipped to the frame's damage, where a texture node
 * would be converted whole into a new cairo surface on every frame (GTK
 * 4.8), hover included. Other renderers get the texture, which they
 * upload once. Either way the same node object comes back until the
 * chart changes, so GSK sees nothing to redraw under the overlay. */
static GskRenderNode *
ensure_chart_node (HlTimeline *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  graphene_rect_t bounds;

  if (ensure_chart (self) == NULL)
    return NULL;
  if (self->chart_node != NULL &&
      (gsk_render_node_get_node_type (self->chart_node) == GSK_CAIRO_NODE) !=
      (scale == 1 && GSK_IS_CAIRO_RENDERER (renderer)))
    g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  if (self->chart_node != NULL)
    return self->chart_node;
  bounds = GRAPHENE_RECT_INIT (0, 0, self->chart_width, self->chart_height);
  if (scale == 1 && GSK_IS_CAIRO_RENDERER (renderer))
    {
      cairo_t *cr;

      self->chart_node = gsk_cairo_node_new (&bounds);
      cr = gsk_cairo_node_get_draw_context (self->chart_node);
      hl_chart_draw (self->chart, cr);
      cairo_destroy (cr);
    }
  else if (ensure_texture (self) != NULL)
    self->chart_node = gsk_texture_node_new (self->texture, &bounds);
  return self->chart_node;
}

/* A drag, a pinch or the wheel moving the view, as the session hears it */
static void
set_moving (HlTimeline *self, gboolean moving)
{
  if (self->moving == moving)
    return;
  self->moving = moving;
  if (self->session != NULL)
    hl_session_set_moving (self->session, moving);
}

/* ------------------------------------------------------------------ */
/* Accessibility */

/* The words are hl-timeline-a11y.c's: range, totals, selection, hover. */
static void
update_accessible (HlTimeline *self)
{
  g_autofree char *text = _hl_timeline_describe (self->session);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* ------------------------------------------------------------------ */
/* Observing the session */

/* Hover and selection are drawn over the cached chart; numbers derived
 * from the view change nothing drawn by themselves; anything else in
 * the session is part of the chart. */
static void
on_session_notify (HlTimeline *self, GParamSpec *pspec, HlSession *session)
{
  const char *name = pspec->name;

  /* while a gesture moves the view, its description waits for the end */
  if (g_str_equal (name, "moving"))
    {
      if (!hl_session_get_moving (session))
        update_accessible (self);
      return;
    }
  if (g_str_equal (name, "totals"))
    {
      if (!hl_session_get_moving (session))
        update_accessible (self);
      return;
    }
  if (g_str_equal (name, "n-matches") ||
      g_str_equal (name, "file") || g_str_equal (name, "n-matches-outside") ||
      g_str_equal (name, "match-position") || g_str_equal (name, "n-matches-hidden") ||
      g_str_equal (name, "n-hidden") || g_str_equal (name, "filters-active"))
    return;
  if (!g_str_equal (name, "hover") && !g_str_equal (name, "selected") &&
      !g_str_equal (name, "selected-id") && !hl_session_is_overlay_property (name))
    invalidate_chart (self);
  if (!hl_session_get_moving (session))
    update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static HlTheme
current_theme (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  return adw_style_manager_get_dark (manager) ? HL_THEME_DARK : HL_THEME_LIGHT;
}

static void
on_dark_changed (HlTimeline *self)
{
  HlTheme theme = current_theme ();

  if (theme == self->theme)
    return;
  self->theme = theme;
  invalidate_chart (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* Public API */

GtkWidget *
hl_timeline_new (void)
{
  return g_object_new (HL_TYPE_TIMELINE, NULL);
}

HlSession *
hl_timeline_get_session (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), NULL);
  return self->session;
}

void
hl_timeline_set_session (HlTimeline *self, HlSession *session)
{
  g_return_if_fail (HL_IS_TIMELINE (self));
  g_return_if_fail (session == NULL || HL_IS_SESSION (session));

  if (self->session == session)
    return;
  set_moving (self, FALSE);
  hl_session_observe (&self->session, session, self, G_CALLBACK (on_session_notify));
  invalidate_chart (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* The chart as laid out at the widget's current size; NULL before the
 * widget has a size or the session a dataset. */
HlChart *
hl_timeline_get_chart (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), NULL);
  return ensure_chart (self);
}

/* The chart without hover or selection, at the widget's size and scale
 * factor: what the widget shows, and what "Copy Chart" copies. */
GdkTexture *
hl_timeline_get_texture (HlTimeline *self)
{
  g_return_val_if_fail (HL_IS_TIMELINE (self), NULL);
  return ensure_texture (self);
}

static HlTimeline *
find_timeline (GtkWidget *widget)
{
  if (HL_IS_TIMELINE (widget))
    return HL_TIMELINE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      HlTimeline *found = find_timeline (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_within (GtkWidget *widget, GtkWidget *container)
{
  return container != NULL && (widget == container || gtk_widget_is_ancestor (widget, container));
}

/* Gives the keyboard focus back to the chart in @widget's window when
 * @widget (a header popover) closes, so that the chart's keys answer
 * again. Focus that went elsewhere (into the search entry, say) stays
 * there: only focus in the popover, on the button that opened it, or
 * nowhere moves. FALSE if nothing moved. */
gboolean
hl_timeline_refocus (GtkWidget *widget)
{
  GtkRoot *root;
  GtkWidget *focus;
  HlTimeline *timeline;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  root = gtk_widget_get_root (widget);
  timeline = root != NULL ? find_timeline (GTK_WIDGET (root)) : NULL;
  if (timeline == NULL || !gtk_widget_get_mapped (GTK_WIDGET (timeline)))
    return FALSE;
  focus = gtk_root_get_focus (root);
  if (focus != NULL && !is_within (focus, widget) &&
      !is_within (focus, gtk_widget_get_parent (widget)))
    return FALSE;
  return gtk_widget_grab_focus (GTK_WIDGET (timeline));
}

/* ------------------------------------------------------------------ */
/* Input */

static double
anchor_at (HlTimeline *self, double x)
{
  HlChart *chart = ensure_chart (self);
  HlBox plot;

  if (chart == NULL)
    return 0.5;
  hl_chart_get_plot_area (chart, &plot);
  if (plot.width <= 0)
    return 0.5;
  return CLAMP ((x - plot.x) / plot.width, 0.0, 1.0);
}

static void
on_motion (GtkEventControllerMotion *controller, double x, double y, HlTimeline *self)
{
  HlChart *chart;

  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
  if (self->dragging || (chart = ensure_chart (self)) == NULL)
    return;
  hl_session_set_hover (self->session, hl_chart_hit_test (chart, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller, HlTimeline *self)
{
  self->has_pointer = FALSE;
  if (self->session != NULL)
    hl_session_set_hover (self->session, -1);
}

static gboolean
on_wheel_rest (gpointer data)
{
  HlTimeline *self = data;

  self->wheel_rest = 0;
  set_moving (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* The wheel has no end: its gesture lasts until it rests a moment. */
static void
wheel_turned (HlTimeline *self)
{
  set_moving (self, TRUE);
  g_clear_handle_id (&self->wheel_rest, g_source_remove);
  self->wheel_rest = g_timeout_add (WHEEL_REST_MS, on_wheel_rest, self);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, HlTimeline *self)
{
  GdkModifierType state;
  double anchor;

  if (self->session == NULL)
    return FALSE;
  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if (dx != 0 || dy != 0)
    wheel_turned (self);
  if (state & GDK_SHIFT_MASK)
    {
      /* Shift turns the wheel sideways */
      hl_session_pan (self->session, (dx + dy) * SCROLL_PAN);
      return TRUE;
    }
  if (dx != 0 && fabs (dx) > fabs (dy))
    {
      hl_session_pan (self->session, dx * SCROLL_PAN);
      return TRUE;
    }
  if (dy == 0)
    return FALSE;
  /* Plain and Ctrl+wheel both zoom, around the pointer. */
  anchor = self->has_pointer ? anchor_at (self, self->pointer_x) : 0.5;
  hl_session_zoom (self->session, pow (SCROLL_ZOOM, -dy), anchor);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture *gesture, GdkEventSequence *sequence, HlTimeline *self)
{
  if (self->session == NULL)
    return;
  self->gesture_from = hl_session_get_from (self->session);
  self->gesture_to = hl_session_get_to (self->session);
  set_moving (self, TRUE);
}

static void
on_zoom_end (GtkGesture *gesture, GdkEventSequence *sequence, HlTimeline *self)
{
  set_moving (self, FALSE);
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture, double scale, HlTimeline *self)
{
  double cx, cy;
  HlView view;

  if (scale <= 0 || self->session == NULL)
    return;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  hl_view_init (&view, NULL);
  view.from = self->gesture_from;
  view.to = self->gesture_to;
  hl_view_zoom (&view, scale, anchor_at (self, cx));
  hl_session_set_range (self->session, view.from, view.to);
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, HlTimeline *self)
{
  HlChart *chart = ensure_chart (self);
  HlBox plot = { 0, 0, gtk_widget_get_width (GTK_WIDGET (self)), 0 };

  if (chart == NULL)
    return;
  hl_chart_get_plot_area (chart, &plot);
  self->gesture_from = hl_session_get_from (self->session);
  self->gesture_to = hl_session_get_to (self->session);
  self->gesture_plot_width = MAX (plot.width, 1);
  self->dragging = FALSE;
  /* Shift+drag, or a drag along the axis under the plot, selects a span */
  self->spanning = (gtk_event_controller_get_current_event_state (
                      GTK_EVENT_CONTROLLER (gesture)) & GDK_SHIFT_MASK) != 0 ||
                   y >= plot.y + plot.height;
}

static void
on_drag_update (GtkGestureDrag *gesture, double dx, double dy, HlTimeline *self)
{
  double span = (double) (self->gesture_to - self->gesture_from), x0, y0;
  gint64 delta;

  if (self->session == NULL || self->gesture_plot_width <= 0)
    return;
  if (!self->dragging)
    {
      int threshold = DRAG_THRESHOLD;

      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                    "gtk-dnd-drag-threshold", &threshold, NULL);
      if (fabs (dx) < threshold)
        return;
      self->dragging = TRUE;
      set_moving (self, !self->spanning);
      hl_session_set_hover (self->session, -1);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->spanning ? "col-resize"
                                                                         : "grabbing");
    }
  if (self->spanning && self->chart != NULL &&
      gtk_gesture_drag_get_start_point (gesture, &x0, &y0))
    {
      hl_session_set_span_x (self->session, self->chart, x0, x0 + dx);
      return;
    }
  delta = (gint64) llround (-dx / self->gesture_plot_width * span);
  hl_session_set_range (self->session, self->gesture_from + delta, self->gesture_to + delta);
}

static void
on_drag_end (GtkGestureDrag *gesture, double dx, double dy, HlTimeline *self)
{
  if (self->dragging)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  self->dragging = FALSE;
  set_moving (self, FALSE);
}

/* Clicking empty space clears the selection; selecting does not pan.
 * Clicking a calendar bin chooses the bin, whose events the panel lists,
 * and selects the event clicked. */
static void
select_at (HlTimeline *self, HlChart *chart, double x, double y)
{
  int event = hl_chart_hit_test (chart, x, y);
  gint64 from, to;
  guint lane;

  if (hl_chart_get_event_bin (chart, event, &lane, &from, &to))
    hl_session_select_bin (self->session, lane, from, to, event);
  else
    hl_session_set_selected (self->session, event);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   HlTimeline      *self)
{
  HlChart *chart;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->dragging || (chart = ensure_chart (self)) == NULL)
    return;
  select_at (self, chart, x, y);
}

/* The timeline's own controller of @type: the one whose handlers have the
 * timeline as data (the window adds controllers of its own to it). What
 * a test or a benchmark emits a pointer's or the wheel's signals on. */
GtkEventController *
_hl_timeline_find_controller (GtkWidget *timeline, GType type)
{
  g_autoptr(GListModel) list = gtk_widget_observe_controllers (timeline);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (list, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type) &&
          g_signal_handler_find (controller, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                 timeline) != 0)
        return controller;   /* the timeline keeps it */
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* GtkWidget */

/* HEISTLINE_QUIT_AFTER_FIRST_FRAME (see HlApplication) hangs off this: the
 * first frame whose paint included the timeline ends with "first-frame". */
static void
on_after_paint (GdkFrameClock *clock, HlTimeline *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, self);
  g_signal_emit (self, signals[FIRST_FRAME], 0);
}

/* Hover, selection and proximity over the texture, in a node no larger
 * than what they draw: the overlay is recorded, then replayed into a
 * cairo node at its ink bounds. A frame that only moves the hover card
 * then damages the old and the new card, not the window, so GSK redraws
 * neither the chart's texture nor the panel around them. */
static void
append_overlay (HlTimeline  *self,
                GtkSnapshot *snapshot,
                int          width,
                int          height,
                int          hover,
                int          selected)
{
  cairo_rectangle_t extents = { 0, 0, width, height };
  cairo_surface_t *recording;
  cairo_t *cr;
  double x, y, w, h, x0, y0, x1, y1;

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (recording);
  hl_session_apply_proximity (self->session, self->chart);
  hl_chart_draw_overlay (self->chart, cr, hover, selected);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  /* whole pixels, one more on each side for antialiasing */
  x0 = MAX (floor (x) - 1, 0);
  y0 = MAX (floor (y) - 1, 0);
  x1 = MIN (ceil (x + w) + 1, width);
  y1 = MIN (ceil (y + h) + 1, height);
  if (w > 0 && h > 0 && x1 > x0 && y1 > y0)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (recording);
}

static void
hl_timeline_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  HlTimeline *self = HL_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderNode *node;
  int hover, selected;

  if ((node = ensure_chart_node (self)) == NULL)
    return;

  gtk_snapshot_append_node (snapshot, node);
  hover = hl_session_get_hover (self->session);
  selected = hl_session_get_selected (self->session);
  if (hover >= 0 || selected >= 0 || hl_session_get_span (self->session, NULL, NULL))
    append_overlay (self, snapshot, width, height, hover, selected);

  if (!self->painted)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

      self->painted = TRUE;
      if (clock != NULL)
        g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), self, 0);
    }
}

static void
hl_timeline_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  HlTimeline *self = HL_TIMELINE (widget);

  if (self->chart != NULL && (self->chart_width != width || self->chart_height != height))
    invalidate_chart (self);
}

static void
hl_timeline_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? MIN_WIDTH : MIN_HEIGHT;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? NATURAL_WIDTH : NATURAL_HEIGHT;
}

static void
on_scale_factor_changed (HlTimeline *self)
{
  g_clear_object (&self->texture);
  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hl_timeline_dispose (GObject *object)
{
  HlTimeline *self = HL_TIMELINE (object);

  invalidate_chart (self);
  g_clear_handle_id (&self->wheel_rest, g_source_remove);
  set_moving (self, FALSE);
  hl_session_observe (&self->session, NULL, self, G_CALLBACK (on_session_notify));
  g_clear_pointer (&self->text_cache, hl_text_cache_unref);
  G_OBJECT_CLASS (hl_timeline_parent_class)->dispose (object);
}

static void
hl_timeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HlTimeline *self = HL_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_timeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HlTimeline *self = HL_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      hl_timeline_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_timeline_class_init (HlTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_timeline_dispose;
  object_class->get_property = hl_timeline_get_property;
  object_class->set_property = hl_timeline_set_property;

  widget_class->snapshot = hl_timeline_snapshot;
  widget_class->size_allocate = hl_timeline_size_allocate;
  widget_class->measure = hl_timeline_measure;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FIRST_FRAME] =
    g_signal_new ("first-frame", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  _hl_timeline_install_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hl_timeline_init (HlTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->theme = current_theme ();
  self->text_cache = hl_text_cache_new ();

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  g_signal_connect (gesture, "end", G_CALLBACK (on_zoom_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  update_accessible (self);
}
